use aludel::Model;

#[derive(Model)]
#[aludel(
    policy(name = "t_own", command = "select", using = "true"),
    policy(name = "t_own", command = "update", using = "true")
)]
struct T {
    id: i64,
}

fn main() {}

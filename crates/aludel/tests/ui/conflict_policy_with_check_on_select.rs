use aludel::Model;

#[derive(Model)]
#[aludel(policy(name = "t_read", command = "select", using = "true", with_check = "true"))]
struct T {
    id: i64,
}

fn main() {}

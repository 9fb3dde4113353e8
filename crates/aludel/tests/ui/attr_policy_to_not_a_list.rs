use aludel::Model;

#[derive(Model)]
#[aludel(policy(name = "t_read", to = "authenticated", using = "true"))]
struct T {
    id: i64,
}

fn main() {}

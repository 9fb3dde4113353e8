use aludel::Model;

#[derive(Model)]
#[aludel(policy(command = "select", using = "true"))]
struct T {
    id: i64,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
#[aludel(policy(name = "t_insert", command = "insert", using = "true"))]
struct T {
    id: i64,
}

fn main() {}

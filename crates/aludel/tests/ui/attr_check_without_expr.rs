use aludel::Model;

#[derive(Model)]
#[aludel(check(name = "t_a_positive"))]
struct T {
    a: i64,
}

fn main() {}

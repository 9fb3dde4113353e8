use aludel::Model;

#[derive(Model)]
#[aludel(unique(a, include = "b"))]
struct T {
    a: i64,
    b: i64,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(identity = "by default", generated = "b + 1")]
    a: i64,
    b: i64,
}

fn main() {}

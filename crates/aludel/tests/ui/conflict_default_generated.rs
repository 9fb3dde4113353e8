use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(default = "0", generated = "b + 1")]
    a: i64,
    b: i64,
}

fn main() {}

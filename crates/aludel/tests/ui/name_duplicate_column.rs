use aludel::Model;

#[derive(Model)]
struct T {
    a: i64,
    #[aludel(name = "a")]
    b: i64,
}

fn main() {}

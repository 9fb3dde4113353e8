use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(references = "u(x, y)")]
    a: i64,
}

fn main() {}

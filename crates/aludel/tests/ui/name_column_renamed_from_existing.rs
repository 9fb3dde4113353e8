use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(renamed_from = "b")]
    a: i64,
    b: i64,
}

fn main() {}

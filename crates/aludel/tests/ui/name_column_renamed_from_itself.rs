use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(renamed_from = "a")]
    a: i64,
}

fn main() {}

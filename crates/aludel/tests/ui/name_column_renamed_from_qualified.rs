use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(renamed_from = "t.old")]
    a: i64,
}

fn main() {}

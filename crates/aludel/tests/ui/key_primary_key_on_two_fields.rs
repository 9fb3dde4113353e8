use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(primary_key)]
    a: i64,
    #[aludel(primary_key)]
    b: i64,
}

fn main() {}

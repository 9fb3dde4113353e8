use aludel::Model;

#[derive(Model)]
#[aludel(primary_key(a, b))]
struct T {
    #[aludel(primary_key)]
    a: i64,
    b: i64,
}

fn main() {}

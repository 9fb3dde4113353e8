use aludel::Model;

#[derive(Model)]
#[aludel(primary_key(a, b))]
struct T {
    a: i64,
    #[aludel(skip)]
    b: i64,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(max_length = 10)]
    a: i64,
}

fn main() {}

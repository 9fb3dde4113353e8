use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(check)]
    a: i64,
}

fn main() {}

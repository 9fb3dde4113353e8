use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(precision = 10)]
    a: String,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(skip, default = "0")]
    a: i64,
}

fn main() {}

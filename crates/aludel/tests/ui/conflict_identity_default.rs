use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(identity = "always", default = "0")]
    a: i64,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(identity = "sometimes")]
    id: i64,
}

fn main() {}

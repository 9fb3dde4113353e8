use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(identity)]
    id: i64,
}

fn main() {}

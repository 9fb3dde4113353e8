use aludel::Model;

#[derive(Model)]
struct User {
    #[aludel(primary)]
    id: i64,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
struct User {
    #[aludel(default = 0)]
    id: i64,
}

fn main() {}

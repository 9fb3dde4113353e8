use aludel::Model;

#[derive(Model)]
#[aludel]
struct User {
    id: i64,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
#[aludel(table)]
struct User {
    id: i64,
}

fn main() {}

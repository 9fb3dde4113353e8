use aludel::Model;

#[derive(Model)]
#[aludel(table = "users", table = "people")]
struct User {
    id: i64,
}

fn main() {}

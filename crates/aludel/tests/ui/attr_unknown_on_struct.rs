use aludel::Model;

#[derive(Model)]
#[aludel(tabel = "users")]
struct User {
    id: i64,
}

fn main() {}

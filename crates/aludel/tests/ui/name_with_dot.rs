use aludel::Model;

#[derive(Model)]
#[aludel(table = "app.users")]
struct T {
    a: i64,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
#[aludel(row_level_security = true)]
struct T {
    id: i64,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
#[aludel(foreign_key(columns(a = 1), references = "t(id)"))]
struct T {
    a: i64,
}

fn main() {}

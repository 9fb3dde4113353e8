use aludel::Model;

#[derive(Model)]
#[aludel(foreign_key(references = "u(x, y)"))]
struct T {
    a: i64,
    b: i64,
}

fn main() {}

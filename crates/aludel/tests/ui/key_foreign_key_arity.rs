use aludel::Model;

#[derive(Model)]
#[aludel(foreign_key(columns(a, b), references = "u(x)"))]
struct T {
    a: i64,
    b: i64,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(foreign_key)]
    a: i64,
}

fn main() {}

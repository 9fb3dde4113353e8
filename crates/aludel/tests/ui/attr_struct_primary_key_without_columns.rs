use aludel::Model;

#[derive(Model)]
#[aludel(primary_key)]
struct T {
    a: i64,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
#[aludel(index(unique))]
struct T {
    a: i64,
}

fn main() {}

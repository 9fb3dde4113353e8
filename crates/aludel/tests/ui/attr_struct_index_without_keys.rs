use aludel::Model;

#[derive(Model)]
#[aludel(index)]
struct T {
    a: i64,
}

fn main() {}

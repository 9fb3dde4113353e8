use aludel::Model;

#[derive(Model)]
#[aludel(unique)]
struct T {
    a: i64,
}

fn main() {}

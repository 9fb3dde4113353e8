use aludel::Model;

#[derive(Model)]
#[aludel(table = "")]
struct T {
    a: i64,
}

fn main() {}

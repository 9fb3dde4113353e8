use aludel::Model;

#[derive(Model)]
#[aludel(index(columns = "a"))]
struct T {
    a: i64,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
#[aludel(index(columns(a = "desc")))]
struct T {
    a: i64,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
#[aludel(index(columns(a(descending))))]
struct T {
    a: i64,
}

fn main() {}

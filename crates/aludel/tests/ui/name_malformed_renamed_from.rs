use aludel::Model;

#[derive(Model)]
#[aludel(renamed_from = "a.b.c")]
struct T {
    a: i64,
}

fn main() {}

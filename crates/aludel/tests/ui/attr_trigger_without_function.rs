use aludel::Model;

#[derive(Model)]
#[aludel(trigger(before = "update"))]
struct T {
    id: i64,
}

fn main() {}

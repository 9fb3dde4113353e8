use aludel::Model;

#[derive(Model)]
#[aludel(trigger(function = "public.touch", before = "insert", after = "update"))]
struct T {
    id: i64,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
#[aludel(trigger(function = "public.touch", before = "insert or upsert"))]
struct T {
    id: i64,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
#[aludel(trigger(function = "public.audit", after = "truncate", for_each = "row"))]
struct T {
    id: i64,
}

fn main() {}

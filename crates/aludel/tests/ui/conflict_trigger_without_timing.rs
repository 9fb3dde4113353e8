use aludel::Model;

#[derive(Model)]
#[aludel(trigger(function = "public.touch"))]
struct T {
    id: i64,
}

fn main() {}

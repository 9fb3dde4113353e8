use aludel::Model;

#[derive(Model)]
#[aludel(trigger(function = "public.touch", before = "update", for_every = "row"))]
struct T {
    id: i64,
}

fn main() {}

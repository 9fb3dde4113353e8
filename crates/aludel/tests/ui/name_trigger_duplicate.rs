use aludel::Model;

// both default to `t_touch`
#[derive(Model)]
#[aludel(
    trigger(function = "public.touch", before = "update"),
    trigger(function = "audit.touch", after = "insert")
)]
struct T {
    id: i64,
}

fn main() {}

use aludel::Model;

// `update of` names columns: `display_name`, not the field `name`
#[derive(Model)]
#[aludel(trigger(function = "public.touch", before = "update of id, name"))]
struct T {
    id: i64,
    #[aludel(name = "display_name")]
    name: String,
}

fn main() {}

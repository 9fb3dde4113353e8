use aludel::Model;

#[derive(Model)]
#[aludel(trigger(
    function = "public.audit",
    after = "update",
    for_each = "statement",
    when = "OLD.id <> NEW.id"
))]
struct T {
    id: i64,
}

fn main() {}

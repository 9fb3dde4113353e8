use aludel::Model;

#[derive(Model)]
#[aludel(trigger(
    function = "public.touch",
    before = "update",
    name = "a_trigger_name_that_goes_on_and_on_well_past_what_postgresql_keeps"
))]
struct T {
    id: i64,
}

fn main() {}

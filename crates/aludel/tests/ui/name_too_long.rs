use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(name = "a_column_name_that_goes_on_and_on_well_past_what_postgresql_keeps_in_its_catalog")]
    a: i64,
}

fn main() {}

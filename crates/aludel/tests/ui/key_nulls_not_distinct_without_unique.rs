use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(index(nulls_not_distinct))]
    a: i64,
}

fn main() {}

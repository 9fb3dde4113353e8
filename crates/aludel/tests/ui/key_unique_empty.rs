use aludel::Model;

#[derive(Model)]
#[aludel(unique(nulls_not_distinct))]
struct T {
    a: i64,
}

fn main() {}

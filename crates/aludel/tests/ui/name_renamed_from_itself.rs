use aludel::Model;

#[derive(Model)]
#[aludel(table = "users", renamed_from = "public.users")]
struct T {
    a: i64,
}

fn main() {}

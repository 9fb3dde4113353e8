use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(sql_type = "citext", max_length = 20)]
    a: String,
}

fn main() {}

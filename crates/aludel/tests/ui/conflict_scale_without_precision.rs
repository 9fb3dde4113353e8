use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(scale = 2, sql_type = "numeric")]
    a: f64,
}

fn main() {}

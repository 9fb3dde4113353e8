use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(unique(name = "t_key"))]
    a: i64,
    #[aludel(index(name = "t_key"))]
    b: i64,
}

fn main() {}

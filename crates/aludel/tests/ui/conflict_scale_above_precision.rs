use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(precision = 2, scale = 3)]
    a: f64,
}

fn main() {}

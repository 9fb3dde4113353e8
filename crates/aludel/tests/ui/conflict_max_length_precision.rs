use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(max_length = 20, precision = 3)]
    a: String,
}

fn main() {}

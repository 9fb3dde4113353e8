use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(max_length = 0)]
    a: String,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
struct User {
    #[aludel(max_length = "20")]
    name: String,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
struct User {
    #[aludel(max_length)]
    name: String,
}

fn main() {}

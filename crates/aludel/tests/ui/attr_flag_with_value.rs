use aludel::Model;

#[derive(Model)]
struct User {
    #[aludel(skip = true)]
    name: String,
}

fn main() {}

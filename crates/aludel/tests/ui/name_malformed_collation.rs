use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(collation = "en US")]
    a: String,
}

fn main() {}

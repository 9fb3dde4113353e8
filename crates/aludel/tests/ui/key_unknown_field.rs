use aludel::Model;

#[derive(Model)]
#[aludel(index(columns(emial)))]
struct T {
    email: String,
    name: String,
}

fn main() {}

use aludel::Model;

#[derive(Model)]
enum T {
    A,
}

fn main() {}

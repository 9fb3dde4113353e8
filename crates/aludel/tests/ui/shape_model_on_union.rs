use aludel::Model;

#[derive(Model)]
union T {
    a: i64,
}

fn main() {}

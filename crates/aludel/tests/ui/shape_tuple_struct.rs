use aludel::Model;

#[derive(Model)]
struct T(i64);

fn main() {}

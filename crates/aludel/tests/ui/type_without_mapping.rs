use aludel::Model;

struct Money(i64);

#[derive(Model)]
struct T {
    amount: Money,
}

fn main() {}

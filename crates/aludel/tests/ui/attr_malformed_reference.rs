use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(references = "accounts")]
    account_id: i64,
}

fn main() {}

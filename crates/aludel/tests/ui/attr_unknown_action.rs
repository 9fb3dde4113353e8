use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(references = "accounts(id)", on_delete = "delete")]
    account_id: i64,
}

fn main() {}

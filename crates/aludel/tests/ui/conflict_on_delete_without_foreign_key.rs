use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(on_delete = "cascade")]
    a: i64,
}

fn main() {}

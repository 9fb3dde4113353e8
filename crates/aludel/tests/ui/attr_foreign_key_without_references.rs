use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(foreign_key(on_delete = "cascade"))]
    a: i64,
}

fn main() {}

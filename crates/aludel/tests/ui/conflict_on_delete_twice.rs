use aludel::Model;

#[derive(Model)]
struct T {
    #[aludel(foreign_key(references = "u(id)", on_delete = "cascade"), on_delete = "restrict")]
    a: i64,
}

fn main() {}

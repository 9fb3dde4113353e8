use aludel::Model;

#[derive(Model)]
#[aludel(tabel = "t")]
struct T {
    #[aludel(primary)]
    a: i64,
    #[aludel(max_length = "x", index(columns(a)))]
    b: String,
}

fn main() {}

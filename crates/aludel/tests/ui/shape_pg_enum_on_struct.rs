use aludel::PgEnum;

#[derive(PgEnum)]
struct Mood {
    a: i64,
}

fn main() {}

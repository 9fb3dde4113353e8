use aludel::PgEnum;

#[derive(PgEnum)]
enum Mood {
    Happy,
    Other(String),
}

fn main() {}

use aludel::PgEnum;

#[derive(PgEnum)]
enum Mood {
    Happy,
    #[aludel(name = "Happy")]
    Glad,
}

fn main() {}

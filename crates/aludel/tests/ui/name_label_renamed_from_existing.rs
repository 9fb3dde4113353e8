use aludel::PgEnum;

#[derive(PgEnum)]
enum Mood {
    #[aludel(renamed_from = "Sad")]
    Happy,
    Sad,
}

fn main() {}

use aludel::PgEnum;

#[derive(PgEnum)]
enum Mood {
    #[aludel(renamed_from = "Happy")]
    Happy,
}

fn main() {}

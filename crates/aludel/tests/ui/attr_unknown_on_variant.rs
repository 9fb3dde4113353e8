use aludel::PgEnum;

#[derive(PgEnum)]
enum Mood {
    #[aludel(label = "happy")]
    Happy,
}

fn main() {}

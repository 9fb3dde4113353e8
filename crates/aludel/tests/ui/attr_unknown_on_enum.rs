use aludel::PgEnum;

#[derive(PgEnum)]
#[aludel(table = "mood")]
enum Mood {
    Happy,
}

fn main() {}

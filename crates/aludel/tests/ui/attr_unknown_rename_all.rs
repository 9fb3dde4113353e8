use aludel::PgEnum;

#[derive(PgEnum)]
#[aludel(rename_all = "shouting")]
enum Mood {
    Happy,
}

fn main() {}

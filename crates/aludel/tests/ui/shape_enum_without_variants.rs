use aludel::PgEnum;

#[derive(PgEnum)]
enum Mood {}

fn main() {}

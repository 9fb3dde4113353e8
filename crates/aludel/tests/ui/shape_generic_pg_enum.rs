use aludel::PgEnum;

#[derive(PgEnum)]
enum Mood<T> {
    Happy,
    #[allow(dead_code)]
    Other(std::marker::PhantomData<T>),
}

fn main() {}

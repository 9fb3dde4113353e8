use aludel::ir::ColumnType;
use aludel::{Model, SqlPrecision, SqlType};

struct Stamp;

impl SqlType for Stamp {
    fn column_type() -> ColumnType {
        ColumnType::Timestamp { precision: None, with_time_zone: true }
    }
}

impl SqlPrecision for Stamp {}

#[derive(Model)]
struct T {
    #[aludel(precision = 3, scale = 1)]
    at: Stamp,
}

fn main() {}

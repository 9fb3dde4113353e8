//! Enum types: query, row, lowering.

use aludel_schema::{EnumType, EnumValue, QualifiedName, Schema};
use sqlx::Row;
use sqlx::postgres::PgRow;

pub(crate) const QUERY: &str = include_str!("queries/enum_type.sql");

pub(crate) struct EnumRow {
    schema: String,
    name: String,
    labels: Vec<String>,
    comment: Option<String>,
}

pub(crate) fn decode(r: &PgRow) -> Result<EnumRow, sqlx::Error> {
    Ok(EnumRow {
        schema: r.try_get("schema")?,
        name: r.try_get("name")?,
        labels: r.try_get("labels")?,
        comment: r.try_get("comment")?,
    })
}

pub(crate) fn lower(rows: Vec<EnumRow>, schema: &mut Schema) {
    for r in rows {
        schema.add_enum(EnumType {
            name: QualifiedName::new(r.schema, r.name),
            values: r.labels.into_iter().map(EnumValue::new).collect(),
            comment: r.comment,
            renamed_from: None,
        });
    }
}

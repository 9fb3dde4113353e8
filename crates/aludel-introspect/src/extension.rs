//! Extensions: query, row, lowering.

use aludel_schema::{Extension, Ident, Schema};
use sqlx::Row;
use sqlx::postgres::PgRow;

pub(crate) const QUERY: &str = include_str!("queries/extension.sql");

pub(crate) struct ExtensionRow {
    name: String,
    schema: String,
}

pub(crate) fn decode(r: &PgRow) -> Result<ExtensionRow, sqlx::Error> {
    Ok(ExtensionRow {
        name: r.try_get("name")?,
        schema: r.try_get("schema")?,
    })
}

pub(crate) fn lower(rows: Vec<ExtensionRow>, schema: &mut Schema) {
    for r in rows {
        schema.add_extension(Extension {
            name: Ident::new(r.name),
            schema: Ident::new(r.schema),
        });
    }
}

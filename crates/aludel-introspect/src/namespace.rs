//! Schemas (namespaces): query, row, lowering.

use aludel_schema::{Ident, Namespace, Schema};
use sqlx::Row;
use sqlx::postgres::PgRow;

pub(crate) const QUERY: &str = include_str!("queries/namespace.sql");

pub(crate) struct NamespaceRow {
    pub name: String,
    comment: Option<String>,
}

pub(crate) fn decode(r: &PgRow) -> Result<NamespaceRow, sqlx::Error> {
    Ok(NamespaceRow {
        name: r.try_get("name")?,
        comment: r.try_get("comment")?,
    })
}

pub(crate) fn lower(rows: Vec<NamespaceRow>, schema: &mut Schema) {
    for r in rows {
        schema.add_namespace(Namespace {
            name: Ident::new(r.name),
            comment: r.comment,
            renamed_from: None,
        });
    }
}

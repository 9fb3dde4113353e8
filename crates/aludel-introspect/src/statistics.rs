//! Extended statistics: query, row, lowering (statistics on tables that were filtered out are
//! dropped here).

use aludel_schema::{Ident, QualifiedName, Schema, Statistics};
use sqlx::Row;
use sqlx::postgres::PgRow;

pub(crate) const QUERY: &str = include_str!("queries/statistics.sql");

pub(crate) struct StatisticsRow {
    schema: String,
    name: String,
    table_schema: String,
    table: String,
    definition: String,
    columns: Vec<String>,
    target: i32,
    comment: Option<String>,
}

pub(crate) fn decode(r: &PgRow) -> Result<StatisticsRow, sqlx::Error> {
    Ok(StatisticsRow {
        schema: r.try_get("schema")?,
        name: r.try_get("name")?,
        table_schema: r.try_get("table_schema")?,
        table: r.try_get("table_name")?,
        definition: r.try_get("definition")?,
        columns: r.try_get("columns")?,
        target: r.try_get("target")?,
        comment: r.try_get("comment")?,
    })
}

pub(crate) fn lower(rows: Vec<StatisticsRow>, schema: &mut Schema) {
    for r in rows {
        let table = QualifiedName::new(r.table_schema, r.table);
        if !schema.tables.contains_key(&table) && !schema.views.contains_key(&table) {
            continue;
        }
        let name = QualifiedName::new(r.schema, r.name);
        schema.statistics.insert(
            name.clone(),
            Statistics {
                name,
                table,
                definition: r.definition,
                columns: r.columns.into_iter().map(Ident::new).collect(),
                target: (r.target >= 0).then_some(r.target),
                comment: r.comment,
                renamed_from: None,
            },
        );
    }
}

//! Tables: query, row, lowering (the include/exclude filter applies here; children of
//! tables that were filtered out are dropped by their own lowering).

use aludel_schema::{QualifiedName, RowSecurity, Schema, Table};
use sqlx::Row;
use sqlx::postgres::PgRow;

pub(crate) const QUERY: &str = include_str!("queries/table.sql");

pub(crate) struct TableRow {
    schema: String,
    name: String,
    comment: Option<String>,
    row_security: bool,
    force_row_security: bool,
}

pub(crate) fn decode(r: &PgRow) -> Result<TableRow, sqlx::Error> {
    Ok(TableRow {
        schema: r.try_get("schema")?,
        name: r.try_get("name")?,
        comment: r.try_get("comment")?,
        row_security: r.try_get("row_security")?,
        force_row_security: r.try_get("force_row_security")?,
    })
}

pub(crate) fn lower(
    rows: Vec<TableRow>,
    keep: &dyn Fn(&QualifiedName) -> bool,
    schema: &mut Schema,
) {
    for r in rows {
        let name = QualifiedName::new(r.schema, r.name);
        if !keep(&name) {
            continue;
        }
        let mut t = Table::new(name);
        t.comment = r.comment;
        t.row_security = RowSecurity {
            enabled: r.row_security,
            forced: r.force_row_security,
        };
        schema.add_table(t);
    }
}

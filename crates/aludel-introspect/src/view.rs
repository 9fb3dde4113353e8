//! Views and materialized views: query, row, lowering (their indexes come with the index
//! query, their dependencies with `depends.rs`).

use std::collections::BTreeMap;

use aludel_schema::{Ident, QualifiedName, Schema, View, ViewColumn};
use sqlx::Row;
use sqlx::postgres::PgRow;

pub(crate) const QUERY: &str = include_str!("queries/view.sql");

pub(crate) struct ViewRow {
    pub oid: i64,
    schema: String,
    name: String,
    materialized: bool,
    definition: String,
    column_names: Vec<String>,
    column_types: Vec<String>,
    options: Vec<String>,
    comment: Option<String>,
}

pub(crate) fn decode(r: &PgRow) -> Result<ViewRow, sqlx::Error> {
    Ok(ViewRow {
        oid: r.try_get("oid")?,
        schema: r.try_get("schema")?,
        name: r.try_get("name")?,
        materialized: r.try_get("materialized")?,
        definition: r.try_get("definition")?,
        column_names: r.try_get("column_names")?,
        column_types: r.try_get("column_types")?,
        options: r.try_get("options")?,
        comment: r.try_get("comment")?,
    })
}

/// `{a=1,b=x}` as stored in `reloptions`, by name.
pub(crate) fn options(items: Vec<String>) -> BTreeMap<String, String> {
    items
        .into_iter()
        .map(|o| match o.split_once('=') {
            Some((k, v)) => (k.to_owned(), v.to_owned()),
            None => (o, String::new()),
        })
        .collect()
}

/// The query without the trailing `;` that `pg_get_viewdef` prints.
fn definition(text: &str) -> String {
    let t = text.trim_end();
    t.strip_suffix(';').unwrap_or(t).trim_end().to_owned()
}

/// Lowers the rows; returns the name of each view by oid, for the dependencies.
pub(crate) fn lower(
    rows: Vec<ViewRow>,
    keep: &dyn Fn(&QualifiedName) -> bool,
    schema: &mut Schema,
) -> BTreeMap<i64, QualifiedName> {
    let mut by_oid = BTreeMap::new();
    for r in rows {
        let name = QualifiedName::new(r.schema, r.name);
        if !keep(&name) {
            continue;
        }
        by_oid.insert(r.oid, name.clone());
        let columns = r
            .column_names
            .into_iter()
            .zip(r.column_types)
            .map(|(n, ty)| ViewColumn {
                name: Ident::new(n),
                ty,
            })
            .collect();
        schema.add_view(View {
            name,
            materialized: r.materialized,
            definition: definition(&r.definition),
            columns,
            options: options(r.options),
            indexes: Vec::new(),
            comment: r.comment,
            depends_on: Vec::new(),
            renamed_from: None,
        });
    }
    by_oid
}

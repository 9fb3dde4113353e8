//! Indexes (those not backing a constraint): query, row, lowering.

use aludel_schema::{Expr, Ident, Index, IndexKey, IndexTarget, QualifiedName, Schema};
use sqlx::Row;
use sqlx::postgres::PgRow;

pub(crate) const QUERY: &str = include_str!("queries/index.sql");

pub(crate) struct IndexRow {
    schema: String,
    table: String,
    name: String,
    method: String,
    is_unique: bool,
    nulls_not_distinct: bool,
    key_count: i32,
    columns: Vec<Option<String>>,
    exprs: Vec<Option<String>>,
    options: Vec<i16>,
    opclass_schemas: Vec<Option<String>>,
    opclass_names: Vec<Option<String>>,
    collation_schemas: Vec<Option<String>>,
    collation_names: Vec<Option<String>>,
    predicate: Option<String>,
    comment: Option<String>,
}

pub(crate) fn decode(r: &PgRow) -> Result<IndexRow, sqlx::Error> {
    Ok(IndexRow {
        schema: r.try_get("schema")?,
        table: r.try_get("table_name")?,
        name: r.try_get("name")?,
        method: r.try_get("method")?,
        is_unique: r.try_get("is_unique")?,
        nulls_not_distinct: r.try_get("nulls_not_distinct")?,
        key_count: r.try_get("key_count")?,
        columns: r.try_get("columns")?,
        exprs: r.try_get("exprs")?,
        options: r.try_get("options")?,
        opclass_schemas: r.try_get("opclass_schemas")?,
        opclass_names: r.try_get("opclass_names")?,
        collation_schemas: r.try_get("collation_schemas")?,
        collation_names: r.try_get("collation_names")?,
        predicate: r.try_get("predicate")?,
        comment: r.try_get("comment")?,
    })
}

fn qualified(schema: &Option<String>, name: &Option<String>) -> Option<QualifiedName> {
    Some(QualifiedName::new(schema.clone()?, name.clone()?))
}

pub(crate) fn lower(rows: Vec<IndexRow>, schema: &mut Schema) {
    for r in rows {
        let name = QualifiedName::new(r.schema, r.table);
        let indexes = if let Some(t) = schema.tables.get_mut(&name) {
            &mut t.indexes
        } else if let Some(v) = schema.views.get_mut(&name) {
            &mut v.indexes
        } else {
            continue;
        };
        let key_count = r.key_count.max(0) as usize;
        let mut keys = Vec::new();
        let mut include = Vec::new();
        for i in 0..r.columns.len() {
            let target = match (&r.columns[i], &r.exprs[i]) {
                (Some(c), _) => IndexTarget::Column(Ident::new(c.clone())),
                (None, Some(e)) => IndexTarget::Expression(Expr::new(e.clone())),
                (None, None) => continue,
            };
            if i >= key_count {
                if let IndexTarget::Column(c) = target {
                    include.push(c);
                }
                continue;
            }
            let opt = r.options.get(i).copied().unwrap_or(0);
            keys.push(IndexKey {
                target,
                collation: qualified(&r.collation_schemas[i], &r.collation_names[i]),
                opclass: qualified(&r.opclass_schemas[i], &r.opclass_names[i]),
                descending: opt & 1 != 0,
                nulls_first: opt & 2 != 0,
            });
        }
        indexes.push(Index {
            name: Ident::new(r.name),
            unique: r.is_unique,
            nulls_not_distinct: r.nulls_not_distinct,
            method: Ident::new(r.method),
            keys,
            include,
            predicate: r.predicate.map(Expr::new),
            comment: r.comment,
        });
    }
}

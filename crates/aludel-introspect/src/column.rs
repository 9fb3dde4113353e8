//! Columns: query, row, lowering (type, default, generated, identity with its sequence,
//! collation, comment).

use aludel_schema::{
    Column, ColumnType, Expr, Ident, Identity, IdentityKind, QualifiedName, Schema,
    SequenceOptions, identity_sequence_name,
};
use sqlx::Row;
use sqlx::postgres::PgRow;

pub(crate) const QUERY: &str = include_str!("queries/column.sql");

pub(crate) struct ColumnRow {
    schema: String,
    table: String,
    pub(crate) table_oid: i64,
    pub(crate) num: i32,
    pub(crate) name: String,
    formatted: String,
    is_array: bool,
    type_name: String,
    type_schema: String,
    typtype: String,
    typmod: i32,
    not_null: bool,
    default_expr: Option<String>,
    generated_expr: Option<String>,
    identity: String,
    collation: Option<(String, String)>,
    comment: Option<String>,
    seq_name: Option<(String, String)>,
    seq: Option<[i64; 5]>,
    seq_cycle: Option<bool>,
}

pub(crate) fn decode(r: &PgRow) -> Result<ColumnRow, sqlx::Error> {
    let pair = |a: &str, b: &str| -> Result<Option<(String, String)>, sqlx::Error> {
        let x: Option<String> = r.try_get(a)?;
        let y: Option<String> = r.try_get(b)?;
        Ok(x.zip(y))
    };
    let seq = match r.try_get::<Option<i64>, _>("seq_start")? {
        Some(start) => Some([
            start,
            r.try_get("seq_increment")?,
            r.try_get("seq_min")?,
            r.try_get("seq_max")?,
            r.try_get("seq_cache")?,
        ]),
        None => None,
    };
    Ok(ColumnRow {
        schema: r.try_get("schema")?,
        table: r.try_get("table_name")?,
        table_oid: r.try_get("table_oid")?,
        num: r.try_get("num")?,
        name: r.try_get("name")?,
        formatted: r.try_get("formatted")?,
        is_array: r.try_get("is_array")?,
        type_name: r.try_get("type_name")?,
        type_schema: r.try_get("type_schema")?,
        typtype: r.try_get("typtype")?,
        typmod: r.try_get("typmod")?,
        not_null: r.try_get("not_null")?,
        default_expr: r.try_get("default_expr")?,
        generated_expr: r.try_get("generated_expr")?,
        identity: r.try_get("identity")?,
        collation: pair("collation_schema", "collation_name")?,
        comment: r.try_get("comment")?,
        seq_name: pair("seq_schema", "seq_name")?,
        seq,
        seq_cycle: r.try_get("seq_cycle")?,
    })
}

pub(crate) fn lower(rows: Vec<ColumnRow>, schema: &mut Schema) {
    for r in rows {
        let table_name = QualifiedName::new(r.schema, r.table);
        let Some(table) = schema.tables.get_mut(&table_name) else {
            continue;
        };
        let ty = ColumnType::from_catalog(
            &r.type_schema,
            &r.type_name,
            &r.typtype,
            r.typmod,
            r.is_array,
            &r.formatted,
        );
        let identity = match r.identity.as_str() {
            "a" | "d" => {
                let kind = if r.identity == "a" {
                    IdentityKind::Always
                } else {
                    IdentityKind::ByDefault
                };
                let options = match r.seq {
                    Some([start, inc, min, max, cache]) => SequenceOptions::from_catalog(
                        &ty,
                        start,
                        inc,
                        min,
                        max,
                        cache,
                        r.seq_cycle.unwrap_or(false),
                    ),
                    None => SequenceOptions::default(),
                };
                let default_name =
                    identity_sequence_name(&table_name, &Ident::new(r.name.as_str()), None);
                let sequence_name = r
                    .seq_name
                    .map(|(s, n)| QualifiedName::new(s, n))
                    .filter(|n| *n != default_name);
                Some(Identity {
                    kind,
                    sequence_name,
                    options,
                })
            }
            _ => None,
        };
        let mut c = Column::new(r.name, ty);
        c.nullable = !r.not_null;
        c.default = r.default_expr.map(Expr::new);
        c.generated = r.generated_expr.map(Expr::new);
        c.identity = identity;
        c.collation = r.collation.map(|(s, n)| QualifiedName::new(s, n));
        c.comment = r.comment;
        table.columns.push(c);
    }
}

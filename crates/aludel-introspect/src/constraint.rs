//! Constraints (primary key, unique, check, foreign key): query, row, lowering.

use aludel_schema::{
    Check, Deferrable, Expr, FkAction, ForeignKey, Ident, MatchType, PrimaryKey, QualifiedName,
    Schema, Unique,
};
use sqlx::Row;
use sqlx::postgres::PgRow;

use crate::attribute::AttNames;

pub(crate) const QUERY: &str = include_str!("queries/constraint.sql");

pub(crate) struct ConstraintRow {
    schema: String,
    table: String,
    table_oid: i64,
    name: String,
    kind: String,
    column_nums: Vec<i16>,
    ref_table: Option<(String, String)>,
    /// 0 when the constraint is not a foreign key.
    pub(crate) ref_oid: i64,
    ref_column_nums: Vec<i16>,
    delete_set_nums: Vec<i16>,
    on_update: Option<String>,
    on_delete: Option<String>,
    match_type: Option<String>,
    deferrable: bool,
    deferred: bool,
    validated: bool,
    no_inherit: bool,
    check_expr: Option<String>,
    nulls_not_distinct: bool,
    index_nums: Vec<i16>,
    key_count: i32,
}

pub(crate) fn decode(r: &PgRow) -> Result<ConstraintRow, sqlx::Error> {
    let ref_schema: Option<String> = r.try_get("ref_schema")?;
    let ref_table: Option<String> = r.try_get("ref_table")?;
    let nums = |col: &str| -> Result<Vec<i16>, sqlx::Error> {
        Ok(r.try_get::<Option<Vec<i16>>, _>(col)?.unwrap_or_default())
    };
    Ok(ConstraintRow {
        schema: r.try_get("schema")?,
        table: r.try_get("table_name")?,
        table_oid: r.try_get("table_oid")?,
        name: r.try_get("name")?,
        kind: r.try_get("kind")?,
        column_nums: nums("column_nums")?,
        ref_table: ref_schema.zip(ref_table),
        ref_oid: r.try_get("ref_oid")?,
        ref_column_nums: nums("ref_column_nums")?,
        delete_set_nums: nums("delete_set_nums")?,
        on_update: r.try_get("on_update")?,
        on_delete: r.try_get("on_delete")?,
        match_type: r.try_get("match_type")?,
        deferrable: r.try_get("deferrable")?,
        deferred: r.try_get("deferred")?,
        validated: r.try_get("validated")?,
        no_inherit: r.try_get("no_inherit")?,
        check_expr: r.try_get("check_expr")?,
        nulls_not_distinct: r.try_get("nulls_not_distinct")?,
        index_nums: nums("index_nums")?,
        key_count: r.try_get::<Option<i32>, _>("key_count")?.unwrap_or(0),
    })
}

fn action(code: Option<&str>, set_columns: &[Ident]) -> FkAction {
    let cols = || set_columns.to_vec();
    match code {
        Some("r") => FkAction::Restrict,
        Some("c") => FkAction::Cascade,
        Some("n") => FkAction::SetNull { columns: cols() },
        Some("d") => FkAction::SetDefault { columns: cols() },
        _ => FkAction::NoAction,
    }
}

pub(crate) fn lower(rows: Vec<ConstraintRow>, names: &AttNames, schema: &mut Schema) {
    for r in rows {
        let columns = names.of(r.table_oid, &r.column_nums);
        let include_nums = r
            .index_nums
            .get(r.key_count.max(0) as usize..)
            .unwrap_or_default();
        let include = names.of(r.table_oid, include_nums);
        let Some(table) = schema
            .tables
            .get_mut(&QualifiedName::new(r.schema, r.table))
        else {
            continue;
        };
        let deferrable = match (r.deferrable, r.deferred) {
            (false, _) => Deferrable::NotDeferrable,
            (true, false) => Deferrable::InitiallyImmediate,
            (true, true) => Deferrable::InitiallyDeferred,
        };
        let name = Ident::new(r.name);
        match r.kind.as_str() {
            "p" => {
                table.primary_key = Some(PrimaryKey {
                    name,
                    columns,
                    include,
                    deferrable,
                })
            }
            "u" => table.uniques.push(Unique {
                name,
                columns,
                nulls_not_distinct: r.nulls_not_distinct,
                include,
                deferrable,
            }),
            "c" => table.checks.push(Check {
                name,
                expr: Expr::new(r.check_expr.unwrap_or_default()),
                no_inherit: r.no_inherit,
                valid: r.validated,
            }),
            "f" => {
                let Some((rs, rt)) = r.ref_table else {
                    continue;
                };
                table.foreign_keys.push(ForeignKey {
                    name,
                    columns,
                    ref_table: QualifiedName::new(rs, rt),
                    ref_columns: names.of(r.ref_oid, &r.ref_column_nums),
                    // only ON DELETE takes a column list in PostgreSQL 15
                    on_delete: action(
                        r.on_delete.as_deref(),
                        &names.of(r.table_oid, &r.delete_set_nums),
                    ),
                    on_update: action(r.on_update.as_deref(), &[]),
                    match_type: if r.match_type.as_deref() == Some("f") {
                        MatchType::Full
                    } else {
                        MatchType::Simple
                    },
                    deferrable,
                    valid: r.validated,
                })
            }
            _ => {}
        }
    }
}

//! Constraints (primary key, unique, check, foreign key): query, row, lowering.

use aludel_schema::{
    Check, Deferrable, Expr, FkAction, ForeignKey, Ident, MatchType, PrimaryKey, QualifiedName,
    Schema, Unique,
};
use sqlx::Row;
use sqlx::postgres::PgRow;

pub(crate) const QUERY: &str = include_str!("queries/constraint.sql");

pub(crate) struct ConstraintRow {
    schema: String,
    table: String,
    name: String,
    kind: String,
    columns: Vec<String>,
    ref_table: Option<(String, String)>,
    ref_columns: Vec<String>,
    delete_set_columns: Vec<String>,
    on_update: Option<String>,
    on_delete: Option<String>,
    match_type: Option<String>,
    deferrable: bool,
    deferred: bool,
    validated: bool,
    no_inherit: bool,
    check_expr: Option<String>,
    nulls_not_distinct: bool,
    include: Vec<String>,
}

pub(crate) fn decode(r: &PgRow) -> Result<ConstraintRow, sqlx::Error> {
    let ref_schema: Option<String> = r.try_get("ref_schema")?;
    let ref_table: Option<String> = r.try_get("ref_table")?;
    Ok(ConstraintRow {
        schema: r.try_get("schema")?,
        table: r.try_get("table_name")?,
        name: r.try_get("name")?,
        kind: r.try_get("kind")?,
        columns: r.try_get("columns")?,
        ref_table: ref_schema.zip(ref_table),
        ref_columns: r.try_get("ref_columns")?,
        delete_set_columns: r.try_get("delete_set_columns")?,
        on_update: r.try_get("on_update")?,
        on_delete: r.try_get("on_delete")?,
        match_type: r.try_get("match_type")?,
        deferrable: r.try_get("deferrable")?,
        deferred: r.try_get("deferred")?,
        validated: r.try_get("validated")?,
        no_inherit: r.try_get("no_inherit")?,
        check_expr: r.try_get("check_expr")?,
        nulls_not_distinct: r.try_get("nulls_not_distinct")?,
        include: r.try_get("include")?,
    })
}

fn idents(v: Vec<String>) -> Vec<Ident> {
    v.into_iter().map(Ident::new).collect()
}

fn action(code: Option<&str>, set_columns: &[String]) -> FkAction {
    let cols = || idents(set_columns.to_vec());
    match code {
        Some("r") => FkAction::Restrict,
        Some("c") => FkAction::Cascade,
        Some("n") => FkAction::SetNull { columns: cols() },
        Some("d") => FkAction::SetDefault { columns: cols() },
        _ => FkAction::NoAction,
    }
}

pub(crate) fn lower(rows: Vec<ConstraintRow>, schema: &mut Schema) {
    for r in rows {
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
                    columns: idents(r.columns),
                    include: idents(r.include),
                    deferrable,
                })
            }
            "u" => table.uniques.push(Unique {
                name,
                columns: idents(r.columns),
                nulls_not_distinct: r.nulls_not_distinct,
                include: idents(r.include),
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
                    columns: idents(r.columns),
                    ref_table: QualifiedName::new(rs, rt),
                    ref_columns: idents(r.ref_columns),
                    // only ON DELETE takes a column list in PostgreSQL 15
                    on_delete: action(r.on_delete.as_deref(), &r.delete_set_columns),
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

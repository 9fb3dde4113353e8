//! Row-level security policies: query, row, lowering (policies on tables that were filtered out
//! are dropped here; what their expressions use comes with `depends.rs`).

use std::collections::BTreeMap;

use aludel_schema::{Expr, Ident, Policy, PolicyCommand, PolicyId, QualifiedName, Schema};
use sqlx::Row;
use sqlx::postgres::PgRow;

pub(crate) const QUERY: &str = include_str!("queries/policy.sql");

pub(crate) struct PolicyRow {
    pub oid: i64,
    schema: String,
    table: String,
    name: String,
    permissive: bool,
    command: String,
    roles: Vec<String>,
    using_expr: Option<String>,
    check_expr: Option<String>,
    comment: Option<String>,
}

pub(crate) fn decode(r: &PgRow) -> Result<PolicyRow, sqlx::Error> {
    Ok(PolicyRow {
        oid: r.try_get("oid")?,
        schema: r.try_get("schema")?,
        table: r.try_get("table_name")?,
        name: r.try_get("name")?,
        permissive: r.try_get("permissive")?,
        command: r.try_get("command")?,
        roles: r.try_get("roles")?,
        using_expr: r.try_get("using_expr")?,
        check_expr: r.try_get("check_expr")?,
        comment: r.try_get("comment")?,
    })
}

/// `pg_policy.polcmd`: `*` is every command.
fn command(code: &str) -> PolicyCommand {
    match code {
        "r" => PolicyCommand::Select,
        "a" => PolicyCommand::Insert,
        "w" => PolicyCommand::Update,
        "d" => PolicyCommand::Delete,
        _ => PolicyCommand::All,
    }
}

/// Lowers the rows (after tables); returns each policy's id by oid.
pub(crate) fn lower(rows: Vec<PolicyRow>, schema: &mut Schema) -> BTreeMap<i64, PolicyId> {
    let mut by_oid = BTreeMap::new();
    for r in rows {
        let table = QualifiedName::new(r.schema, r.table);
        if !schema.tables.contains_key(&table) {
            continue;
        }
        let id = PolicyId {
            table,
            name: Ident::new(r.name),
        };
        by_oid.insert(r.oid, id.clone());
        schema.add_policy(Policy {
            id,
            permissive: r.permissive,
            command: command(&r.command),
            roles: r.roles,
            using: r.using_expr.map(Expr::new),
            with_check: r.check_expr.map(Expr::new),
            comment: r.comment,
            depends_on: Vec::new(),
            renamed_from: None,
        });
    }
    by_oid
}

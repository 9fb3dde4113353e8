//! Triggers: query, row, lowering (triggers on tables or views that were filtered out are
//! dropped here; their dependencies come with `depends.rs`).

use std::collections::BTreeMap;

use aludel_schema::{FunctionId, Ident, QualifiedName, Schema, Trigger, TriggerEnabled, TriggerId};
use sqlx::Row;
use sqlx::postgres::PgRow;

pub(crate) const QUERY: &str = include_str!("queries/trigger.sql");

pub(crate) struct TriggerRow {
    pub oid: i64,
    schema: String,
    table: String,
    name: String,
    definition: String,
    is_constraint: bool,
    function_schema: String,
    function_name: String,
    function_args: String,
    enabled: String,
    comment: Option<String>,
}

pub(crate) fn decode(r: &PgRow) -> Result<TriggerRow, sqlx::Error> {
    Ok(TriggerRow {
        oid: r.try_get("oid")?,
        schema: r.try_get("schema")?,
        table: r.try_get("table_name")?,
        name: r.try_get("name")?,
        definition: r.try_get("definition")?,
        is_constraint: r.try_get("is_constraint")?,
        function_schema: r.try_get("function_schema")?,
        function_name: r.try_get("function_name")?,
        function_args: r.try_get("function_args")?,
        enabled: r.try_get("enabled")?,
        comment: r.try_get("comment")?,
    })
}

fn enabled(code: &str) -> TriggerEnabled {
    match code {
        "D" => TriggerEnabled::Disabled,
        "R" => TriggerEnabled::Replica,
        "A" => TriggerEnabled::Always,
        _ => TriggerEnabled::Origin,
    }
}

/// Lowers the rows (after tables and views); returns each trigger's id by oid.
pub(crate) fn lower(rows: Vec<TriggerRow>, schema: &mut Schema) -> BTreeMap<i64, TriggerId> {
    let mut by_oid = BTreeMap::new();
    for r in rows {
        let table = QualifiedName::new(r.schema, r.table);
        if !schema.tables.contains_key(&table) && !schema.views.contains_key(&table) {
            continue;
        }
        let id = TriggerId {
            table,
            name: Ident::new(r.name),
        };
        by_oid.insert(r.oid, id.clone());
        schema.add_trigger(Trigger {
            id,
            definition: r.definition,
            constraint: r.is_constraint,
            function: FunctionId::new(
                QualifiedName::new(r.function_schema, r.function_name),
                r.function_args,
            ),
            enabled: enabled(&r.enabled),
            comment: r.comment,
            depends_on: Vec::new(),
            renamed_from: None,
        });
    }
    by_oid
}

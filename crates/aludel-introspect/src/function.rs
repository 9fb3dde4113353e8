//! Functions and procedures: query, row, lowering (their dependencies come with `depends.rs`).

use std::collections::BTreeMap;

use aludel_schema::{Function, FunctionId, FunctionKind, QualifiedName, Schema};
use sqlx::Row;
use sqlx::postgres::PgRow;

pub(crate) const QUERY: &str = include_str!("queries/function.sql");

pub(crate) struct FunctionRow {
    pub oid: i64,
    schema: String,
    name: String,
    args: String,
    kind: String,
    identity_args: String,
    parameters: String,
    defaults: i16,
    result: Option<String>,
    language: String,
    volatility: String,
    strict: bool,
    security_definer: bool,
    leakproof: bool,
    parallel: String,
    cost: String,
    rows: String,
    config: Vec<String>,
    definition: String,
    comment: Option<String>,
}

pub(crate) fn decode(r: &PgRow) -> Result<FunctionRow, sqlx::Error> {
    Ok(FunctionRow {
        oid: r.try_get("oid")?,
        schema: r.try_get("schema")?,
        name: r.try_get("name")?,
        args: r.try_get("args")?,
        kind: r.try_get("kind")?,
        identity_args: r.try_get("identity_args")?,
        parameters: r.try_get("parameters")?,
        defaults: r.try_get("defaults")?,
        result: r.try_get("result")?,
        language: r.try_get("language")?,
        volatility: r.try_get("volatility")?,
        strict: r.try_get("strict")?,
        security_definer: r.try_get("security_definer")?,
        leakproof: r.try_get("leakproof")?,
        parallel: r.try_get("parallel")?,
        cost: r.try_get("cost")?,
        rows: r.try_get("rows")?,
        config: r.try_get("config")?,
        definition: r.try_get("definition")?,
        comment: r.try_get("comment")?,
    })
}

/// `pg_get_functiondef`'s text with line endings normalised and the final newline removed: a
/// body written with `\r\n` and the same body with `\n` are one function.
pub fn normalize_definition(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim_end()
        .to_owned()
}

/// Lowers the rows; returns each function's id by oid, for the dependencies.
pub(crate) fn lower(rows: Vec<FunctionRow>, schema: &mut Schema) -> BTreeMap<i64, FunctionId> {
    let mut by_oid = BTreeMap::new();
    for r in rows {
        let id = FunctionId::new(QualifiedName::new(r.schema, r.name), r.args);
        by_oid.insert(r.oid, id.clone());
        let kind = if r.kind == "p" {
            FunctionKind::Procedure
        } else {
            FunctionKind::Function
        };
        schema.add_function(Function {
            id,
            kind,
            identity_args: r.identity_args,
            parameters: r.parameters,
            defaults: r.defaults,
            result: r.result,
            language: r.language,
            volatility: r.volatility,
            strict: r.strict,
            security_definer: r.security_definer,
            leakproof: r.leakproof,
            parallel: r.parallel,
            cost: r.cost,
            rows: r.rows,
            config: r.config,
            definition: normalize_definition(&r.definition),
            comment: r.comment,
            depends_on: Vec::new(),
            renamed_from: None,
        });
    }
    by_oid
}

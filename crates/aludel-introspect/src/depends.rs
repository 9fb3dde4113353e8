//! Dependencies of views, functions and triggers from `pg_depend`: query, row, and lowering onto
//! the objects already read (by oid).

use std::collections::BTreeMap;

use aludel_schema::{Dependency, FunctionId, Ident, QualifiedName, Schema, TriggerId};
use sqlx::Row;
use sqlx::postgres::PgRow;

pub(crate) const QUERY: &str = include_str!("queries/depends.sql");

pub(crate) struct DependRow {
    user_kind: String,
    user_oid: i64,
    ref_kind: Option<String>,
    ref_schema: Option<String>,
    ref_name: Option<String>,
    ref_column: Option<String>,
    ref_args: Option<String>,
}

pub(crate) fn decode(r: &PgRow) -> Result<DependRow, sqlx::Error> {
    Ok(DependRow {
        user_kind: r.try_get("user_kind")?,
        user_oid: r.try_get("user_oid")?,
        ref_kind: r.try_get("ref_kind")?,
        ref_schema: r.try_get("ref_schema")?,
        ref_name: r.try_get("ref_name")?,
        ref_column: r.try_get("ref_column")?,
        ref_args: r.try_get("ref_args")?,
    })
}

/// The objects read, by oid.
#[derive(Default)]
pub(crate) struct Oids {
    pub views: BTreeMap<i64, QualifiedName>,
    pub functions: BTreeMap<i64, FunctionId>,
    pub triggers: BTreeMap<i64, TriggerId>,
    pub policies: BTreeMap<i64, aludel_schema::PolicyId>,
}

fn dependency(r: DependRow) -> Option<Dependency> {
    let name = QualifiedName::new(r.ref_schema?, r.ref_name?);
    Some(match r.ref_kind?.as_str() {
        "table" => Dependency::Table(name),
        "column" => Dependency::Column(name, Ident::new(r.ref_column?)),
        "view" => Dependency::View(name),
        "function" => Dependency::Function(FunctionId::new(name, r.ref_args?)),
        "type" => Dependency::Type(name),
        _ => return None,
    })
}

pub(crate) fn lower(rows: Vec<DependRow>, oids: &Oids, schema: &mut Schema) {
    for r in rows {
        let (kind, oid) = (r.user_kind.clone(), r.user_oid);
        let Some(dep) = dependency(r) else {
            continue;
        };
        let list = match kind.as_str() {
            "view" => oids
                .views
                .get(&oid)
                .and_then(|n| schema.views.get_mut(n))
                .map(|v| &mut v.depends_on),
            "function" => oids
                .functions
                .get(&oid)
                .and_then(|n| schema.functions.get_mut(n))
                .map(|f| &mut f.depends_on),
            "trigger" => oids
                .triggers
                .get(&oid)
                .and_then(|n| schema.triggers.get_mut(n))
                .map(|t| &mut t.depends_on),
            "policy" => oids
                .policies
                .get(&oid)
                .and_then(|n| schema.policies.get_mut(n))
                .map(|p| &mut p.depends_on),
            _ => None,
        };
        if let Some(list) = list {
            list.push(dep);
        }
    }
}

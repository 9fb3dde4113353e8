//! Constraint and index definitions shared by field-level and struct-level attributes: unique
//! constraints, checks, foreign keys and indexes, with PostgreSQL's default names.

use syn::LitStr;

use super::fields::Fields;
use super::{
    Deferrable, ForeignKeyDef, IndexDef, KeyDef, TargetDef, UniqueDef, catalog_name, ident_ok,
};
use crate::attr::{self, Action, CheckAttr, ForeignKeyAttr, IndexAttr, KeyOptions, UniqueAttr};
use crate::ctxt::Ctxt;
use crate::names::{Names, check_column};

/// The default name of an index key: the column, the function of an expression, or `expr`.
fn key_name(target: &TargetDef) -> String {
    match target {
        TargetDef::Column(c) => c.clone(),
        TargetDef::Expr(e) => {
            let head: String = e
                .trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !head.is_empty() && e.trim()[head.len()..].trim_start().starts_with('(') {
                head.to_lowercase()
            } else {
                "expr".to_owned()
            }
        }
    }
}

/// A check's name and expression: the explicit name, or PostgreSQL's default, which names the
/// one column the expression mentions. `None` when the attribute had no expression.
pub(super) fn check(
    c: &CheckAttr,
    fields: &Fields,
    names: &mut Names,
    table: &str,
) -> Option<(String, String)> {
    let e = c.expr.as_ref()?;
    let n = super::explicit_name(&c.name).unwrap_or_else(|| {
        let one: Vec<&str> = check_column(&e.value(), fields.columns.values())
            .into_iter()
            .collect();
        names.choose(table, &one, "check")
    });
    Some((n, e.value()))
}

pub(super) fn unique(
    cx: &mut Ctxt,
    u: &UniqueAttr,
    fields: &Fields,
    names: &mut Names,
    table: &str,
    explicit: Option<String>,
) -> Option<UniqueDef> {
    if u.columns.is_empty() {
        cx.error(
            u.span,
            "`unique(...)` lists no columns",
            "write `unique(a, b)`",
        );
        return None;
    }
    let cols = fields.resolve_all(cx, &u.columns, "unique(a, b)")?;
    let include = fields.resolve_all(cx, &u.include, "include(a, b)")?;
    // PostgreSQL names an index after its key and INCLUDE columns alike
    let col_refs: Vec<&str> = cols.iter().chain(&include).map(String::as_str).collect();
    let name = explicit.unwrap_or_else(|| names.choose(table, &col_refs, "key"));
    Some(UniqueDef {
        name,
        columns: cols,
        nulls_not_distinct: u.nulls_not_distinct,
        include,
    })
}

pub(super) fn foreign_key(
    fk: &ForeignKeyAttr,
    name: String,
    columns: Vec<String>,
    r: &attr::Reference,
    schema: &str,
) -> ForeignKeyDef {
    ForeignKeyDef {
        name,
        columns,
        ref_schema: r.schema.clone().unwrap_or_else(|| schema.to_owned()),
        ref_table: r.table.clone(),
        ref_columns: r.columns.clone(),
        on_delete: fk.on_delete.map_or(Action::NoAction, |(a, _)| a),
        on_update: fk.on_update.map_or(Action::NoAction, |(a, _)| a),
        deferrable: if fk.initially_deferred {
            Deferrable::InitiallyDeferred
        } else if fk.deferrable {
            Deferrable::InitiallyImmediate
        } else {
            Deferrable::No
        },
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn index(
    cx: &mut Ctxt,
    ix: &IndexAttr,
    mut keys: Vec<KeyDef>,
    field_key: &KeyOptions,
    fields: &Fields,
    names: &mut Names,
    table: &str,
    explicit: Option<String>,
) -> Option<IndexDef> {
    if ix.nulls_not_distinct && !ix.unique {
        cx.error(
            ix.span,
            "`nulls_not_distinct` applies to unique indexes only",
            "write `index(unique, nulls_not_distinct, ...)`",
        );
    }
    if let [key] = keys.as_mut_slice() {
        if let Some(o) = &field_key.opclass {
            key.opclass = catalog_name(cx, o, "operator class", "opclass = \"text_pattern_ops\"");
        }
        if let Some(c) = &field_key.collation {
            key.collation = catalog_name(cx, c, "collation", "collation = \"C\"");
        }
    }
    let include = fields.resolve_all(cx, &ix.include, "include(a, b)")?;
    // PostgreSQL names an index after its key and INCLUDE columns alike
    let key_names: Vec<String> = keys
        .iter()
        .map(|k| key_name(&k.target))
        .chain(include.iter().cloned())
        .collect();
    let key_refs: Vec<&str> = key_names.iter().map(String::as_str).collect();
    let name = explicit.unwrap_or_else(|| names.choose(table, &key_refs, "idx"));
    let method = match &ix.method {
        Some(m) => {
            let v = m.value();
            ident_ok(cx, &v, m.span(), "index method", "method = \"gin\"");
            v
        }
        None => "btree".to_owned(),
    };
    Some(IndexDef {
        name,
        unique: ix.unique,
        nulls_not_distinct: ix.nulls_not_distinct,
        method,
        keys,
        include,
        predicate: ix.predicate.as_ref().map(LitStr::value),
    })
}

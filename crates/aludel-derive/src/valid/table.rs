//! Validation of a `#[derive(Model)]` struct as a whole, and the order of the passes: the
//! table's names, the fields' columns, the explicit constraint and index names (claimed first, so
//! that default names avoid them), the primary key, each field, then the struct-level
//! constraints and indexes, then the triggers, then the policies.

use std::collections::BTreeMap;

use proc_macro2::Span;
use syn::LitStr;

use super::fields::Fields;
use super::{
    ColumnDef, ForeignKeyDef, IndexDef, KeyDef, TableDef, TargetDef, UniqueDef, catalog_name,
    column, constraint, explicit_name, ident_ok, name_from, qualified_hint,
};
use crate::ast::ModelInput;
use crate::attr::{KeyOptions, KeyTarget, TableAttrs};
use crate::case::snake_case;
use crate::ctxt::Ctxt;
use crate::names::Names;

/// What the passes over one struct share.
pub(super) struct Scope {
    /// The table's name and schema.
    pub table: String,
    pub schema: String,
    pub fields: Fields,
    /// Column name → the span that named it.
    pub column_spans: BTreeMap<String, Span>,
    /// The constraint and index names given so far.
    pub names: Names,
}

/// The constraints and indexes found so far, in declaration order (fields first).
#[derive(Default)]
pub(super) struct Constraints {
    pub uniques: Vec<UniqueDef>,
    pub checks: Vec<(String, String)>,
    pub foreign_keys: Vec<ForeignKeyDef>,
    pub indexes: Vec<IndexDef>,
}

pub fn model<'a>(input: ModelInput<'a>, cx: &mut Ctxt) -> TableDef<'a> {
    let a = &input.attrs;
    let name = match &a.table {
        Some(lit) => name_from(cx, lit, "table name", "table = \"users\""),
        None => {
            let n = snake_case(&input.ident.to_string());
            ident_ok(
                cx,
                &n,
                input.ident.span(),
                "table name",
                "table = \"users\"",
            );
            n
        }
    };
    let schema = match &a.schema {
        Some(lit) => name_from(cx, lit, "schema name", "schema = \"app\""),
        None => "public".to_owned(),
    };
    let renamed_from = a
        .renamed_from
        .as_ref()
        .and_then(|lit| qualified_hint(cx, lit, &schema, &name));
    let comment = a
        .comment
        .as_ref()
        .map(LitStr::value)
        .or_else(|| input.doc.clone());

    let (fields, column_spans) = Fields::collect(&input, cx);
    let mut scope = Scope {
        table: name,
        schema,
        fields,
        column_spans,
        names: Names::default(),
    };
    claim_explicit_names(&input, &mut scope.names, cx);
    let primary_key = primary_key(&input, &mut scope, cx);
    let pk_columns: Vec<String> = primary_key
        .as_ref()
        .map(|(_, c)| c.clone())
        .unwrap_or_default();

    let mut columns: Vec<ColumnDef<'a>> = Vec::new();
    let mut found = Constraints::default();
    for f in &input.fields {
        if let Some(col) = column::column(f, &pk_columns, &scope, cx) {
            let name = col.name.clone();
            columns.push(col);
            column::field_constraints(f, &name, &mut scope, &mut found, cx);
        }
    }
    struct_constraints(a, &mut scope, &mut found, cx);
    let column_names: Vec<String> = columns.iter().map(|c| c.name.clone()).collect();
    let triggers =
        super::trigger::triggers(&a.triggers, &scope.schema, &scope.table, &column_names, cx);
    let policies = super::policy::policies(&a.policies, &scope.schema, &scope.table, cx);

    TableDef {
        ident: input.ident,
        generics: input.generics,
        schema: scope.schema,
        name: scope.table,
        comment,
        renamed_from,
        columns,
        primary_key,
        uniques: found.uniques,
        checks: found.checks,
        foreign_keys: found.foreign_keys,
        indexes: found.indexes,
        triggers,
        row_level_security: a.row_level_security,
        force_row_level_security: a.force_row_level_security,
        policies,
    }
}

/// Records every explicit constraint and index name (duplicates are errors), struct-level
/// primary key first, then field by field, then the struct-level lists.
fn claim_explicit_names(input: &ModelInput<'_>, names: &mut Names, cx: &mut Ctxt) {
    let a = &input.attrs;
    let mut claim = |cx: &mut Ctxt, lit: &Option<LitStr>| {
        let Some(lit) = lit.as_ref() else {
            return;
        };
        let n = name_from(
            cx,
            lit,
            "constraint or index name",
            "name = \"users_email_key\"",
        );
        if !names.claim(&n) {
            cx.error(
                lit.span(),
                format!("duplicate constraint or index name `{n}`"),
                "give each constraint and index of a table its own name",
            );
        }
    };
    if let Some(pk) = &a.primary_key {
        claim(cx, &pk.name);
    }
    for f in &input.fields {
        if let Some(pk) = &f.attrs.primary_key {
            claim(cx, &pk.name);
        }
        if let Some(u) = &f.attrs.unique {
            claim(cx, &u.name);
        }
        for c in &f.attrs.checks {
            claim(cx, &c.name);
        }
        if let Some(fk) = &f.attrs.foreign_key {
            claim(cx, &fk.name);
        }
        for ix in &f.attrs.indexes {
            claim(cx, &ix.name);
        }
    }
    for u in &a.uniques {
        claim(cx, &u.name);
    }
    for c in &a.checks {
        claim(cx, &c.name);
    }
    for fk in &a.foreign_keys {
        claim(cx, &fk.name);
    }
    for ix in &a.indexes {
        claim(cx, &ix.name);
    }
}

/// The primary key, from `primary_key(a, b)` on the struct or `primary_key` on one field (both,
/// or the flag on two fields, is an error).
fn primary_key(
    input: &ModelInput<'_>,
    scope: &mut Scope,
    cx: &mut Ctxt,
) -> Option<(String, Vec<String>)> {
    let a = &input.attrs;
    let field_pks: Vec<_> = input
        .fields
        .iter()
        .filter(|f| f.attrs.primary_key.is_some() && f.attrs.skip.is_none())
        .collect();
    if let (Some(_), Some(first)) = (&a.primary_key, field_pks.first()) {
        cx.error(
            first.attrs.primary_key.as_ref().expect("filtered").span,
            format!("`{}` declares its primary key twice, on the struct and on field `{}`", input.ident, first.ident),
            "keep one: `primary_key` on the field for one column, `primary_key(a, b)` on the struct for several",
        );
    } else if field_pks.len() > 1 {
        cx.error(
            field_pks[1]
                .attrs
                .primary_key
                .as_ref()
                .expect("filtered")
                .span,
            format!("`{}` has `primary_key` on more than one field", input.ident),
            format!(
                "declare a composite key on the struct: `#[aludel(primary_key({}, {}))]`",
                field_pks[0].ident, field_pks[1].ident
            ),
        );
    } else if let Some(pk) = &a.primary_key {
        if pk.columns.is_empty() {
            cx.error(
                pk.span,
                "`primary_key(...)` lists no columns",
                "write `primary_key(a, b)`",
            );
        } else if let Some(cols) = scope
            .fields
            .resolve_all(cx, &pk.columns, "primary_key(a, b)")
        {
            let n = explicit_name(&pk.name)
                .unwrap_or_else(|| scope.names.choose(&scope.table, &[], "pkey"));
            return Some((n, cols));
        }
    } else if let Some(f) = field_pks.first() {
        let pk = f.attrs.primary_key.as_ref().expect("filtered");
        let n = explicit_name(&pk.name)
            .unwrap_or_else(|| scope.names.choose(&scope.table, &[], "pkey"));
        return Some((n, vec![scope.fields.columns[&f.ident.to_string()].clone()]));
    }
    None
}

/// `unique(...)`, `check(...)`, `foreign_key(...)` and `index(...)` on the struct.
fn struct_constraints(a: &TableAttrs, scope: &mut Scope, found: &mut Constraints, cx: &mut Ctxt) {
    let Scope {
        table,
        schema,
        fields,
        names,
        ..
    } = scope;
    for u in &a.uniques {
        if let Some(def) = constraint::unique(cx, u, fields, names, table, explicit_name(&u.name)) {
            found.uniques.push(def);
        }
    }
    for c in &a.checks {
        if let Some(def) = constraint::check(c, fields, names, table) {
            found.checks.push(def);
        }
    }
    for fk in &a.foreign_keys {
        let Some(r) = &fk.references else { continue };
        if fk.columns.is_empty() {
            continue;
        }
        let Some(cols) = fields.resolve_all(cx, &fk.columns, "columns(a, b)") else {
            continue;
        };
        if cols.len() != r.columns.len() {
            cx.error(
                r.lit.span(),
                format!("the foreign key has {} column(s) but references {}", cols.len(), r.columns.len()),
                "list as many referenced columns as local ones, as in `foreign_key(columns(a, b), references = \"table(x, y)\")`",
            );
            continue;
        }
        let col_refs: Vec<&str> = cols.iter().map(String::as_str).collect();
        let n = explicit_name(&fk.name).unwrap_or_else(|| names.choose(table, &col_refs, "fkey"));
        found
            .foreign_keys
            .push(constraint::foreign_key(fk, n, cols, r, schema));
    }
    for ix in &a.indexes {
        if ix.broken {
            continue;
        }
        if ix.keys.is_empty() {
            cx.error(
                ix.span,
                "an index needs at least one key",
                "write `index(columns(a, b))` or `index(expr = \"lower(email)\")`",
            );
            continue;
        }
        let mut keys = Vec::new();
        let mut ok = true;
        for k in &ix.keys {
            let target = match &k.target {
                KeyTarget::Column(id) => match fields.resolve(cx, id, "index(columns(a, b))") {
                    Some(c) => TargetDef::Column(c),
                    None => {
                        ok = false;
                        continue;
                    }
                },
                KeyTarget::Expr(e) => TargetDef::Expr(e.value()),
            };
            keys.push(KeyDef {
                target,
                descending: k.descending,
                nulls_first: k.nulls_first,
                opclass: k.opclass.as_ref().and_then(|l| {
                    catalog_name(cx, l, "operator class", "opclass = \"text_pattern_ops\"")
                }),
                collation: k
                    .collation
                    .as_ref()
                    .and_then(|l| catalog_name(cx, l, "collation", "collation = \"C\"")),
            });
        }
        if !ok {
            continue;
        }
        if let Some(def) = constraint::index(
            cx,
            ix,
            keys,
            &KeyOptions::default(),
            fields,
            names,
            table,
            explicit_name(&ix.name),
        ) {
            found.indexes.push(def);
        }
    }
}

//! Validation: checks what only the whole struct or enum can tell (unknown fields, conflicting
//! options, duplicate names) and resolves every name, giving the definitions `expand` prints.

use std::collections::BTreeMap;

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Generics, Ident, LitInt, LitStr, Type};

use crate::ast::{EnumInput, ModelInput};
use crate::attr::{
    self, Action, ForeignKeyAttr, IdentityKind, IndexAttr, KeyOptions, KeyTarget, UniqueAttr,
};
use crate::case::snake_case;
use crate::ctxt::Ctxt;
use crate::names::{MAX_IDENT_BYTES, Names, check_column};

pub struct TableDef<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub schema: String,
    pub name: String,
    pub comment: Option<String>,
    pub renamed_from: Option<(String, String)>,
    pub columns: Vec<ColumnDef<'a>>,
    pub primary_key: Option<(String, Vec<String>)>,
    pub uniques: Vec<UniqueDef>,
    pub checks: Vec<(String, String)>,
    pub foreign_keys: Vec<ForeignKeyDef>,
    pub indexes: Vec<IndexDef>,
}

pub struct ColumnDef<'a> {
    pub name: String,
    pub ty: &'a Type,
    /// `sql_type = "..."` and whether the field is written `Option<...>`.
    pub sql_type: Option<(String, bool)>,
    pub max_length: Option<(u32, Span)>,
    pub precision: Option<(u16, Span)>,
    pub scale: Option<(i16, Span)>,
    /// NOT NULL whatever the type says (primary key and identity columns).
    pub not_null: bool,
    pub default: Option<String>,
    pub generated: Option<String>,
    pub identity: Option<IdentityKind>,
    pub collation: Option<(String, String)>,
    pub comment: Option<String>,
    pub renamed_from: Option<String>,
}

pub struct UniqueDef {
    pub name: String,
    pub columns: Vec<String>,
    pub nulls_not_distinct: bool,
    pub include: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Deferrable {
    No,
    InitiallyImmediate,
    InitiallyDeferred,
}

pub struct ForeignKeyDef {
    pub name: String,
    pub columns: Vec<String>,
    pub ref_schema: String,
    pub ref_table: String,
    pub ref_columns: Vec<String>,
    pub on_delete: Action,
    pub on_update: Action,
    pub deferrable: Deferrable,
}

pub enum TargetDef {
    Column(String),
    Expr(String),
}

pub struct KeyDef {
    pub target: TargetDef,
    pub descending: bool,
    pub nulls_first: Option<bool>,
    pub opclass: Option<(String, String)>,
    pub collation: Option<(String, String)>,
}

pub struct IndexDef {
    pub name: String,
    pub unique: bool,
    pub nulls_not_distinct: bool,
    pub method: String,
    pub keys: Vec<KeyDef>,
    pub include: Vec<String>,
    pub predicate: Option<String>,
}

pub struct EnumDef<'a> {
    pub ident: &'a Ident,
    pub schema: String,
    pub name: String,
    pub comment: Option<String>,
    pub renamed_from: Option<(String, String)>,
    pub values: Vec<(String, Option<String>)>,
}

/// Checks that `name` can be a PostgreSQL identifier as written.
fn ident_ok(cx: &mut Ctxt, name: &str, span: Span, what: &str, example: &str) -> bool {
    if name.is_empty() {
        cx.error(span, format!("empty {what}"), format!("write `{example}`"));
        false
    } else if name.len() > MAX_IDENT_BYTES {
        cx.error(
            span,
            format!("{what} `{name}` is longer than PostgreSQL's 63 bytes"),
            format!("choose a shorter name, as in `{example}`"),
        );
        false
    } else {
        true
    }
}

/// A string attribute's value, checked as a name.
fn name_from(cx: &mut Ctxt, lit: &LitStr, what: &str, example: &str) -> String {
    let v = lit.value();
    if v.contains('.') {
        cx.error(
            lit.span(),
            format!("{what} `{v}` contains `.`"),
            format!("write the bare name, as in `{example}`"),
        );
    } else {
        ident_ok(cx, &v, lit.span(), what, example);
    }
    v
}

/// `renamed_from = "old"` or `"schema.old"`; unqualified names get `schema`.
fn qualified_hint(
    cx: &mut Ctxt,
    lit: &LitStr,
    schema: &str,
    own: &str,
) -> Option<(String, String)> {
    match attr::parse_qualified(&lit.value()) {
        Ok((s, n)) => {
            let s = s.unwrap_or_else(|| schema.to_owned());
            if s == schema && n == own {
                cx.error(
                    lit.span(),
                    format!("`renamed_from` names `{own}` itself"),
                    "name the previous name, as in `renamed_from = \"old_name\"`",
                );
                None
            } else {
                Some((s, n))
            }
        }
        Err(reason) => {
            cx.error(
                lit.span(),
                format!("malformed `renamed_from` {:?}: {reason}", lit.value()),
                "write `renamed_from = \"old_name\"` or `renamed_from = \"old_schema.old_name\"`",
            );
            None
        }
    }
}

/// A collation or operator class name; unqualified names are in `pg_catalog`.
fn catalog_name(
    cx: &mut Ctxt,
    lit: &LitStr,
    what: &str,
    example: &str,
) -> Option<(String, String)> {
    match attr::parse_qualified(&lit.value()) {
        Ok((s, n)) => Some((s.unwrap_or_else(|| "pg_catalog".to_owned()), n)),
        Err(reason) => {
            cx.error(
                lit.span(),
                format!("malformed {what} {:?}: {reason}", lit.value()),
                format!("write `{example}`"),
            );
            None
        }
    }
}

fn int<T: std::str::FromStr<Err: std::fmt::Display>>(
    cx: &mut Ctxt,
    lit: &LitInt,
    what: &str,
    range: &str,
    ok: impl Fn(&T) -> bool,
    example: &str,
) -> Option<T> {
    match lit.base10_parse::<T>() {
        Ok(v) if ok(&v) => Some(v),
        _ => {
            cx.error(
                lit.span(),
                format!("`{what}` must be {range}"),
                format!("write `{example}`"),
            );
            None
        }
    }
}

/// Whether the type is written `Option<...>` (how a `sql_type` column knows it is NULL-able).
fn is_option(ty: &Type) -> bool {
    match ty {
        Type::Path(p) => {
            p.qself.is_none() && p.path.segments.last().is_some_and(|s| s.ident == "Option")
        }
        Type::Group(g) => is_option(&g.elem),
        Type::Paren(p) => is_option(&p.elem),
        _ => false,
    }
}

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

struct Fields {
    /// Field name → column name, for the fields that are columns.
    columns: BTreeMap<String, String>,
    skipped: Vec<String>,
    struct_name: String,
}

impl Fields {
    fn resolve(&self, cx: &mut Ctxt, id: &Ident, example: &str) -> Option<String> {
        let key = id.to_string();
        if let Some(c) = self.columns.get(&key) {
            return Some(c.clone());
        }
        if self.skipped.contains(&key) {
            cx.error(
                id.span(),
                format!("field `{key}` is skipped, so it is not a column"),
                format!("remove `skip` from `{key}`, or name another field, as in `{example}`"),
            );
        } else {
            let known: Vec<String> = self.columns.keys().map(|k| format!("`{k}`")).collect();
            cx.error(
                id.span(),
                format!("`{}` has no field `{key}`", self.struct_name),
                format!(
                    "name one of its fields ({}), as in `{example}`",
                    known.join(", ")
                ),
            );
        }
        None
    }

    fn resolve_all(&self, cx: &mut Ctxt, ids: &[Ident], example: &str) -> Option<Vec<String>> {
        let mut out = Vec::new();
        let mut ok = true;
        for id in ids {
            match self.resolve(cx, id, example) {
                Some(c) => out.push(c),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }
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

    // Columns.
    let mut fields = Fields {
        columns: BTreeMap::new(),
        skipped: Vec::new(),
        struct_name: input.ident.to_string(),
    };
    let mut column_spans: BTreeMap<String, Span> = BTreeMap::new();
    for f in &input.fields {
        if f.attrs.skip.is_some() {
            fields.skipped.push(f.ident.to_string());
            continue;
        }
        let (col, span) = match &f.attrs.name {
            Some(lit) => (
                name_from(cx, lit, "column name", "name = \"column_name\""),
                lit.span(),
            ),
            None => (
                f.ident.to_string().trim_start_matches("r#").to_owned(),
                f.ident.span(),
            ),
        };
        if column_spans.contains_key(&col) {
            cx.error(
                span,
                format!("duplicate column `{col}`"),
                "give one of the fields another column name, as in `#[aludel(name = \"other_name\")]`",
            );
        } else {
            column_spans.insert(col.clone(), span);
        }
        fields.columns.insert(f.ident.to_string(), col);
    }

    let mut names = Names::default();
    let mut checks = Vec::new();
    let mut uniques = Vec::new();
    let mut foreign_keys = Vec::new();
    let mut indexes = Vec::new();

    // Explicit names first, so that default names avoid them.
    let mut claim = |cx: &mut Ctxt, lit: &Option<LitStr>| -> Option<String> {
        let lit = lit.as_ref()?;
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
        Some(n)
    };
    {
        let mut visit = |cx: &mut Ctxt, lit: &Option<LitStr>| {
            claim(cx, lit);
        };
        if let Some(pk) = &a.primary_key {
            visit(cx, &pk.name);
        }
        for f in &input.fields {
            if let Some(pk) = &f.attrs.primary_key {
                visit(cx, &pk.name);
            }
            if let Some(u) = &f.attrs.unique {
                visit(cx, &u.name);
            }
            for c in &f.attrs.checks {
                visit(cx, &c.name);
            }
            if let Some(fk) = &f.attrs.foreign_key {
                visit(cx, &fk.name);
            }
            for ix in &f.attrs.indexes {
                visit(cx, &ix.name);
            }
        }
        for u in &a.uniques {
            visit(cx, &u.name);
        }
        for c in &a.checks {
            visit(cx, &c.name);
        }
        for fk in &a.foreign_keys {
            visit(cx, &fk.name);
        }
        for ix in &a.indexes {
            visit(cx, &ix.name);
        }
    }
    let name_of = |lit: &Option<LitStr>| lit.as_ref().map(LitStr::value);

    // Primary key.
    let field_pks: Vec<_> = input
        .fields
        .iter()
        .filter(|f| f.attrs.primary_key.is_some() && f.attrs.skip.is_none())
        .collect();
    let mut primary_key = None;
    if let (Some(pk), Some(first)) = (&a.primary_key, field_pks.first()) {
        cx.error(
            first.attrs.primary_key.as_ref().expect("filtered").span,
            format!("`{}` declares its primary key twice, on the struct and on field `{}`", input.ident, first.ident),
            "keep one: `primary_key` on the field for one column, `primary_key(a, b)` on the struct for several",
        );
        let _ = pk;
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
        } else if let Some(cols) = fields.resolve_all(cx, &pk.columns, "primary_key(a, b)") {
            let n = name_of(&pk.name).unwrap_or_else(|| names.choose(&name, &[], "pkey"));
            primary_key = Some((n, cols));
        }
    } else if let Some(f) = field_pks.first() {
        let pk = f.attrs.primary_key.as_ref().expect("filtered");
        let n = name_of(&pk.name).unwrap_or_else(|| names.choose(&name, &[], "pkey"));
        primary_key = Some((n, vec![fields.columns[&f.ident.to_string()].clone()]));
    }
    let pk_columns: Vec<String> = primary_key
        .as_ref()
        .map(|(_, c)| c.clone())
        .unwrap_or_default();

    let mut columns = Vec::new();
    for f in &input.fields {
        let fa = &f.attrs;
        if let Some(skip) = fa.skip {
            let others = fa.name.is_some()
                || fa.comment.is_some()
                || fa.primary_key.is_some()
                || fa.identity.is_some()
                || fa.default.is_some()
                || fa.generated.is_some()
                || fa.unique.is_some()
                || !fa.checks.is_empty()
                || fa.foreign_key.is_some()
                || fa.on_delete.is_some()
                || fa.on_update.is_some()
                || !fa.indexes.is_empty()
                || fa.max_length.is_some()
                || fa.precision.is_some()
                || fa.scale.is_some()
                || fa.sql_type.is_some()
                || fa.collation.is_some()
                || fa.renamed_from.is_some();
            if others {
                cx.error(
                    skip,
                    format!(
                        "field `{}` is skipped, so its other aludel attributes mean nothing",
                        f.ident
                    ),
                    "remove `skip`, or the other attributes",
                );
            }
            continue;
        }
        let col = fields.columns[&f.ident.to_string()].clone();

        // Conflicting options.
        let conflict = |cx: &mut Ctxt, span: Span, a: &str, b: &str, help: &str| {
            cx.error(span, format!("`{a}` conflicts with `{b}`"), help);
        };
        if let (Some((_, span)), Some(_)) = (&fa.identity, &fa.default) {
            conflict(
                cx,
                *span,
                "identity",
                "default",
                "an identity column takes its values from its sequence: remove `default`, or `identity`",
            );
        }
        if let (Some((_, span)), Some(_)) = (&fa.identity, &fa.generated) {
            conflict(
                cx,
                *span,
                "identity",
                "generated",
                "a column is either an identity or generated: keep one",
            );
        }
        if let (Some(d), Some(_)) = (&fa.default, &fa.generated) {
            conflict(
                cx,
                d.span(),
                "default",
                "generated",
                "a generated column has no default: remove `default`",
            );
        }
        if let Some(sql) = &fa.sql_type {
            for (present, what) in [
                (fa.max_length.is_some(), "max_length"),
                (fa.precision.is_some(), "precision"),
                (fa.scale.is_some(), "scale"),
            ] {
                if present {
                    conflict(
                        cx,
                        sql.span(),
                        "sql_type",
                        what,
                        &format!(
                            "write the whole type in `sql_type`, as in `sql_type = \"varchar(20)\"`, and remove `{what}`"
                        ),
                    );
                }
            }
        }
        if let (Some(s), None) = (&fa.scale, &fa.precision) {
            cx.error(
                s.span(),
                "`scale` needs `precision`",
                "write `precision = 10, scale = 2`",
            );
        }
        if let (Some(m), Some(_)) = (&fa.max_length, &fa.precision) {
            conflict(
                cx,
                m.span(),
                "max_length",
                "precision",
                "`max_length` is for strings and `precision` for numbers and times: keep one",
            );
        }

        let max_length = fa.max_length.as_ref().and_then(|l| {
            int::<u32>(
                cx,
                l,
                "max_length",
                "between 1 and 10485760",
                |v| (1..=10_485_760).contains(v),
                "max_length = 255",
            )
            .map(|v| (v, l.span()))
        });
        let precision = fa.precision.as_ref().and_then(|l| {
            int::<u16>(
                cx,
                l,
                "precision",
                "between 0 and 1000",
                |v| *v <= 1000,
                "precision = 10",
            )
            .map(|v| (v, l.span()))
        });
        let scale = fa.scale.as_ref().and_then(|l| {
            int::<i16>(
                cx,
                l,
                "scale",
                "between -1000 and 1000",
                |v| (-1000..=1000).contains(v),
                "scale = 2",
            )
            .map(|v| (v, l.span()))
        });
        if let (Some((p, _)), Some((s, span))) = (precision, scale)
            && i32::from(s) > i32::from(p)
        {
            cx.error(
                span,
                format!("`scale` {s} is larger than `precision` {p}"),
                "write a scale of at most the precision, as in `precision = 10, scale = 2`",
            );
        }
        let collation = fa
            .collation
            .as_ref()
            .and_then(|l| catalog_name(cx, l, "collation", "collation = \"C\""));
        let renamed_from = fa.renamed_from.as_ref().and_then(|lit| {
            let v = lit.value();
            if v.contains('.') {
                cx.error(
                    lit.span(),
                    format!("a column's `renamed_from` is a bare column name, not `{v}`"),
                    "write `renamed_from = \"old_name\"`; a column cannot move to another table",
                );
                None
            } else if v == col {
                cx.error(lit.span(), format!("`renamed_from` names column `{col}` itself"), "name the previous name, as in `renamed_from = \"old_name\"`");
                None
            } else if column_spans.contains_key(&v) {
                cx.error(
                    lit.span(),
                    format!("`renamed_from` names column `{v}`, which the struct still has"),
                    "a renamed column's old name must be gone: remove the hint, or the other column",
                );
                None
            } else if ident_ok(cx, &v, lit.span(), "old column name", "renamed_from = \"old_name\"") {
                Some(v)
            } else {
                None
            }
        });
        for (action, key) in [(&fa.on_delete, "on_delete"), (&fa.on_update, "on_update")] {
            if let Some((_, span)) = action
                && fa.foreign_key.is_none()
            {
                cx.error(
                    *span,
                    format!("`{key}` needs a foreign key on the field"),
                    format!("write `references = \"accounts(id)\", {key} = \"cascade\"`"),
                );
            }
        }

        columns.push(ColumnDef {
            name: col.clone(),
            ty: f.ty,
            sql_type: fa.sql_type.as_ref().map(|s| (s.value(), is_option(f.ty))),
            max_length,
            precision,
            scale,
            not_null: pk_columns.contains(&col) || fa.identity.is_some(),
            default: fa.default.as_ref().map(LitStr::value),
            generated: fa.generated.as_ref().map(LitStr::value),
            identity: fa.identity.map(|(k, _)| k),
            collation,
            comment: fa
                .comment
                .as_ref()
                .map(LitStr::value)
                .or_else(|| f.doc.clone()),
            renamed_from,
        });

        // Field-level constraints and indexes.
        if let Some(u) = &fa.unique {
            let include = fields
                .resolve_all(cx, &u.include, "include(a, b)")
                .unwrap_or_default();
            // PostgreSQL names an index after its key and INCLUDE columns alike
            let mut named: Vec<&str> = vec![&col];
            named.extend(include.iter().map(String::as_str));
            let n = name_of(&u.name).unwrap_or_else(|| names.choose(&name, &named, "key"));
            uniques.push(UniqueDef {
                name: n,
                columns: vec![col.clone()],
                nulls_not_distinct: u.nulls_not_distinct,
                include,
            });
        }
        for c in &fa.checks {
            if let Some(e) = &c.expr {
                let n = name_of(&c.name).unwrap_or_else(|| {
                    let one: Vec<&str> = check_column(&e.value(), fields.columns.values())
                        .into_iter()
                        .collect();
                    names.choose(&name, &one, "check")
                });
                checks.push((n, e.value()));
            }
        }
        if let Some(fk) = &fa.foreign_key {
            let mut fk_on_delete = fk.on_delete;
            let mut fk_on_update = fk.on_update;
            for (sibling, slot, key) in [
                (&fa.on_delete, &mut fk_on_delete, "on_delete"),
                (&fa.on_update, &mut fk_on_update, "on_update"),
            ] {
                if let Some((a, span)) = sibling {
                    if slot.is_some() {
                        cx.error(
                            *span,
                            format!("duplicate `{key}`"),
                            format!("write `{key}` once, inside `foreign_key(...)`"),
                        );
                    } else {
                        *slot = Some((*a, *span));
                    }
                }
            }
            let merged = ForeignKeyAttr {
                span: fk.span,
                columns: Vec::new(),
                references: None,
                on_delete: fk_on_delete,
                on_update: fk_on_update,
                deferrable: fk.deferrable,
                initially_deferred: fk.initially_deferred,
                name: None,
            };
            if let Some(r) = &fk.references {
                if r.columns.len() != 1 {
                    cx.error(
                        r.lit.span(),
                        format!("a foreign key on one field references one column, not {}", r.columns.len()),
                        "write `references = \"table(id)\"`, or a composite `foreign_key(columns(a, b), references = \"table(x, y)\")` on the struct",
                    );
                } else {
                    let n =
                        name_of(&fk.name).unwrap_or_else(|| names.choose(&name, &[&col], "fkey"));
                    foreign_keys.push(foreign_key(&merged, n, vec![col.clone()], r, &schema));
                }
            }
        }
        for ix in &fa.indexes {
            let key = KeyDef {
                target: TargetDef::Column(col.clone()),
                descending: ix.field_key.descending,
                nulls_first: ix.field_key.nulls_first,
                opclass: None,
                collation: None,
            };
            if let Some(def) = index(
                cx,
                ix,
                vec![key],
                &ix.field_key,
                &fields,
                &mut names,
                &name,
                name_of(&ix.name),
            ) {
                indexes.push(def);
            }
        }
    }

    // Struct-level constraints and indexes.
    for u in &a.uniques {
        if let Some(def) = unique(cx, u, &fields, &mut names, &name, name_of(&u.name)) {
            uniques.push(def);
        }
    }
    for c in &a.checks {
        if let Some(e) = &c.expr {
            let n = name_of(&c.name).unwrap_or_else(|| {
                let one: Vec<&str> = check_column(&e.value(), fields.columns.values())
                    .into_iter()
                    .collect();
                names.choose(&name, &one, "check")
            });
            checks.push((n, e.value()));
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
        let n = name_of(&fk.name).unwrap_or_else(|| names.choose(&name, &col_refs, "fkey"));
        foreign_keys.push(foreign_key(fk, n, cols, r, &schema));
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
        if let Some(def) = index(
            cx,
            ix,
            keys,
            &KeyOptions::default(),
            &fields,
            &mut names,
            &name,
            name_of(&ix.name),
        ) {
            indexes.push(def);
        }
    }

    TableDef {
        ident: input.ident,
        generics: input.generics,
        schema,
        name,
        comment,
        renamed_from,
        columns,
        primary_key,
        uniques,
        checks,
        foreign_keys,
        indexes,
    }
}

fn unique(
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

fn foreign_key(
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
fn index(
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

pub fn pg_enum<'a>(input: EnumInput<'a>, cx: &mut Ctxt) -> EnumDef<'a> {
    let a = &input.attrs;
    if !input.generics.params.is_empty() {
        cx.error(
            input.generics.span(),
            "a `PgEnum` cannot be generic",
            format!("write `enum {} {{ A, B }}`", input.ident),
        );
    }
    let name = match &a.name {
        Some(lit) => name_from(cx, lit, "enum type name", "name = \"mood\""),
        None => snake_case(&input.ident.to_string()),
    };
    let schema = match &a.schema {
        Some(lit) => name_from(cx, lit, "schema name", "schema = \"app\""),
        None => "public".to_owned(),
    };
    let renamed_from = a
        .renamed_from
        .as_ref()
        .and_then(|lit| qualified_hint(cx, lit, &schema, &name));
    if input.variants.is_empty() {
        cx.error(
            input.ident.span(),
            format!(
                "`{}` has no variants, but a PostgreSQL enum needs at least one value",
                input.ident
            ),
            format!("add variants: `enum {} {{ A, B }}`", input.ident),
        );
    }
    let mut labels: BTreeMap<String, Span> = BTreeMap::new();
    let mut values = Vec::new();
    for v in &input.variants {
        if let Some(span) = v.fields {
            cx.error(
                span,
                format!(
                    "variant `{}` has fields, but an enum value carries no data",
                    v.ident
                ),
                format!("write `{},` without fields", v.ident),
            );
        }
        let (label, span) = match (&v.attrs.name, a.rename_all) {
            (Some(lit), _) => (lit.value(), lit.span()),
            (None, Some((rule, _))) => (rule.apply(&v.ident.to_string()), v.ident.span()),
            (None, None) => (v.ident.to_string(), v.ident.span()),
        };
        ident_ok(cx, &label, span, "enum label", "name = \"label\"");
        if labels.contains_key(&label) {
            cx.error(
                span,
                format!("duplicate enum label `{label}`"),
                "give the variant another label, as in `#[aludel(name = \"other\")]`",
            );
        } else {
            labels.insert(label.clone(), span);
        }
        values.push((label, v.attrs.renamed_from.as_ref()));
    }
    let values = values
        .into_iter()
        .map(|(label, old)| {
            let old = old.and_then(|lit| {
                let v = lit.value();
                if v == label {
                    cx.error(lit.span(), format!("`renamed_from` names label `{label}` itself"), "name the previous label, as in `renamed_from = \"old label\"`");
                    None
                } else if labels.contains_key(&v) {
                    cx.error(
                        lit.span(),
                        format!("`renamed_from` names label `{v}`, which the enum still has"),
                        "a renamed value's old label must be gone: remove the hint, or the other variant",
                    );
                    None
                } else {
                    ident_ok(cx, &v, lit.span(), "old enum label", "renamed_from = \"old label\"").then_some(v)
                }
            });
            (label, old)
        })
        .collect();
    EnumDef {
        ident: input.ident,
        schema,
        name,
        comment: a
            .comment
            .as_ref()
            .map(LitStr::value)
            .or_else(|| input.doc.clone()),
        renamed_from,
        values,
    }
}

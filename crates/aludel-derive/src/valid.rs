//! Validation: checks what only the whole struct or enum can tell (unknown fields, conflicting
//! options, duplicate names) and resolves every name, giving the definitions `expand` prints.
//! By concern: `table` (the struct: names, primary key, struct-level constraints; the order of
//! the passes), `fields` (fields to columns), `column` (one field: options, field-level
//! constraints), `constraint` (unique, check, foreign key and index definitions), `trigger` (a model's
//! triggers), `policy` (a model's row-level security policies), `pg_enum`.
//! Errors are recorded in the order the passes run, which the UI tests pin.

mod column;
mod constraint;
mod fields;
mod pg_enum;
mod policy;
mod table;
mod trigger;

pub use pg_enum::pg_enum;
pub use table::model;

use proc_macro2::Span;
use syn::{Generics, Ident, LitInt, LitStr, Type};

use crate::attr::{self, Action, IdentityKind, Timing};
use crate::ctxt::Ctxt;
use crate::names::MAX_IDENT_BYTES;

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
    pub triggers: Vec<TriggerDef>,
    /// `ENABLE` and `FORCE ROW LEVEL SECURITY`, each on its own.
    pub row_level_security: bool,
    pub force_row_level_security: bool,
    pub policies: Vec<PolicyDef>,
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

/// One event of a trigger; `Update` with the columns of `UPDATE OF` (empty: any column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Insert,
    Update(Vec<String>),
    Delete,
    Truncate,
}

pub struct TriggerDef {
    pub name: String,
    /// The model's table: schema, name.
    pub table: (String, String),
    pub timing: Timing,
    pub events: Vec<Event>,
    /// `FOR EACH ROW` (else `FOR EACH STATEMENT`).
    pub row: bool,
    pub when: Option<String>,
    /// The trigger function: schema, name.
    pub function: (String, String),
    pub args: Vec<String>,
    pub comment: Option<String>,
    pub renamed_from: Option<String>,
    /// The line of `trigger(` in the model's file, when the compiler tells.
    pub line: Option<usize>,
}

/// A policy's command (`FOR ...`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyCommand {
    All,
    Select,
    Insert,
    Update,
    Delete,
}

impl PolicyCommand {
    /// As written in the attribute.
    pub fn key(self) -> &'static str {
        match self {
            PolicyCommand::All => "all",
            PolicyCommand::Select => "select",
            PolicyCommand::Insert => "insert",
            PolicyCommand::Update => "update",
            PolicyCommand::Delete => "delete",
        }
    }

    /// Whether it takes `USING` and `WITH CHECK`, as `CREATE POLICY` allows (the IR's
    /// `PolicyCommand::takes`).
    pub fn takes(self) -> (bool, bool) {
        match self {
            PolicyCommand::All | PolicyCommand::Update => (true, true),
            PolicyCommand::Select | PolicyCommand::Delete => (true, false),
            PolicyCommand::Insert => (false, true),
        }
    }
}

pub struct PolicyDef {
    pub name: String,
    /// The model's table: schema, name.
    pub table: (String, String),
    pub permissive: bool,
    pub command: PolicyCommand,
    /// As written, `public` for PUBLIC (the default).
    pub roles: Vec<String>,
    pub using: Option<String>,
    pub with_check: Option<String>,
    pub comment: Option<String>,
    pub renamed_from: Option<String>,
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
pub(super) fn ident_ok(cx: &mut Ctxt, name: &str, span: Span, what: &str, example: &str) -> bool {
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
pub(super) fn name_from(cx: &mut Ctxt, lit: &LitStr, what: &str, example: &str) -> String {
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
pub(super) fn qualified_hint(
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
pub(super) fn catalog_name(
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

pub(super) fn int<T: std::str::FromStr<Err: std::fmt::Display>>(
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

/// The name a constraint or index attribute gives itself (`name = "..."`), as written.
fn explicit_name(lit: &Option<LitStr>) -> Option<String> {
    lit.as_ref().map(LitStr::value)
}

/// Whether the type is written `Option<...>` (how a `sql_type` column knows it is NULL-able).
pub(super) fn is_option(ty: &Type) -> bool {
    match ty {
        Type::Path(p) => {
            p.qself.is_none() && p.path.segments.last().is_some_and(|s| s.ident == "Option")
        }
        Type::Group(g) => is_option(&g.elem),
        Type::Paren(p) => is_option(&p.elem),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::ast::ModelInput;
    use crate::ctxt::Ctxt;

    /// The constraint and index names `model` gives, kind by kind, in order.
    fn names(input: &str) -> Vec<String> {
        let input: syn::DeriveInput = syn::parse_str(input).expect("test input parses");
        let mut cx = Ctxt::default();
        let ast = ModelInput::parse(&input, &mut cx).expect("a model");
        let def = super::model(ast, &mut cx);
        assert!(cx.finish().is_ok(), "no errors");
        let mut out: Vec<String> = def.primary_key.into_iter().map(|(n, _)| n).collect();
        out.extend(def.uniques.into_iter().map(|u| u.name));
        out.extend(def.checks.into_iter().map(|(n, _)| n));
        out.extend(def.foreign_keys.into_iter().map(|f| f.name));
        out.extend(def.indexes.into_iter().map(|i| i.name));
        out
    }

    #[test]
    fn default_names_are_given_field_by_field_then_struct_level_avoiding_explicit_ones() {
        let got = names(
            r#"
            #[aludel(table = "t", unique(a), check = "a > b", check = "b > 0",
                     index(columns(a)), index(columns(b), name = "t_a_idx1"))]
            struct T {
                #[aludel(primary_key, unique, check = "a > 0", index)]
                a: i32,
                #[aludel(check = "b < a", check = "b > 1", index)]
                b: i32,
            }
            "#,
        );
        assert_eq!(
            got,
            [
                "t_pkey",
                // field `a`'s unique comes first, the struct's is numbered
                "t_a_key",
                "t_a_key1",
                // field-level checks, then the struct's; an explicit name is never reused
                "t_a_check",
                "t_check",
                "t_b_check",
                "t_check1",
                "t_b_check1",
                "t_a_idx",
                "t_b_idx",
                "t_a_idx2",
                "t_a_idx1",
            ]
        );
    }
}

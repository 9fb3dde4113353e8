//! Constraint attributes, on a struct or a field: `primary_key`, `unique`, `check`,
//! `references` / `foreign_key` with their actions.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Ident, LitStr, Token};

use super::value::{
    empty_parens, flag, ident_list, is_plain_name, key_of, parse_qualified, set_once, skip_value,
    string, unknown,
};
use crate::ctxt::Ctxt;

#[derive(Clone, Copy, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)]
pub enum Action {
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}

/// `primary_key`, `primary_key(a, b)`, `primary_key(name = "...")`.
pub struct KeyAttr {
    pub span: Span,
    pub columns: Vec<Ident>,
    pub name: Option<LitStr>,
}

pub struct UniqueAttr {
    pub span: Span,
    pub columns: Vec<Ident>,
    pub nulls_not_distinct: bool,
    pub include: Vec<Ident>,
    pub name: Option<LitStr>,
}

pub struct CheckAttr {
    pub span: Span,
    pub expr: Option<LitStr>,
    pub name: Option<LitStr>,
}

/// A parsed `references = "schema.table(a, b)"`.
pub struct Reference {
    pub lit: LitStr,
    pub schema: Option<String>,
    pub table: String,
    pub columns: Vec<String>,
}

pub struct ForeignKeyAttr {
    pub span: Span,
    pub columns: Vec<Ident>,
    pub references: Option<Reference>,
    pub on_delete: Option<(Action, Span)>,
    pub on_update: Option<(Action, Span)>,
    pub deferrable: bool,
    pub initially_deferred: bool,
    pub name: Option<LitStr>,
}

const ACTIONS: &str =
    "`\"cascade\"`, `\"restrict\"`, `\"set null\"`, `\"set default\"`, `\"no action\"`";

pub(super) fn action(
    meta: &ParseNestedMeta,
    key: &str,
    cx: &mut Ctxt,
) -> syn::Result<Option<(Action, Span)>> {
    let example = format!("{key} = \"cascade\"");
    let Some(lit) = string(meta, key, &example, cx)? else {
        return Ok(None);
    };
    let words: Vec<String> = lit
        .value()
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let action = match words.join(" ").replace('_', " ").as_str() {
        "cascade" => Action::Cascade,
        "restrict" => Action::Restrict,
        "set null" => Action::SetNull,
        "set default" => Action::SetDefault,
        "no action" => Action::NoAction,
        _ => {
            cx.error(
                lit.span(),
                format!("unknown foreign key action {:?}", lit.value()),
                format!("`{key}` takes one of {ACTIONS}"),
            );
            return Ok(None);
        }
    };
    Ok(Some((action, lit.span())))
}

/// Parses `references = "schema.table(a, b)"`.
pub(super) fn reference(meta: &ParseNestedMeta, cx: &mut Ctxt) -> syn::Result<Option<Reference>> {
    let example = "references = \"accounts(id)\"` or `references = \"auth.users(id)\"";
    let Some(lit) = string(meta, "references", example, cx)? else {
        return Ok(None);
    };
    match parse_reference(&lit.value()) {
        Ok((schema, table, columns)) => Ok(Some(Reference {
            lit,
            schema,
            table,
            columns,
        })),
        Err(reason) => {
            cx.error(
                lit.span(),
                format!("malformed reference {:?}: {reason}", lit.value()),
                format!("write `{example}`"),
            );
            Ok(None)
        }
    }
}

type ParsedReference = (Option<String>, String, Vec<String>);

fn parse_reference(s: &str) -> Result<ParsedReference, &'static str> {
    let s = s.trim();
    let open = s.find('(').ok_or("the referenced columns are missing")?;
    let inner = s[open + 1..]
        .strip_suffix(')')
        .ok_or("the column list does not end with `)`")?;
    let columns: Vec<String> = inner.split(',').map(|c| c.trim().to_owned()).collect();
    if columns.iter().any(|c| !is_plain_name(c)) {
        return Err("a referenced column is empty or not a plain name");
    }
    let (schema, table) = parse_qualified(s[..open].trim())?;
    Ok((schema, table, columns))
}

pub(super) fn unique_attr(
    meta: &ParseNestedMeta,
    table_level: bool,
    cx: &mut Ctxt,
) -> syn::Result<Option<UniqueAttr>> {
    let mut u = UniqueAttr {
        span: meta.path.span(),
        columns: Vec::new(),
        nulls_not_distinct: false,
        include: Vec::new(),
        name: None,
    };
    if !meta.input.peek(syn::token::Paren) {
        if table_level {
            cx.error(
                meta.path.span(),
                "`unique` on a struct needs its columns",
                "write `unique(a, b)`, or `unique` on the field",
            );
            skip_value(meta)?;
            return Ok(None);
        }
        flag(meta, "unique", cx)?;
        return Ok(Some(u));
    }
    if empty_parens(meta)? {
        return Ok(Some(u));
    }
    meta.parse_nested_meta(|inner| {
        let key = key_of(&inner);
        match key.as_str() {
            "nulls_not_distinct" => u.nulls_not_distinct |= flag(&inner, &key, cx)?,
            // on a struct, a bare `name` or `include` is a field of that name (as in
            // `primary_key(...)`): only `name = ...` and `include(...)` are options there
            "name" if !table_level || inner.input.peek(Token![=]) => {
                let v = string(&inner, "name", "name = \"users_email_key\"", cx)?;
                set_once(&mut u.name, v, inner.path.span(), "name", cx);
            }
            "include"
                if !table_level || !(inner.input.is_empty() || inner.input.peek(Token![,])) =>
            {
                u.include = ident_list(&inner, "include", "include(a, b)", cx)?
            }
            _ if table_level
                && inner.path.get_ident().is_some()
                && (inner.input.is_empty() || inner.input.peek(Token![,])) =>
            {
                u.columns
                    .push(inner.path.get_ident().cloned().expect("checked"));
            }
            _ => {
                let known = if table_level {
                    "field names, `nulls_not_distinct`, `include(...)`, `name = \"...\"`"
                } else {
                    "`nulls_not_distinct`, `include(...)`, `name = \"...\"`"
                };
                unknown(&inner, &key, "a unique constraint", known, cx)?;
            }
        }
        Ok(())
    })?;
    Ok(Some(u))
}

pub(super) fn key_attr(
    meta: &ParseNestedMeta,
    table_level: bool,
    cx: &mut Ctxt,
) -> syn::Result<Option<KeyAttr>> {
    let mut k = KeyAttr {
        span: meta.path.span(),
        columns: Vec::new(),
        name: None,
    };
    if !meta.input.peek(syn::token::Paren) {
        if table_level {
            cx.error(
                meta.path.span(),
                "`primary_key` on a struct needs its columns",
                "write `primary_key(a, b)`, or `primary_key` on the field",
            );
            skip_value(meta)?;
            return Ok(None);
        }
        flag(meta, "primary_key", cx)?;
        return Ok(Some(k));
    }
    if empty_parens(meta)? {
        return Ok(Some(k));
    }
    meta.parse_nested_meta(|inner| {
        let key = key_of(&inner);
        if key == "name" && inner.input.peek(Token![=]) {
            let v = string(&inner, "name", "name = \"users_pkey\"", cx)?;
            set_once(&mut k.name, v, inner.path.span(), "name", cx);
        } else if table_level
            && inner.path.get_ident().is_some()
            && (inner.input.is_empty() || inner.input.peek(Token![,]))
        {
            k.columns
                .push(inner.path.get_ident().cloned().expect("checked"));
        } else {
            let known = if table_level {
                "field names and `name = \"...\"`"
            } else {
                "`name = \"...\"`"
            };
            unknown(&inner, &key, "a primary key", known, cx)?;
        }
        Ok(())
    })?;
    Ok(Some(k))
}

pub(super) fn check_attr(meta: &ParseNestedMeta, cx: &mut Ctxt) -> syn::Result<CheckAttr> {
    let mut c = CheckAttr {
        span: meta.path.span(),
        expr: None,
        name: None,
    };
    let example = "check(name = \"price_positive\", expr = \"price > 0\")";
    if meta.input.peek(Token![=]) {
        c.expr = string(meta, "check", "check = \"price > 0\"", cx)?;
        return Ok(c);
    }
    if !meta.input.peek(syn::token::Paren) {
        cx.error(
            meta.path.span(),
            "`check` needs an expression",
            format!("write `{example}`"),
        );
        return Ok(c);
    }
    meta.parse_nested_meta(|inner| {
        let key = key_of(&inner);
        match key.as_str() {
            "expr" => {
                let v = string(&inner, "expr", "expr = \"price > 0\"", cx)?;
                set_once(&mut c.expr, v, inner.path.span(), "expr", cx);
            }
            "name" => {
                let v = string(&inner, "name", "name = \"price_positive\"", cx)?;
                set_once(&mut c.name, v, inner.path.span(), "name", cx);
            }
            _ => unknown(
                &inner,
                &key,
                "a check constraint",
                "`expr = \"...\"`, `name = \"...\"`",
                cx,
            )?,
        }
        Ok(())
    })?;
    if c.expr.is_none() {
        cx.error(
            c.span,
            "a check constraint needs `expr`",
            format!("write `{example}`"),
        );
    }
    Ok(c)
}

pub(super) fn foreign_key_attr(
    meta: &ParseNestedMeta,
    table_level: bool,
    cx: &mut Ctxt,
) -> syn::Result<ForeignKeyAttr> {
    let mut fk = ForeignKeyAttr {
        span: meta.path.span(),
        columns: Vec::new(),
        references: None,
        on_delete: None,
        on_update: None,
        deferrable: false,
        initially_deferred: false,
        name: None,
    };
    let example = if table_level {
        "foreign_key(columns(a, b), references = \"table(x, y)\")"
    } else {
        "foreign_key(references = \"table(id)\", on_delete = \"cascade\")"
    };
    if !meta.input.peek(syn::token::Paren) {
        cx.error(
            meta.path.span(),
            "`foreign_key` needs its options",
            format!("write `{example}`"),
        );
        skip_value(meta)?;
        return Ok(fk);
    }
    let mut columns_span = None;
    let mut saw_references = false;
    meta.parse_nested_meta(|inner| {
        let key = key_of(&inner);
        match key.as_str() {
            "columns" if table_level => {
                columns_span = Some(inner.path.span());
                fk.columns = ident_list(&inner, "columns", "columns(a, b)", cx)?;
            }
            "references" => {
                saw_references = true;
                let r = reference(&inner, cx)?;
                set_once(&mut fk.references, r, inner.path.span(), "references", cx);
            }
            "on_delete" => {
                let a = action(&inner, "on_delete", cx)?;
                set_once(&mut fk.on_delete, a, inner.path.span(), "on_delete", cx);
            }
            "on_update" => {
                let a = action(&inner, "on_update", cx)?;
                set_once(&mut fk.on_update, a, inner.path.span(), "on_update", cx);
            }
            "deferrable" => fk.deferrable |= flag(&inner, &key, cx)?,
            "initially_deferred" => fk.initially_deferred |= flag(&inner, &key, cx)?,
            "name" => {
                let v = string(&inner, "name", "name = \"orders_customer_fkey\"", cx)?;
                set_once(&mut fk.name, v, inner.path.span(), "name", cx);
            }
            _ => {
                let known = if table_level {
                    "`columns(...)`, `references`, `on_delete`, `on_update`, `deferrable`, `initially_deferred`, `name`"
                } else {
                    "`references`, `on_delete`, `on_update`, `deferrable`, `initially_deferred`, `name`"
                };
                unknown(&inner, &key, "a foreign key", known, cx)?;
            }
        }
        Ok(())
    })?;
    if table_level && columns_span.is_none() {
        cx.error(
            fk.span,
            "a foreign key on a struct needs `columns(...)`",
            format!("write `{example}`"),
        );
    }
    if !saw_references {
        cx.error(
            fk.span,
            "a foreign key needs `references`",
            format!("write `{example}`"),
        );
    }
    Ok(fk)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        assert_eq!(
            parse_reference("auth.users(id)"),
            Ok((Some("auth".into()), "users".into(), vec!["id".into()]))
        );
        assert_eq!(
            parse_reference(" t ( a , b ) "),
            Ok((None, "t".into(), vec!["a".into(), "b".into()]))
        );
        assert!(parse_reference("users").is_err());
        assert!(parse_reference("a.b.c(id)").is_err());
        assert!(parse_reference("users()").is_err());
        assert!(parse_reference("users(id").is_err());
    }
}

//! Index attributes, on a struct (`index(columns(a(desc), b), ...)`, `index(expr = "...")`) or
//! on a field (`index(desc, opclass = "...", ...)`), with their per-key options.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Ident, LitStr, Token};

use super::value::{empty_parens, flag, ident_list, key_of, set_once, skip_value, string, unknown};
use crate::ctxt::Ctxt;

pub enum KeyTarget {
    Column(Ident),
    Expr(LitStr),
}

pub struct IndexKeyAttr {
    pub target: KeyTarget,
    pub descending: bool,
    pub nulls_first: Option<bool>,
    pub opclass: Option<LitStr>,
    pub collation: Option<LitStr>,
}

pub struct IndexAttr {
    pub span: Span,
    pub keys: Vec<IndexKeyAttr>,
    /// Options of the single key of a field-level index.
    pub field_key: KeyOptions,
    pub unique: bool,
    pub nulls_not_distinct: bool,
    pub method: Option<LitStr>,
    pub predicate: Option<LitStr>,
    pub include: Vec<Ident>,
    pub name: Option<LitStr>,
    /// A key list that did not parse (already reported).
    pub broken: bool,
}

#[derive(Default)]
pub struct KeyOptions {
    pub descending: bool,
    pub nulls_first: Option<bool>,
    pub opclass: Option<LitStr>,
    pub collation: Option<LitStr>,
}

/// Per-key options inside `columns(a(desc, nulls_last))` or a field-level `index(...)`.
fn key_option(
    inner: &ParseNestedMeta,
    key: &str,
    opts: &mut KeyOptions,
    cx: &mut Ctxt,
) -> syn::Result<bool> {
    match key {
        "desc" => opts.descending |= flag(inner, key, cx)?,
        "asc" => {
            if flag(inner, key, cx)? {
                opts.descending = false;
            }
        }
        "nulls_first" => {
            if flag(inner, key, cx)? {
                opts.nulls_first = Some(true);
            }
        }
        "nulls_last" => {
            if flag(inner, key, cx)? {
                opts.nulls_first = Some(false);
            }
        }
        "opclass" => {
            let v = string(inner, "opclass", "opclass = \"text_pattern_ops\"", cx)?;
            set_once(&mut opts.opclass, v, inner.path.span(), "opclass", cx);
        }
        "collation" => {
            let v = string(inner, "collation", "collation = \"C\"", cx)?;
            set_once(&mut opts.collation, v, inner.path.span(), "collation", cx);
        }
        _ => return Ok(false),
    }
    Ok(true)
}

const KEY_OPTIONS: &str =
    "`desc`, `asc`, `nulls_first`, `nulls_last`, `opclass = \"...\"`, `collation = \"...\"`";

pub(super) fn index_attr(
    meta: &ParseNestedMeta,
    table_level: bool,
    cx: &mut Ctxt,
) -> syn::Result<Option<IndexAttr>> {
    let mut ix = IndexAttr {
        span: meta.path.span(),
        keys: Vec::new(),
        field_key: KeyOptions::default(),
        unique: false,
        nulls_not_distinct: false,
        method: None,
        predicate: None,
        include: Vec::new(),
        name: None,
        broken: false,
    };
    let example = "index(columns(a, b), where = \"deleted_at IS NULL\")";
    if !meta.input.peek(syn::token::Paren) {
        if table_level {
            cx.error(
                meta.path.span(),
                "`index` on a struct needs its keys",
                format!("write `{example}`, or `index` on the field"),
            );
            skip_value(meta)?;
            return Ok(None);
        }
        flag(meta, "index", cx)?;
        return Ok(Some(ix));
    }
    if empty_parens(meta)? {
        return Ok(Some(ix));
    }
    let mut broken = false;
    meta.parse_nested_meta(|inner| {
        let key = key_of(&inner);
        match key.as_str() {
            "columns" if table_level => {
                if !inner.input.peek(syn::token::Paren) {
                    cx.error(inner.path.span(), "`columns` needs a list of fields", "write `columns(a, b(desc))`");
                    broken = true;
                    return skip_value(&inner);
                }
                inner.parse_nested_meta(|col| {
                    let Some(id) = col.path.get_ident().cloned() else {
                        broken = true;
                        cx.error(col.path.span(), "`columns(...)` lists field names", "write `columns(a, b(desc))`");
                        return skip_value(&col);
                    };
                    let mut opts = KeyOptions::default();
                    if col.input.peek(syn::token::Paren) {
                        col.parse_nested_meta(|o| {
                            let k = key_of(&o);
                            if !key_option(&o, &k, &mut opts, cx)? {
                                unknown(&o, &k, "an index key", KEY_OPTIONS, cx)?;
                            }
                            Ok(())
                        })?;
                    } else if col.input.peek(Token![=]) {
                        broken = true;
                        cx.error(col.path.span(), "`columns(...)` lists field names", "write `columns(a, b(desc))`");
                        skip_value(&col)?;
                    }
                    ix.keys.push(IndexKeyAttr {
                        target: KeyTarget::Column(id),
                        descending: opts.descending,
                        nulls_first: opts.nulls_first,
                        opclass: opts.opclass,
                        collation: opts.collation,
                    });
                    Ok(())
                })?;
            }
            "expr" if table_level => {
                if let Some(e) = string(&inner, "expr", "expr = \"lower(email)\"", cx)? {
                    ix.keys.push(IndexKeyAttr {
                        target: KeyTarget::Expr(e),
                        descending: false,
                        nulls_first: None,
                        opclass: None,
                        collation: None,
                    });
                }
            }
            "unique" => ix.unique |= flag(&inner, &key, cx)?,
            "nulls_not_distinct" => ix.nulls_not_distinct |= flag(&inner, &key, cx)?,
            "method" => {
                let v = string(&inner, "method", "method = \"gin\"", cx)?;
                set_once(&mut ix.method, v, inner.path.span(), "method", cx);
            }
            "where" => {
                let v = string(&inner, "where", "where = \"deleted_at IS NULL\"", cx)?;
                set_once(&mut ix.predicate, v, inner.path.span(), "where", cx);
            }
            "include" => ix.include = ident_list(&inner, "include", "include(a, b)", cx)?,
            "name" => {
                let v = string(&inner, "name", "name = \"users_email_idx\"", cx)?;
                set_once(&mut ix.name, v, inner.path.span(), "name", cx);
            }
            _ if !table_level && key_option(&inner, &key, &mut ix.field_key, cx)? => {}
            _ => {
                let known = if table_level {
                    "`columns(...)`, `expr`, `unique`, `nulls_not_distinct`, `method`, `where`, `include(...)`, `name`"
                } else {
                    "`unique`, `nulls_not_distinct`, `method`, `where`, `include(...)`, `name`, `desc`, `asc`, `nulls_first`, `nulls_last`, `opclass`, `collation`"
                };
                unknown(&inner, &key, "an index", known, cx)?;
            }
        }
        Ok(())
    })?;
    ix.broken = broken;
    Ok(Some(ix))
}

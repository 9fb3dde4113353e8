//! The syntax shared by every `#[aludel(...)]` attribute: walking the items, the value forms
//! (string, integer, flag, field list), unknown and repeated keys, doc comments, qualified names.

use proc_macro2::{Span, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitInt, LitStr, Token};

use crate::ctxt::Ctxt;

/// The doc comment, lines joined with `\n`, one leading space and outer blank lines removed.
pub fn doc_comment(attrs: &[Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(nv) = &attr.meta
            && let Expr::Lit(ExprLit {
                lit: Lit::Str(s), ..
            }) = &nv.value
        {
            for line in s.value().lines() {
                lines.push(line.strip_prefix(' ').unwrap_or(line).trim_end().to_owned());
            }
        }
    }
    let text = lines.join("\n");
    let text = text.trim_matches('\n');
    (!text.trim().is_empty()).then(|| text.to_owned())
}

/// Runs `f` on every item of every `#[aludel(...)]` attribute; a syntax error ends only the
/// attribute it is in.
pub(super) fn each_item(
    attrs: &[Attribute],
    cx: &mut Ctxt,
    mut f: impl FnMut(&ParseNestedMeta, &str, &mut Ctxt) -> syn::Result<()>,
) {
    for attr in attrs {
        if !attr.path().is_ident("aludel") {
            continue;
        }
        if let syn::Meta::Path(p) = &attr.meta {
            cx.error(
                p.span(),
                "empty `#[aludel]` attribute",
                "write the options inside, as `#[aludel(name = \"...\")]`",
            );
            continue;
        }
        let mut inner = Ctxt::default();
        let res = attr.parse_nested_meta(|meta| {
            let key = key_of(&meta);
            f(&meta, &key, &mut inner)
        });
        if let Err(e) = inner.finish() {
            cx.push(e);
        }
        if let Err(e) = res {
            cx.push(e);
        }
    }
}

pub(super) fn key_of(meta: &ParseNestedMeta) -> String {
    meta.path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

/// Consumes whatever value follows an unknown key, so parsing goes on after it.
pub(super) fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.input.parse::<Token![=]>()?;
        meta.input.parse::<Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<TokenTree>()?;
    }
    Ok(())
}

pub(super) fn unknown(
    meta: &ParseNestedMeta,
    key: &str,
    place: &str,
    known: &str,
    cx: &mut Ctxt,
) -> syn::Result<()> {
    cx.error(
        meta.path.span(),
        format!("unknown aludel attribute `{key}` on {place}"),
        format!("the attributes allowed here are {known}"),
    );
    skip_value(meta)
}

/// Records a second occurrence of a single-valued key.
pub(super) fn set_once<T>(
    slot: &mut Option<T>,
    value: Option<T>,
    span: Span,
    key: &str,
    cx: &mut Ctxt,
) {
    if let Some(v) = value {
        if slot.is_some() {
            cx.error(
                span,
                format!("duplicate `{key}`"),
                format!("write `{key}` once"),
            );
        } else {
            *slot = Some(v);
        }
    }
}

/// Consumes `()` and returns true when the list is empty (syn rejects an empty nested list).
pub(super) fn empty_parens(meta: &ParseNestedMeta) -> syn::Result<bool> {
    if let Ok(TokenTree::Group(g)) = meta.input.fork().parse::<TokenTree>()
        && g.stream().is_empty()
    {
        meta.input.parse::<TokenTree>()?;
        return Ok(true);
    }
    Ok(false)
}

/// `key = "string"`; `example` is the correct form shown in the help line.
pub(super) fn string(
    meta: &ParseNestedMeta,
    key: &str,
    example: &str,
    cx: &mut Ctxt,
) -> syn::Result<Option<LitStr>> {
    if !meta.input.peek(Token![=]) {
        cx.error(
            meta.path.span(),
            format!("`{key}` needs a string value"),
            format!("write `{example}`"),
        );
        skip_value(meta)?;
        return Ok(None);
    }
    let value: Expr = meta.value()?.parse()?;
    match value {
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => Ok(Some(s)),
        other => {
            cx.error(
                other.span(),
                format!("`{key}` expects a string literal"),
                format!("write `{example}`"),
            );
            Ok(None)
        }
    }
}

/// `key = 123`.
pub(super) fn integer(
    meta: &ParseNestedMeta,
    key: &str,
    example: &str,
    cx: &mut Ctxt,
) -> syn::Result<Option<LitInt>> {
    if !meta.input.peek(Token![=]) {
        cx.error(
            meta.path.span(),
            format!("`{key}` needs an integer value"),
            format!("write `{example}`"),
        );
        skip_value(meta)?;
        return Ok(None);
    }
    let value: Expr = meta.value()?.parse()?;
    match value {
        Expr::Lit(ExprLit {
            lit: Lit::Int(i), ..
        }) => Ok(Some(i)),
        other => {
            cx.error(
                other.span(),
                format!("`{key}` expects an integer literal"),
                format!("write `{example}`"),
            );
            Ok(None)
        }
    }
}

/// A flag takes no value: `unique`, not `unique = true`.
pub(super) fn flag(meta: &ParseNestedMeta, key: &str, cx: &mut Ctxt) -> syn::Result<bool> {
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        cx.error(
            meta.path.span(),
            format!("`{key}` takes no value"),
            format!("write `{key}` alone"),
        );
        skip_value(meta)?;
        return Ok(false);
    }
    Ok(true)
}

/// `key = ["a", "b"]`: a list of string literals.
pub(super) fn string_list(
    meta: &ParseNestedMeta,
    key: &str,
    example: &str,
    cx: &mut Ctxt,
) -> syn::Result<Vec<LitStr>> {
    if !meta.input.peek(Token![=]) {
        cx.error(
            meta.path.span(),
            format!("`{key}` needs a list of strings"),
            format!("write `{example}`"),
        );
        skip_value(meta)?;
        return Ok(Vec::new());
    }
    let value: Expr = meta.value()?.parse()?;
    let mut out = Vec::new();
    match value {
        Expr::Array(list) => {
            for e in list.elems {
                match e {
                    Expr::Lit(ExprLit {
                        lit: Lit::Str(s), ..
                    }) => out.push(s),
                    other => cx.error(
                        other.span(),
                        format!("`{key}` lists string literals"),
                        format!("write `{example}`"),
                    ),
                }
            }
        }
        other => cx.error(
            other.span(),
            format!("`{key}` expects a list of strings"),
            format!("write `{example}`"),
        ),
    }
    Ok(out)
}

/// `(a, b, c)`: field names.
pub(super) fn ident_list(
    meta: &ParseNestedMeta,
    key: &str,
    example: &str,
    cx: &mut Ctxt,
) -> syn::Result<Vec<Ident>> {
    let mut out = Vec::new();
    if !meta.input.peek(syn::token::Paren) {
        cx.error(
            meta.path.span(),
            format!("`{key}` needs a list of fields"),
            format!("write `{example}`"),
        );
        skip_value(meta)?;
        return Ok(out);
    }
    meta.parse_nested_meta(|inner| {
        match inner.path.get_ident() {
            Some(id) if inner.input.is_empty() || inner.input.peek(Token![,]) => {
                out.push(id.clone())
            }
            _ => {
                cx.error(
                    inner.path.span(),
                    format!("`{key}(...)` lists field names"),
                    format!("write `{example}`"),
                );
                skip_value(&inner)?;
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// `name` or `schema.name`, each part a plain name.
pub fn parse_qualified(s: &str) -> Result<(Option<String>, String), &'static str> {
    let parts: Vec<&str> = s.split('.').collect();
    let (schema, name) = match parts.as_slice() {
        [name] => (None, *name),
        [schema, name] => (Some(*schema), *name),
        _ => return Err("a name has at most one `.` (`schema.name`)"),
    };
    if !is_plain_name(name) || schema.is_some_and(|s| !is_plain_name(s)) {
        return Err("a name is empty or contains white space, quotes or parentheses");
    }
    Ok((schema.map(str::to_owned), name.to_owned()))
}

pub(super) fn is_plain_name(s: &str) -> bool {
    !s.is_empty()
        && !s
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '"' | '(' | ')' | ',' | '.'))
}

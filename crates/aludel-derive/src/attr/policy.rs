//! `policy(...)` on a model struct: a row-level security policy's name, command, roles,
//! `using` and `with_check` clauses, `restrictive`, comment and rename hint, each kept as
//! written (with the span of its key) for `valid::policy` to check.

use proc_macro2::Span;
use syn::LitStr;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;

use super::value::{flag, key_of, set_once, skip_value, string, string_list, unknown};
use crate::ctxt::Ctxt;

pub struct PolicyAttr {
    /// The span of `policy`.
    pub span: Span,
    pub name: Option<LitStr>,
    pub command: Option<LitStr>,
    /// `to = [...]`: the span of `to` and the roles as written (`None`: not written, PUBLIC).
    pub to: Option<(Span, Vec<LitStr>)>,
    /// A clause with the span of its key.
    pub using: Option<(Span, LitStr)>,
    pub with_check: Option<(Span, LitStr)>,
    pub restrictive: bool,
    pub comment: Option<LitStr>,
    pub renamed_from: Option<LitStr>,
}

pub const EXAMPLE: &str = "policy(name = \"own_rows\", using = \"owner_id = auth.uid()\")";

const KEYS: &str =
    "`name`, `command`, `to`, `using`, `with_check`, `restrictive`, `comment`, `renamed_from`";

pub(super) fn policy_attr(meta: &ParseNestedMeta, cx: &mut Ctxt) -> syn::Result<PolicyAttr> {
    let mut p = PolicyAttr {
        span: meta.path.span(),
        name: None,
        command: None,
        to: None,
        using: None,
        with_check: None,
        restrictive: false,
        comment: None,
        renamed_from: None,
    };
    if !meta.input.peek(syn::token::Paren) {
        cx.error(
            meta.path.span(),
            "`policy` needs its options",
            format!("write `{EXAMPLE}`"),
        );
        skip_value(meta)?;
        return Ok(p);
    }
    meta.parse_nested_meta(|inner| {
        let key = key_of(&inner);
        let span = inner.path.span();
        match key.as_str() {
            "name" => {
                let v = string(&inner, "name", "name = \"own_rows\"", cx)?;
                set_once(&mut p.name, v, span, "name", cx);
            }
            "command" => {
                let v = string(&inner, "command", "command = \"select\"", cx)?;
                set_once(&mut p.command, v, span, "command", cx);
            }
            "to" => {
                let before = cx.count();
                let roles = string_list(
                    &inner,
                    "to",
                    "to = [\"authenticated\", \"service_role\"]",
                    cx,
                )?;
                // a malformed list is reported once, not again as an empty one
                let roles = (cx.count() == before).then_some((span, roles));
                set_once(&mut p.to, roles, span, "to", cx);
            }
            "using" => {
                let v = string(&inner, "using", "using = \"owner_id = auth.uid()\"", cx)?;
                set_once(&mut p.using, v.map(|v| (span, v)), span, "using", cx);
            }
            "with_check" => {
                let v = string(
                    &inner,
                    "with_check",
                    "with_check = \"owner_id = auth.uid()\"",
                    cx,
                )?;
                set_once(
                    &mut p.with_check,
                    v.map(|v| (span, v)),
                    span,
                    "with_check",
                    cx,
                );
            }
            "restrictive" => {
                if flag(&inner, "restrictive", cx)? {
                    if p.restrictive {
                        cx.error(span, "duplicate `restrictive`", "write `restrictive` once");
                    }
                    p.restrictive = true;
                }
            }
            "comment" => {
                let v = string(&inner, "comment", "comment = \"...\"", cx)?;
                set_once(&mut p.comment, v, span, "comment", cx);
            }
            "renamed_from" => {
                let v = string(&inner, "renamed_from", "renamed_from = \"old_name\"", cx)?;
                set_once(&mut p.renamed_from, v, span, "renamed_from", cx);
            }
            _ => unknown(&inner, &key, "a policy", KEYS, cx)?,
        }
        Ok(())
    })?;
    if p.name.is_none() {
        cx.error(
            p.span,
            "a policy needs `name`",
            format!("write `{EXAMPLE}`"),
        );
    }
    Ok(p)
}

//! `trigger(...)` on a model struct: the function it runs, its timing and events, row or
//! statement, `when`, its name, comment and rename hint, each kept as written (with its span)
//! for `valid::trigger` to check.

use proc_macro2::Span;
use syn::LitStr;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;

use super::value::{key_of, set_once, skip_value, string, string_list, unknown};
use crate::ctxt::Ctxt;

/// `BEFORE` or `AFTER`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    Before,
    After,
}

impl Timing {
    pub fn key(self) -> &'static str {
        match self {
            Timing::Before => "before",
            Timing::After => "after",
        }
    }
}

pub struct TriggerAttr {
    /// The span of `trigger`.
    pub span: Span,
    pub function: Option<LitStr>,
    pub args: Vec<LitStr>,
    /// Every timing key written, with its event list (two are an error).
    pub timings: Vec<(Timing, LitStr)>,
    pub for_each: Option<LitStr>,
    pub when: Option<LitStr>,
    pub name: Option<LitStr>,
    pub comment: Option<LitStr>,
    pub renamed_from: Option<LitStr>,
}

pub const EXAMPLE: &str = "trigger(function = \"public.set_updated_at\", before = \"update\")";

const KEYS: &str =
    "`function`, `args`, `before`, `after`, `for_each`, `when`, `name`, `comment`, `renamed_from`";

pub(super) fn trigger_attr(meta: &ParseNestedMeta, cx: &mut Ctxt) -> syn::Result<TriggerAttr> {
    let mut t = TriggerAttr {
        span: meta.path.span(),
        function: None,
        args: Vec::new(),
        timings: Vec::new(),
        for_each: None,
        when: None,
        name: None,
        comment: None,
        renamed_from: None,
    };
    if !meta.input.peek(syn::token::Paren) {
        cx.error(
            meta.path.span(),
            "`trigger` needs its options",
            format!("write `{EXAMPLE}`"),
        );
        skip_value(meta)?;
        return Ok(t);
    }
    meta.parse_nested_meta(|inner| {
        let key = key_of(&inner);
        let span = inner.path.span();
        match key.as_str() {
            "function" => {
                let v = string(
                    &inner,
                    "function",
                    "function = \"public.set_updated_at\"",
                    cx,
                )?;
                set_once(&mut t.function, v, span, "function", cx);
            }
            "args" => t.args = string_list(&inner, "args", "args = [\"audit\", \"2\"]", cx)?,
            "before" | "after" => {
                let timing = if key == "before" {
                    Timing::Before
                } else {
                    Timing::After
                };
                let example = format!("{key} = \"insert or update\"");
                if let Some(v) = string(&inner, &key, &example, cx)? {
                    t.timings.push((timing, v));
                }
            }
            "for_each" => {
                let v = string(&inner, "for_each", "for_each = \"statement\"", cx)?;
                set_once(&mut t.for_each, v, span, "for_each", cx);
            }
            "when" => {
                let v = string(
                    &inner,
                    "when",
                    "when = \"OLD.status IS DISTINCT FROM NEW.status\"",
                    cx,
                )?;
                set_once(&mut t.when, v, span, "when", cx);
            }
            "name" => {
                let v = string(&inner, "name", "name = \"agents_touch\"", cx)?;
                set_once(&mut t.name, v, span, "name", cx);
            }
            "comment" => {
                let v = string(&inner, "comment", "comment = \"...\"", cx)?;
                set_once(&mut t.comment, v, span, "comment", cx);
            }
            "renamed_from" => {
                let v = string(&inner, "renamed_from", "renamed_from = \"old_name\"", cx)?;
                set_once(&mut t.renamed_from, v, span, "renamed_from", cx);
            }
            _ => unknown(&inner, &key, "a trigger", KEYS, cx)?,
        }
        Ok(())
    })?;
    if t.function.is_none() {
        cx.error(
            t.span,
            "a trigger needs `function`, the trigger function it runs",
            format!("write `{EXAMPLE}`"),
        );
    }
    Ok(t)
}

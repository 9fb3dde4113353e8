//! Validation of a model's `trigger(...)` attributes: one timing, the events (`update of` names
//! columns of the model), row or statement and what each allows, the function, the trigger's
//! name (default `<table>_<function>`, unique on the model, at most 63 bytes) and its hint.

use std::collections::BTreeSet;

use aludel_sql::lex::{self, TokenKind};
use proc_macro2::Span;
use syn::LitStr;

use super::{Event, TriggerDef, ident_ok, name_from};
use crate::attr::{self, TRIGGER_EXAMPLE as EXAMPLE, Timing, TriggerAttr};
use crate::ctxt::Ctxt;
use crate::names::MAX_IDENT_BYTES;

const EVENTS: &str = "`insert`, `update`, `update of a, b`, `delete`, `truncate`, joined by `or` (as in `before = \"insert or update of status\"`)";

/// The triggers of one model; `columns` are its column names, `schema` and `table` its table.
pub(super) fn triggers(
    attrs: &[TriggerAttr],
    schema: &str,
    table: &str,
    columns: &[String],
    cx: &mut Ctxt,
) -> Vec<TriggerDef> {
    let mut names: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::new();
    for t in attrs {
        if let Some(def) = trigger(t, schema, table, columns, cx) {
            if names.insert(def.name.clone()) {
                out.push(def);
            } else {
                let span = t.name.as_ref().map_or(t.span, LitStr::span);
                cx.error(
                    span,
                    format!("duplicate trigger name `{}` on table `{table}`", def.name),
                    "give each trigger of a model its own name, as in `name = \"agents_touch\"`",
                );
            }
        }
    }
    out
}

fn trigger(
    t: &TriggerAttr,
    schema: &str,
    table: &str,
    columns: &[String],
    cx: &mut Ctxt,
) -> Option<TriggerDef> {
    let errors_before = cx.count();
    let function = t.function.as_ref().and_then(|lit| {
        match attr::parse_qualified(&lit.value()) {
            Ok((s, n)) => Some((s.unwrap_or_else(|| schema.to_owned()), n, lit.span())),
            Err(reason) => {
                cx.error(
                    lit.span(),
                    format!("malformed trigger function {:?}: {reason}", lit.value()),
                    "write `function = \"public.set_updated_at\"` (the function's name, without `()`)",
                );
                None
            }
        }
    });

    let (timing, events) = match t.timings.as_slice() {
        [] => {
            cx.error(
                t.span,
                "a trigger needs its timing: `before = \"...\"` or `after = \"...\"`",
                format!("write `{EXAMPLE}`"),
            );
            (Timing::Before, Vec::new())
        }
        [(timing, lit)] => (*timing, events(lit, columns, cx)),
        [(first, _), (second, lit), ..] => {
            let help = if first == second {
                format!("write `{}` once, its events joined by `or`", first.key())
            } else {
                "keep one of `before` and `after`; a trigger fires at one time (declare a second trigger for the other)".to_owned()
            };
            cx.error(
                lit.span(),
                format!(
                    "a trigger has one timing, but this one has `{}` and `{}`",
                    first.key(),
                    second.key()
                ),
                help,
            );
            (*first, Vec::new())
        }
    };

    let row = match &t.for_each {
        None => true,
        Some(lit) => match lit.value().to_ascii_lowercase().as_str() {
            "row" => true,
            "statement" => false,
            _ => {
                cx.error(
                    lit.span(),
                    format!("unknown `for_each` {:?}", lit.value()),
                    "write `for_each = \"row\"` (the default) or `for_each = \"statement\"`",
                );
                true
            }
        },
    };
    if row && events.contains(&Event::Truncate) {
        let span = t.for_each.as_ref().map_or(t.span, LitStr::span);
        cx.error(
            span,
            "a `truncate` trigger fires once per statement, never per row",
            "write `for_each = \"statement\"` (triggers are per row unless it says so)",
        );
    }
    let when = t.when.as_ref().map(LitStr::value);
    if let Some(lit) = &t.when {
        if !row {
            cx.error(
                lit.span(),
                "`when` on a statement-level trigger can test no row",
                "remove `when`, or make the trigger per row with `for_each = \"row\"`",
            );
        } else if lit.value().trim().is_empty() {
            cx.error(
                lit.span(),
                "empty `when`",
                "write a condition, as in `when = \"OLD.status IS DISTINCT FROM NEW.status\"`",
            );
        }
    }

    let name = match (&t.name, &function) {
        (Some(lit), _) => name_from(cx, lit, "trigger name", "name = \"agents_touch\""),
        (None, Some((_, f, span))) => {
            let n = format!("{table}_{f}");
            if n.len() > MAX_IDENT_BYTES {
                cx.error(
                    *span,
                    format!("the trigger's default name `{n}` (`<table>_<function>`) is longer than PostgreSQL's 63 bytes"),
                    "name it, as in `name = \"agents_touch\"`",
                );
            } else {
                ident_ok(cx, &n, *span, "trigger name", "name = \"agents_touch\"");
            }
            n
        }
        (None, None) => return None,
    };
    let renamed_from = t.renamed_from.as_ref().and_then(|lit| {
        let old = lit.value();
        if old.contains('.') {
            cx.error(
                lit.span(),
                format!("a trigger's `renamed_from` is its old name alone, not `{old}`"),
                "write `renamed_from = \"old_name\"` (a trigger stays on its table)",
            );
            None
        } else if old == name {
            cx.error(
                lit.span(),
                format!("`renamed_from` names `{name}` itself"),
                "name the previous name, as in `renamed_from = \"old_name\"`",
            );
            None
        } else {
            ident_ok(
                cx,
                &old,
                lit.span(),
                "trigger name",
                "renamed_from = \"old_name\"",
            )
            .then_some(old)
        }
    });

    let (fschema, fname, _) = function?;
    if cx.count() > errors_before {
        return None;
    }
    Some(TriggerDef {
        name,
        table: (schema.to_owned(), table.to_owned()),
        timing,
        events,
        row,
        when,
        function: (fschema, fname),
        args: t.args.iter().map(LitStr::value).collect(),
        comment: t.comment.as_ref().map(LitStr::value),
        renamed_from,
        line: line_of(t.span),
    })
}

/// The line of `span` in its file, when running inside the compiler (unit tests run outside).
fn line_of(span: Span) -> Option<usize> {
    proc_macro::is_available().then(|| span.unwrap().line())
}

/// Reads `insert or update of a, b or delete`; `update of` names columns of `columns`.
fn events(lit: &LitStr, columns: &[String], cx: &mut Ctxt) -> Vec<Event> {
    match parse_events(&lit.value(), columns) {
        Ok(events) => events,
        Err(EventError::NoColumn(c)) => {
            let known: Vec<String> = columns.iter().map(|c| format!("`{c}`")).collect();
            cx.error(
                lit.span(),
                format!("`update of` names `{c}`, which is not a column of this model"),
                format!("name its columns ({}), as written in SQL", known.join(", ")),
            );
            Vec::new()
        }
        Err(EventError::Other(message)) => {
            cx.error(lit.span(), message, format!("the events are {EVENTS}"));
            Vec::new()
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
enum EventError {
    /// `update of` names a column the model does not have.
    NoColumn(String),
    Other(String),
}

/// The events of a timing key's value; column names are read as SQL reads them (unquoted ones
/// folded to lower case).
fn parse_events(text: &str, columns: &[String]) -> Result<Vec<Event>, EventError> {
    let tokens: Vec<lex::Token<'_>> = lex::significant(text).collect();
    let mut out: Vec<Event> = Vec::new();
    let mut i = 0;
    let word = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text.to_ascii_lowercase())
    };
    if tokens.is_empty() {
        return Err(EventError::Other("the trigger lists no event".to_owned()));
    }
    loop {
        let Some(w) = word(i) else {
            return Err(EventError::Other(match tokens.get(i) {
                Some(t) => format!("expected a trigger event, found `{}`", t.text),
                None => "expected a trigger event after the last `or`".to_owned(),
            }));
        };
        i += 1;
        let event = match w.as_str() {
            "insert" => Event::Insert,
            "delete" => Event::Delete,
            "truncate" => Event::Truncate,
            "update" if word(i).as_deref() == Some("of") => {
                i += 1;
                let mut cols: Vec<String> = Vec::new();
                loop {
                    let Some(c) = tokens
                        .get(i)
                        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::QuotedIdent))
                        .and_then(|t| t.ident())
                    else {
                        return Err(EventError::Other(
                            "`update of` needs column names, as in `update of status, name`"
                                .to_owned(),
                        ));
                    };
                    let c = c.into_owned();
                    if !columns.contains(&c) {
                        return Err(EventError::NoColumn(c));
                    }
                    if cols.contains(&c) {
                        return Err(EventError::Other(format!(
                            "`update of` names column `{c}` twice"
                        )));
                    }
                    cols.push(c);
                    i += 1;
                    if tokens.get(i).is_some_and(|t| t.is(",")) {
                        i += 1;
                    } else {
                        break;
                    }
                }
                Event::Update(cols)
            }
            "update" => Event::Update(Vec::new()),
            other => {
                return Err(EventError::Other(format!(
                    "unknown trigger event `{other}`"
                )));
            }
        };
        let same = |e: &Event| std::mem::discriminant(e) == std::mem::discriminant(&event);
        if out.iter().any(same) {
            return Err(EventError::Other(format!("the trigger lists `{w}` twice")));
        }
        out.push(event);
        match word(i).as_deref() {
            None if i == tokens.len() => return Ok(out),
            Some("or") => i += 1,
            _ => {
                return Err(EventError::Other(format!(
                    "expected `or` between trigger events, found `{}`",
                    tokens[i].text
                )));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events() {
        let cols: Vec<String> = ["status", "name", "Mixed"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let p = |s: &str| parse_events(s, &cols);
        assert_eq!(p("update"), Ok(vec![Event::Update(vec![])]));
        assert_eq!(
            p("INSERT or Update Of status, \"Mixed\" OR delete"),
            Ok(vec![
                Event::Insert,
                Event::Update(vec!["status".into(), "Mixed".into()]),
                Event::Delete
            ])
        );
        assert_eq!(
            p("update of status or truncate"),
            Ok(vec![Event::Update(vec!["status".into()]), Event::Truncate])
        );
        assert_eq!(
            p("update of mixed"),
            Err(EventError::NoColumn("mixed".into()))
        );
        let other = |s: &str| match p(s) {
            Err(EventError::Other(m)) => m,
            r => panic!("{s}: {r:?}"),
        };
        assert_eq!(other(""), "the trigger lists no event");
        assert_eq!(other("upsert"), "unknown trigger event `upsert`");
        assert_eq!(
            other("insert, update"),
            "expected `or` between trigger events, found `,`"
        );
        assert_eq!(
            other("insert or"),
            "expected a trigger event after the last `or`"
        );
        assert_eq!(
            other("update or update of name"),
            "the trigger lists `update` twice"
        );
        assert_eq!(
            other("update of status, status"),
            "`update of` names column `status` twice"
        );
        assert_eq!(
            other("update of"),
            "`update of` needs column names, as in `update of status, name`"
        );
    }
}

//! Validation of a model's `policy(...)` attributes: the command and the clauses it takes
//! (PostgreSQL's rules: `INSERT` only `WITH CHECK`, `SELECT` and `DELETE` only `USING`; at
//! least one clause), the roles (default `PUBLIC`), the policy's name (required, unique on the
//! model, at most 63 bytes) and its rename hint.

use std::collections::BTreeSet;

use syn::LitStr;

use super::{PolicyCommand, PolicyDef, ident_ok, name_from};
use crate::attr::PolicyAttr;
use crate::ctxt::Ctxt;

const COMMANDS: &str =
    "`\"all\"` (the default), `\"select\"`, `\"insert\"`, `\"update\"`, `\"delete\"`";

/// The policies of one model, on table `schema.table`.
pub(super) fn policies(
    attrs: &[PolicyAttr],
    schema: &str,
    table: &str,
    cx: &mut Ctxt,
) -> Vec<PolicyDef> {
    let mut names: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::new();
    for p in attrs {
        if let Some(def) = policy(p, schema, table, cx) {
            if names.insert(def.name.clone()) {
                out.push(def);
            } else {
                let span = p.name.as_ref().map_or(p.span, LitStr::span);
                cx.error(
                    span,
                    format!("duplicate policy name `{}` on table `{table}`", def.name),
                    "give each policy of a model its own name",
                );
            }
        }
    }
    out
}

fn policy(p: &PolicyAttr, schema: &str, table: &str, cx: &mut Ctxt) -> Option<PolicyDef> {
    let errors_before = cx.count();
    let name = p
        .name
        .as_ref()
        .map(|lit| name_from(cx, lit, "policy name", "name = \"own_rows\""));

    let command = match &p.command {
        None => PolicyCommand::All,
        Some(lit) => match lit.value().to_ascii_lowercase().as_str() {
            "all" => PolicyCommand::All,
            "select" => PolicyCommand::Select,
            "insert" => PolicyCommand::Insert,
            "update" => PolicyCommand::Update,
            "delete" => PolicyCommand::Delete,
            _ => {
                cx.error(
                    lit.span(),
                    format!("unknown policy command {:?}", lit.value()),
                    format!("the commands are {COMMANDS}"),
                );
                return None;
            }
        },
    };
    let (takes_using, takes_check) = command.takes();
    let keyword = command.key();
    let mut clause = |c: &Option<(proc_macro2::Span, LitStr)>, key: &str, takes: bool| {
        let (span, lit) = c.as_ref()?;
        if !takes {
            let help = if key == "using" {
                "an `insert` policy checks new rows only: write the condition as `with_check = \"...\"`"
            } else {
                "a `select` or `delete` policy sees existing rows only: write the condition as `using = \"...\"`"
            };
            cx.error(
                *span,
                format!("a policy for `{keyword}` takes no `{key}` clause"),
                help,
            );
            return None;
        }
        if lit.value().trim().is_empty() {
            cx.error(
                lit.span(),
                format!("empty `{key}`"),
                format!("write a condition, as in `{key} = \"owner_id = auth.uid()\"`"),
            );
            return None;
        }
        Some(lit.value())
    };
    let using = clause(&p.using, "using", takes_using);
    let with_check = clause(&p.with_check, "with_check", takes_check);
    if p.using.is_none() && p.with_check.is_none() {
        let help = match command {
            PolicyCommand::Insert => {
                "write `with_check = \"...\"`, the condition new rows must meet"
            }
            PolicyCommand::Select | PolicyCommand::Delete => {
                "write `using = \"...\"`, the condition the rows it sees meet"
            }
            PolicyCommand::All | PolicyCommand::Update => {
                "write `using = \"...\"` (the rows it sees), `with_check = \"...\"` (the rows it writes), or both; `using = \"true\"` for every row"
            }
        };
        cx.error(
            p.span,
            format!("a policy for `{keyword}` needs a condition"),
            help,
        );
    }

    let roles = match &p.to {
        None => vec!["public".to_owned()],
        Some((span, lits)) => {
            if lits.is_empty() {
                cx.error(
                    *span,
                    "`to` lists no role",
                    "name the roles, as in `to = [\"authenticated\"]`, or leave `to` out for every role (PUBLIC)",
                );
            }
            let mut roles: Vec<String> = Vec::new();
            for lit in lits {
                let v = lit.value();
                // `PUBLIC` is a keyword, not a role: any spelling stands for every role
                let role = if v.eq_ignore_ascii_case("public") {
                    "public".to_owned()
                } else {
                    ident_ok(cx, &v, lit.span(), "role name", "to = [\"authenticated\"]");
                    v
                };
                if roles.contains(&role) {
                    cx.error(
                        lit.span(),
                        format!("`to` names role `{role}` twice"),
                        "name each role once",
                    );
                } else {
                    roles.push(role);
                }
            }
            roles
        }
    };

    let renamed_from = p.renamed_from.as_ref().and_then(|lit| {
        let old = lit.value();
        if old.contains('.') {
            cx.error(
                lit.span(),
                format!("a policy's `renamed_from` is its old name alone, not `{old}`"),
                "write `renamed_from = \"old_name\"` (a policy stays on its table)",
            );
            None
        } else if name.as_deref() == Some(old.as_str()) {
            cx.error(
                lit.span(),
                format!("`renamed_from` names `{old}` itself"),
                "name the previous name, as in `renamed_from = \"old_name\"`",
            );
            None
        } else {
            ident_ok(
                cx,
                &old,
                lit.span(),
                "policy name",
                "renamed_from = \"old_name\"",
            )
            .then_some(old)
        }
    });

    let name = name?;
    if cx.count() > errors_before {
        return None;
    }
    Some(PolicyDef {
        name,
        table: (schema.to_owned(), table.to_owned()),
        permissive: !p.restrictive,
        command,
        roles,
        using,
        with_check,
        comment: p.comment.as_ref().map(LitStr::value),
        renamed_from,
    })
}

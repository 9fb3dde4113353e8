//! Row-level security policies: renames (hints only), create, drop, alter (`ALTER POLICY` or
//! drop and create, which the renderer decides from `Policy::alterable_to`). A policy stays on
//! its table through a table or column rename (the working copy follows them).

use aludel_schema::{Change, Policy, PolicyId};

use crate::{Cx, DiffError, resolve_hints};

pub(crate) fn renames(cx: &mut Cx) -> Result<(), DiffError> {
    let hints = cx
        .des
        .policies
        .values()
        .filter_map(|p| {
            let old = p.renamed_from.clone()?;
            let from = PolicyId {
                table: p.id.table.clone(),
                name: old,
            };
            Some((p.id.clone(), from))
        })
        .collect();
    let pairs = resolve_hints("policy", hints, |k| cx.cur.policies.contains_key(k))?;
    for (to, from) in pairs {
        cx.emit_applied(Change::RenamePolicy {
            table: from.table,
            from: from.name,
            to: to.name,
        })?;
    }
    Ok(())
}

pub(crate) fn bare(p: &Policy) -> Policy {
    let mut p = p.clone();
    p.renamed_from = None;
    p
}

pub(crate) fn diff(cx: &mut Cx) {
    let mut out = Vec::new();
    for (id, d) in &cx.des.policies {
        match cx.cur.policies.get(id) {
            None => out.push(Change::CreatePolicy(bare(d))),
            Some(c) if !same(c, d) => out.push(Change::AlterPolicy {
                old: bare(c),
                new: bare(d),
            }),
            Some(_) => {}
        }
    }
    for (id, c) in &cx.cur.policies {
        if !cx.des.policies.contains_key(id) {
            out.push(Change::DropPolicy(bare(c)));
        }
    }
    cx.out.extend(out);
}

/// Equal but for the rename hint and what `pg_depend` lists (which follows the expressions).
fn same(c: &Policy, d: &Policy) -> bool {
    let Policy {
        id,
        permissive,
        command,
        roles,
        using,
        with_check,
        comment,
        depends_on: _,
        renamed_from: _,
    } = d;
    c.id == *id
        && c.permissive == *permissive
        && c.command == *command
        && c.roles == *roles
        && c.using == *using
        && c.with_check == *with_check
        && c.comment == *comment
}

//! Schemas (namespaces): renames following `renamed_from` hints, create, drop (each with its
//! comment), comment changes.

use aludel_schema::{Change, CommentTarget, Namespace};

use crate::{Cx, DiffError, resolve_hints};

/// `ALTER SCHEMA ... RENAME TO` for every hinted schema whose old name exists and new name
/// does not; applied to the working copy, so everything in it moves along.
pub(crate) fn renames(cx: &mut Cx) -> Result<(), DiffError> {
    let hints = cx
        .des
        .namespaces
        .values()
        .filter_map(|n| n.renamed_from.clone().map(|old| (n.name.clone(), old)))
        .collect();
    let pairs = resolve_hints("schema", hints, |k| cx.cur.namespaces.contains_key(k))?;
    for (to, from) in pairs {
        cx.emit_applied(Change::RenameSchema { from, to })?;
    }
    Ok(())
}

fn bare(n: &Namespace) -> Namespace {
    Namespace {
        renamed_from: None,
        ..n.clone()
    }
}

pub(crate) fn diff(cx: &mut Cx) {
    let mut out = Vec::new();
    for (name, ns) in &cx.des.namespaces {
        match cx.cur.namespaces.get(name) {
            None => out.push(Change::CreateSchema(bare(ns))),
            Some(old) if old.comment != ns.comment => out.push(Change::SetComment {
                target: CommentTarget::Schema(name.clone()),
                old: old.comment.clone(),
                new: ns.comment.clone(),
            }),
            Some(_) => {}
        }
    }
    for (name, ns) in &cx.cur.namespaces {
        if !cx.des.namespaces.contains_key(name) {
            out.push(Change::DropSchema(bare(ns)));
        }
    }
    cx.out.extend(out);
}

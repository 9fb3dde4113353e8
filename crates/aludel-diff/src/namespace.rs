//! Schemas (namespaces): create, drop (each with its comment), comment changes.

use aludel_schema::{Change, CommentTarget};

use crate::Cx;

pub(crate) fn diff(cx: &mut Cx) {
    let mut out = Vec::new();
    for (name, ns) in &cx.des.namespaces {
        match cx.cur.namespaces.get(name) {
            None => out.push(Change::CreateSchema(ns.clone())),
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
            out.push(Change::DropSchema(ns.clone()));
        }
    }
    cx.out.extend(out);
}

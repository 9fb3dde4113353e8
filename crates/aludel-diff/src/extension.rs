//! Extensions: create and drop (a change of schema is a drop and a create).

use aludel_schema::Change;

use crate::Cx;

pub(crate) fn diff(cx: &mut Cx) {
    let mut out = Vec::new();
    for (name, e) in &cx.cur.extensions {
        if cx.des.extensions.get(name) != Some(e) {
            out.push(Change::DropExtension(e.clone()));
        }
    }
    for (name, e) in &cx.des.extensions {
        if cx.cur.extensions.get(name) != Some(e) {
            out.push(Change::CreateExtension(e.clone()));
        }
    }
    cx.out.extend(out);
}

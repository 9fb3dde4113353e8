//! Extensions: create, drop, and a move to another schema (`ALTER EXTENSION ... SET SCHEMA`,
//! which keeps the objects that use the extension's types and functions).

use aludel_schema::Change;

use crate::Cx;

pub(crate) fn diff(cx: &mut Cx) {
    let mut out = Vec::new();
    for (name, e) in &cx.cur.extensions {
        match cx.des.extensions.get(name) {
            None => out.push(Change::DropExtension(e.clone())),
            Some(d) if d.schema != e.schema => out.push(Change::SetExtensionSchema {
                name: name.clone(),
                from: e.schema.clone(),
                to: d.schema.clone(),
            }),
            Some(_) => {}
        }
    }
    for (name, e) in &cx.des.extensions {
        if !cx.cur.extensions.contains_key(name) {
            out.push(Change::CreateExtension(e.clone()));
        }
    }
    cx.out.extend(out);
}

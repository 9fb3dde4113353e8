//! Functions and procedures: renames (hints only; the argument types stay), create, drop,
//! alter (`CREATE OR REPLACE` or drop and create, which the renderer decides from
//! `Function::replaceable_by`). A function whose `BEGIN ATOMIC` body uses an object renamed by
//! the same diff is dropped before the rename and created after it.

use aludel_schema::{Change, Function, FunctionId};

use crate::{Cx, DiffError, renamed, resolve_hints};

pub(crate) fn renames(cx: &mut Cx) -> Result<(), DiffError> {
    let hints = cx
        .des
        .functions
        .values()
        .filter_map(|f| {
            let old = f.renamed_from.clone()?;
            Some((f.id.clone(), FunctionId::new(old, f.id.args.clone())))
        })
        .collect();
    let pairs = resolve_hints("function", hints, |k| cx.cur.functions.contains_key(k))?;
    for (to, from) in pairs {
        let kind = cx.cur.functions[&from].kind;
        cx.emit_applied(Change::RenameFunction {
            from,
            to: to.name,
            kind,
        })?;
    }
    Ok(())
}

pub(crate) fn bare(f: &Function) -> Function {
    let mut f = f.clone();
    f.renamed_from = None;
    f
}

pub(crate) fn diff(cx: &mut Cx) {
    let renamed = renamed::Renamed::of(&cx.out);
    let mut out = Vec::new();
    for (id, d) in &cx.des.functions {
        match cx.cur.functions.get(id) {
            None => out.push(Change::CreateFunction(bare(d))),
            Some(c) if renamed.touches(&c.depends_on) => {
                out.push(Change::DropFunction(bare(c)));
                out.push(Change::CreateFunction(bare(d)));
            }
            Some(c) if !same(c, d) => out.push(Change::AlterFunction {
                old: bare(c),
                new: bare(d),
            }),
            Some(_) => {}
        }
    }
    for (id, c) in &cx.cur.functions {
        if !cx.des.functions.contains_key(id) {
            out.push(Change::DropFunction(bare(c)));
        }
    }
    cx.out.extend(out);
}

/// Equal but for the rename hint (the current side never has one), without copying.
fn same(c: &Function, d: &Function) -> bool {
    if d.renamed_from.is_none() && c.renamed_from.is_none() {
        c == d
    } else {
        bare(c) == bare(d)
    }
}

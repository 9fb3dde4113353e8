//! Triggers: renames (hints only), create, drop, alter (definition, enabled state, comment). A
//! trigger on a renamed table, or using a renamed column or function, is dropped before the
//! rename and created after it (its stored definition names the old object).

use aludel_schema::{Change, Dependency, Trigger, TriggerId};

use crate::{Cx, DiffError, renamed, resolve_hints};

pub(crate) fn renames(cx: &mut Cx) -> Result<(), DiffError> {
    let hints = cx
        .des
        .triggers
        .values()
        .filter_map(|t| {
            let old = t.renamed_from.clone()?;
            let from = TriggerId {
                table: t.id.table.clone(),
                name: old,
            };
            Some((t.id.clone(), from))
        })
        .collect();
    let pairs = resolve_hints("trigger", hints, |k| cx.cur.triggers.contains_key(k))?;
    for (to, from) in pairs {
        cx.emit_applied(Change::RenameTrigger {
            table: from.table,
            from: from.name,
            to: to.name,
        })?;
    }
    Ok(())
}

pub(crate) fn bare(t: &Trigger) -> Trigger {
    let mut t = t.clone();
    t.renamed_from = None;
    t
}

/// What a trigger names besides its `pg_depend` uses: its table and function.
fn uses(t: &Trigger) -> Vec<Dependency> {
    let mut v = t.depends_on.clone();
    v.push(Dependency::Table(t.id.table.clone()));
    v.push(Dependency::View(t.id.table.clone()));
    v.push(Dependency::Function(t.function.clone()));
    v
}

pub(crate) fn diff(cx: &mut Cx) {
    let renamed = renamed::Renamed::of(&cx.out);
    let mut out = Vec::new();
    for (id, d) in &cx.des.triggers {
        match cx.cur.triggers.get(id) {
            None => out.push(Change::CreateTrigger(bare(d))),
            Some(c) if renamed.touches(&uses(c)) => {
                out.push(Change::DropTrigger(bare(c)));
                out.push(Change::CreateTrigger(bare(d)));
            }
            Some(c) if !same(c, d) => out.push(Change::AlterTrigger {
                old: bare(c),
                new: bare(d),
            }),
            Some(_) => {}
        }
    }
    for (id, c) in &cx.cur.triggers {
        if !cx.des.triggers.contains_key(id) {
            out.push(Change::DropTrigger(bare(c)));
        }
    }
    cx.out.extend(out);
}

/// Equal but for the rename hint (the current side never has one), without copying.
fn same(c: &Trigger, d: &Trigger) -> bool {
    if d.renamed_from.is_none() && c.renamed_from.is_none() {
        c == d
    } else {
        bare(c) == bare(d)
    }
}

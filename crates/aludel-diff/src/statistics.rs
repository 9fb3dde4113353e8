//! Extended statistics: renames (hints only), create, drop, alter (target and comment in
//! place, another definition drops and creates).

use aludel_schema::{Change, Statistics};

use crate::{Cx, DiffError, resolve_hints};

pub(crate) fn renames(cx: &mut Cx) -> Result<(), DiffError> {
    let hints = cx
        .des
        .statistics
        .values()
        .filter_map(|x| x.renamed_from.clone().map(|old| (x.name.clone(), old)))
        .collect();
    let pairs = resolve_hints("statistics", hints, |k| cx.cur.statistics.contains_key(k))?;
    for (to, from) in pairs {
        cx.emit_applied(Change::RenameStatistics { from, to })?;
    }
    Ok(())
}

fn bare(x: &Statistics) -> Statistics {
    let mut x = x.clone();
    x.renamed_from = None;
    x
}

pub(crate) fn diff(cx: &mut Cx) {
    let mut out = Vec::new();
    for (name, d) in &cx.des.statistics {
        match cx.cur.statistics.get(name) {
            None => out.push(Change::CreateStatistics(bare(d))),
            Some(c) if c.definition != d.definition => {
                out.push(Change::DropStatistics(c.clone()));
                out.push(Change::CreateStatistics(bare(d)));
            }
            Some(c) if c.target != d.target || c.comment != d.comment => {
                out.push(Change::AlterStatistics {
                    old: c.clone(),
                    new: bare(d),
                })
            }
            Some(_) => {}
        }
    }
    for (name, c) in &cx.cur.statistics {
        if !cx.des.statistics.contains_key(name) {
            out.push(Change::DropStatistics(c.clone()));
        }
    }
    cx.out.extend(out);
}

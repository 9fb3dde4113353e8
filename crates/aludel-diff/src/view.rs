//! Views and materialized views: renames (hints only), create, drop, alter. A view that uses
//! an object renamed by the same diff is dropped before the rename and created after it (its
//! stored definition names the old object); a materialized view whose query changes is dropped
//! and created with its indexes.

use aludel_schema::{Change, Index, View};

use crate::{Cx, DiffError, renamed, resolve_hints};

pub(crate) fn renames(cx: &mut Cx) -> Result<(), DiffError> {
    let hints = cx
        .des
        .views
        .values()
        .filter_map(|v| v.renamed_from.clone().map(|old| (v.name.clone(), old)))
        .collect();
    let pairs = resolve_hints("view", hints, |k| cx.cur.views.contains_key(k))?;
    for (to, from) in pairs {
        let materialized = cx.cur.views[&from].materialized;
        cx.emit_applied(Change::RenameView {
            from,
            to,
            materialized,
        })?;
    }
    Ok(())
}

/// The view without its indexes (separate changes) and hint.
pub(crate) fn bare(v: &View) -> View {
    let mut v = v.clone();
    v.indexes = Vec::new();
    v.renamed_from = None;
    v
}

fn index_changes(v: &View, indexes: &[Index], create: bool, out: &mut Vec<Change>) {
    for ix in indexes {
        out.push(if create {
            Change::CreateIndex {
                table: v.name.clone(),
                index: ix.clone(),
            }
        } else {
            Change::DropIndex {
                table: v.name.clone(),
                index: ix.clone(),
            }
        });
    }
}

/// Drop `c` (with its indexes) and create `d` (with its).
pub(crate) fn drop_and_create(c: &View, d: &View, out: &mut Vec<Change>) {
    index_changes(c, &c.indexes, false, out);
    out.push(Change::DropView(bare(c)));
    out.push(Change::CreateView(bare(d)));
    index_changes(d, &d.indexes, true, out);
}

pub(crate) fn diff(cx: &mut Cx) {
    let renamed = renamed::Renamed::of(&cx.out);
    let mut out = Vec::new();
    for (name, d) in &cx.des.views {
        let Some(c) = cx.cur.views.get(name) else {
            out.push(Change::CreateView(bare(d)));
            index_changes(d, &d.indexes, true, &mut out);
            continue;
        };
        if renamed.touches(&c.depends_on) || (d.materialized && !c.replaceable_by(d)) {
            drop_and_create(c, d, &mut out);
            continue;
        }
        if !same_but_indexes(c, d) {
            out.push(Change::AlterView {
                old: bare(c),
                new: bare(d),
            });
        }
        crate::index::diff_lists(name, &c.indexes, &d.indexes, &mut out);
    }
    for (name, c) in &cx.cur.views {
        if !cx.des.views.contains_key(name) {
            index_changes(c, &c.indexes, false, &mut out);
            out.push(Change::DropView(bare(c)));
        }
    }
    cx.out.extend(out);
}

/// Equal but for indexes and the rename hint, without copying.
fn same_but_indexes(c: &View, d: &View) -> bool {
    let View {
        name,
        materialized,
        definition,
        columns,
        options,
        indexes: _,
        comment,
        depends_on,
        renamed_from: _,
    } = c;
    *name == d.name
        && *materialized == d.materialized
        && *definition == d.definition
        && *columns == d.columns
        && *options == d.options
        && *comment == d.comment
        && *depends_on == d.depends_on
}

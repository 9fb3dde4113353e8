//! Tables: renames (also across schemas), create, drop, and the per-table passes over
//! columns, constraints, indexes and the comment.

use aludel_schema::{Change, CommentTarget, Constraint, Table};

use crate::{Cx, DiffError, column, constraint, index, resolve_hints};

pub(crate) fn renames(cx: &mut Cx) -> Result<(), DiffError> {
    let hints = cx
        .des
        .tables
        .values()
        .filter_map(|t| t.renamed_from.clone().map(|old| (t.name.clone(), old)))
        .collect();
    let pairs = resolve_hints("table", hints, |k| cx.cur.tables.contains_key(k))?;
    for (to, from) in pairs {
        cx.emit_applied(Change::RenameTable { from, to })?;
    }
    Ok(())
}

pub(crate) fn diff(cx: &mut Cx) {
    let mut out = Vec::new();
    for (name, d) in &cx.des.tables {
        if !cx.cur.tables.contains_key(name) {
            create(d, &mut out);
        }
    }
    for name in &cx.changed {
        let (Some(c), Some(d)) = (cx.cur.tables.get(name), cx.des.tables.get(name)) else {
            continue;
        };
        // every property of a table has its pass (a new one is a compile error here)
        let Table {
            name: _,         // renames()
            columns: _,      // column::diff
            primary_key: _,  // constraint::diff
            uniques: _,      // constraint::diff
            checks: _,       // constraint::diff
            foreign_keys: _, // constraint::diff
            indexes: _,      // index::diff
            comment: _,      // below
            row_security: _, // below
            renamed_from: _, // renames()
        } = d;
        column::diff(c, d, &cx.touched_enums, &mut out);
        constraint::diff(c, d, &mut out);
        index::diff(c, d, &mut out);
        if c.row_security != d.row_security {
            out.push(Change::SetRowSecurity {
                table: name.clone(),
                old: c.row_security,
                new: d.row_security,
            });
        }
        if c.comment != d.comment {
            out.push(Change::SetComment {
                target: CommentTarget::Table(name.clone()),
                old: c.comment.clone(),
                new: d.comment.clone(),
            });
        }
    }
    for (name, c) in &cx.cur.tables {
        if !cx.des.tables.contains_key(name) {
            drop(c, &mut out);
        }
    }
    cx.out.extend(out);
}

/// The part of a table that `CreateTable` / `DropTable` carry: no foreign keys, no indexes, no
/// `NOT VALID` checks (those are separate changes), no rename hints.
fn bare(t: &Table) -> Table {
    let mut t = t.clone();
    t.renamed_from = None;
    for c in &mut t.columns {
        c.renamed_from = None;
    }
    t.foreign_keys.clear();
    t.indexes.clear();
    t.checks.retain(|c| c.valid);
    t
}

fn create(d: &Table, out: &mut Vec<Change>) {
    out.push(Change::CreateTable(bare(d)));
    for ck in d.checks.iter().filter(|c| !c.valid) {
        out.push(Change::AddConstraint {
            table: d.name.clone(),
            constraint: Constraint::Check(ck.clone()),
        });
    }
    for ix in &d.indexes {
        out.push(Change::CreateIndex {
            table: d.name.clone(),
            index: ix.clone(),
        });
    }
    for fk in &d.foreign_keys {
        out.push(Change::AddConstraint {
            table: d.name.clone(),
            constraint: Constraint::ForeignKey(fk.clone()),
        });
    }
}

fn drop(c: &Table, out: &mut Vec<Change>) {
    for fk in &c.foreign_keys {
        out.push(Change::DropConstraint {
            table: c.name.clone(),
            constraint: Constraint::ForeignKey(fk.clone()),
        });
    }
    for ix in &c.indexes {
        out.push(Change::DropIndex {
            table: c.name.clone(),
            index: ix.clone(),
        });
    }
    for ck in c.checks.iter().filter(|c| !c.valid) {
        out.push(Change::DropConstraint {
            table: c.name.clone(),
            constraint: Constraint::Check(ck.clone()),
        });
    }
    out.push(Change::DropTable(bare(c)));
}

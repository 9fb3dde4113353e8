//! Table constraints (primary key, unique, check, foreign key): renames of constraints whose
//! definition is unchanged (such as default names after a table rename), add, drop, validate.

use std::collections::BTreeSet;

use aludel_schema::expr::mentions_column;
use aludel_schema::{Change, Constraint, Ident, QualifiedName, Table};

use crate::{Cx, DiffError};

/// Every constraint of a table, in a fixed order.
pub(crate) fn all(t: &Table) -> Vec<Constraint> {
    let mut v = Vec::new();
    v.extend(t.primary_key.clone().map(Constraint::PrimaryKey));
    v.extend(t.uniques.iter().cloned().map(Constraint::Unique));
    v.extend(t.checks.iter().cloned().map(Constraint::Check));
    v.extend(t.foreign_keys.iter().cloned().map(Constraint::ForeignKey));
    v
}

/// Pairs constraints that only the name tells apart, old and new name each unused on the other
/// side, and renames them.
pub(crate) fn renames(cx: &mut Cx) -> Result<(), DiffError> {
    let mut renames = Vec::new();
    for name in &cx.changed {
        let (Some(c), Some(d)) = (cx.cur.tables.get(name), cx.des.tables.get(name)) else {
            continue;
        };
        let old = all(c);
        let new = all(d);
        let new_names: BTreeSet<&Ident> = new.iter().map(Constraint::name).collect();
        let old_names: BTreeSet<&Ident> = old.iter().map(Constraint::name).collect();
        let mut taken = BTreeSet::new();
        for o in old.iter().filter(|o| !new_names.contains(o.name())) {
            let found = new.iter().find(|n| {
                !old_names.contains(n.name())
                    && !taken.contains(n.name())
                    && o.with_name(n.name().clone()) == **n
            });
            if let Some(n) = found {
                taken.insert(n.name().clone());
                renames.push(Change::RenameConstraint {
                    table: name.clone(),
                    from: o.name().clone(),
                    to: n.name().clone(),
                });
            }
        }
    }
    for r in renames {
        cx.emit_applied(r)?;
    }
    Ok(())
}

fn mentions(c: &Constraint, cols: &BTreeSet<Ident>) -> bool {
    let any = |l: &[Ident]| l.iter().any(|x| cols.contains(x));
    match c {
        Constraint::PrimaryKey(p) => any(&p.columns) || any(&p.include),
        Constraint::Unique(u) => any(&u.columns) || any(&u.include),
        Constraint::ForeignKey(f) => any(&f.columns),
        Constraint::Check(k) => cols.iter().any(|c| mentions_column(k.expr.as_str(), c)),
    }
}

pub(crate) fn diff(ct: &Table, dt: &Table, replaced: &BTreeSet<Ident>, out: &mut Vec<Change>) {
    let table: &QualifiedName = &dt.name;
    let old = all(ct);
    let new = all(dt);
    let drop = |c: &Constraint| Change::DropConstraint {
        table: table.clone(),
        constraint: c.clone(),
    };
    let add = |c: &Constraint| Change::AddConstraint {
        table: table.clone(),
        constraint: c.clone(),
    };
    for o in &old {
        match new.iter().find(|n| n.name() == o.name()) {
            None => out.push(drop(o)),
            Some(n) if mentions(o, replaced) || mentions(n, replaced) => {
                out.push(drop(o));
                out.push(add(n));
            }
            Some(n) if n == o => {}
            Some(n) if n.with_valid(true) == o.with_valid(true) => {
                if n.is_valid() {
                    out.push(Change::ValidateConstraint {
                        table: table.clone(),
                        constraint: o.clone(),
                    });
                } else {
                    out.push(Change::InvalidateConstraint {
                        table: table.clone(),
                        constraint: o.clone(),
                    });
                }
            }
            Some(n) => {
                out.push(drop(o));
                out.push(add(n));
            }
        }
    }
    for n in &new {
        if !old.iter().any(|o| o.name() == n.name()) {
            out.push(add(n));
        }
    }
}

/// The key columns a foreign key may rest on that a planned change takes away: a primary key,
/// a unique constraint or a unique index (without predicate or expressions) that is dropped.
fn dropped_keys(out: &[Change]) -> Vec<(QualifiedName, Vec<Ident>)> {
    let mut keys = Vec::new();
    for c in out {
        match c {
            Change::DropConstraint {
                table,
                constraint: Constraint::PrimaryKey(p),
            } => keys.push((table.clone(), p.columns.clone())),
            Change::DropConstraint {
                table,
                constraint: Constraint::Unique(u),
            } => keys.push((table.clone(), u.columns.clone())),
            Change::DropIndex { table, index } if index.unique && index.predicate.is_none() => {
                let cols: Option<Vec<Ident>> = index
                    .keys
                    .iter()
                    .map(|k| match &k.target {
                        aludel_schema::IndexTarget::Column(c) => Some(c.clone()),
                        aludel_schema::IndexTarget::Expression(_) => None,
                    })
                    .collect();
                if let Some(cols) = cols {
                    keys.push((table.clone(), cols));
                }
            }
            _ => {}
        }
    }
    keys
}

fn same_set(a: &[Ident], b: &[Ident]) -> bool {
    let a: BTreeSet<&Ident> = a.iter().collect();
    let b: BTreeSet<&Ident> = b.iter().collect();
    a == b
}

/// Foreign keys depend on the unique index of the key they reference: when that key is dropped
/// (changed, recreated), every foreign key that references it and is otherwise kept is dropped
/// before and added again after.
pub(crate) fn dependent_foreign_keys(cx: &mut Cx) {
    let keys = dropped_keys(&cx.out);
    if keys.is_empty() {
        return;
    }
    let already_dropped = |table: &QualifiedName, name: &Ident| {
        cx.out.iter().any(|c| {
            matches!(c, Change::DropConstraint { table: t, constraint: Constraint::ForeignKey(f) }
                if t == table && &f.name == name)
        })
    };
    let mut extra = Vec::new();
    for (tn, ct) in &cx.cur.tables {
        let Some(dt) = cx.des.tables.get(tn) else {
            continue;
        };
        if ct.foreign_keys.is_empty() {
            continue;
        }
        for fk in &ct.foreign_keys {
            let rests_on_dropped = keys
                .iter()
                .any(|(t, cols)| *t == fk.ref_table && same_set(cols, &fk.ref_columns));
            if !rests_on_dropped || already_dropped(tn, &fk.name) {
                continue;
            }
            let Some(new) = dt.foreign_keys.iter().find(|f| f.name == fk.name) else {
                continue;
            };
            extra.push(Change::DropConstraint {
                table: tn.clone(),
                constraint: Constraint::ForeignKey(fk.clone()),
            });
            extra.push(Change::AddConstraint {
                table: tn.clone(),
                constraint: Constraint::ForeignKey(new.clone()),
            });
        }
    }
    cx.out.extend(extra);
}

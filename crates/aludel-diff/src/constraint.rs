//! Table constraints (primary key, unique, check, foreign key): renames of constraints whose
//! definition is unchanged (such as default names after a table rename), add, drop, validate.
//! Constraints that stay but depend on a replaced column or key are rebuilt (`rebuild.rs`).

use std::collections::BTreeSet;

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

pub(crate) fn diff(ct: &Table, dt: &Table, out: &mut Vec<Change>) {
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

//! Rebuild sets: an object that stays the same but depends on something another change drops
//! or replaces is dropped before that change and recreated after it (the graph orders both),
//! each wrapped in `Change::Rebuilt` with the dependency that caused it. Transitive: a rebuilt
//! unique key drags the foreign keys that reference it along.
//!
//! What triggers a rebuild: a replaced column (a changed generation expression: drop and
//! re-add), and a dropped unique key (primary key, unique constraint, unique index) that kept
//! foreign keys rest on.

use std::collections::BTreeSet;

use aludel_schema::{Change, Constraint, Ident, Index, QualifiedName, RebuildReason, Table};

use crate::Cx;
use crate::constraint;
use crate::graph::{self, Key, Touched};

/// Something dropped or replaced, and how the file names it.
struct Trigger {
    key: Key,
    name: String,
}

fn triggers_of(c: &Change) -> Vec<Trigger> {
    let mut out = Vec::new();
    match c.inner() {
        Change::ReplaceColumn { table, new, .. } => out.push(Trigger {
            key: Key::Column(table.clone(), new.name.clone()),
            name: format!("{table}.{}", new.name),
        }),
        Change::DropConstraint { table, constraint } => {
            for key in graph::constraint_provides(table, constraint) {
                if let Key::Unique(..) = key {
                    out.push(Trigger {
                        key,
                        name: format!("{table}.{}", constraint.name()),
                    });
                }
            }
        }
        Change::DropIndex { table, index } => {
            if let Some(key) = graph::index_unique_key(table, index) {
                out.push(Trigger {
                    key,
                    name: format!("{}.{}", table.schema, index.name),
                });
            }
        }
        _ => {}
    }
    out
}

/// What is already dropped by the plan (and so recreated by it, if it stays).
#[derive(Default)]
struct Dropped {
    constraints: BTreeSet<(QualifiedName, Ident)>,
    indexes: BTreeSet<(QualifiedName, Ident)>,
}

impl Dropped {
    fn note(&mut self, c: &Change) {
        match c.inner() {
            Change::DropConstraint { table, constraint } => {
                self.constraints
                    .insert((table.clone(), constraint.name().clone()));
            }
            Change::DropIndex { table, index } => {
                self.indexes.insert((table.clone(), index.name.clone()));
            }
            _ => {}
        }
    }
}

/// Adds the rebuild sets of the planned changes to `cx.out`.
pub(crate) fn add(cx: &mut Cx) {
    let mut dropped = Dropped::default();
    let mut work: Vec<Trigger> = Vec::new();
    for c in &cx.out {
        dropped.note(c);
        work.extend(triggers_of(c));
    }
    let mut extra = Vec::new();
    while let Some(t) = work.pop() {
        let mut found: Vec<(Change, Change)> = Vec::new();
        match &t.key {
            Key::Column(table, column) => {
                let (Some(ct), Some(dt)) = (cx.cur.tables.get(table), cx.des.tables.get(table))
                else {
                    continue;
                };
                let touched = Touched::column(table, column);
                dependents_in_table(ct, dt, &touched, &t.key, &dropped, &mut found);
            }
            Key::Unique(..) => {
                for (tn, ct) in &cx.cur.tables {
                    let Some(dt) = cx.des.tables.get(tn) else {
                        continue;
                    };
                    for fk in &ct.foreign_keys {
                        let mut needs = Vec::new();
                        let c = Constraint::ForeignKey(fk.clone());
                        graph::constraint_needs(&Touched::default(), tn, &c, &mut needs);
                        if !needs.contains(&t.key)
                            || dropped.constraints.contains(&(tn.clone(), fk.name.clone()))
                        {
                            continue;
                        }
                        if let Some(new) = dt.foreign_keys.iter().find(|f| f.name == fk.name) {
                            found.push(constraint_pair(tn, c, Constraint::ForeignKey(new.clone())));
                        }
                    }
                }
            }
            _ => {}
        }
        for (drop, add) in found {
            let (object, more) = describe(&drop);
            let reason = RebuildReason {
                object,
                depends_on: t.name.clone(),
            };
            dropped.note(&drop);
            work.extend(more);
            for c in [drop, add] {
                extra.push(Change::Rebuilt {
                    reason: reason.clone(),
                    change: Box::new(c),
                });
            }
        }
    }
    cx.out.extend(extra);
}

fn constraint_pair(table: &QualifiedName, old: Constraint, new: Constraint) -> (Change, Change) {
    (
        Change::DropConstraint {
            table: table.clone(),
            constraint: old,
        },
        Change::AddConstraint {
            table: table.clone(),
            constraint: new,
        },
    )
}

fn index_pair(table: &QualifiedName, old: &Index, new: &Index) -> (Change, Change) {
    (
        Change::DropIndex {
            table: table.clone(),
            index: old.clone(),
        },
        Change::CreateIndex {
            table: table.clone(),
            index: new.clone(),
        },
    )
}

/// The constraints and indexes of a kept table that need `key` and are not dropped already.
fn dependents_in_table(
    ct: &Table,
    dt: &Table,
    touched: &Touched,
    key: &Key,
    dropped: &Dropped,
    found: &mut Vec<(Change, Change)>,
) {
    let table = &ct.name;
    let new_constraints = constraint::all(dt);
    for c in constraint::all(ct) {
        if dropped
            .constraints
            .contains(&(table.clone(), c.name().clone()))
        {
            continue;
        }
        let mut needs = Vec::new();
        graph::constraint_needs(touched, table, &c, &mut needs);
        if !needs.contains(key) {
            continue;
        }
        if let Some(n) = new_constraints.iter().find(|n| n.name() == c.name()) {
            found.push(constraint_pair(table, c.clone(), n.clone()));
        }
    }
    for ix in &ct.indexes {
        if dropped.indexes.contains(&(table.clone(), ix.name.clone())) {
            continue;
        }
        let mut needs = Vec::new();
        graph::index_needs(touched, table, ix, &mut needs);
        if !needs.contains(key) {
            continue;
        }
        if let Some(n) = dt.indexes.iter().find(|n| n.name == ix.name) {
            found.push(index_pair(table, ix, n));
        }
    }
}

/// How the file names a rebuilt object, and what its drop takes away in turn.
fn describe(drop: &Change) -> (String, Vec<Trigger>) {
    let name = match drop {
        Change::DropConstraint { table, constraint } => format!("{table}.{}", constraint.name()),
        Change::DropIndex { table, index } => format!("{}.{}", table.schema, index.name),
        _ => String::new(),
    };
    (name, triggers_of(drop))
}

//! Rebuild sets: an object that stays the same but depends on something another change drops
//! or replaces is dropped before that change and recreated after it (the graph orders both),
//! each wrapped in `Change::Rebuilt` with the dependency that caused it. Transitive: a rebuilt
//! unique key drags the foreign keys that reference it along.
//!
//! What triggers a rebuild: a replaced column (a changed generation expression: drop and
//! re-add); a recreated enum type (checks and indexes whose expressions name it), also when
//! only the downgrade recreates it (an added value is removed by recreating the type); and a
//! dropped unique key (primary key, unique constraint, unique index) that kept foreign keys
//! rest on.

use std::collections::{BTreeMap, BTreeSet};

use aludel_schema::{Change, Constraint, Ident, Index, QualifiedName, RebuildReason, Table};

use crate::Cx;
use crate::constraint;
use crate::graph::{self, Key, Touched};

/// Something dropped or replaced, how the file names it, and in which directions.
struct Trigger {
    key: Key,
    name: String,
    active: bool,
    active_reversed: bool,
}

fn triggers_of(c: &Change) -> Vec<Trigger> {
    let (active, active_reversed) = match c {
        Change::Rebuilt {
            active,
            active_reversed,
            ..
        } => (*active, *active_reversed),
        _ => (true, true),
    };
    let trigger = |key, name| Trigger {
        key,
        name,
        active,
        active_reversed,
    };
    let mut out = Vec::new();
    match c.inner() {
        Change::ReplaceColumn { table, new, .. } => out.push(trigger(
            Key::Column(table.clone(), new.name.clone()),
            format!("{table}.{}", new.name),
        )),
        Change::RecreateEnum { new, .. } => {
            out.push(trigger(Key::Type(new.name.clone()), new.name.to_string()))
        }
        // the value is added in place; only the downgrade recreates the type
        Change::AddEnumValue(a) => out.push(Trigger {
            key: Key::Type(a.enum_name.clone()),
            name: a.enum_name.to_string(),
            active: false,
            active_reversed: true,
        }),
        Change::DropConstraint { table, constraint } => {
            for key in graph::constraint_provides(table, constraint) {
                if let Key::Unique(..) = key {
                    out.push(trigger(key, format!("{table}.{}", constraint.name())));
                }
            }
        }
        Change::DropIndex { table, index } => {
            if let Some(key) = graph::index_unique_key(table, index) {
                out.push(trigger(key, format!("{}.{}", table.schema, index.name)));
            }
        }
        _ => {}
    }
    out
}

/// A constraint or index, by table and name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Object {
    Constraint(QualifiedName, Ident),
    Index(QualifiedName, Ident),
}

fn dropped_object(c: &Change) -> Option<Object> {
    match c.inner() {
        Change::DropConstraint { table, constraint } => {
            Some(Object::Constraint(table.clone(), constraint.name().clone()))
        }
        Change::DropIndex { table, index } => {
            Some(Object::Index(table.clone(), index.name.clone()))
        }
        _ => None,
    }
}

/// What is already dropped (and so recreated, if it stays) in both directions, and the rebuild
/// pairs that act in one direction only (by their index in the output).
#[derive(Default)]
struct Dropped {
    both: BTreeSet<Object>,
    one_way: BTreeMap<Object, usize>,
}

/// Adds the rebuild sets of the planned changes to `cx.out`.
pub(crate) fn add(cx: &mut Cx) {
    let mut dropped = Dropped::default();
    let mut work: Vec<Trigger> = Vec::new();
    for c in &cx.out {
        dropped.both.extend(dropped_object(c));
        work.extend(triggers_of(c));
    }
    let mut extra: Vec<Change> = Vec::new();
    while let Some(t) = work.pop() {
        let mut found: Vec<(Change, Change)> = Vec::new();
        match &t.key {
            Key::Column(table, column) => {
                let (Some(ct), Some(dt)) = (cx.cur.tables.get(table), cx.des.tables.get(table))
                else {
                    continue;
                };
                let touched = Touched::column(table, column);
                dependents_in_table(ct, dt, &touched, &t.key, &mut found);
            }
            Key::Type(name) => {
                let touched = Touched::enum_type(name);
                for (tn, ct) in &cx.cur.tables {
                    if let Some(dt) = cx.des.tables.get(tn) {
                        dependents_in_table(ct, dt, &touched, &t.key, &mut found);
                    }
                }
            }
            Key::Unique(key_table, _) => {
                // every foreign key of the schema that references the key (the table compared
                // first: this scan runs once per dropped key)
                for (tn, ct) in &cx.cur.tables {
                    for fk in ct.foreign_keys.iter().filter(|f| f.ref_table == *key_table) {
                        if Key::unique(&fk.ref_table, &fk.ref_columns) != t.key {
                            continue;
                        }
                        let new = cx
                            .des
                            .tables
                            .get(tn)
                            .and_then(|dt| dt.foreign_keys.iter().find(|f| f.name == fk.name));
                        if let Some(new) = new {
                            found.push(constraint_pair(
                                tn,
                                Constraint::ForeignKey(fk.clone()),
                                Constraint::ForeignKey(new.clone()),
                            ));
                        }
                    }
                }
            }
            _ => {}
        }
        for (drop, add) in found {
            let Some(object) = dropped_object(&drop) else {
                continue;
            };
            if dropped.both.contains(&object) {
                continue;
            }
            if let Some(&at) = dropped.one_way.get(&object) {
                // rebuilt already, in one direction: now in the other one too
                for c in &mut extra[at..at + 2] {
                    if let Change::Rebuilt {
                        active,
                        active_reversed,
                        ..
                    } = c
                    {
                        *active |= t.active;
                        *active_reversed |= t.active_reversed;
                    }
                }
                if extra[at].is_active() && extra[at].reverse().is_active() {
                    dropped.one_way.remove(&object);
                    dropped.both.insert(object);
                }
                continue;
            }
            let reason = RebuildReason {
                object: describe(&object),
                depends_on: t.name.clone(),
            };
            let [drop, add] = [drop, add].map(|c| Change::Rebuilt {
                reason: reason.clone(),
                change: Box::new(c),
                active: t.active,
                active_reversed: t.active_reversed,
            });
            if t.active && t.active_reversed {
                dropped.both.insert(object);
            } else {
                dropped.one_way.insert(object, extra.len());
            }
            work.extend(triggers_of(&drop));
            extra.push(drop);
            extra.push(add);
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

/// The constraints and indexes of a kept table that need `key`.
fn dependents_in_table(
    ct: &Table,
    dt: &Table,
    touched: &Touched,
    key: &Key,
    found: &mut Vec<(Change, Change)>,
) {
    let table = &ct.name;
    let new_constraints = constraint::all(dt);
    for c in constraint::all(ct) {
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

/// How the file names a rebuilt object.
fn describe(object: &Object) -> String {
    match object {
        Object::Constraint(table, name) => format!("{table}.{name}"),
        Object::Index(table, name) => format!("{}.{name}", table.schema),
    }
}

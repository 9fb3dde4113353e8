//! Rebuild sets: an object that stays the same but depends on something another change drops
//! or replaces is dropped before that change and recreated after it (the graph orders both),
//! each wrapped in `Change::Rebuilt` with the dependency that caused it. Transitive: a rebuilt
//! unique key drags the foreign keys that reference it along.
//!
//! What causes a rebuild: a replaced column (a changed generation expression: drop and
//! re-add); a recreated enum type (checks and indexes whose expressions name it), also when
//! only the downgrade recreates it (an added value is removed by recreating the type); a
//! dropped unique key (primary key, unique constraint, unique index) that kept foreign keys
//! rest on; a column whose type changes (or is cast by an enum recreation) under views,
//! functions and triggers, which PostgreSQL refuses to alter under them; a view or function
//! dropped and created again (not replaceable in place), under what uses it (checks, indexes and
//! the column defaults that call it, as well as views, functions and triggers).
//!
//! A view, function or trigger rebuilt that also changes is rebuilt into its new form, in both
//! directions, and its own `Alter*` change goes.

use std::collections::{BTreeMap, BTreeSet};

use aludel_schema::{
    Change, Constraint, FunctionId, Ident, Index, PolicyId, QualifiedName, RebuildReason, Schema,
    Table, TriggerId,
};

use crate::Cx;
use crate::constraint;
use crate::graph::{self, Key, Touched};

/// Something dropped or replaced, how the file names it, and in which directions; `sql_only`
/// when PostgreSQL itself rebuilds the checks and indexes on it (a column type change), so only
/// views, functions and triggers are taken apart.
struct Cause {
    key: Key,
    name: String,
    active: bool,
    active_reversed: bool,
    sql_only: bool,
}

fn causes_of(c: &Change) -> Vec<Cause> {
    let (active, active_reversed) = match c {
        Change::Rebuilt {
            active,
            active_reversed,
            ..
        } => (*active, *active_reversed),
        _ => (true, true),
    };
    let trigger = |key, name| Cause {
        key,
        name,
        active,
        active_reversed,
        sql_only: false,
    };
    let cast = |table: &QualifiedName, column: &Ident, active, active_reversed| Cause {
        key: Key::Column(table.clone(), column.clone()),
        name: format!("{table}.{column}"),
        active,
        active_reversed,
        sql_only: true,
    };
    let mut out = Vec::new();
    match c.inner() {
        Change::AlterColumnType {
            table,
            column,
            old,
            new,
        } if old.ty != new.ty || old.collation != new.collation => {
            out.push(cast(table, column, active, active_reversed))
        }
        Change::RecreateEnum { new, usage, .. } => {
            out.push(trigger(Key::Type(new.name.clone()), new.name.to_string()));
            for u in &usage.columns {
                out.push(cast(&u.table, &u.column, active, active_reversed));
            }
        }
        Change::AlterView { old, new } => out.extend(not_in_place(
            Key::View(new.name.clone()),
            new.name.to_string(),
            (!old.replaceable_by(new), !new.replaceable_by(old)),
            (active, active_reversed),
        )),
        Change::AlterFunction { old, new } => out.extend(not_in_place(
            Key::Function(new.id.clone()),
            new.id.to_string(),
            (!old.replaceable_by(new), !new.replaceable_by(old)),
            (active, active_reversed),
        )),
        Change::DropView(v) => out.push(trigger(Key::View(v.name.clone()), v.name.to_string())),
        Change::DropFunction(f) => out.push(trigger(Key::Function(f.id.clone()), f.id.to_string())),
        Change::ReplaceColumn { table, new, .. } => out.push(trigger(
            Key::Column(table.clone(), new.name.clone()),
            format!("{table}.{}", new.name),
        )),
        // the value is added in place; only the downgrade recreates the type
        Change::AddEnumValue(a) => {
            out.push(Cause {
                key: Key::Type(a.enum_name.clone()),
                name: a.enum_name.to_string(),
                active: false,
                active_reversed: true,
                sql_only: false,
            });
            for u in &a.usage.columns {
                out.push(cast(&u.table, &u.column, false, true));
            }
        }
        Change::RemoveEnumValue(a) => {
            for u in &a.usage.columns {
                out.push(cast(&u.table, &u.column, active, active_reversed));
            }
        }
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

/// The cause an `Alter*` change is when it drops and creates its object in a direction
/// (`(forward, reversed)`), within the directions the change acts in.
fn not_in_place(
    key: Key,
    name: String,
    (fwd, back): (bool, bool),
    (active, active_reversed): (bool, bool),
) -> Option<Cause> {
    (fwd || back).then_some(Cause {
        key,
        name,
        active: active && fwd,
        active_reversed: active_reversed && back,
        sql_only: false,
    })
}

/// A constraint, index, column default, view, function or trigger.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Object {
    Constraint(QualifiedName, Ident),
    /// The default of a column (dropped with `DROP DEFAULT`, the column kept).
    Default(QualifiedName, Ident),
    Index(QualifiedName, Ident),
    View(QualifiedName),
    Function(FunctionId),
    Trigger(TriggerId),
    Policy(PolicyId),
}

fn dropped_object(c: &Change) -> Option<Object> {
    match c.inner() {
        Change::DropConstraint { table, constraint } => {
            Some(Object::Constraint(table.clone(), constraint.name().clone()))
        }
        Change::DropIndex { table, index } => {
            Some(Object::Index(table.clone(), index.name.clone()))
        }
        Change::SetDefault {
            table,
            column,
            new: None,
            ..
        } => Some(Object::Default(table.clone(), column.clone())),
        Change::DropView(v) => Some(Object::View(v.name.clone())),
        Change::DropFunction(f) => Some(Object::Function(f.id.clone())),
        Change::DropTrigger(t) => Some(Object::Trigger(t.id.clone())),
        Change::DropPolicy(p) => Some(Object::Policy(p.id.clone())),
        _ => None,
    }
}

/// The object an `Alter*` change of a view, function or trigger is about.
fn altered_object(c: &Change) -> Option<Object> {
    match c {
        Change::AlterView { new, .. } => Some(Object::View(new.name.clone())),
        Change::AlterFunction { new, .. } => Some(Object::Function(new.id.clone())),
        Change::AlterTrigger { new, .. } => Some(Object::Trigger(new.id.clone())),
        Change::AlterPolicy { new, .. } => Some(Object::Policy(new.id.clone())),
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
    let mut work: Vec<Cause> = Vec::new();
    for c in &cx.out {
        dropped.both.extend(dropped_object(c));
        work.extend(causes_of(c));
    }
    // views, functions and triggers that change anyway: rebuilt into their new form
    let altered: BTreeSet<Object> = cx.out.iter().filter_map(altered_object).collect();
    let mut absorbed: BTreeSet<Object> = BTreeSet::new();
    let mut extra: Vec<Change> = Vec::new();
    let mut users: Option<Users> = None;
    while let Some(t) = work.pop() {
        let mut found: Vec<(Change, Change)> = Vec::new();
        match &t.key {
            Key::Column(table, column) if !t.sql_only => {
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
            Key::Function(id) => {
                let touched = Touched::function(id);
                for (tn, ct) in &cx.cur.tables {
                    if let Some(dt) = cx.des.tables.get(tn) {
                        dependents_in_table(ct, dt, &touched, &t.key, &mut found);
                        // (an enum's defaults go with its usage, a retyped column's with it)
                        defaults_in_table(ct, dt, &touched, &t.key, &mut found);
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
        let users = users.get_or_insert_with(|| Users::of(&cx.cur));
        sql_dependents(users, &cx.cur, &cx.des, &t.key, &mut found);
        for (drop, add) in found {
            let Some(object) = dropped_object(&drop) else {
                continue;
            };
            if dropped.both.contains(&object) {
                continue;
            }
            // a dependent that changes anyway is rebuilt in both directions
            let changes = altered.contains(&object);
            let (active, active_reversed) = if changes {
                (true, true)
            } else {
                (t.active, t.active_reversed)
            };
            if let Some(&at) = dropped.one_way.get(&object) {
                // rebuilt already, in one direction: now in the other one too
                for c in &mut extra[at..at + 2] {
                    if let Change::Rebuilt {
                        active: a,
                        active_reversed: r,
                        ..
                    } = c
                    {
                        *a |= active;
                        *r |= active_reversed;
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
                active,
                active_reversed,
            });
            if changes {
                absorbed.insert(object.clone());
            }
            if active && active_reversed {
                dropped.both.insert(object);
            } else {
                dropped.one_way.insert(object, extra.len());
            }
            let cascade: Vec<Cause> = causes_of(&drop)
                .into_iter()
                .map(|mut c| {
                    c.active &= active;
                    c.active_reversed &= active_reversed;
                    c
                })
                .collect();
            work.extend(cascade);
            extra.push(drop);
            extra.push(add);
        }
    }
    cx.out
        .retain(|c| !altered_object(c).is_some_and(|o| absorbed.contains(&o)));
    cx.out.extend(extra);
}

/// Who uses what among the views, functions and triggers of the current schema: built once per
/// diff, and only when something is rebuilt.
struct Users(BTreeMap<Key, Vec<Object>>);

impl Users {
    fn of(cur: &Schema) -> Users {
        let mut map: BTreeMap<Key, Vec<Object>> = BTreeMap::new();
        for v in cur.views.values() {
            for d in &v.depends_on {
                map.entry(graph::dependency_key(d))
                    .or_default()
                    .push(Object::View(v.name.clone()));
            }
        }
        for f in cur.functions.values() {
            for d in &f.depends_on {
                map.entry(graph::dependency_key(d))
                    .or_default()
                    .push(Object::Function(f.id.clone()));
            }
        }
        for t in cur.triggers.values() {
            let mut needs = Vec::new();
            graph::trigger_uses(t, &mut needs);
            for k in needs {
                map.entry(k)
                    .or_default()
                    .push(Object::Trigger(t.id.clone()));
            }
        }
        for p in cur.policies.values() {
            let mut needs = Vec::new();
            graph::policy_uses(&Touched::default(), p, &mut needs);
            for k in needs {
                map.entry(k).or_default().push(Object::Policy(p.id.clone()));
            }
        }
        for list in map.values_mut() {
            list.sort();
            list.dedup();
        }
        Users(map)
    }
}

/// The views (with a materialized view's indexes), functions and triggers of the current
/// schema that use `key` and exist on both sides: dropped in their current form, created in
/// their desired one.
fn sql_dependents(
    users: &Users,
    cur: &Schema,
    des: &Schema,
    key: &Key,
    found: &mut Vec<(Change, Change)>,
) {
    for o in users.0.get(key).into_iter().flatten() {
        match o {
            Object::View(name) => {
                let (Some(c), Some(d)) = (cur.views.get(name), des.views.get(name)) else {
                    continue;
                };
                for ix in &c.indexes {
                    if let Some(n) = d.indexes.iter().find(|n| n.name == ix.name) {
                        found.push(index_pair(name, ix, n));
                    }
                }
                found.push((
                    Change::DropView(crate::view::bare(c)),
                    Change::CreateView(crate::view::bare(d)),
                ));
            }
            Object::Function(id) => {
                if let (Some(c), Some(d)) = (cur.functions.get(id), des.functions.get(id)) {
                    found.push((
                        Change::DropFunction(crate::function::bare(c)),
                        Change::CreateFunction(crate::function::bare(d)),
                    ));
                }
            }
            Object::Trigger(id) => {
                if let (Some(c), Some(d)) = (cur.triggers.get(id), des.triggers.get(id)) {
                    found.push((
                        Change::DropTrigger(crate::trigger::bare(c)),
                        Change::CreateTrigger(crate::trigger::bare(d)),
                    ));
                }
            }
            Object::Policy(id) => {
                if let (Some(c), Some(d)) = (cur.policies.get(id), des.policies.get(id)) {
                    found.push((
                        Change::DropPolicy(crate::policy::bare(c)),
                        Change::CreatePolicy(crate::policy::bare(d)),
                    ));
                }
            }
            Object::Constraint(..) | Object::Index(..) | Object::Default(..) => {}
        }
    }
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

/// The defaults of a kept table that need `key` and stay as they are (a default that changes
/// is one `SET DEFAULT`, ordered around `key` by the graph): dropped, then set again.
fn defaults_in_table(
    ct: &Table,
    dt: &Table,
    touched: &Touched,
    key: &Key,
    found: &mut Vec<(Change, Change)>,
) {
    let table = &ct.name;
    for c in &ct.columns {
        let Some(old) = &c.default else { continue };
        let Some(new) = dt
            .columns
            .iter()
            .find(|n| n.name == c.name)
            .and_then(|n| n.default.as_ref())
        else {
            continue;
        };
        if old != new {
            continue;
        }
        let mut needs = Vec::new();
        graph::expr_keys(touched, table, Some(old), &mut needs);
        if !needs.contains(key) {
            continue;
        }
        found.push((
            Change::SetDefault {
                table: table.clone(),
                column: c.name.clone(),
                old: Some(old.clone()),
                new: None,
            },
            Change::SetDefault {
                table: table.clone(),
                column: c.name.clone(),
                old: None,
                new: Some(new.clone()),
            },
        ));
    }
}

/// How the file names a rebuilt object.
fn describe(o: &Object) -> String {
    match o {
        Object::Constraint(table, name) => format!("{table}.{name}"),
        Object::Index(table, name) => format!("{}.{name}", table.schema),
        Object::Default(table, column) => format!("the default of {table}.{column}"),
        Object::View(name) => name.to_string(),
        Object::Function(id) => id.to_string(),
        Object::Trigger(id) => format!("trigger {}.{}", id.table, id.name),
        Object::Policy(id) => format!("policy {}.{}", id.table, id.name),
    }
}

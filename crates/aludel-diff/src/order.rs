//! Dependency order: a topological sort of the dependency graph (`graph.rs`), ties broken by
//! kind (the rank below), then by the order of generation, which follows names. Foreign keys
//! are separate changes from their tables, so tables in a foreign-key cycle are simply created
//! before any of their keys and the graph has no cycle; should one appear (an edge the IR
//! models wrongly), the change of lowest rank in it goes first, as the fixed phases of earlier
//! versions ordered everything.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use aludel_schema::{Change, Constraint};

use crate::graph;

/// Kinds in their preferred order, for changes the graph leaves unordered: creations of what
/// others need early, drops of what others need late.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rank {
    CreateSchemas,
    CreateExtensions,
    Renames,
    DropForeignKeys,
    DropDependents,
    DropColumns,
    Types,
    /// Functions whose bodies PostgreSQL does not check on creation (PL/pgSQL): before the
    /// tables, whose defaults, checks and indexes may call them.
    Functions,
    Columns,
    Constraints,
    ForeignKeys,
    /// Views, and SQL functions (checked against the tables when created).
    Views,
    Triggers,
    DropTypes,
    DropExtensions,
    DropSchemas,
    Comments,
}

pub(crate) fn rank(c: &Change) -> Rank {
    use Change::*;
    use Rank::*;
    match c {
        CreateSchema(_) => CreateSchemas,
        CreateExtension(_) | SetExtensionSchema { .. } => CreateExtensions,
        RenameSchema { .. }
        | RenameEnum { .. }
        | RenameEnumValue { .. }
        | RenameSequence { .. }
        | RenameTable { .. }
        | RenameColumn { .. }
        | RenameConstraint { .. }
        | RenameIndex { .. }
        | RenameView { .. }
        | RenameFunction { .. }
        | RenameTrigger { .. }
        | RenamePolicy { .. }
        | RenameStatistics { .. } => Renames,
        DropConstraint {
            constraint: Constraint::ForeignKey(_),
            ..
        }
        | InvalidateConstraint { .. }
        | SetSequenceOwner { new: None, .. } => DropForeignKeys,
        DropConstraint { .. }
        | DropIndex { .. }
        | SetDefault { new: None, .. }
        | DropIdentity { .. }
        | DropView(_)
        | DropTrigger(_)
        | DropPolicy(_)
        | DropStatistics(_) => DropDependents,
        DropColumn { .. } | DropTable(_) | SetOwnedSequence { new: None, .. } => DropColumns,
        CreateEnum(_)
        | AddEnumValue(_)
        | RemoveEnumValue(_)
        | RecreateEnum { .. }
        | CreateSequence(_)
        | AlterSequence { .. }
        | SetOwnedSequence { .. } => Types,
        CreateTable(_)
        | AddColumn { .. }
        | ReplaceColumn { .. }
        | AlterColumnType { .. }
        | SetNotNull { .. }
        | DropNotNull { .. }
        | SetDefault { .. }
        | AddIdentity { .. }
        | AlterIdentity { .. } => Columns,
        AddConstraint {
            constraint: Constraint::ForeignKey(_),
            ..
        }
        | ValidateConstraint { .. }
        | SetSequenceOwner { .. } => ForeignKeys,
        AddConstraint { .. } | CreateIndex { .. } => Constraints,
        CreateFunction(f) | AlterFunction { new: f, .. } if f.body_unchecked() => Functions,
        CreateFunction(_) | AlterFunction { .. } | CreateView(_) | AlterView { .. } => Views,
        CreateTrigger(_)
        | AlterTrigger { .. }
        | CreateStatistics(_)
        | AlterStatistics { .. }
        | CreatePolicy(_)
        | AlterPolicy { .. }
        | SetRowSecurity { .. } => Triggers,
        DropEnum(_) | DropSequence(_) | DropFunction(_) => DropTypes,
        DropExtension(_) => DropExtensions,
        DropSchema(_) => DropSchemas,
        SetComment { .. } => Comments,
        Rebuilt { change, .. } => rank(change),
    }
}

/// The changes in dependency order, and whether a cycle had to be broken.
pub(crate) fn sort(changes: Vec<Change>) -> (Vec<Change>, bool) {
    let n = changes.len();
    let effects = graph::all_effects(&changes);
    let edges = graph::edges(&effects);
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut waiting = vec![0usize; n];
    for (a, b) in edges {
        after[a].push(b);
        waiting[b] += 1;
    }
    let key = |i: usize| Reverse((rank(&changes[i]), i));
    let mut ready: BinaryHeap<Reverse<(Rank, usize)>> =
        (0..n).filter(|&i| waiting[i] == 0).map(key).collect();
    let mut done = vec![false; n];
    let mut order = Vec::with_capacity(n);
    let mut cycle = false;
    while order.len() < n {
        let i = match ready.pop() {
            Some(Reverse((_, i))) => i,
            None => {
                // a cycle: release its change of lowest rank
                cycle = true;
                let i = (0..n)
                    .filter(|&i| !done[i])
                    .min_by_key(|&i| (rank(&changes[i]), i))
                    .expect("changes remain");
                waiting[i] = 0;
                i
            }
        };
        if done[i] {
            continue;
        }
        done[i] = true;
        order.push(i);
        for &b in &after[i] {
            if done[b] {
                continue;
            }
            waiting[b] -= 1;
            if waiting[b] == 0 {
                ready.push(key(b));
            }
        }
    }
    let mut slots: Vec<Option<Change>> = changes.into_iter().map(Some).collect();
    let sorted = order
        .into_iter()
        .map(|i| slots[i].take().expect("each change once"))
        .collect();
    (sorted, cycle)
}

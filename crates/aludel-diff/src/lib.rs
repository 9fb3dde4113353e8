//! `diff(current, desired)`: the ordered list of `Change`s that turns one schema into the
//! other, with diagnostics; pure and synchronous, one module per object kind.

mod candidates;
mod column;
mod constraint;
mod enum_type;
mod extension;
mod function;
mod graph;
mod index;
mod namespace;
mod order;
mod policy;
mod rebuild;
mod renamed;
mod sequence;
mod statistics;
mod table;
#[cfg(test)]
mod tests;
mod trigger;
mod view;

use std::borrow::Cow;
use std::fmt;

use aludel_schema::{ApplyError, Change, QualifiedName, RenameHint, Schema};

/// A soft finding about the diff, for the user to act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Diagnostic {
    /// A schema, type, enum value, table or column was dropped and one like it added (see
    /// `candidates.rs`): perhaps a rename that lacks its hint.
    PossibleRename(RenameHint),
    /// The dependency graph of the changes had a cycle, broken by kind; the order may be wrong.
    DependencyCycle,
}

impl Diagnostic {
    /// The rename this diagnostic suggests, as the hint that would apply it.
    pub fn rename(&self) -> Option<RenameHint> {
        Some(match self {
            Diagnostic::PossibleRename(h) => h.clone(),
            Diagnostic::DependencyCycle => return None,
        })
    }

    /// What was found, without the hint.
    pub fn finding(&self) -> String {
        match self {
            Diagnostic::PossibleRename(h) => match h {
                RenameHint::Schema { from, to } => format!(
                    "schema {from} is dropped and schema {to} holding the same objects is added"
                ),
                RenameHint::Table { from, to } => {
                    format!("table {from} is dropped and table {to} with the same columns is added")
                }
                RenameHint::Column { table, from, to } => format!(
                    "column {table}.{from} is dropped and {table}.{to} of the same type is added"
                ),
                RenameHint::Enum { from, to } => {
                    format!("type {from} is dropped and type {to} with the same values is added")
                }
                RenameHint::EnumValue {
                    enum_name,
                    from,
                    to,
                } => format!(
                    "value {} of type {enum_name} is dropped and {} is added at its place",
                    aludel_schema::quote_literal(from),
                    aludel_schema::quote_literal(to)
                ),
            },
            Diagnostic::DependencyCycle => "the changes depend on each other in a cycle, so \
                 they were ordered by kind; hint: review the order of the statements, and \
                 report this as a bug of aludel"
                .to_owned(),
        }
    }
}

/// The finding and, for a rename candidate, the `renamed_from` attribute that would make it one.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding())?;
        if let Some(h) = self.rename() {
            let what = match h {
                RenameHint::Schema { .. } => "schema",
                RenameHint::Table { .. } => "table",
                RenameHint::Column { .. } => "column",
                RenameHint::Enum { .. } => "type",
                RenameHint::EnumValue { .. } => "value",
            };
            write!(
                f,
                "; hint: if this is a rename, mark the new {what} `{}` so no data is lost",
                h.renamed_from_attribute()
            )?;
        }
        Ok(())
    }
}

/// A diff that cannot be computed.
#[derive(Debug, thiserror::Error)]
pub enum DiffError {
    #[error("{kind} {to} is marked renamed from {from}, but both exist in the current schema")]
    RenameConflict {
        kind: &'static str,
        from: String,
        to: String,
    },
    #[error("two {kind}s are marked renamed from {from}: {first} and {second}")]
    DuplicateRename {
        kind: &'static str,
        from: String,
        first: String,
        second: String,
    },
    #[error("internal error while planning the diff: {0}")]
    Apply(#[from] ApplyError),
}

impl DiffError {
    /// What the user can do about it.
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            DiffError::RenameConflict { from, .. } => {
                format!("remove the `renamed_from` hint or drop {from} explicitly")
            }
            DiffError::DuplicateRename { from, .. } => {
                format!("keep `renamed_from = \"{from}\"` on one of them only")
            }
            DiffError::Apply(_) => return None,
        })
    }
}

/// Computes the changes that turn `current` into `desired`, in dependency order, with
/// diagnostics. Renames follow the `renamed_from` hints of `desired`. Deterministic.
pub fn diff(
    current: &Schema,
    desired: &Schema,
) -> Result<(Vec<Change>, Vec<Diagnostic>), DiffError> {
    let mut cx = Cx {
        cur: normalized(current),
        des: normalized(desired),
        out: Vec::new(),
        touched_enums: Default::default(),
        changed: Vec::new(),
    };
    // Every kind of the IR has its passes below: a new field of `Schema` is a compile error
    // here until it has them (and an arm in `graph.rs` and `order.rs` for its changes).
    let Schema {
        namespaces: _,
        extensions: _,
        enums: _,
        sequences: _,
        tables: _,
        views: _,
        functions: _,
        triggers: _,
        statistics: _,
        policies: _,
        // declarations not yet read back from a database: never compared
        declared_sql: _,
    } = desired;
    // Renames first, applied to the working copy so that everything after compares by name.
    namespace::renames(&mut cx)?;
    namespace::diff(&mut cx);
    extension::diff(&mut cx);
    enum_type::renames(&mut cx)?;
    sequence::renames(&mut cx)?;
    table::renames(&mut cx)?;
    column::renames(&mut cx)?;
    cx.changed = changed_tables(&cx.cur, &cx.des);
    constraint::renames(&mut cx)?;
    index::renames(&mut cx)?;
    column::sequence_renames(&mut cx)?;
    view::renames(&mut cx)?;
    function::renames(&mut cx)?;
    trigger::renames(&mut cx)?;
    statistics::renames(&mut cx)?;
    policy::renames(&mut cx)?;
    enum_type::diff(&mut cx);
    sequence::diff(&mut cx);
    table::diff(&mut cx);
    function::diff(&mut cx);
    view::diff(&mut cx);
    trigger::diff(&mut cx);
    statistics::diff(&mut cx);
    policy::diff(&mut cx);
    rebuild::add(&mut cx);
    let (changes, cycle) = order::sort(cx.out);
    let mut diags = candidates::find(&cx.cur, &cx.des);
    if cycle {
        diags.push(Diagnostic::DependencyCycle);
    }
    Ok((changes, diags))
}

/// `s` in canonical order, borrowed when it already is (copying a large schema costs more than
/// the rest of a diff that finds few changes).
fn normalized(s: &Schema) -> Cow<'_, Schema> {
    let sorted = s.tables.values().all(|t| {
        t.uniques.is_sorted_by(|a, b| a.name <= b.name)
            && t.checks.is_sorted_by(|a, b| a.name <= b.name)
            && t.foreign_keys.is_sorted_by(|a, b| a.name <= b.name)
            && t.indexes.is_sorted_by(|a, b| a.name <= b.name)
    });
    if sorted {
        Cow::Borrowed(s)
    } else {
        let mut s = s.clone();
        s.normalize();
        Cow::Owned(s)
    }
}

/// The working state of one diff: `cur` is the current schema with the renames planned so far
/// applied (copied on the first rename), `des` the desired schema.
pub(crate) struct Cx<'a> {
    pub cur: Cow<'a, Schema>,
    pub des: Cow<'a, Schema>,
    pub out: Vec<Change>,
    /// Enums whose values change: columns of these types get their default changes split
    /// around the type change (dropped before, set after).
    pub touched_enums: std::collections::BTreeSet<QualifiedName>,
    /// Tables present on both sides that differ once tables and columns are renamed (the only
    /// ones the later passes need to look at), in name order.
    pub changed: Vec<QualifiedName>,
}

/// The tables of both schemas that differ, by one merge of the two sorted maps.
fn changed_tables(cur: &Schema, des: &Schema) -> Vec<QualifiedName> {
    let mut out = Vec::new();
    let mut c = cur.tables.iter().peekable();
    for (name, d) in &des.tables {
        while c.next_if(|(k, _)| *k < name).is_some() {}
        if let Some((_, t)) = c.next_if(|(k, _)| *k == name)
            && t != d
        {
            out.push(name.clone());
        }
    }
    out
}

impl Cx<'_> {
    /// Emits a change and applies it to the working copy (renames).
    pub fn emit_applied(&mut self, c: Change) -> Result<(), DiffError> {
        self.cur.to_mut().apply(&c)?;
        self.out.push(c);
        Ok(())
    }
}

/// Resolves rename hints generically: `(new, old)` pairs in desired order; an old name that is
/// absent is inert, an old name whose new name also exists is an error.
pub(crate) fn resolve_hints<K: Ord + Clone + fmt::Display>(
    kind: &'static str,
    hints: Vec<(K, K)>,
    exists_now: impl Fn(&K) -> bool,
) -> Result<Vec<(K, K)>, DiffError> {
    let mut out: Vec<(K, K)> = Vec::new();
    for (new, old) in hints {
        if !exists_now(&old) || old == new {
            continue;
        }
        if exists_now(&new) {
            return Err(DiffError::RenameConflict {
                kind,
                from: old.to_string(),
                to: new.to_string(),
            });
        }
        if let Some((first, _)) = out.iter().find(|(_, o)| *o == old) {
            return Err(DiffError::DuplicateRename {
                kind,
                from: old.to_string(),
                first: first.to_string(),
                second: new.to_string(),
            });
        }
        out.push((new, old));
    }
    Ok(out)
}

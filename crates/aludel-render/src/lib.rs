//! `render(changes, options)`: PostgreSQL statements for a list of `Change`s, identifiers
//! quoted and schema-qualified, each statement saying whether it may run in a transaction,
//! hazards as comments, and lock-friendly forms in online mode. Pure and synchronous.

mod column;
mod comment;
mod constraint;
mod enum_type;
mod extension;
mod function;
mod hazard;
mod index;
mod namespace;
mod policy;
mod sequence;
mod statistics;
mod table;
#[cfg(test)]
mod tests;
mod trigger;
mod view;

use std::fmt;

use aludel_schema::{Change, HazardNote, RebuildReason};

pub use hazard::{HazardPolicy, OnlineHint};

/// How to render.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Lock-friendly forms: `CREATE/DROP INDEX CONCURRENTLY`, foreign keys and checks added
    /// `NOT VALID` then validated in a later transaction, `SET NOT NULL` after a validated check,
    /// unique constraints and primary keys built from an index created concurrently.
    pub online: bool,
    /// When set, `SET LOCAL lock_timeout = '<value>'` opens every run of transactional statements.
    pub lock_timeout: Option<String>,
}

/// The `lock_timeout` online mode sets when none is given.
pub const DEFAULT_ONLINE_LOCK_TIMEOUT: &str = "5s";

impl Options {
    /// The options a command asks for: `online` and the lock timeout it was given, which online
    /// mode defaults to [`DEFAULT_ONLINE_LOCK_TIMEOUT`].
    pub fn resolve(online: bool, lock_timeout: Option<String>) -> Self {
        Options {
            online,
            lock_timeout: lock_timeout
                .or_else(|| online.then(|| DEFAULT_ONLINE_LOCK_TIMEOUT.to_owned())),
        }
    }

    /// The online mode with a lock timeout.
    pub fn online(lock_timeout: impl Into<String>) -> Self {
        Options {
            online: true,
            lock_timeout: Some(lock_timeout.into()),
        }
    }
}

/// One SQL statement (without its semicolon).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub sql: String,
    /// Whether the statement may share a transaction with the statements around it. `false`
    /// for `CONCURRENTLY`, for `ALTER TYPE ... ADD VALUE` (the value must be committed before
    /// anything uses it) and for an online `VALIDATE CONSTRAINT` (useful only in a transaction
    /// of its own): such a statement runs, and commits, on its own.
    pub transactional: bool,
    /// Hazards of the change this statement belongs to (on its first statement).
    pub hazards: Vec<HazardNote>,
    /// Why the object is dropped and recreated, when the change is part of a rebuild set (on
    /// its first statement).
    pub rebuilt: Option<RebuildReason>,
}

impl Statement {
    pub(crate) fn new(sql: impl Into<String>) -> Self {
        Statement {
            sql: sql.into(),
            transactional: true,
            hazards: Vec::new(),
            rebuilt: None,
        }
    }

    pub(crate) fn alone(sql: impl Into<String>) -> Self {
        Statement {
            transactional: false,
            ..Statement::new(sql)
        }
    }
}

/// `-- hazard: <code> <object>` lines, a `-- rebuilt: <object> depends on <object>` line,
/// then the statement and its semicolon.
impl fmt::Display for Statement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for h in &self.hazards {
            writeln!(f, "-- hazard: {h}")?;
        }
        if let Some(r) = &self.rebuilt {
            writeln!(f, "-- rebuilt: {r}")?;
        }
        write!(f, "{};", self.sql)
    }
}

/// Renders the upgrade: the statements of every change, in order, with the hazards of
/// [`HazardPolicy`] for a migration made of exactly `changes`.
pub fn render(changes: &[Change], options: &Options) -> Vec<Statement> {
    render_in(changes, options, &HazardPolicy::new(changes, options))
}

/// [`render`] for some of a migration's changes, with the hazard policy of the whole migration.
pub fn render_in(changes: &[Change], options: &Options, policy: &HazardPolicy) -> Vec<Statement> {
    let mut out = Vec::new();
    for c in changes {
        let start = out.len();
        render_change(c, options, &mut out);
        if let Some(first) = out.get_mut(start) {
            first.hazards = policy.hazards(c);
            if let Change::Rebuilt { reason, .. } = c {
                first.rebuilt = Some(reason.clone());
            }
        }
    }
    if let Some(t) = &options.lock_timeout {
        out = with_lock_timeout(out, t);
    }
    out
}

/// The changes that undo `changes`: their reverses, in reverse order.
pub fn reversed(changes: &[Change]) -> Vec<Change> {
    changes.iter().rev().map(Change::reverse).collect()
}

/// Renders the downgrade of `changes`: their reverses, in reverse order.
pub fn render_downgrade(changes: &[Change], options: &Options) -> Vec<Statement> {
    render(&reversed(changes), options)
}

/// The statements as a script, one per line (hazard comments above their statement).
pub fn script(statements: &[Statement]) -> String {
    let mut s = String::new();
    for st in statements {
        s.push_str(&st.to_string());
        s.push('\n');
    }
    s
}

/// The statements of one change.
pub fn render_change(c: &Change, o: &Options, out: &mut Vec<Statement>) {
    use Change::*;
    match c {
        CreateSchema(_) | DropSchema(_) | RenameSchema { .. } => namespace::render(c, out),
        CreateExtension(_) | DropExtension(_) | SetExtensionSchema { .. } => {
            extension::render(c, out)
        }
        CreateEnum(_)
        | DropEnum(_)
        | RenameEnum { .. }
        | AddEnumValue(_)
        | RemoveEnumValue(_)
        | RenameEnumValue { .. }
        | RecreateEnum { .. } => enum_type::render(c, out),
        CreateSequence(_)
        | DropSequence(_)
        | AlterSequence { .. }
        | SetSequenceOwner { .. }
        | RenameSequence { .. }
        | SetOwnedSequence { .. } => sequence::render(c, out),
        CreateTable(_) | DropTable(_) | RenameTable { .. } => table::render(c, out),
        AddColumn { .. }
        | DropColumn { .. }
        | RenameColumn { .. }
        | ReplaceColumn { .. }
        | AlterColumnType { .. }
        | SetNotNull { .. }
        | DropNotNull { .. }
        | SetDefault { .. }
        | AddIdentity { .. }
        | DropIdentity { .. }
        | AlterIdentity { .. } => column::render(c, o, out),
        AddConstraint { .. }
        | DropConstraint { .. }
        | RenameConstraint { .. }
        | ValidateConstraint { .. }
        | InvalidateConstraint { .. } => constraint::render(c, o, out),
        CreateIndex { .. } | DropIndex { .. } | RenameIndex { .. } => index::render(c, o, out),
        SetComment { target, new, .. } => out.push(comment::set(target, new.as_deref())),
        CreateView(_) | DropView(_) | AlterView { .. } | RenameView { .. } => view::render(c, out),
        CreateFunction(_) | DropFunction(_) | AlterFunction { .. } | RenameFunction { .. } => {
            function::render(c, out)
        }
        CreateTrigger(_) | DropTrigger(_) | AlterTrigger { .. } | RenameTrigger { .. } => {
            trigger::render(c, out)
        }
        CreateStatistics(_)
        | DropStatistics(_)
        | AlterStatistics { .. }
        | RenameStatistics { .. } => statistics::render(c, out),
        CreatePolicy(_)
        | DropPolicy(_)
        | AlterPolicy { .. }
        | RenamePolicy { .. }
        | SetRowSecurity { .. } => policy::render(c, out),
        // a rebuild set shares the transaction of the change it is built around, so its
        // members take their plain (transactional) forms even in online mode
        Rebuilt { active: false, .. } => {}
        Rebuilt { change, .. } => {
            let plain = Options {
                online: false,
                ..o.clone()
            };
            render_change(change, &plain, out)
        }
    }
}

fn with_lock_timeout(stmts: Vec<Statement>, timeout: &str) -> Vec<Statement> {
    let mut out = Vec::with_capacity(stmts.len() + 1);
    let mut in_run = false;
    for s in stmts {
        if s.transactional && !in_run {
            out.push(Statement::new(format!(
                "SET LOCAL lock_timeout = {}",
                aludel_schema::quote_literal(timeout)
            )));
        }
        in_run = s.transactional;
        out.push(s);
    }
    out
}

/// `ALTER <kind> from RENAME TO ..` and/or `SET SCHEMA ..` for an object that moves.
pub(crate) fn rename_qualified(
    kind: &str,
    from: &aludel_schema::QualifiedName,
    to: &aludel_schema::QualifiedName,
    out: &mut Vec<Statement>,
) {
    if from.name != to.name {
        out.push(Statement::new(format!(
            "ALTER {kind} {from} RENAME TO {}",
            to.name
        )));
    }
    if from.schema != to.schema {
        let renamed = aludel_schema::QualifiedName::new(from.schema.clone(), to.name.clone());
        out.push(Statement::new(format!(
            "ALTER {kind} {renamed} SET SCHEMA {}",
            to.schema
        )));
    }
}

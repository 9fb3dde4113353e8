//! Row-level security: a table's `ENABLE` / `FORCE ROW LEVEL SECURITY` switches, and its
//! policies (`pg_policy`): command, permissive or restrictive, roles, `USING` and `WITH CHECK`
//! as `pg_get_expr` prints them, comment, and what their expressions use.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Dependency, Expr, Ident, QualifiedName};

/// `pg_class.relrowsecurity` and `relforcerowsecurity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RowSecurity {
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub enabled: bool,
    /// Policies apply to the table's owner too.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub forced: bool,
}

impl RowSecurity {
    pub fn is_default(&self) -> bool {
        *self == RowSecurity::default()
    }
}

/// `pg_policy.polcmd`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyCommand {
    #[default]
    All,
    Select,
    Insert,
    Update,
    Delete,
}

impl PolicyCommand {
    pub fn keyword(self) -> &'static str {
        match self {
            PolicyCommand::All => "ALL",
            PolicyCommand::Select => "SELECT",
            PolicyCommand::Insert => "INSERT",
            PolicyCommand::Update => "UPDATE",
            PolicyCommand::Delete => "DELETE",
        }
    }

    /// Whether the command takes a `USING` clause (all but `INSERT`) and a `WITH CHECK` clause
    /// (`ALL`, `INSERT`, `UPDATE`), as PostgreSQL's `CREATE POLICY` allows.
    pub fn takes(self) -> (bool, bool) {
        match self {
            PolicyCommand::All | PolicyCommand::Update => (true, true),
            PolicyCommand::Select | PolicyCommand::Delete => (true, false),
            PolicyCommand::Insert => (false, true),
        }
    }
}

/// A policy's identity: its table and name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PolicyId {
    pub table: QualifiedName,
    pub name: Ident,
}

impl fmt::Display for PolicyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "policy {} on {}", self.name, self.table)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    pub id: PolicyId,
    /// `PERMISSIVE` (the default) or `RESTRICTIVE`.
    pub permissive: bool,
    #[serde(default)]
    pub command: PolicyCommand,
    /// Role names, sorted; `public` stands for `PUBLIC` (every role).
    pub roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub using: Option<Expr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with_check: Option<Expr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The columns and functions its expressions use, from `pg_depend` (sorted).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<Dependency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<Ident>,
}

impl Policy {
    /// Whether `ALTER POLICY` turns `self` into `new`: it changes roles and replaces clauses,
    /// but cannot change the command or permissive/restrictive, nor remove a clause.
    pub fn alterable_to(&self, new: &Policy) -> bool {
        self.command == new.command
            && self.permissive == new.permissive
            && (self.using.is_none() || new.using.is_some())
            && (self.with_check.is_none() || new.with_check.is_some())
    }

    pub fn normalize(&mut self) {
        self.roles.sort();
        self.roles.dedup();
        self.depends_on.sort();
        self.depends_on.dedup();
    }
}

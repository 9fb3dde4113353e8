//! Triggers: the definition as `pg_get_triggerdef` prints it, enabled state, comment, and the
//! function and columns it uses.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Dependency, FunctionId, Ident, QualifiedName};

/// `pg_trigger.tgenabled`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TriggerEnabled {
    /// Fires in `origin` and `local` replication roles (the default).
    #[default]
    Origin,
    Disabled,
    Replica,
    Always,
}

impl TriggerEnabled {
    /// The `ALTER TABLE` clause that sets this state.
    pub fn clause(self) -> &'static str {
        match self {
            TriggerEnabled::Origin => "ENABLE TRIGGER",
            TriggerEnabled::Disabled => "DISABLE TRIGGER",
            TriggerEnabled::Replica => "ENABLE REPLICA TRIGGER",
            TriggerEnabled::Always => "ENABLE ALWAYS TRIGGER",
        }
    }
}

/// A trigger's identity: its table (or view) and name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TriggerId {
    pub table: QualifiedName,
    pub name: Ident,
}

impl fmt::Display for TriggerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} on {}", self.name, self.table)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trigger {
    pub id: TriggerId,
    /// The `CREATE [CONSTRAINT] TRIGGER` statement as `pg_get_triggerdef` prints it.
    pub definition: String,
    pub constraint: bool,
    pub function: FunctionId,
    #[serde(default)]
    pub enabled: TriggerEnabled,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The function and the columns (`UPDATE OF`, `WHEN`) it uses, from `pg_depend` (sorted).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<Dependency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<Ident>,
}

impl Trigger {
    /// Whether `CREATE OR REPLACE TRIGGER` turns `self` into `new` (PostgreSQL refuses it for
    /// constraint triggers).
    pub fn replaceable_by(&self, new: &Trigger) -> bool {
        !self.constraint && !new.constraint
    }

    pub fn normalize(&mut self) {
        self.depends_on.sort();
        self.depends_on.dedup();
    }
}

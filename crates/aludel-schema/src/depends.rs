//! Dependencies that PostgreSQL records in `pg_depend` for objects whose bodies are SQL (views,
//! functions, triggers): what each one needs, as read from the database it was created in.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{FunctionId, Ident, QualifiedName};

/// One object another object needs, as `pg_depend` names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dependency {
    /// A table as a whole (its row type, or `SELECT *` before expansion).
    Table(QualifiedName),
    Column(QualifiedName, Ident),
    /// A view or materialized view (or one of its columns).
    View(QualifiedName),
    Function(FunctionId),
    /// An enum type.
    Type(QualifiedName),
}

impl fmt::Display for Dependency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Dependency::Table(q) | Dependency::View(q) | Dependency::Type(q) => write!(f, "{q}"),
            Dependency::Column(q, c) => write!(f, "{q}.{c}"),
            Dependency::Function(id) => write!(f, "{id}"),
        }
    }
}

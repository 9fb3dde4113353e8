//! Indexes: method, key columns or expressions with order/nulls/opclass/collation, INCLUDE, predicate.

use serde::{Deserialize, Serialize};

use crate::{Expr, Ident, QualifiedName};

/// A standalone index (indexes that back a primary key or unique constraint belong to the constraint).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub name: Ident,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unique: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nulls_not_distinct: bool,
    /// Access method: `btree`, `gin`, `gist`, `hash`, `brin`, ...
    pub method: Ident,
    pub keys: Vec<IndexKey>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<Ident>,
    /// The `WHERE` clause of a partial index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicate: Option<Expr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndexTarget {
    Column(Ident),
    /// An expression as `pg_get_indexdef` prints it (parenthesised where PostgreSQL requires it).
    Expression(Expr),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct IndexKey {
    pub target: IndexTarget,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collation: Option<QualifiedName>,
    /// An operator class other than the type's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opclass: Option<QualifiedName>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub descending: bool,
    /// Whether NULLs sort first; PostgreSQL's default is `descending`.
    pub nulls_first: bool,
}

impl IndexKey {
    pub fn column(name: impl Into<Ident>) -> Self {
        IndexKey {
            target: IndexTarget::Column(name.into()),
            collation: None,
            opclass: None,
            descending: false,
            nulls_first: false,
        }
    }
}

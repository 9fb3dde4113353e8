//! Extended statistics (`CREATE STATISTICS`): the definition as `pg_get_statisticsobjdef` prints
//! it, the columns it covers, the statistics target, comment.

use serde::{Deserialize, Serialize};

use crate::{Ident, QualifiedName};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statistics {
    pub name: QualifiedName,
    pub table: QualifiedName,
    /// `CREATE STATISTICS name (kinds) ON columns or expressions FROM table`.
    pub definition: String,
    /// The plain columns it covers (expressions are in the definition).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Ident>,
    /// `ALTER STATISTICS ... SET STATISTICS n`; `None` for the default (-1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<QualifiedName>,
}

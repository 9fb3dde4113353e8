//! Views and materialized views: definition as PostgreSQL prints it, result columns, options
//! (`reloptions`), indexes of materialized views, comment, and what the definition uses.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Dependency, Index, QualifiedName};

/// One result column of a view: name and type as `format_type` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewColumn {
    pub name: crate::Ident,
    #[serde(rename = "type")]
    pub ty: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    pub name: QualifiedName,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub materialized: bool,
    /// The query as `pg_get_viewdef(oid, true)` prints it (names schema-qualified), without the
    /// trailing semicolon.
    pub definition: String,
    pub columns: Vec<ViewColumn>,
    /// `security_barrier`, `security_invoker`, `check_option`, and for materialized views the
    /// storage parameters, as stored (`WITH (...)`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
    /// Indexes of a materialized view, sorted by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indexes: Vec<Index>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// What the definition uses, from `pg_depend` (sorted); not part of the declaration.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<Dependency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<QualifiedName>,
}

impl View {
    pub fn kind(&self) -> &'static str {
        if self.materialized {
            "materialized view"
        } else {
            "view"
        }
    }

    /// The SQL keyword of the kind (`VIEW`, `MATERIALIZED VIEW`).
    pub fn keyword(&self) -> &'static str {
        if self.materialized {
            "MATERIALIZED VIEW"
        } else {
            "VIEW"
        }
    }

    /// Whether `self` becomes `new` in place. A plain view does through `ALTER VIEW ... RENAME
    /// COLUMN` and `CREATE OR REPLACE VIEW` when `new` keeps every column of `self` at its
    /// position with its type (PostgreSQL only lets a view gain columns at the end), the renamed
    /// ones not colliding with another column's old name; a materialized view only when its
    /// query stays (options and comment change in place). Otherwise: drop and create.
    pub fn replaceable_by(&self, new: &View) -> bool {
        if self.materialized != new.materialized {
            return false;
        }
        if self.materialized {
            return self.definition == new.definition && self.columns == new.columns;
        }
        if new.columns.len() < self.columns.len() {
            return false;
        }
        self.columns.iter().zip(&new.columns).all(|(o, n)| {
            o.ty == n.ty && (o.name == n.name || !self.columns.iter().any(|x| x.name == n.name))
        })
    }

    /// The columns `replaceable_by` renames in place, old name to new.
    pub fn column_renames<'a>(
        &'a self,
        new: &'a View,
    ) -> Vec<(&'a crate::Ident, &'a crate::Ident)> {
        self.columns
            .iter()
            .zip(&new.columns)
            .filter(|(o, n)| o.name != n.name)
            .map(|(o, n)| (&o.name, &n.name))
            .collect()
    }

    pub fn normalize(&mut self) {
        self.indexes.sort_by(|a, b| a.name.cmp(&b.name));
        self.depends_on.sort();
        self.depends_on.dedup();
    }
}

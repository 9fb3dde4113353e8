//! Tables: columns (in physical order), constraints and indexes (sorted by name), comment.

use serde::{Deserialize, Serialize};

use crate::{Check, Column, ForeignKey, Ident, Index, PrimaryKey, QualifiedName, Unique};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub name: QualifiedName,
    /// Columns in physical order. The order is not semantic: the diff matches them by name.
    pub columns: Vec<Column>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_key: Option<PrimaryKey>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uniques: Vec<Unique>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub foreign_keys: Vec<ForeignKey>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indexes: Vec<Index>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// `ENABLE` / `FORCE ROW LEVEL SECURITY`; the policies are the schema's (`Schema::policies`).
    #[serde(default, skip_serializing_if = "crate::RowSecurity::is_default")]
    pub row_security: crate::RowSecurity,
    /// Rename hint from the models: the table's previous name (possibly in another schema).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<QualifiedName>,
}

impl Table {
    pub fn new(name: QualifiedName) -> Self {
        Table {
            name,
            columns: Vec::new(),
            primary_key: None,
            uniques: Vec::new(),
            checks: Vec::new(),
            foreign_keys: Vec::new(),
            indexes: Vec::new(),
            comment: None,
            row_security: crate::RowSecurity::default(),
            renamed_from: None,
        }
    }

    pub fn column(&self, name: &Ident) -> Option<&Column> {
        self.columns.iter().find(|c| &c.name == name)
    }

    /// Sorts constraints and indexes by name, the canonical order every producer must reach.
    pub fn normalize(&mut self) {
        self.uniques.sort_by(|a, b| a.name.cmp(&b.name));
        self.checks.sort_by(|a, b| a.name.cmp(&b.name));
        self.foreign_keys.sort_by(|a, b| a.name.cmp(&b.name));
        self.indexes.sort_by(|a, b| a.name.cmp(&b.name));
    }
}

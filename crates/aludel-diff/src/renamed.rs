//! The objects a diff renames (by their old names), so that views, functions and triggers whose
//! stored definitions name one of them are dropped before the rename and created after it.

use std::collections::BTreeSet;

use aludel_schema::{Change, Dependency, FunctionId, Ident, QualifiedName};

#[derive(Default)]
pub(crate) struct Renamed {
    schemas: BTreeSet<Ident>,
    relations: BTreeSet<QualifiedName>,
    columns: BTreeSet<(QualifiedName, Ident)>,
    functions: BTreeSet<FunctionId>,
    types: BTreeSet<QualifiedName>,
}

impl Renamed {
    pub(crate) fn of(changes: &[Change]) -> Renamed {
        let mut r = Renamed::default();
        for c in changes {
            match c.inner() {
                Change::RenameSchema { from, .. } => {
                    r.schemas.insert(from.clone());
                }
                Change::RenameTable { from, .. } | Change::RenameView { from, .. } => {
                    r.relations.insert(from.clone());
                }
                Change::RenameColumn { table, from, .. } => {
                    r.columns.insert((table.clone(), from.clone()));
                }
                Change::RenameFunction { from, .. } => {
                    r.functions.insert(from.clone());
                }
                Change::RenameEnum { from, .. } => {
                    r.types.insert(from.clone());
                }
                _ => {}
            }
        }
        r
    }

    fn name(&self, q: &QualifiedName) -> bool {
        self.schemas.contains(&q.schema) || self.relations.contains(q)
    }

    /// Whether one of `uses` is a renamed object (or lies in one).
    pub(crate) fn touches(&self, uses: &[Dependency]) -> bool {
        uses.iter().any(|d| match d {
            Dependency::Table(q) | Dependency::View(q) => self.name(q),
            Dependency::Column(q, c) => {
                self.name(q) || self.columns.contains(&(q.clone(), c.clone()))
            }
            Dependency::Function(f) => {
                self.schemas.contains(&f.name.schema) || self.functions.contains(f)
            }
            Dependency::Type(q) => self.schemas.contains(&q.schema) || self.types.contains(q),
        })
    }
}

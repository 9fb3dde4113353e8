//! Which changes carry which hazards (the codes themselves are `aludel_sql::Hazard`).

use std::fmt;

use super::{Change, is_binary_coercible, is_widening};
use crate::{Ident, QualifiedName};

pub use aludel_sql::Hazard;

/// A hazard and the object it concerns (`public.users.email`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HazardNote {
    pub hazard: Hazard,
    pub object: String,
}

impl fmt::Display for HazardNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.hazard, self.object)
    }
}

impl Change {
    /// The hazards of this change, each with the object it concerns, in a fixed order.
    pub fn hazards(&self) -> Vec<HazardNote> {
        use Change::*;
        use Hazard::*;
        let note = |hazard, object: String| HazardNote { hazard, object };
        let col = |t: &QualifiedName, c: &Ident| format!("{t}.{c}");
        let mut out = Vec::new();
        match self {
            DropTable(t) => out.push(note(DataLoss, t.name.to_string())),
            DropColumn { table, column } => out.push(note(DataLoss, col(table, &column.name))),
            ReplaceColumn { table, old, .. } => {
                out.push(note(DataLoss, col(table, &old.name)));
                out.push(note(RewritesTable, table.to_string()));
            }
            AddColumn { table, column } => {
                if column.generated.is_some() || column.identity.is_some() {
                    out.push(note(RewritesTable, table.to_string()));
                }
                if !column.nullable
                    && column.default.is_none()
                    && column.identity.is_none()
                    && column.generated.is_none()
                {
                    out.push(note(MayFailOnExistingRows, col(table, &column.name)));
                }
            }
            AlterColumnType {
                table,
                column,
                old,
                new,
            } => {
                if old.ty != new.ty && !is_binary_coercible(&old.ty, &new.ty) {
                    out.push(note(RewritesTable, table.to_string()));
                }
                if old.ty != new.ty && !is_widening(&old.ty, &new.ty) {
                    out.push(note(MayFailOnExistingRows, col(table, column)));
                }
            }
            SetNotNull { table, column } => {
                out.push(note(BlocksWrites, table.to_string()));
                out.push(note(MayFailOnExistingRows, col(table, column)));
            }
            AddConstraint { table, constraint } => {
                let name = format!("{table}.{}", constraint.name());
                out.push(note(BlocksWrites, table.to_string()));
                if constraint.is_valid() {
                    out.push(note(MayFailOnExistingRows, name));
                }
            }
            ValidateConstraint { table, constraint } => {
                out.push(note(
                    MayFailOnExistingRows,
                    format!("{table}.{}", constraint.name()),
                ));
            }
            CreateIndex { table, index } => {
                out.push(note(BlocksWrites, table.to_string()));
                if index.unique {
                    out.push(note(
                        MayFailOnExistingRows,
                        format!("{}.{}", table.schema, index.name),
                    ));
                }
            }
            AddIdentity { table, .. } => out.push(note(BlocksWrites, table.to_string())),
            RemoveEnumValue(a) => {
                out.push(note(DataLoss, format!("{}.{}", a.enum_name, a.value)));
                out.push(note(RewritesTable, a.enum_name.to_string()));
                out.push(note(MayFailOnExistingRows, a.enum_name.to_string()));
            }
            RecreateEnum { old, new, .. } => {
                let mut lost = false;
                for v in &old.values {
                    if !new.values.iter().any(|n| n.name == v.name) {
                        lost = true;
                        out.push(note(DataLoss, format!("{}.{}", old.name, v.name)));
                    }
                }
                out.push(note(RewritesTable, new.name.to_string()));
                if lost {
                    out.push(note(MayFailOnExistingRows, new.name.to_string()));
                }
            }
            // a materialized view made again is computed again, under an exclusive lock
            CreateView(v) if v.materialized => {
                out.push(note(RewritesTable, v.name.to_string()));
            }
            AlterView { old, new } if new.materialized && !old.replaceable_by(new) => {
                out.push(note(RewritesTable, new.name.to_string()));
            }
            Rebuilt {
                change,
                active: true,
                ..
            } => return change.hazards(),
            _ => {}
        }
        out
    }
}

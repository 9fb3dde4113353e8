//! Dependency order: every change gets a phase, and a stable sort by phase keeps the
//! deterministic order of generation within a phase. Foreign keys are dropped first and added
//! last, so tables in a foreign-key cycle are simply created before any of their keys.

use aludel_schema::{Change, ColumnType, Constraint};

/// Phases in execution order. Drops of what others depend on come before the types and
/// tables they need are dropped; creations of types come before the tables using them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Phase {
    CreateSchemas,
    CreateExtensions,
    Renames,
    DropForeignKeys,
    DropDependents,
    DropColumns,
    Types,
    Columns,
    Constraints,
    ForeignKeys,
    DropTypes,
    DropExtensions,
    DropSchemas,
    Comments,
}

pub(crate) fn phase(c: &Change) -> Phase {
    use Change::*;
    use Phase::*;
    match c {
        CreateSchema(_) => CreateSchemas,
        CreateExtension(_) | SetExtensionSchema { .. } => CreateExtensions,
        RenameSchema { .. }
        | RenameEnum { .. }
        | RenameEnumValue { .. }
        | RenameSequence { .. }
        | RenameTable { .. }
        | RenameColumn { .. }
        | RenameConstraint { .. }
        | RenameIndex { .. } => Renames,
        DropConstraint {
            constraint: Constraint::ForeignKey(_),
            ..
        }
        | InvalidateConstraint { .. }
        | SetSequenceOwner { new: None, .. } => DropForeignKeys,
        DropConstraint { .. }
        | DropIndex { .. }
        | SetDefault { new: None, .. }
        | DropIdentity { .. } => DropDependents,
        DropColumn { .. } | DropTable(_) | SetOwnedSequence { new: None, .. } => DropColumns,
        // a column leaving an enum does so before the enum is recreated or extended (and, in
        // the downgrade, comes back after), so the old type never has it as a user
        AlterColumnType { old, new, .. } if has_enum(&old.ty) && !has_enum(&new.ty) => DropColumns,
        CreateEnum(_)
        | AddEnumValue(_)
        | RemoveEnumValue(_)
        | RecreateEnum { .. }
        | CreateSequence(_)
        | AlterSequence { .. }
        | SetOwnedSequence { .. } => Types,
        CreateTable(_)
        | AddColumn { .. }
        | ReplaceColumn { .. }
        | AlterColumnType { .. }
        | SetNotNull { .. }
        | DropNotNull { .. }
        | SetDefault { .. }
        | AddIdentity { .. }
        | AlterIdentity { .. } => Columns,
        AddConstraint {
            constraint: Constraint::ForeignKey(_),
            ..
        }
        | ValidateConstraint { .. }
        | SetSequenceOwner { .. } => ForeignKeys,
        AddConstraint { .. } | CreateIndex { .. } => Constraints,
        DropEnum(_) | DropSequence(_) => DropTypes,
        DropExtension(_) => DropExtensions,
        DropSchema(_) => DropSchemas,
        SetComment { .. } => Comments,
    }
}

fn has_enum(ty: &ColumnType) -> bool {
    match ty {
        ColumnType::Enum { .. } => true,
        ColumnType::Array { element } => has_enum(element),
        _ => false,
    }
}

/// Sorts changes by phase, keeping the order of generation within a phase.
pub(crate) fn sort(mut changes: Vec<Change>) -> Vec<Change> {
    changes.sort_by_key(phase);
    changes
}

//! `Change::reverse`: the change that undoes each change.

use super::Change;

fn swap<T: Clone>(a: &T, b: &T) -> (T, T) {
    (b.clone(), a.clone())
}

impl Change {
    /// The change that undoes this one; `c.reverse().reverse() == c` for every change.
    pub fn reverse(&self) -> Change {
        use Change::*;
        match self {
            CreateSchema(n) => DropSchema(n.clone()),
            DropSchema(n) => CreateSchema(n.clone()),
            RenameSchema { from, to } => {
                let (from, to) = swap(from, to);
                RenameSchema { from, to }
            }
            CreateExtension(e) => DropExtension(e.clone()),
            DropExtension(e) => CreateExtension(e.clone()),
            SetExtensionSchema { name, from, to } => {
                let (from, to) = swap(from, to);
                SetExtensionSchema {
                    name: name.clone(),
                    from,
                    to,
                }
            }
            CreateEnum(e) => DropEnum(e.clone()),
            DropEnum(e) => CreateEnum(e.clone()),
            RenameEnum { from, to } => {
                let (from, to) = swap(from, to);
                RenameEnum { from, to }
            }
            AddEnumValue(a) => RemoveEnumValue(a.clone()),
            RemoveEnumValue(a) => AddEnumValue(a.clone()),
            RenameEnumValue {
                enum_name,
                from,
                to,
            } => {
                let (from, to) = swap(from, to);
                RenameEnumValue {
                    enum_name: enum_name.clone(),
                    from,
                    to,
                }
            }
            RecreateEnum { old, new, usage } => RecreateEnum {
                old: new.clone(),
                new: old.clone(),
                usage: usage.clone(),
            },
            CreateSequence(s) => DropSequence(s.clone()),
            DropSequence(s) => CreateSequence(s.clone()),
            AlterSequence {
                name,
                old_type,
                old,
                new_type,
                new,
            } => AlterSequence {
                name: name.clone(),
                old_type: new_type.clone(),
                old: new.clone(),
                new_type: old_type.clone(),
                new: old.clone(),
            },
            SetSequenceOwner { name, old, new } => {
                let (old, new) = swap(old, new);
                SetSequenceOwner {
                    name: name.clone(),
                    old,
                    new,
                }
            }
            RenameSequence { from, to } => {
                let (from, to) = swap(from, to);
                RenameSequence { from, to }
            }
            CreateTable(t) => DropTable(t.clone()),
            DropTable(t) => CreateTable(t.clone()),
            RenameTable { from, to } => {
                let (from, to) = swap(from, to);
                RenameTable { from, to }
            }
            AddColumn { table, column } => DropColumn {
                table: table.clone(),
                column: column.clone(),
            },
            DropColumn { table, column } => AddColumn {
                table: table.clone(),
                column: column.clone(),
            },
            RenameColumn { table, from, to } => {
                let (from, to) = swap(from, to);
                RenameColumn {
                    table: table.clone(),
                    from,
                    to,
                }
            }
            ReplaceColumn { table, old, new } => {
                let (old, new) = swap(old, new);
                ReplaceColumn {
                    table: table.clone(),
                    old,
                    new,
                }
            }
            AlterColumnType {
                table,
                column,
                old,
                new,
            } => {
                let (old, new) = swap(old, new);
                AlterColumnType {
                    table: table.clone(),
                    column: column.clone(),
                    old,
                    new,
                }
            }
            SetNotNull { table, column } => DropNotNull {
                table: table.clone(),
                column: column.clone(),
            },
            DropNotNull { table, column } => SetNotNull {
                table: table.clone(),
                column: column.clone(),
            },
            SetDefault {
                table,
                column,
                old,
                new,
            } => {
                let (old, new) = swap(old, new);
                SetDefault {
                    table: table.clone(),
                    column: column.clone(),
                    old,
                    new,
                }
            }
            AddIdentity {
                table,
                column,
                identity,
            } => DropIdentity {
                table: table.clone(),
                column: column.clone(),
                identity: identity.clone(),
            },
            DropIdentity {
                table,
                column,
                identity,
            } => AddIdentity {
                table: table.clone(),
                column: column.clone(),
                identity: identity.clone(),
            },
            AlterIdentity {
                table,
                column,
                old,
                new,
            } => {
                let (old, new) = swap(old, new);
                AlterIdentity {
                    table: table.clone(),
                    column: column.clone(),
                    old,
                    new,
                }
            }
            SetOwnedSequence {
                table,
                column,
                old,
                new,
            } => {
                let (old, new) = swap(old, new);
                SetOwnedSequence {
                    table: table.clone(),
                    column: column.clone(),
                    old,
                    new,
                }
            }
            AddConstraint { table, constraint } => DropConstraint {
                table: table.clone(),
                constraint: constraint.clone(),
            },
            DropConstraint { table, constraint } => AddConstraint {
                table: table.clone(),
                constraint: constraint.clone(),
            },
            RenameConstraint { table, from, to } => {
                let (from, to) = swap(from, to);
                RenameConstraint {
                    table: table.clone(),
                    from,
                    to,
                }
            }
            ValidateConstraint { table, constraint } => InvalidateConstraint {
                table: table.clone(),
                constraint: constraint.with_valid(true),
            },
            InvalidateConstraint { table, constraint } => ValidateConstraint {
                table: table.clone(),
                constraint: constraint.with_valid(false),
            },
            CreateIndex { table, index } => DropIndex {
                table: table.clone(),
                index: index.clone(),
            },
            DropIndex { table, index } => CreateIndex {
                table: table.clone(),
                index: index.clone(),
            },
            RenameIndex { table, from, to } => {
                let (from, to) = swap(from, to);
                RenameIndex {
                    table: table.clone(),
                    from,
                    to,
                }
            }
            Rebuilt {
                reason,
                change,
                active,
                active_reversed,
            } => Rebuilt {
                reason: reason.clone(),
                change: Box::new(change.reverse()),
                active: *active_reversed,
                active_reversed: *active,
            },
            CreateView(v) => DropView(v.clone()),
            DropView(v) => CreateView(v.clone()),
            AlterView { old, new } => AlterView {
                old: new.clone(),
                new: old.clone(),
            },
            RenameView {
                from,
                to,
                materialized,
            } => {
                let (from, to) = swap(from, to);
                RenameView {
                    from,
                    to,
                    materialized: *materialized,
                }
            }
            CreateFunction(f) => DropFunction(f.clone()),
            DropFunction(f) => CreateFunction(f.clone()),
            AlterFunction { old, new } => AlterFunction {
                old: new.clone(),
                new: old.clone(),
            },
            RenameFunction { from, to, kind } => RenameFunction {
                from: crate::FunctionId::new(to.clone(), from.args.clone()),
                to: from.name.clone(),
                kind: *kind,
            },
            CreatePolicy(p) => DropPolicy(p.clone()),
            DropPolicy(p) => CreatePolicy(p.clone()),
            AlterPolicy { old, new } => AlterPolicy {
                old: new.clone(),
                new: old.clone(),
            },
            RenamePolicy { table, from, to } => {
                let (from, to) = swap(from, to);
                RenamePolicy {
                    table: table.clone(),
                    from,
                    to,
                }
            }
            SetRowSecurity { table, old, new } => SetRowSecurity {
                table: table.clone(),
                old: *new,
                new: *old,
            },
            CreateTrigger(t) => DropTrigger(t.clone()),
            DropTrigger(t) => CreateTrigger(t.clone()),
            AlterTrigger { old, new } => AlterTrigger {
                old: new.clone(),
                new: old.clone(),
            },
            RenameTrigger { table, from, to } => {
                let (from, to) = swap(from, to);
                RenameTrigger {
                    table: table.clone(),
                    from,
                    to,
                }
            }
            CreateStatistics(x) => DropStatistics(x.clone()),
            DropStatistics(x) => CreateStatistics(x.clone()),
            AlterStatistics { old, new } => AlterStatistics {
                old: new.clone(),
                new: old.clone(),
            },
            RenameStatistics { from, to } => {
                let (from, to) = swap(from, to);
                RenameStatistics { from, to }
            }
            SetComment { target, old, new } => {
                let (old, new) = swap(old, new);
                SetComment {
                    target: target.clone(),
                    old,
                    new,
                }
            }
        }
    }
}

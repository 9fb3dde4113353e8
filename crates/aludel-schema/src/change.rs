//! The `Change` vocabulary: one closed enum of schema changes, each carrying the old state it
//! needs so that `reverse()` is exact, with its hazards as data.

use std::fmt;

use crate::{
    Check, Column, ColumnType, EnumType, Expr, Extension, ForeignKey, Ident, Identity, Index,
    Namespace, PrimaryKey, QualifiedName, Sequence, SequenceOptions, Table, Unique,
};

/// The hazard codes live in `aludel-sql`; re-exported so that `aludel_schema::Hazard` stays.
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

/// Any table constraint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Constraint {
    PrimaryKey(PrimaryKey),
    Unique(Unique),
    Check(Check),
    ForeignKey(ForeignKey),
}

impl Constraint {
    pub fn name(&self) -> &Ident {
        match self {
            Constraint::PrimaryKey(c) => &c.name,
            Constraint::Unique(c) => &c.name,
            Constraint::Check(c) => &c.name,
            Constraint::ForeignKey(c) => &c.name,
        }
    }

    /// The same constraint under another name.
    pub fn with_name(&self, name: Ident) -> Constraint {
        let mut c = self.clone();
        match &mut c {
            Constraint::PrimaryKey(x) => x.name = name,
            Constraint::Unique(x) => x.name = name,
            Constraint::Check(x) => x.name = name,
            Constraint::ForeignKey(x) => x.name = name,
        }
        c
    }

    /// The same constraint marked valid or `NOT VALID` (primary keys and uniques are always valid).
    pub fn with_valid(&self, valid: bool) -> Constraint {
        let mut c = self.clone();
        match &mut c {
            Constraint::Check(x) => x.valid = valid,
            Constraint::ForeignKey(x) => x.valid = valid,
            Constraint::PrimaryKey(_) | Constraint::Unique(_) => {}
        }
        c
    }

    pub fn is_valid(&self) -> bool {
        match self {
            Constraint::Check(x) => x.valid,
            Constraint::ForeignKey(x) => x.valid,
            Constraint::PrimaryKey(_) | Constraint::Unique(_) => true,
        }
    }
}

/// What a `COMMENT ON` statement is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CommentTarget {
    Schema(Ident),
    Table(QualifiedName),
    Column(QualifiedName, Ident),
    /// An index of the table (the index lives in the table's schema).
    Index(QualifiedName, Ident),
    Type(QualifiedName),
    Sequence(QualifiedName),
}

impl fmt::Display for CommentTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommentTarget::Schema(n) => write!(f, "{n}"),
            CommentTarget::Table(t) | CommentTarget::Type(t) | CommentTarget::Sequence(t) => {
                write!(f, "{t}")
            }
            CommentTarget::Column(t, c) => write!(f, "{t}.{c}"),
            CommentTarget::Index(t, i) => write!(f, "{}.{i}", t.schema),
        }
    }
}

/// A column typed with an enum (or an array of it) that must be cast when the enum is recreated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumColumn {
    pub table: QualifiedName,
    pub column: Ident,
    /// The column is an array of the enum.
    pub array: bool,
    /// The column's default, dropped before the cast and set again after it.
    pub default: Option<Expr>,
}

/// Everything that must be taken apart around a recreated enum type: the columns to cast, and
/// the checks and indexes whose expressions mention the type (dropped before, recreated after).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnumUsage {
    pub columns: Vec<EnumColumn>,
    pub checks: Vec<(QualifiedName, Check)>,
    pub indexes: Vec<(QualifiedName, Index)>,
    /// The type's comment, which the recreated type must get again.
    pub comment: Option<String>,
}

/// One enum value added at its position (or, reversed, removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumValueAdd {
    pub enum_name: QualifiedName,
    pub value: String,
    /// The type's values once `value` is in place.
    pub values: Vec<String>,
    /// What to take apart when the value is removed again (by recreating the type).
    pub usage: EnumUsage,
}

/// Where `ALTER TYPE ... ADD VALUE` puts a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnumPosition {
    After(String),
    Before(String),
    /// The type had no values.
    Only,
}

impl EnumValueAdd {
    /// The position relative to an existing neighbour.
    pub fn position(&self) -> EnumPosition {
        let i = self.values.iter().position(|v| *v == self.value);
        match i {
            Some(i) if i > 0 => EnumPosition::After(self.values[i - 1].clone()),
            Some(i) if i + 1 < self.values.len() => {
                EnumPosition::Before(self.values[i + 1].clone())
            }
            _ => EnumPosition::Only,
        }
    }

    /// The values without `value`.
    pub fn values_without(&self) -> Vec<String> {
        self.values
            .iter()
            .filter(|v| **v != self.value)
            .cloned()
            .collect()
    }
}

/// A column's type with its collation and the expression converting into it
/// (`ALTER COLUMN ... TYPE ty COLLATE c USING expr`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeSpec {
    pub ty: ColumnType,
    pub collation: Option<QualifiedName>,
    /// Converts the column's previous value into this type; `None` for an implicit conversion.
    pub using: Option<Expr>,
}

/// One schema change. Each variant carries the state it needs to be reversed exactly.
// Changes are few and short-lived; boxing the large variants would only add noise.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    CreateSchema(Namespace),
    DropSchema(Namespace),
    RenameSchema {
        from: Ident,
        to: Ident,
    },
    CreateExtension(Extension),
    DropExtension(Extension),
    /// `ALTER EXTENSION ... SET SCHEMA`: the extension and its objects move.
    SetExtensionSchema {
        name: Ident,
        from: Ident,
        to: Ident,
    },
    CreateEnum(EnumType),
    DropEnum(EnumType),
    /// Rename and/or move to another schema.
    RenameEnum {
        from: QualifiedName,
        to: QualifiedName,
    },
    /// `ALTER TYPE ... ADD VALUE`: must commit before anything uses the value.
    AddEnumValue(EnumValueAdd),
    /// The reverse of [`Change::AddEnumValue`]: PostgreSQL cannot drop a value, so the type is
    /// recreated without it.
    RemoveEnumValue(EnumValueAdd),
    RenameEnumValue {
        enum_name: QualifiedName,
        from: String,
        to: String,
    },
    /// Removal or reordering of values: rename the old type, create the new one, cast every
    /// column, drop the old type; dependents taken apart around the cast.
    RecreateEnum {
        old: EnumType,
        new: EnumType,
        usage: EnumUsage,
    },
    /// A standalone sequence (without `OWNED BY`, see [`Change::SetSequenceOwner`]).
    CreateSequence(Sequence),
    DropSequence(Sequence),
    AlterSequence {
        name: QualifiedName,
        old_type: ColumnType,
        old: SequenceOptions,
        new_type: ColumnType,
        new: SequenceOptions,
    },
    SetSequenceOwner {
        name: QualifiedName,
        old: Option<(QualifiedName, Ident)>,
        new: Option<(QualifiedName, Ident)>,
    },
    /// Rename and/or move any sequence: standalone, owned by a column, or an identity's.
    RenameSequence {
        from: QualifiedName,
        to: QualifiedName,
    },
    /// A table with its columns, primary key, uniques and valid checks; foreign keys, indexes
    /// and `NOT VALID` checks are separate changes (its `foreign_keys` and `indexes` are empty).
    CreateTable(Table),
    DropTable(Table),
    /// Rename and/or `SET SCHEMA`.
    RenameTable {
        from: QualifiedName,
        to: QualifiedName,
    },
    AddColumn {
        table: QualifiedName,
        column: Column,
    },
    DropColumn {
        table: QualifiedName,
        column: Column,
    },
    RenameColumn {
        table: QualifiedName,
        from: Ident,
        to: Ident,
    },
    /// Drop and re-add (a changed generation expression, which PostgreSQL cannot alter).
    ReplaceColumn {
        table: QualifiedName,
        old: Column,
        new: Column,
    },
    AlterColumnType {
        table: QualifiedName,
        column: Ident,
        old: TypeSpec,
        new: TypeSpec,
    },
    SetNotNull {
        table: QualifiedName,
        column: Ident,
    },
    DropNotNull {
        table: QualifiedName,
        column: Ident,
    },
    /// Set, change or drop (`new: None`) a default.
    SetDefault {
        table: QualifiedName,
        column: Ident,
        old: Option<Expr>,
        new: Option<Expr>,
    },
    /// Identity on an existing column; its sequence is moved past the existing values.
    AddIdentity {
        table: QualifiedName,
        column: Ident,
        identity: Identity,
    },
    DropIdentity {
        table: QualifiedName,
        column: Ident,
        identity: Identity,
    },
    /// Kind and options (the sequence name changes through [`Change::RenameSequence`]).
    AlterIdentity {
        table: QualifiedName,
        column: Ident,
        old: Identity,
        new: Identity,
    },
    /// A sequence owned by an existing column appears (`new`) or disappears (`old`).
    SetOwnedSequence {
        table: QualifiedName,
        column: Ident,
        old: Option<Sequence>,
        new: Option<Sequence>,
    },
    AddConstraint {
        table: QualifiedName,
        constraint: Constraint,
    },
    DropConstraint {
        table: QualifiedName,
        constraint: Constraint,
    },
    RenameConstraint {
        table: QualifiedName,
        from: Ident,
        to: Ident,
    },
    /// `VALIDATE CONSTRAINT` on a `NOT VALID` check or foreign key (carried as it is before).
    ValidateConstraint {
        table: QualifiedName,
        constraint: Constraint,
    },
    /// The reverse of validation: drop and re-add `NOT VALID` (carried as it is before, valid).
    InvalidateConstraint {
        table: QualifiedName,
        constraint: Constraint,
    },
    CreateIndex {
        table: QualifiedName,
        index: Index,
    },
    DropIndex {
        table: QualifiedName,
        index: Index,
    },
    RenameIndex {
        table: QualifiedName,
        from: Ident,
        to: Ident,
    },
    SetComment {
        target: CommentTarget,
        old: Option<String>,
        new: Option<String>,
    },
}

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
            _ => {}
        }
        out
    }
}

/// Whether PostgreSQL changes `from` into `to` without rewriting the table
/// (`varchar(n)` to a longer or unlimited `varchar` or `text`, `numeric(p,s)` to wider `p`, ...).
pub fn is_binary_coercible(from: &ColumnType, to: &ColumnType) -> bool {
    use ColumnType::*;
    match (from, to) {
        (Varchar { length: a }, Varchar { length: b }) => match (a, b) {
            (_, None) => true,
            (Some(a), Some(b)) => b >= a,
            (None, Some(_)) => false,
        },
        (Varchar { .. }, Text) | (Text, Varchar { length: None }) => true,
        (
            Numeric {
                precision: Some(p1),
                scale: s1,
            },
            Numeric {
                precision: p2,
                scale: s2,
            },
        ) => match p2 {
            None => true,
            Some(p2) => p2 >= p1 && s1 == s2,
        },
        (
            Timestamp {
                with_time_zone: a, ..
            },
            Timestamp {
                precision: None,
                with_time_zone: b,
            },
        ) => a == b,
        (Array { element: a }, Array { element: b }) => is_binary_coercible(a, b),
        _ => from == to,
    }
}

/// Whether every value of `from` fits `to`, so that the conversion cannot fail.
pub fn is_widening(from: &ColumnType, to: &ColumnType) -> bool {
    use ColumnType::*;
    if is_binary_coercible(from, to) {
        return true;
    }
    match (from, to) {
        (
            SmallInt,
            Integer
            | BigInt
            | Numeric {
                precision: None, ..
            },
        ) => true,
        (
            Integer,
            BigInt
            | Numeric {
                precision: None, ..
            },
        ) => true,
        (
            BigInt,
            Numeric {
                precision: None, ..
            },
        ) => true,
        (Real, DoublePrecision) => true,
        (Char { .. } | Varchar { .. } | Uuid | Enum { .. } | Json | Jsonb, Text) => true,
        (Json, Jsonb) | (Jsonb, Json) => true,
        (Timestamp { .. }, Timestamp { .. }) | (Time { .. }, Time { .. }) => true,
        (Char { length: a }, Varchar { length: b }) => match (a, b) {
            (_, None) => true,
            (Some(a), Some(b)) => b >= a,
            (None, Some(_)) => false,
        },
        _ => false,
    }
}

/// The `USING` expression that converts `column` from `from` to `to`: `None` when PostgreSQL
/// converts implicitly, `col::text::to` for enums, `col::to` otherwise.
pub fn cast_using(column: &Ident, from: &ColumnType, to: &ColumnType) -> Option<Expr> {
    if from == to || is_widening(from, to) {
        return None;
    }
    let via_text = |t: &ColumnType| matches!(t, ColumnType::Enum { .. });
    match (from, to) {
        (ColumnType::Array { element: a }, ColumnType::Array { element: b })
            if via_text(a) || via_text(b) =>
        {
            Some(Expr::new(format!("{column}::text[]::{to}")))
        }
        _ if via_text(from) || via_text(to) => Some(Expr::new(format!("{column}::text::{to}"))),
        _ => Some(Expr::new(format!("{column}::{to}"))),
    }
}

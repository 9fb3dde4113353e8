//! The `Change` vocabulary: one closed enum of schema changes, each carrying the old state it
//! needs so that `reverse()` (in `reverse.rs`) is exact; hazards (`hazard.rs`) and the casts a
//! type change needs (`cast.rs`) are data derived from it.

mod cast;
mod hazard;
mod reverse;

use std::fmt;

pub use cast::{cast_using, is_binary_coercible, is_widening};
pub use hazard::{Hazard, HazardNote};

use crate::{
    Check, Column, ColumnType, EnumType, Expr, Extension, ForeignKey, Function, FunctionId, Ident,
    Identity, Index, Namespace, PrimaryKey, QualifiedName, Sequence, SequenceOptions, Table,
    Trigger, Unique, View,
};

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

/// What a recreated enum type converts itself: the columns to cast (with their defaults) and
/// its comment. Checks and indexes whose expressions name the type are rebuild sets around the
/// change ([`Change::Rebuilt`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnumUsage {
    pub columns: Vec<EnumColumn>,
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
    /// A view or materialized view with its comment; a materialized view's indexes are
    /// separate changes (its `indexes` are empty).
    CreateView(View),
    DropView(View),
    /// Anything but the name: in place when [`View::replaceable_by`] allows it (columns renamed,
    /// `CREATE OR REPLACE VIEW`, `ALTER VIEW ... SET`, `COMMENT`), else drop and create. The
    /// indexes of a materialized view are separate changes (both `indexes` are empty).
    AlterView {
        old: View,
        new: View,
    },
    /// Rename and/or `SET SCHEMA`.
    RenameView {
        from: QualifiedName,
        to: QualifiedName,
        materialized: bool,
    },
    CreateFunction(Function),
    DropFunction(Function),
    /// Anything but the identity: `CREATE OR REPLACE` when [`Function::replaceable_by`] allows
    /// it, else drop and create; the comment with it.
    AlterFunction {
        old: Function,
        new: Function,
    },
    /// Rename and/or `SET SCHEMA`, argument types unchanged.
    RenameFunction {
        from: FunctionId,
        to: QualifiedName,
        kind: crate::FunctionKind,
    },
    CreateTrigger(Trigger),
    DropTrigger(Trigger),
    /// Definition (`CREATE OR REPLACE TRIGGER`, or drop and create for constraint triggers),
    /// enabled state, comment.
    AlterTrigger {
        old: Trigger,
        new: Trigger,
    },
    RenameTrigger {
        table: QualifiedName,
        from: Ident,
        to: Ident,
    },
    CreatePolicy(crate::Policy),
    DropPolicy(crate::Policy),
    /// `ALTER POLICY` when [`crate::Policy::alterable_to`] allows it, else drop and create; the
    /// comment with it.
    AlterPolicy {
        old: crate::Policy,
        new: crate::Policy,
    },
    RenamePolicy {
        table: QualifiedName,
        from: Ident,
        to: Ident,
    },
    /// `ENABLE`/`DISABLE` and `FORCE`/`NO FORCE ROW LEVEL SECURITY`.
    SetRowSecurity {
        table: QualifiedName,
        old: crate::RowSecurity,
        new: crate::RowSecurity,
    },
    CreateStatistics(crate::Statistics),
    DropStatistics(crate::Statistics),
    /// The statistics target and comment in place; another definition: drop and create.
    AlterStatistics {
        old: crate::Statistics,
        new: crate::Statistics,
    },
    /// Rename and/or `SET SCHEMA`.
    RenameStatistics {
        from: QualifiedName,
        to: QualifiedName,
    },
    /// A change of a rebuild set: an object that stays the same but depends on something another
    /// change drops or replaces, so it is dropped before that change and recreated after it, in
    /// the same transaction.
    Rebuilt {
        reason: RebuildReason,
        change: Box<Change>,
        /// Whether the rebuild happens in this direction. `false` for one that only the reverse
        /// needs: the checks around an enum value that the upgrade adds in place and the
        /// downgrade removes by recreating the type. Such a change renders nothing and applies
        /// nothing until reversed.
        active: bool,
        /// Whether it happens once reversed.
        active_reversed: bool,
    },
}

/// Why an unchanged object is dropped and recreated: it depends on something that is replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RebuildReason {
    /// The rebuilt object (`public.orders.orders_total_check`).
    pub object: String,
    /// What it depends on (`public.orders.total`).
    pub depends_on: String,
}

impl fmt::Display for RebuildReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} depends on {}", self.object, self.depends_on)
    }
}

impl Change {
    /// Whether the change does anything in this direction (an inactive rebuild does not).
    pub fn is_active(&self) -> bool {
        !matches!(self, Change::Rebuilt { active: false, .. })
    }

    /// Whether this only renames (a change of the diff's rename pass): every other change is
    /// phrased in the names the renames leave. Exhaustive, so a new change decides.
    pub fn is_rename(&self) -> bool {
        use Change::*;
        match self {
            RenameSchema { .. }
            | RenameEnum { .. }
            | RenameEnumValue { .. }
            | RenameSequence { .. }
            | RenameTable { .. }
            | RenameColumn { .. }
            | RenameConstraint { .. }
            | RenameIndex { .. }
            | RenameView { .. }
            | RenameFunction { .. }
            | RenameTrigger { .. }
            | RenamePolicy { .. }
            | RenameStatistics { .. } => true,
            CreateSchema(_)
            | DropSchema(_)
            | CreateExtension(_)
            | DropExtension(_)
            | SetExtensionSchema { .. }
            | CreateEnum(_)
            | DropEnum(_)
            | AddEnumValue(_)
            | RemoveEnumValue(_)
            | RecreateEnum { .. }
            | CreateSequence(_)
            | DropSequence(_)
            | AlterSequence { .. }
            | SetSequenceOwner { .. }
            | CreateTable(_)
            | DropTable(_)
            | AddColumn { .. }
            | DropColumn { .. }
            | ReplaceColumn { .. }
            | AlterColumnType { .. }
            | SetNotNull { .. }
            | DropNotNull { .. }
            | SetDefault { .. }
            | AddIdentity { .. }
            | AlterIdentity { .. }
            | DropIdentity { .. }
            | SetOwnedSequence { .. }
            | AddConstraint { .. }
            | DropConstraint { .. }
            | InvalidateConstraint { .. }
            | ValidateConstraint { .. }
            | CreateIndex { .. }
            | DropIndex { .. }
            | SetComment { .. }
            | CreateView(_)
            | DropView(_)
            | AlterView { .. }
            | CreateFunction(_)
            | DropFunction(_)
            | AlterFunction { .. }
            | CreateTrigger(_)
            | DropTrigger(_)
            | AlterTrigger { .. }
            | CreateStatistics(_)
            | DropStatistics(_)
            | AlterStatistics { .. }
            | CreatePolicy(_)
            | DropPolicy(_)
            | AlterPolicy { .. }
            | SetRowSecurity { .. }
            | Rebuilt { .. } => false,
        }
    }

    /// The change itself, without a [`Change::Rebuilt`] wrapper.
    pub fn inner(&self) -> &Change {
        match self {
            Change::Rebuilt { change, .. } => change.inner(),
            c => c,
        }
    }
}

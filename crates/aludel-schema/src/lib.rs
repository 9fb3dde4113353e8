//! The aludel IR: one `Schema` value that the models and introspection both produce, with typed
//! identifiers, closed enums and a deterministic DDL-like `Display`.

mod column;
mod column_type;
mod constraint;
mod depends;
pub mod display;
mod enum_type;
pub mod expr;
mod function;
mod ident;
mod index;
mod policy;
mod rename;
mod schema;
mod sequence;
mod statistics;
mod table;
mod trigger;
mod view;

pub use aludel_sql::{naming, quote_literal};
pub use column::{Column, Identity, IdentityKind};
pub use column_type::ColumnType;
pub use constraint::{Check, Deferrable, FkAction, ForeignKey, MatchType, PrimaryKey, Unique};
pub use depends::Dependency;
pub use enum_type::{EnumType, EnumValue};
pub use function::{Function, FunctionId, FunctionKind};
pub use ident::{Ident, QualifiedName};
pub use index::{Index, IndexKey, IndexTarget};
pub use policy::{Policy, PolicyCommand, PolicyId, RowSecurity};
pub use rename::{RENAME_SYNTAX, RenameHint, RenameHintError};
pub use schema::{Expr, Extension, Namespace, Schema, SqlSource};
pub use sequence::{Sequence, SequenceOptions, integer_range};
pub use statistics::Statistics;
pub use table::Table;
pub use trigger::{Trigger, TriggerEnabled, TriggerId};
pub use view::{View, ViewColumn};

mod apply;
mod change;
pub use apply::*;
pub use change::*;

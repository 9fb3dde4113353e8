//! The aludel IR: one `Schema` value that the models and introspection both produce, with typed
//! identifiers, closed enums and a deterministic DDL-like `Display`.

mod column;
mod column_type;
mod constraint;
pub mod display;
mod enum_type;
pub mod expr;
mod ident;
mod index;
mod rename;
mod schema;
mod sequence;
mod table;

pub use aludel_sql::{naming, quote_literal};
pub use column::{Column, Identity, IdentityKind};
pub use column_type::ColumnType;
pub use constraint::{Check, Deferrable, FkAction, ForeignKey, MatchType, PrimaryKey, Unique};
pub use enum_type::{EnumType, EnumValue};
pub use ident::{Ident, QualifiedName};
pub use index::{Index, IndexKey, IndexTarget};
pub use rename::{RENAME_SYNTAX, RenameHint, RenameHintError};
pub use schema::{Expr, Extension, Namespace, Schema};
pub use sequence::{Sequence, SequenceOptions, integer_range};
pub use table::Table;

mod apply;
mod change;
pub use apply::*;
pub use change::*;

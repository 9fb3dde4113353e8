//! The `Model` and `PgEnum` traits that the derives implement.

use aludel_schema::{EnumType, Policy, QualifiedName, SqlSource, Table};

use crate::SqlType;

/// A Rust struct that describes one table; implemented by `#[derive(Model)]`.
pub trait Model {
    /// The table's schema-qualified name.
    fn table_name() -> QualifiedName;

    /// The table, with its columns, constraints, indexes, comments and rename hints.
    fn table() -> Table;

    /// The enum types the table's columns use, each once.
    fn enum_types() -> Vec<EnumType> {
        Vec::new()
    }

    /// The triggers declared on the model (`#[aludel(trigger(...))]`), as the SQL they stand
    /// for, one source each: the model's file, the attribute's line, a `CREATE TRIGGER` (and
    /// `COMMENT ON TRIGGER`). [`SchemaBuilder::model`](crate::SchemaBuilder::model) adds them
    /// to the declared SQL.
    fn triggers() -> Vec<SqlSource> {
        Vec::new()
    }

    /// The row-level security policies declared on the model (`#[aludel(policy(...))]`), on
    /// its table, as IR (roles sorted; `public` is PUBLIC).
    /// [`SchemaBuilder::model`](crate::SchemaBuilder::model) adds them to the IR's policies.
    /// Whether the table has row-level security enabled is [`Table::row_security`].
    fn policies() -> Vec<Policy> {
        Vec::new()
    }
}

/// A Rust enum that describes one PostgreSQL enum type; implemented by `#[derive(PgEnum)]`,
/// which also implements [`SqlType`] so that a field of this type is a column of the enum.
pub trait PgEnum: SqlType {
    /// The enum type, values in declaration order.
    fn enum_type() -> EnumType;
}

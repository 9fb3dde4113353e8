//! `SchemaError`: every problem the whole-schema checks found, each naming both sides.

use std::fmt;

use aludel_schema::{Ident, PolicyId, QualifiedName};

/// The declared schema is inconsistent; lists every problem found, not only the first.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct SchemaError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.as_slice() {
            [one] => write!(f, "{one}"),
            many => {
                write!(f, "{} problems in the declared schema", many.len())?;
                for p in many {
                    write!(f, "\n- {}", p.to_string().replace('\n', "\n  "))?;
                }
                Ok(())
            }
        }
    }
}

/// One inconsistency between declarations. `by` fields name the Rust type (or the builder call)
/// that made the declaration.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error(
        "table {table} is declared twice, by {first} and by {second}\nhint: give one of them another name with `#[aludel(table = \"...\")]`"
    )]
    DuplicateTable {
        table: QualifiedName,
        first: String,
        second: String,
    },
    #[error(
        "enum type {name} is declared twice with different values, by {first} and by {second}\nhint: give one of them another name with `#[aludel(name = \"...\")]`"
    )]
    DuplicateEnum {
        name: QualifiedName,
        first: String,
        second: String,
    },
    #[error(
        "sequence {name} is declared twice\nhint: declare each standalone sequence once with `.sequence(...)`"
    )]
    DuplicateSequence { name: QualifiedName },
    #[error(
        "{second} is named {schema}.{name}, like {first}; tables, indexes, constraint indexes and sequences share one namespace per schema\nhint: rename one of them (`name = \"...\"` on the index or constraint)"
    )]
    RelationNameClash {
        schema: Ident,
        name: Ident,
        first: String,
        second: String,
    },
    #[error(
        "foreign key {constraint} of {table} (declared by {by}) references {referenced}, which no model declares\nhint: register its model with `.model::<...>()`, or declare a table the application does not own with `.external_table(\"{referenced}(...)\")`"
    )]
    UnknownReferencedTable {
        table: QualifiedName,
        constraint: Ident,
        by: String,
        referenced: QualifiedName,
    },
    #[error(
        "foreign key {constraint} of {table} (declared by {by}) references column {column} of {referenced} (declared by {referenced_by}), which has no such column\nhint: reference one of its columns: {available}"
    )]
    UnknownReferencedColumn {
        table: QualifiedName,
        constraint: Ident,
        by: String,
        referenced: QualifiedName,
        referenced_by: String,
        column: Ident,
        available: String,
    },
    #[error(
        "foreign key {constraint} of {table} (declared by {by}) references ({columns}) of {referenced} (declared by {referenced_by}), which is neither its primary key nor unique\nhint: reference the primary key, or add `unique` to the referenced column(s)"
    )]
    ReferenceNotUnique {
        table: QualifiedName,
        constraint: Ident,
        by: String,
        referenced: QualifiedName,
        referenced_by: String,
        columns: String,
    },
    #[error(
        "foreign key {constraint} of {table} (declared by {by}) has {local} column(s) but references {remote}\nhint: list as many referenced columns as local ones"
    )]
    ReferenceArity {
        table: QualifiedName,
        constraint: Ident,
        by: String,
        local: usize,
        remote: usize,
    },
    #[error(
        "{object} of {table} (declared by {by}) names column {column}, which the table does not have\nhint: use one of its columns: {available}"
    )]
    UnknownColumn {
        table: QualifiedName,
        by: String,
        object: String,
        column: Ident,
        available: String,
    },
    #[error(
        "column {column} of {table} (declared by {by}) has enum type {enum_name}, which no model or `.enum_type::<...>()` declares\nhint: register the enum with `.enum_type::<...>()`"
    )]
    UnknownEnum {
        table: QualifiedName,
        column: Ident,
        by: String,
        enum_name: QualifiedName,
    },
    #[error(
        "table {table} is declared dropped, but {by} declares it\nhint: remove the `.dropped(\"{table}\")` declaration or the model"
    )]
    DroppedButDeclared { table: QualifiedName, by: String },
    #[error(
        "table {table} is declared external, but {by} declares it as a model\nhint: remove the `.external_table(...)` declaration or the model"
    )]
    ExternalButDeclared { table: QualifiedName, by: String },
    #[error(
        "{kind} {name} (declared by {by}) is renamed from {old}, which {old_by} still declares\nhint: remove the `renamed_from` hint, or the declaration of {old}"
    )]
    RenamedFromDeclared {
        kind: &'static str,
        name: QualifiedName,
        by: String,
        old: QualifiedName,
        old_by: String,
    },
    #[error(
        "SQL source {origin} is declared twice\nhint: declare each file once with `.sql(...)`, or give the sources distinct origins"
    )]
    DuplicateSql { origin: String },
    #[error(
        "{policy} is declared twice, by {first} and by {second}\nhint: give one of them another name"
    )]
    DuplicatePolicy {
        policy: PolicyId,
        first: String,
        second: String,
    },
    #[error(
        "{policy} (declared by {by}) is on {table}, which neither a model nor `.external_table(...)` declares\nhint: register its model with `.model::<...>()`, or declare a table the application does not own with `.external_table(\"{table}\")`"
    )]
    PolicyOnUnknownTable {
        table: QualifiedName,
        policy: PolicyId,
        by: String,
    },
    #[error("{policy} (declared by {by}) {reason}\nhint: {hint}")]
    InvalidPolicy {
        policy: PolicyId,
        by: String,
        reason: String,
        hint: &'static str,
    },
    #[error("{what} {input:?} is malformed: {reason}\nhint: write it as {example}")]
    Malformed {
        what: &'static str,
        input: String,
        reason: &'static str,
        example: &'static str,
    },
}

//! Columns: type, nullability, default, identity, generated expression, collation, comment.

use serde::{Deserialize, Serialize};

use crate::{ColumnType, Expr, Ident, QualifiedName, Sequence, SequenceOptions};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub name: Ident,
    #[serde(rename = "type")]
    pub ty: ColumnType,
    pub nullable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Expr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    /// `GENERATED ALWAYS AS (expr) STORED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<Expr>,
    /// A collation other than the type's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collation: Option<QualifiedName>,
    /// A sequence owned by this column (`serial`, or `ALTER SEQUENCE ... OWNED BY`), which the
    /// column's default reads. Identity sequences are in `identity` instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owned_sequence: Option<Sequence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Rename hint from the models: the column's previous name in the same table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<Ident>,
}

impl Column {
    pub fn new(name: impl Into<Ident>, ty: ColumnType) -> Self {
        Column {
            name: name.into(),
            ty,
            nullable: true,
            default: None,
            identity: None,
            generated: None,
            collation: None,
            owned_sequence: None,
            comment: None,
            renamed_from: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentityKind {
    Always,
    ByDefault,
}

impl IdentityKind {
    /// `ALWAYS` or `BY DEFAULT`, as `GENERATED ... AS IDENTITY` writes it.
    pub fn as_sql(self) -> &'static str {
        match self {
            IdentityKind::Always => "ALWAYS",
            IdentityKind::ByDefault => "BY DEFAULT",
        }
    }
}

/// `GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY (options)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub kind: IdentityKind,
    /// The implicit sequence's name when it is not PostgreSQL's default `<table>_<column>_seq`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_name: Option<QualifiedName>,
    #[serde(default, skip_serializing_if = "SequenceOptions::is_default")]
    pub options: SequenceOptions,
}

//! Table constraints: primary key, unique, check, foreign key, and their shared options.

use serde::{Deserialize, Serialize};

use crate::{Expr, Ident, QualifiedName};

/// `NOT DEFERRABLE` (the default), `DEFERRABLE INITIALLY IMMEDIATE`, `DEFERRABLE INITIALLY DEFERRED`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Deferrable {
    #[default]
    NotDeferrable,
    InitiallyImmediate,
    InitiallyDeferred,
}

impl Deferrable {
    pub fn is_default(&self) -> bool {
        *self == Deferrable::NotDeferrable
    }

    /// The clause as SQL, empty for the default.
    pub fn sql(&self) -> &'static str {
        match self {
            Deferrable::NotDeferrable => "",
            Deferrable::InitiallyImmediate => " DEFERRABLE",
            Deferrable::InitiallyDeferred => " DEFERRABLE INITIALLY DEFERRED",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrimaryKey {
    pub name: Ident,
    pub columns: Vec<Ident>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<Ident>,
    #[serde(default, skip_serializing_if = "Deferrable::is_default")]
    pub deferrable: Deferrable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unique {
    pub name: Ident,
    pub columns: Vec<Ident>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nulls_not_distinct: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<Ident>,
    #[serde(default, skip_serializing_if = "Deferrable::is_default")]
    pub deferrable: Deferrable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub name: Ident,
    /// The boolean expression, as `pg_get_constraintdef` prints it inside `CHECK (...)`.
    pub expr: Expr,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_inherit: bool,
    /// `false` for a constraint added `NOT VALID` and not validated since.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub valid: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "action")]
pub enum FkAction {
    NoAction,
    Restrict,
    Cascade,
    /// `SET NULL`, optionally only for some of the key's columns (PostgreSQL 15).
    SetNull {
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        columns: Vec<Ident>,
    },
    SetDefault {
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        columns: Vec<Ident>,
    },
}

impl FkAction {
    pub fn is_default(&self) -> bool {
        *self == FkAction::NoAction
    }

    pub fn sql(&self) -> String {
        let cols = |c: &[Ident]| {
            if c.is_empty() {
                String::new()
            } else {
                format!(" ({})", crate::display::ident_list(c))
            }
        };
        match self {
            FkAction::NoAction => "NO ACTION".into(),
            FkAction::Restrict => "RESTRICT".into(),
            FkAction::Cascade => "CASCADE".into(),
            FkAction::SetNull { columns } => format!("SET NULL{}", cols(columns)),
            FkAction::SetDefault { columns } => format!("SET DEFAULT{}", cols(columns)),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchType {
    #[default]
    Simple,
    Full,
}

impl MatchType {
    pub fn is_default(&self) -> bool {
        *self == MatchType::Simple
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForeignKey {
    pub name: Ident,
    pub columns: Vec<Ident>,
    pub ref_table: QualifiedName,
    pub ref_columns: Vec<Ident>,
    #[serde(default = "no_action", skip_serializing_if = "FkAction::is_default")]
    pub on_delete: FkAction,
    #[serde(default = "no_action", skip_serializing_if = "FkAction::is_default")]
    pub on_update: FkAction,
    #[serde(default, skip_serializing_if = "MatchType::is_default")]
    pub match_type: MatchType,
    #[serde(default, skip_serializing_if = "Deferrable::is_default")]
    pub deferrable: Deferrable,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub valid: bool,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn no_action() -> FkAction {
    FkAction::NoAction
}

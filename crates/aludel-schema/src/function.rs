//! Functions and procedures: identity (schema, name, argument types), the full definition as
//! `pg_get_functiondef` prints it, the attributes it is made of, comment, and what a
//! `BEGIN ATOMIC` body uses.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Dependency, QualifiedName};

/// A function's identity: overloads are distinct objects.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FunctionId {
    pub name: QualifiedName,
    /// The input argument types as `oidvectortypes` prints them (`integer, text`).
    pub args: String,
}

impl FunctionId {
    pub fn new(name: QualifiedName, args: impl Into<String>) -> FunctionId {
        FunctionId {
            name,
            args: args.into(),
        }
    }
}

impl fmt::Display for FunctionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}({})", self.name, self.args)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FunctionKind {
    Function,
    Procedure,
}

impl FunctionKind {
    pub fn keyword(self) -> &'static str {
        match self {
            FunctionKind::Function => "FUNCTION",
            FunctionKind::Procedure => "PROCEDURE",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Function {
    pub id: FunctionId,
    pub kind: FunctionKind,
    /// The arguments as `pg_get_function_identity_arguments` prints them (with names and
    /// modes), what `DROP` and `COMMENT ON` take.
    pub identity_args: String,
    /// Every parameter's mode, name and type (`i:a:integer,o:b:text`), defaults left out: what
    /// `CREATE OR REPLACE` may not change.
    pub parameters: String,
    /// How many input parameters have defaults (`CREATE OR REPLACE` may add, never remove them).
    pub defaults: i16,
    /// `pg_get_function_result`; `None` for a procedure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    pub language: String,
    /// `i`, `s` or `v`.
    pub volatility: String,
    pub strict: bool,
    pub security_definer: bool,
    pub leakproof: bool,
    /// `s`, `r` or `u`.
    pub parallel: String,
    pub cost: String,
    pub rows: String,
    /// `SET` options (`search_path=public`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub config: Vec<String>,
    /// The whole `CREATE OR REPLACE` statement as `pg_get_functiondef` prints it, line endings
    /// normalised to `\n`, without the trailing newline. A body written as a string is kept
    /// verbatim; a `BEGIN ATOMIC` body is normalised by PostgreSQL.
    pub definition: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// What a `BEGIN ATOMIC` body and the signature use, from `pg_depend` (sorted).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<Dependency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<QualifiedName>,
}

impl Function {
    /// `schema.name(identity arguments)`, as `DROP FUNCTION` takes it.
    pub fn signature(&self) -> String {
        format!("{}({})", self.id.name, self.identity_args)
    }

    /// Whether `CREATE OR REPLACE` turns `self` into `new`: same kind, result type, parameter
    /// names, modes and types, and no default removed (PostgreSQL 15 refuses the others).
    pub fn replaceable_by(&self, new: &Function) -> bool {
        self.kind == new.kind
            && self.result == new.result
            && self.parameters == new.parameters
            && new.defaults >= self.defaults
    }

    /// Whether the body is PL/pgSQL or another language PostgreSQL does not check against the
    /// catalog when the function is created, so it can be created before what it uses.
    pub fn body_unchecked(&self) -> bool {
        self.language != "sql"
    }

    pub fn normalize(&mut self) {
        self.depends_on.sort();
        self.depends_on.dedup();
    }
}

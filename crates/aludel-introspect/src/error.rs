//! Introspection errors.

/// Why the catalog could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("schema {} does not exist", names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", "))]
    SchemaNotFound { names: Vec<String> },
    #[error(transparent)]
    Connect(aludel_pg::Error),
    #[error("cannot read {kind} from the catalog: {message}")]
    Query { kind: &'static str, message: String },
}

impl Error {
    pub(crate) fn query(kind: &'static str, e: sqlx::Error) -> Error {
        let message = match &e {
            sqlx::Error::Database(db) => db.message().to_owned(),
            other => other.to_string(),
        };
        Error::Query { kind, message }
    }

    /// What the user can do about it.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::SchemaNotFound { .. } => Some(
                "check the --schema names (they are case-sensitive), or omit --schema to read every schema"
                    .into(),
            ),
            Error::Connect(e) => e.hint(),
            Error::Query { .. } => None,
        }
    }
}

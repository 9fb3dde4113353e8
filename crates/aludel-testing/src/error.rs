//! Typed errors of `create_all` / `drop_all`; messages never contain a password.

/// What can go wrong creating or dropping the objects of a schema.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Connecting (the URL form, the server, authentication).
    #[error(transparent)]
    Connect(#[from] aludel_pg::Error),
    /// The declared schema cannot be turned into changes (an inconsistent rename hint).
    #[error("cannot plan the statements: {0}")]
    Plan(#[from] aludel_diff::DiffError),
    /// Reading the live catalog (for `drop_all`).
    #[error("cannot read the database catalog: {0}")]
    Introspect(#[from] aludel_introspect::Error),
    /// A statement the server refused, with the statement.
    #[error("statement failed: {message}\n    {sql}")]
    Statement { sql: String, message: String },
    /// A declared SQL source cannot be split into statements (a quote or comment never closed).
    #[error("{origin}:{line}: unterminated {what}")]
    DeclaredSplit {
        origin: String,
        line: usize,
        what: String,
    },
    /// A `-- aludel:` comment above a declared statement that is not understood.
    #[error("{origin}:{line}: {reason}")]
    DeclaredHint {
        origin: String,
        line: usize,
        reason: String,
    },
    /// A declared SQL statement the server refused, or that still fails once everything else
    /// is created (it names an object nobody declares); nothing was written.
    #[error(
        "{origin}:{line}: `{statement}` failed{}: {message}",
        at.filter(|at| at != line).map(|at| format!(" at line {at}")).unwrap_or_default()
    )]
    Declared {
        origin: String,
        /// The line of the statement's first token.
        line: usize,
        /// The line of the error inside the statement, when the server gives its position.
        at: Option<usize>,
        /// The statement's first line.
        statement: String,
        /// The server's message, with its SQLSTATE.
        message: String,
        /// The SQLSTATE.
        code: Option<String>,
    },
    /// Any other query (catalog look-ups, transaction control).
    #[error("{context}: {message}")]
    Query { context: String, message: String },
}

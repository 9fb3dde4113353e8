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
    /// Any other query (catalog look-ups, transaction control).
    #[error("{context}: {message}")]
    Query { context: String, message: String },
}

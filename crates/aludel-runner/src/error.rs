//! Typed errors of planning and running, each with a hint where the user can act.

use std::path::PathBuf;
use std::time::Duration;

use aludel_migrations::RevisionId;

use crate::applied::Failure;
use crate::table::Direction;

/// Why no plan can be made. Nothing has been changed when one of these is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("the database has revision `{revision}` applied, which is not in the migrations")]
    UnknownApplied { revision: String },
    #[error("{}: migration `{revision}` was edited after it was applied", path.display())]
    Modified { revision: RevisionId, path: PathBuf },
    #[error("the database is dirty: {direction} of `{revision}` ({}) did not finish{}", path.display(), describe_failure(failure))]
    Dirty {
        revision: RevisionId,
        path: PathBuf,
        direction: Direction,
        failure: Option<Failure>,
    },
    #[error("the migrations have several heads: {}", list(heads))]
    MultipleHeads { heads: Vec<RevisionId> },
    #[error("unknown revision `{revision}`")]
    UnknownRevision { revision: String },
    #[error("revision `{revision}` is not applied")]
    NotApplied { revision: RevisionId },
    #[error("revision `{revision}` is not dirty, there is nothing to repair")]
    NotDirty { revision: RevisionId },
    #[error("cannot {direction} by {requested}: only {available} revisions can be")]
    TooFew {
        direction: Direction,
        requested: usize,
        available: usize,
    },
}

fn list(revisions: &[RevisionId]) -> String {
    revisions
        .iter()
        .map(RevisionId::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

fn describe_failure(failure: &Option<Failure>) -> String {
    match failure {
        Some(f) => format!(
            ", it failed at line {} on `{}`: {}",
            f.line,
            excerpt(&f.statement),
            f.error
        ),
        None => ", it was interrupted".to_owned(),
    }
}

/// A statement on one line, without the comment lines above it, cut after 200 characters.
pub(crate) fn excerpt(sql: &str) -> String {
    let code = sql
        .lines()
        .skip_while(|line| line.trim_start().starts_with("--") || line.trim().is_empty())
        .collect::<Vec<_>>();
    let code = if code.is_empty() {
        sql.lines().collect()
    } else {
        code
    };
    let one_line = code
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match one_line.char_indices().nth(200) {
        Some((cut, _)) => format!("{}...", &one_line[..cut]),
        None => one_line,
    }
}

impl PlanError {
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            PlanError::UnknownApplied { revision } => format!(
                "restore `{revision}.sql` into the migrations directory (from version control or \
                 the branch that made it), or point at the right directory"
            ),
            PlanError::Modified { revision, .. } => format!(
                "restore the file as it was applied, or accept its new content with `rehash {revision}`"
            ),
            PlanError::Dirty { revision, .. } => format!(
                "finish or undo the migration by hand, then record it with `repair {revision}`"
            ),
            PlanError::MultipleHeads { .. } => {
                "upgrade to `heads` to apply every branch, or join them with `merge -m <message>`"
                    .to_owned()
            }
            PlanError::UnknownRevision { .. } => {
                "`heads` and `history` list the revisions of this directory".to_owned()
            }
            PlanError::NotApplied { .. } => "`history` shows what is applied".to_owned(),
            PlanError::NotDirty { .. } | PlanError::TooFew { .. } => return None,
        })
    }
}

/// Why a run failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Plan(#[from] PlanError),
    #[error(transparent)]
    Migrations(#[from] aludel_migrations::Error),
    #[error(transparent)]
    Connect(#[from] aludel_pg::Error),
    #[error("cannot set role `{role}`: {message}")]
    SetRole { role: String, message: String },
    #[error("a transaction is open on the connection given to the runner")]
    TransactionOpen,
    #[error("timed out after {waited:?} waiting for the migration lock on {table}")]
    LockTimeout { table: String, waited: Duration },
    #[error("the session advisory lock on {table} cannot be used: {reason}")]
    LockUnusable { table: String, reason: String },
    /// The connection goes through a transaction-mode pooler (see `pooler.rs` for how that is
    /// detected); nothing was changed.
    #[error(
        "the connection goes through a transaction-mode pooler: {reason}; the migration lock \
         cannot protect a run there, nothing was changed"
    )]
    Pooler {
        reason: String,
        /// Where to connect instead, when the URL is known ([`aludel_pg::pooler_hint`]).
        advice: Option<String>,
    },
    #[error(
        "a second connection to the database got no server session within {waited:?}, so the \
         runner cannot check for a transaction-mode pooler; nothing was changed"
    )]
    ProbeTimeout { waited: Duration },
    #[error("{context}: {message}")]
    Database { context: String, message: String },
    #[error("{direction} of `{revision}` failed at {}:{line}: {message}\n  statement: {}", path.display(), excerpt(statement))]
    Statement {
        revision: RevisionId,
        path: PathBuf,
        line: usize,
        statement: String,
        direction: Direction,
        message: String,
        /// `false` for `transaction none`: the database is now dirty.
        transactional: bool,
    },
    #[error("the run was not confirmed, nothing was changed")]
    NotConfirmed,
}

impl Error {
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Plan(e) => e.hint(),
            Error::Migrations(e) => e.hint(),
            Error::Connect(e) => e.hint(),
            Error::SetRole { .. } => Some(
                "the connecting user must be a member of the role (GRANT role TO user)".to_owned(),
            ),
            Error::TransactionOpen => {
                Some("commit or roll back before running migrations".to_owned())
            }
            Error::LockTimeout { .. } => Some(
                "another run holds the lock; wait for it, or raise the lock timeout".to_owned(),
            ),
            Error::LockUnusable { .. } => Some(
                "a transaction-mode pooler (such as PgBouncer with pool_mode = transaction) does \
                 not keep session locks; use the database's direct address or a session-mode \
                 pooler"
                    .to_owned(),
            ),
            Error::Pooler { advice, .. } => Some(
                advice
                    .clone()
                    .unwrap_or_else(|| aludel_pg::pooler_hint(None)),
            ),
            Error::ProbeTimeout { .. } => Some(
                "a run holds two connections for a moment: give a session-mode pool at least one \
                 server connection more than the runs that go at once"
                    .to_owned(),
            ),
            Error::Statement {
                revision,
                transactional,
                ..
            } => Some(if *transactional {
                "nothing of this migration was committed; fix it and run again".to_owned()
            } else {
                format!(
                    "the statements before this one are committed and the database is marked \
                     dirty; finish or undo the migration by hand, then run `repair {revision}`"
                )
            }),
            Error::Database { .. } | Error::NotConfirmed => None,
        }
    }

    pub(crate) fn pooler(reason: String) -> Error {
        Error::Pooler {
            reason,
            advice: None,
        }
    }

    pub(crate) fn database(context: impl Into<String>, e: &sqlx::Error) -> Error {
        Error::Database {
            context: context.into(),
            message: message(e),
        }
    }
}

/// The server's message with its sqlstate, or the driver's.
pub(crate) use aludel_pg::server_message as message;

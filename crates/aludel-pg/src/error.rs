//! Typed errors for connections and throwaway servers, each with a hint where the user can act.

use std::path::PathBuf;

/// Everything that can go wrong reaching or running a PostgreSQL server. Messages never contain
/// a password: URLs are shown through [`crate::redact`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid database url `{url}`: {reason}")]
    InvalidUrl { url: String, reason: String },
    #[error("cannot reach the database server at {target}: {reason}")]
    Unreachable { target: String, reason: String },
    #[error("password authentication failed for user `{user}` at {target}")]
    AuthFailed { user: String, target: String },
    #[error("database `{database}` does not exist at {target}")]
    NoDatabase { database: String, target: String },
    #[error("tls connection to {target} failed: {reason}")]
    Tls { target: String, reason: String },
    #[error("{context}: {message}")]
    Query { context: String, message: String },
    #[error("no PostgreSQL server binaries (initdb, pg_ctl) found")]
    NoBinaries,
    #[error(
        "running as root, and there is no `postgres` user to run the server as (initdb refuses root)"
    )]
    NoPostgresUser,
    #[error("`{command}` failed ({status}): {output}")]
    Command {
        command: String,
        status: String,
        output: String,
    },
    #[error("{context} ({path}): {source}")]
    Io {
        context: String,
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Error {
    /// What the user can do about it, when there is something.
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            Error::InvalidUrl { .. } => {
                "use postgres://user:password@host:port/database (or postgresql://), \
                 with ?sslmode=require for TLS and ?host=/path/to/socket/dir for a Unix socket"
                    .into()
            }
            Error::Unreachable { .. } => {
                "check that the server is running and that host and port are right".into()
            }
            Error::AuthFailed { .. } => "check the user name and password in the url".into(),
            Error::NoDatabase { .. } => {
                "create it first (createdb), or fix the database name in the url".into()
            }
            Error::Tls { .. } => {
                "check sslmode (disable, prefer, require, verify-ca, verify-full) and sslrootcert"
                    .into()
            }
            Error::NoBinaries => "install the PostgreSQL server (apt-get install postgresql), \
                 set ALUDEL_PG_BIN to the directory holding initdb and pg_ctl, \
                 or give a server url (--dev-url / ALUDEL_DEV_URL)"
                .into(),
            Error::NoPostgresUser => "install the postgresql package (it creates the user), \
                 run as another user, or give a server url (--dev-url / ALUDEL_DEV_URL)"
                .into(),
            Error::Query { .. } | Error::Command { .. } | Error::Io { .. } => return None,
        })
    }

    pub(crate) fn query(context: impl Into<String>, e: sqlx::Error) -> Error {
        Error::Query {
            context: context.into(),
            message: server_message(&e),
        }
    }
}

/// The server's message with its sqlstate, or the driver's; never a URL.
pub fn server_message(e: &sqlx::Error) -> String {
    match e {
        sqlx::Error::Database(db) => match db.code() {
            Some(code) => format!("{} (sqlstate {code})", db.message()),
            None => db.message().to_owned(),
        },
        other => other.to_string(),
    }
}

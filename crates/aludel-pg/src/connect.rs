//! Turning the URL forms users have into connections: `postgres://` and `postgresql://`,
//! `sslmode` (TLS through rustls), Unix sockets via `host=`; and URL redaction for messages.

use std::str::FromStr;

use sqlx::ConnectOptions;
use sqlx::postgres::{PgConnectOptions, PgConnection};

use crate::Error;
use crate::url::UrlParts;

/// Replaces the password of a URL (in the user part or a `password=` parameter) with `***`,
/// for every message that shows a URL.
pub fn redact(url: &str) -> String {
    match UrlParts::parse(url) {
        Some(parts) => parts.redacted(),
        // not a URL: show nothing of it that could be a secret
        None => "<unparseable url>".to_owned(),
    }
}

/// Where a URL points, for messages: `user@host:port/database`, never the password.
#[derive(Debug, Clone)]
pub struct ConnectInfo {
    pub user: String,
    pub target: String,
    pub database: String,
}

impl ConnectInfo {
    fn of(opts: &PgConnectOptions) -> Self {
        let host = match opts.get_socket() {
            Some(dir) => dir.display().to_string(),
            None => opts.get_host().to_owned(),
        };
        let database = opts
            .get_database()
            .unwrap_or(opts.get_username())
            .to_owned();
        ConnectInfo {
            user: opts.get_username().to_owned(),
            target: format!("{host}:{}/{database}", opts.get_port()),
            database,
        }
    }
}

/// Parses a URL into connection options (statement logging off), with a redacted error.
pub fn connect_options(url: &str) -> Result<PgConnectOptions, Error> {
    let scheme_ok = url.starts_with("postgres://") || url.starts_with("postgresql://");
    if !scheme_ok {
        return Err(Error::InvalidUrl {
            url: redact(url),
            reason: "the scheme must be postgres:// or postgresql://".into(),
        });
    }
    let driver_url = UrlParts::parse(url).and_then(|p| p.for_driver());
    let opts = PgConnectOptions::from_str(driver_url.as_deref().unwrap_or(url)).map_err(|e| {
        Error::InvalidUrl {
            url: redact(url),
            reason: strip_secrets(&e.to_string(), url),
        }
    })?;
    Ok(opts.disable_statement_logging())
}

/// Opens one connection, turning the usual failures into one clear error each.
pub async fn connect(url: &str) -> Result<PgConnection, Error> {
    let opts = connect_options(url)?;
    connect_with(&opts).await
}

pub(crate) async fn connect_with(opts: &PgConnectOptions) -> Result<PgConnection, Error> {
    let info = ConnectInfo::of(opts);
    opts.connect().await.map_err(|e| classify(e, &info))
}

fn classify(e: sqlx::Error, info: &ConnectInfo) -> Error {
    match &e {
        sqlx::Error::Database(db) => match db.code().as_deref() {
            Some("28P01") | Some("28000") => Error::AuthFailed {
                user: info.user.clone(),
                target: info.target.clone(),
            },
            Some("3D000") => Error::NoDatabase {
                database: info.database.clone(),
                target: info.target.clone(),
            },
            _ => Error::query(format!("cannot connect to {}", info.target), e),
        },
        // rustls reports certificate problems as I/O errors of the handshake
        sqlx::Error::Io(io) if is_tls_failure(&io.to_string()) => Error::Tls {
            target: info.target.clone(),
            reason: io.to_string(),
        },
        sqlx::Error::Io(io) => Error::Unreachable {
            target: info.target.clone(),
            reason: io.to_string(),
        },
        sqlx::Error::Tls(t) => Error::Tls {
            target: info.target.clone(),
            reason: t.to_string(),
        },
        other => Error::Unreachable {
            target: info.target.clone(),
            reason: other.to_string(),
        },
    }
}

fn is_tls_failure(message: &str) -> bool {
    ["certificate", "tls", "ssl", "handshake"]
        .iter()
        .any(|w| message.to_ascii_lowercase().contains(w))
}

/// Removes the URL's secrets from a driver message.
fn strip_secrets(message: &str, url: &str) -> String {
    let secrets = UrlParts::parse(url)
        .map(|p| p.secrets())
        .unwrap_or_default();
    secrets
        .into_iter()
        .fold(message.to_owned(), |m, s| m.replace(s, "***"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction() {
        assert_eq!(
            redact("postgres://app:s3cret@db.example.com:5432/app?sslmode=require"),
            "postgres://app:***@db.example.com:5432/app?sslmode=require"
        );
        assert_eq!(
            redact("postgresql://app@/app?host=/tmp&password=s3cret"),
            "postgresql://app@/app?host=/tmp&password=***"
        );
        assert_eq!(redact("not a url s3cret"), "<unparseable url>");
        assert_eq!(
            redact("postgres://u:pa/ss@w0rd@h/db"),
            "postgres://u:***@h/db"
        );
    }

    #[test]
    fn url_forms() {
        for url in [
            "postgres://u:p@localhost:5433/db",
            "postgresql://u@localhost/db?sslmode=require",
            "postgres:///db?host=/var/run/postgresql",
        ] {
            connect_options(url).unwrap();
        }
        let o = connect_options("postgres:///db?host=/var/run/postgresql&port=5499").unwrap();
        assert_eq!(
            o.get_socket().map(|p| p.display().to_string()).as_deref(),
            Some("/var/run/postgresql")
        );
        assert_eq!(o.get_port(), 5499);
        let e = connect_options("mysql://u:secret@h/db").unwrap_err();
        assert!(!e.to_string().contains("secret"), "{e}");
    }
}

//! A server where aludel may create and drop databases: uniquely named scratch databases,
//! optionally from a template, and the server's major version.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use aludel_sql::force_quote_ident;
use sqlx::Connection;
use sqlx::postgres::PgConnection;

use crate::connect::{connect, connect_options};
use crate::url::UrlParts;
use crate::{Error, redact};

/// A server reached through an admin URL (a role allowed to create databases).
#[derive(Debug, Clone)]
pub struct Server {
    url: String,
}

/// A database created by [`Server::create_database`]; drop it with [`Server::drop_database`].
#[derive(Debug, Clone)]
pub struct ScratchDatabase {
    pub name: String,
    pub url: String,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// `url` with its database replaced by `database`.
pub fn with_database(url: &str, database: &str) -> Result<String, Error> {
    UrlParts::parse(url)
        .map(|p| p.with_database(database))
        .ok_or_else(|| Error::InvalidUrl {
            url: redact(url),
            reason: "expected postgres://user@host:port/database".into(),
        })
}

impl Server {
    /// Checks the URL's form; nothing is connected yet.
    pub fn new(url: &str) -> Result<Server, Error> {
        connect_options(url)?;
        Ok(Server {
            url: url.to_owned(),
        })
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    pub async fn connect(&self) -> Result<PgConnection, Error> {
        connect(&self.url).await
    }

    /// The server's major version (`15` for 15.4).
    pub async fn major_version(&self) -> Result<u32, Error> {
        let mut conn = self.connect().await?;
        let num: String = sqlx::query_scalar("SHOW server_version_num")
            .fetch_one(&mut conn)
            .await
            .map_err(|e| Error::query("cannot read the server version", e))?;
        let _ = conn.close().await;
        Ok(num.parse::<u32>().unwrap_or(0) / 10000)
    }

    /// Creates a uniquely named database `<prefix>_<pid>_<n>_<time>` (from `template` if given).
    pub async fn create_database(
        &self,
        prefix: &str,
        template: Option<&str>,
    ) -> Result<ScratchDatabase, Error> {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let t = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let mut prefix: String = prefix
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        prefix.truncate(36);
        let name = format!("{prefix}_{}_{n}_{t:x}", std::process::id());
        let mut conn = self.connect().await?;
        let mut sql = format!("CREATE DATABASE {}", force_quote_ident(&name));
        if let Some(t) = template {
            sql.push_str(&format!(" TEMPLATE {}", force_quote_ident(t)));
        }
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
            .execute(&mut conn)
            .await
            .map_err(|e| Error::query(format!("cannot create database `{name}`"), e))?;
        let _ = conn.close().await;
        Ok(ScratchDatabase {
            url: with_database(&self.url, &name)?,
            name,
        })
    }

    /// Drops a database, disconnecting whoever is still connected to it.
    pub async fn drop_database(&self, name: &str) -> Result<(), Error> {
        let mut conn = self.connect().await?;
        let sql = format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            force_quote_ident(name)
        );
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
            .execute(&mut conn)
            .await
            .map_err(|e| Error::query(format!("cannot drop database `{name}`"), e))?;
        let _ = conn.close().await;
        Ok(())
    }
}

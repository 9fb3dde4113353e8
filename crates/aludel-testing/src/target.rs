//! Where to create the objects: a URL, a pool, or a connection the caller already holds.

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnection, PgPool, Postgres};

use crate::Error;

/// A database to work on. Built with `.into()` from a URL (`&str`, `&String`), a `&PgPool`
/// (one connection is borrowed from it) or a `&mut PgConnection`.
#[derive(Debug)]
pub enum Target<'a> {
    Url(&'a str),
    Pool(&'a PgPool),
    Connection(&'a mut PgConnection),
}

impl<'a> From<&'a str> for Target<'a> {
    fn from(url: &'a str) -> Self {
        Target::Url(url)
    }
}

impl<'a> From<&'a String> for Target<'a> {
    fn from(url: &'a String) -> Self {
        Target::Url(url)
    }
}

impl<'a> From<&'a PgPool> for Target<'a> {
    fn from(pool: &'a PgPool) -> Self {
        Target::Pool(pool)
    }
}

impl<'a> From<&'a mut PgConnection> for Target<'a> {
    fn from(conn: &'a mut PgConnection) -> Self {
        Target::Connection(conn)
    }
}

/// An open connection of one of the three kinds.
pub(crate) enum Held<'a> {
    Owned(PgConnection),
    Pooled(PoolConnection<Postgres>),
    Borrowed(&'a mut PgConnection),
}

impl<'a> Target<'a> {
    pub(crate) async fn open(self) -> Result<Held<'a>, Error> {
        Ok(match self {
            Target::Url(url) => Held::Owned(aludel_pg::connect(url).await?),
            Target::Pool(pool) => Held::Pooled(pool.acquire().await.map_err(|e| Error::Query {
                context: "cannot take a connection from the pool".into(),
                message: aludel_pg::server_message(&e),
            })?),
            Target::Connection(conn) => Held::Borrowed(conn),
        })
    }
}

impl Held<'_> {
    pub(crate) fn conn(&mut self) -> &mut PgConnection {
        match self {
            Held::Owned(c) => c,
            Held::Pooled(c) => c,
            Held::Borrowed(c) => c,
        }
    }
}

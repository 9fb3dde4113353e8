//! Reads a live PostgreSQL catalog into the aludel IR: one set-based `pg_catalog` query per
//! object kind (`src/queries/<kind>.sql`) for all managed schemas at once, run in one read-only
//! snapshot with an empty `search_path` so every name and expression comes back schema-qualified;
//! rows are decoded by column name and lowered to the IR by pure functions.

mod attribute;
mod column;
mod constraint;
mod depends;
mod enum_type;
mod error;
mod extension;
mod filter;
mod function;
mod index;
mod namespace;
mod policy;
mod read;
mod sequence;
mod statistics;
mod table;
mod trigger;
mod view;

use aludel_schema::{QualifiedName, Schema};
use sqlx::postgres::{PgConnection, PgRow};

pub use error::Error;
pub use filter::Pattern;

/// What to read.
#[derive(Debug, Clone)]
pub struct Options {
    /// Schemas to read; empty means every non-system schema. A named schema that does not exist
    /// is an error.
    pub schemas: Vec<String>,
    /// When non-empty, only tables matching one of these `schema.table` glob patterns are read.
    pub include: Vec<Pattern>,
    /// Tables matching one of these `schema.table` glob patterns are not read.
    pub exclude: Vec<Pattern>,
    /// The migration version table, never part of the managed schema.
    pub version_table: Option<QualifiedName>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            schemas: Vec::new(),
            include: Vec::new(),
            exclude: Vec::new(),
            version_table: Some(QualifiedName::new("public", "aludel_migrations")),
        }
    }
}

/// The result of one introspection.
#[derive(Debug, Clone)]
pub struct Introspection {
    pub schema: Schema,
    /// Catalog queries issued (fixed, whatever the number of objects).
    pub queries: usize,
    /// How long each query took, fetch and decoding included, in the order they ran.
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

/// Reads the catalog behind `conn` into a [`Schema`], one query after the other.
pub async fn introspect(conn: &mut PgConnection, opts: &Options) -> Result<Introspection, Error> {
    exec(conn, BEGIN).await?;
    let result = read::sequential(conn, opts).await;
    let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
    let ended = exec(conn, end).await;
    let out = result?;
    ended?;
    Ok(out)
}

/// Reads the database at `url` into a [`Schema`] on three sessions that share one snapshot
/// (`pg_export_snapshot`, as `pg_dump -j` does), so the server works on the expensive queries
/// in parallel. The result is the same as [`introspect`]'s.
///
/// When the other two sessions cannot be had within [`JOIN_TIMEOUT`] (the server refuses more
/// connections, or a pooler's pool has no free server session: PgBouncer accepts the client and
/// makes its first statement wait), everything runs on the first session alone. Every session is
/// inside one transaction from its first statement on, and no statement is a named prepared one
/// ([`fetch_query`]), so this works through a transaction-mode pooler too.
pub async fn introspect_url(url: &str, opts: &Options) -> Result<Introspection, Error> {
    let connect = || async { aludel_pg::connect(url).await.map_err(Error::Connect) };
    let mut lead = connect().await?;
    exec(&mut lead, BEGIN).await?;
    let result = match snapshot(&mut lead).await {
        Ok(id) => {
            let join = format!(
                "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; \
                 SET TRANSACTION SNAPSHOT '{id}'; SET LOCAL search_path = ''"
            );
            let helpers = tokio::time::timeout(JOIN_TIMEOUT, async {
                let (mut a, mut b) = tokio::try_join!(connect(), connect())?;
                let (ja, jb) = tokio::join!(raw(&mut a, &join), raw(&mut b, &join));
                ja.and(jb).map(|()| (a, b))
            })
            .await;
            match helpers {
                Ok(Ok((mut a, mut b))) => {
                    let result = read::parallel([&mut lead, &mut a, &mut b], opts).await;
                    for mut conn in [a, b] {
                        let _ = exec(&mut conn, "ROLLBACK").await;
                        let _ = sqlx::Connection::close(conn).await;
                    }
                    result
                }
                // one session alone, in the transaction already open (the helpers, dropped,
                // close their connections)
                Ok(Err(_)) | Err(_) => read::sequential(&mut lead, opts).await,
            }
        }
        Err(e) => Err(e),
    };
    let _ = exec(&mut lead, "ROLLBACK").await;
    let _ = sqlx::Connection::close(lead).await;
    result
}

/// How long the two helper sessions of [`introspect_url`] may take to join the snapshot.
pub const JOIN_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(3);

const BEGIN: &str = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL search_path = ''";

async fn snapshot(conn: &mut PgConnection) -> Result<String, Error> {
    sqlx::query_scalar("SELECT pg_catalog.pg_export_snapshot()")
        .persistent(false)
        .fetch_one(&mut *conn)
        .await
        .map_err(|e| Error::query("snapshot", e))
}

async fn raw(conn: &mut PgConnection, sql: &str) -> Result<(), Error> {
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
        .execute(&mut *conn)
        .await
        .map(|_| ())
        .map_err(|e| Error::query("snapshot", e))
}

async fn exec(conn: &mut PgConnection, sql: &'static str) -> Result<(), Error> {
    sqlx::raw_sql(sql)
        .execute(&mut *conn)
        .await
        .map(|_| ())
        .map_err(|e| Error::query("snapshot", e))
}

pub(crate) async fn fetch<T>(
    conn: &mut PgConnection,
    kind: &'static str,
    sql: &'static str,
    schemas: &[String],
    decode: fn(&PgRow) -> Result<T, sqlx::Error>,
    queries: &mut Queries,
) -> Result<Vec<T>, Error> {
    fetch_query(conn, kind, sqlx::query(sql).bind(schemas), decode, queries).await
}

/// Runs a query with its parameters bound and decodes every row. The statement is unnamed
/// (`persistent(false)`): a named one would stay on a pooled server session and collide with
/// another client's of the same name; each query runs once per introspection anyway.
pub(crate) async fn fetch_query<T>(
    conn: &mut PgConnection,
    kind: &'static str,
    query: sqlx::query::Query<'_, sqlx::Postgres, sqlx::postgres::PgArguments>,
    decode: fn(&PgRow) -> Result<T, sqlx::Error>,
    queries: &mut Queries,
) -> Result<Vec<T>, Error> {
    let started = std::time::Instant::now();
    let rows = query
        .persistent(false)
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| Error::query(kind, e))?;
    let out = rows
        .iter()
        .map(decode)
        .collect::<Result<_, _>>()
        .map_err(|e| Error::query(kind, e));
    queries.done(kind, started);
    out
}

/// The queries issued so far, with their durations.
#[derive(Default)]
pub(crate) struct Queries {
    pub(crate) timings: Vec<(&'static str, std::time::Duration)>,
}

impl Queries {
    pub(crate) fn done(&mut self, kind: &'static str, started: std::time::Instant) {
        self.timings.push((kind, started.elapsed()));
    }
}

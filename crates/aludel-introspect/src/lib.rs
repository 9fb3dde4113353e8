//! Reads a live PostgreSQL catalog into the aludel IR: one set-based `pg_catalog` query per
//! object kind (`src/queries/<kind>.sql`) for all managed schemas at once, run in one read-only
//! snapshot with an empty `search_path` so every name and expression comes back schema-qualified;
//! rows are decoded by column name and lowered to the IR by pure functions.

mod attribute;
mod column;
mod constraint;
mod enum_type;
mod error;
mod extension;
mod filter;
mod index;
mod namespace;
mod sequence;
mod table;

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
}

/// Reads the catalog behind `conn` into a [`Schema`].
pub async fn introspect(conn: &mut PgConnection, opts: &Options) -> Result<Introspection, Error> {
    exec(
        conn,
        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL search_path = ''",
    )
    .await?;
    let result = read_all(conn, opts).await;
    let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
    let ended = exec(conn, end).await;
    let out = result?;
    ended?;
    Ok(out)
}

async fn read_all(conn: &mut PgConnection, opts: &Options) -> Result<Introspection, Error> {
    let mut queries = 0;
    let ns_rows = fetch(
        conn,
        "schemas",
        namespace::QUERY,
        &opts.schemas,
        namespace::decode,
        &mut queries,
    )
    .await?;
    let missing: Vec<String> = opts
        .schemas
        .iter()
        .filter(|s| !ns_rows.iter().any(|r| &r.name == *s))
        .cloned()
        .collect();
    if !missing.is_empty() {
        return Err(Error::SchemaNotFound { names: missing });
    }
    let schemas: Vec<String> = ns_rows.iter().map(|r| r.name.clone()).collect();
    let ext_rows = fetch(
        conn,
        "extensions",
        extension::QUERY,
        &schemas,
        extension::decode,
        &mut queries,
    )
    .await?;
    let enum_rows = fetch(
        conn,
        "enums",
        enum_type::QUERY,
        &schemas,
        enum_type::decode,
        &mut queries,
    )
    .await?;
    let seq_rows = fetch(
        conn,
        "sequences",
        sequence::QUERY,
        &schemas,
        sequence::decode,
        &mut queries,
    )
    .await?;
    let table_rows = fetch(
        conn,
        "tables",
        table::QUERY,
        &schemas,
        table::decode,
        &mut queries,
    )
    .await?;
    let col_rows = fetch(
        conn,
        "columns",
        column::QUERY,
        &schemas,
        column::decode,
        &mut queries,
    )
    .await?;
    let con_rows = fetch(
        conn,
        "constraints",
        constraint::QUERY,
        &schemas,
        constraint::decode,
        &mut queries,
    )
    .await?;
    let mut names = attribute::AttNames::from_columns(&col_rows);
    let outside = names.missing(con_rows.iter().map(|r| r.ref_oid));
    if !outside.is_empty() {
        queries += 1;
        let rows = sqlx::query(attribute::QUERY)
            .bind(&outside)
            .fetch_all(&mut *conn)
            .await
            .map_err(|e| Error::query("referenced columns", e))?;
        let rows = rows
            .iter()
            .map(attribute::decode)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| Error::query("referenced columns", e))?;
        names.add(rows);
    }
    let idx_rows = fetch(
        conn,
        "indexes",
        index::QUERY,
        &schemas,
        index::decode,
        &mut queries,
    )
    .await?;

    let keep = |name: &QualifiedName| filter::keep_table(name, opts);
    let mut schema = Schema::new();
    namespace::lower(ns_rows, &mut schema);
    extension::lower(ext_rows, &mut schema);
    enum_type::lower(enum_rows, &mut schema);
    table::lower(table_rows, &keep, &mut schema);
    column::lower(col_rows, &mut schema);
    sequence::lower(seq_rows, &mut schema);
    constraint::lower(con_rows, &names, &mut schema);
    index::lower(idx_rows, &mut schema);
    schema.normalize();
    Ok(Introspection { schema, queries })
}

async fn exec(conn: &mut PgConnection, sql: &'static str) -> Result<(), Error> {
    sqlx::raw_sql(sql)
        .execute(&mut *conn)
        .await
        .map(|_| ())
        .map_err(|e| Error::query("snapshot", e))
}

async fn fetch<T>(
    conn: &mut PgConnection,
    kind: &'static str,
    sql: &'static str,
    schemas: &[String],
    decode: fn(&PgRow) -> Result<T, sqlx::Error>,
    queries: &mut usize,
) -> Result<Vec<T>, Error> {
    *queries += 1;
    let rows = sqlx::query(sql)
        .bind(schemas)
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| Error::query(kind, e))?;
    rows.iter()
        .map(decode)
        .collect::<Result<_, _>>()
        .map_err(|e| Error::query(kind, e))
}

//! Running statements: runs of transactional statements in one transaction each, the others
//! alone; catalog look-ups for what already exists; dropping containers only when unused.

use aludel_render::Statement;
use aludel_schema::{Ident, Schema};
use sqlx::postgres::PgConnection;

use crate::{Containers, Error};

/// SQLSTATE `dependent_objects_still_exist`: `DROP ... RESTRICT` found a user of the object.
const DEPENDENT_OBJECTS_STILL_EXIST: &str = "2BP01";

/// Runs `statements` in order; a run of transactional statements is one transaction, rolled
/// back when one of them fails. A run goes to the server as one multi-statement query (one
/// round trip, one implicit transaction); only when it fails is it run again statement by
/// statement, in a transaction rolled back, to name the statement that fails.
pub(crate) async fn run(conn: &mut PgConnection, statements: &[Statement]) -> Result<(), Error> {
    for run in statements.chunk_by(|a, b| a.transactional && b.transactional) {
        let batch: String = run.iter().map(|st| format!("{};\n", st.sql)).collect();
        if statement(conn, &batch).await.is_ok() {
            continue;
        }
        let transactional = run.iter().all(|st| st.transactional);
        if transactional {
            control(conn, "BEGIN").await?;
        }
        for st in run {
            if let Err(e) = statement(conn, &st.sql).await {
                if transactional {
                    let _ = control(conn, "ROLLBACK").await;
                }
                return Err(e);
            }
        }
        // the batch failed but every statement passed alone: keep what they did
        if transactional {
            control(conn, "COMMIT").await?;
        }
    }
    Ok(())
}

async fn statement(conn: &mut PgConnection, sql: &str) -> Result<(), Error> {
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
        .execute(&mut *conn)
        .await
        .map(|_| ())
        .map_err(|e| Error::Statement {
            sql: sql.to_owned(),
            message: aludel_pg::server_message(&e),
        })
}

pub(crate) async fn control(conn: &mut PgConnection, sql: &'static str) -> Result<(), Error> {
    sqlx::raw_sql(sql)
        .execute(&mut *conn)
        .await
        .map(|_| ())
        .map_err(|e| Error::Query {
            context: format!("`{sql}` failed"),
            message: aludel_pg::server_message(&e),
        })
}

/// The schemas and extensions of `schema` that already exist, as declared (so that the diff
/// leaves them alone).
pub(crate) async fn existing_containers(
    conn: &mut PgConnection,
    schema: &Schema,
) -> Result<Schema, Error> {
    let names = |keys: Vec<&Ident>| keys.iter().map(|k| k.as_str().to_owned()).collect();
    let namespaces: Vec<String> = names(schema.namespaces.keys().collect());
    let extensions: Vec<String> = names(schema.extensions.keys().collect());
    let query = |context: &'static str| {
        move |e: sqlx::Error| Error::Query {
            context: context.into(),
            message: aludel_pg::server_message(&e),
        }
    };
    let have_ns: Vec<String> = sqlx::query_scalar(
        "SELECT nspname::text FROM pg_catalog.pg_namespace WHERE nspname = ANY($1)",
    )
    .bind(&namespaces)
    .fetch_all(&mut *conn)
    .await
    .map_err(query("cannot read the existing schemas"))?;
    let have_ext: Vec<String> = sqlx::query_scalar(
        "SELECT extname::text FROM pg_catalog.pg_extension WHERE extname = ANY($1)",
    )
    .bind(&extensions)
    .fetch_all(&mut *conn)
    .await
    .map_err(query("cannot read the installed extensions"))?;
    let mut existing = Schema::new();
    for (name, ns) in &schema.namespaces {
        if have_ns.iter().any(|n| n == name.as_str()) {
            existing.add_namespace(ns.clone());
        }
    }
    for (name, ext) in &schema.extensions {
        if have_ext.iter().any(|n| n == name.as_str()) {
            existing.add_extension(ext.clone());
        }
    }
    Ok(existing)
}

/// Drops the extensions, then the schemas, each unless something else still depends on it;
/// returns the statements that succeeded.
pub(crate) async fn drop_if_unused(
    conn: &mut PgConnection,
    containers: &Containers,
) -> Result<Vec<Statement>, Error> {
    let sqls = containers
        .extensions
        .iter()
        .map(|e| format!("DROP EXTENSION {e} RESTRICT"))
        .chain(
            containers
                .schemas
                .iter()
                .map(|s| format!("DROP SCHEMA {s} RESTRICT")),
        );
    let mut ran = Vec::new();
    for sql in sqls {
        match sqlx::raw_sql(sqlx::AssertSqlSafe(sql.clone()))
            .execute(&mut *conn)
            .await
        {
            Ok(_) => ran.push(Statement {
                sql,
                transactional: true,
                hazards: Vec::new(),
                rebuilt: None,
            }),
            Err(sqlx::Error::Database(db))
                if db.code().as_deref() == Some(DEPENDENT_OBJECTS_STILL_EXIST) => {}
            Err(e) => {
                return Err(Error::Statement {
                    sql,
                    message: aludel_pg::server_message(&e),
                });
            }
        }
    }
    Ok(ran)
}

//! Telling a server session of our own from a transaction-mode pooler before the migration lock
//! is trusted, and never leaving the lock on a pooled server session.
//!
//! A transaction-mode pooler (PgBouncer with `pool_mode = transaction`, Supabase's pooler on
//! port 6543) hands each transaction, and each statement outside one, to whichever server
//! session is free. A session advisory lock then stays on a server session other clients use
//! next: it protects nothing, and the runs that land on that session even "hold" it too
//! (advisory locks are re-entrant within a session). How it is detected, and why each check:
//!
//! 1. **Pinning, seen from a second connection** ([`probe`]). The run's connection asks for its
//!    server process (`pg_backend_pid()`), then a second connection to the same address asks for
//!    its own, right after, and so on for [`ROUNDS`] rounds. On a direct connection or through a
//!    session-mode pooler the first connection owns its server session for its whole life: its
//!    pid never changes and the second connection never gets it. Through a transaction pooler
//!    the first connection's session goes back to the pool after each statement and the very
//!    next client statement takes it (PgBouncer reuses the most recently released server
//!    connection; with a pool of one server connection there is no other): the second
//!    connection reports the first one's pid. This is what catches a run that is alone, where
//!    nothing else would ever show the difference: alone on a transaction pooler, every
//!    statement of one connection lands on the same server session, so checks made from that
//!    connection only (the lock visible in `pg_locks` for `pg_backend_pid()`, the pid stable
//!    across statements) all pass. Alternating the two connections leaves the smallest window
//!    for another client to take the session in between; under concurrency the first
//!    connection's own statements land on other sessions instead, which round after round
//!    shows as a changing pid.
//! 2. **The lock taken only where it is new** ([`try_lock_sql`]). One statement reads its pid and
//!    whether its session already holds the lock, and calls `pg_try_advisory_lock` only when
//!    the pid is the one the connection started on and the lock is not held yet. A session that
//!    already holds the lock before this run asked for it is shared with the run that took it
//!    (or kept by a crashed one): under concurrency this is what the waiting runs see when they
//!    land on the holder's session. Nothing is taken then, so nothing has to be released.
//! 3. **The lock checked from another statement** (`Session::check_lock`, before every step):
//!    `pg_locks` shows the lock granted to `pg_backend_pid()`, and the pid is still the first.
//!
//! Every statement until the checks pass goes by the simple query protocol with literal
//! numbers: a named prepared statement (sqlx's default) would collide with another client's
//! through a transaction pooler (`prepared statement "sqlx_s_1" already exists`) before the
//! detection could say what is wrong. When a check fails after the lock was taken, the unlock
//! is sent until it runs on the session that holds the lock ([`release_on`]), a bounded number
//! of times.

use std::time::Duration;

use sqlx::Row as _;
use sqlx::postgres::PgConnection;

use crate::error::{Error, message};

/// Rounds of the two-connection check.
pub(crate) const ROUNDS: usize = 8;

/// How long the second connection may wait for a server session (a session pool that is full
/// makes it wait until a run ends).
pub(crate) const PROBE_TIMEOUT: Duration = Duration::from_secs(10);

/// The server process running a statement, by the simple protocol.
pub(crate) async fn backend_pid(conn: &mut PgConnection) -> Result<i32, sqlx::Error> {
    let row = sqlx::raw_sql("SELECT pg_backend_pid()")
        .fetch_one(&mut *conn)
        .await?;
    row.try_get(0)
}

/// Check 1: `pid` is the server process `conn` started on; fails unless `conn` keeps it and
/// `other` (a second connection to the same address) never gets it.
pub(crate) async fn probe(
    conn: &mut PgConnection,
    pid: i32,
    other: &mut PgConnection,
) -> Result<(), Error> {
    let failed = |e: sqlx::Error| Error::database("cannot check for a connection pooler", &e);
    for _ in 0..ROUNDS {
        let mine = backend_pid(conn).await.map_err(failed)?;
        if mine != pid {
            return Err(Error::pooler(format!(
                "two statements of one connection ran in different server sessions \
                 (pid {pid}, then {mine})"
            )));
        }
        let theirs = tokio::time::timeout(PROBE_TIMEOUT, backend_pid(other))
            .await
            .map_err(|_| Error::ProbeTimeout {
                waited: PROBE_TIMEOUT,
            })?
            .map_err(failed)?;
        if theirs == pid {
            return Err(Error::pooler(format!(
                "a second connection ran in the first one's server session (pid {pid})"
            )));
        }
    }
    Ok(())
}

/// Check 2 and the lock in one statement: `(pid, already held, taken)`; `taken` is NULL when
/// the statement ran in another session than `$pid` or in one that already held the lock.
/// `CASE` evaluates its branch only when the condition holds (the lock function is volatile, so
/// nothing is folded ahead), and the materialized CTE is read before the outer target list.
pub(crate) fn try_lock_sql(key: i64, pid: i32) -> String {
    format!(
        "WITH here AS MATERIALIZED (SELECT pg_backend_pid() AS pid, EXISTS (SELECT 1 FROM \
         pg_catalog.pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted \
         AND classid = {classid}::bigint::oid AND objid = {objid}::bigint::oid \
         AND objsubid = 1) AS held) \
         SELECT pid, held, CASE WHEN pid = {pid} AND NOT held \
         THEN pg_catalog.pg_try_advisory_lock({key}) END AS taken FROM here",
        classid = key >> 32,
        objid = key & 0xffff_ffff,
    )
}

/// What one [`try_lock_sql`] said.
pub(crate) struct Attempt {
    pub(crate) pid: i32,
    pub(crate) held: bool,
    pub(crate) taken: Option<bool>,
}

pub(crate) async fn try_lock(
    conn: &mut PgConnection,
    key: i64,
    pid: i32,
) -> Result<Attempt, sqlx::Error> {
    let row = sqlx::raw_sql(sqlx::AssertSqlSafe(try_lock_sql(key, pid)))
        .fetch_one(&mut *conn)
        .await?;
    Ok(Attempt {
        pid: row.try_get("pid")?,
        held: row.try_get("held")?,
        taken: row.try_get("taken")?,
    })
}

/// Releases the lock taken in server process `pid`: the unlock only runs when the statement
/// lands there, so it is sent again (bounded) until it does. `Err` with the reason when it
/// never did.
pub(crate) async fn release_on(conn: &mut PgConnection, key: i64, pid: i32) -> Result<(), String> {
    let sql = format!(
        "SELECT CASE WHEN pg_backend_pid() = {pid} \
         THEN pg_catalog.pg_advisory_unlock({key}) END AS released"
    );
    for _ in 0..50 {
        let row = sqlx::raw_sql(sqlx::AssertSqlSafe(sql.clone()))
            .fetch_one(&mut *conn)
            .await
            .map_err(|e| message(&e))?;
        let released: Option<bool> = row.try_get("released").map_err(|e| message(&e))?;
        if released.is_some() {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Err(format!(
        "no statement ran in server process {pid} again; it may still hold the lock: end it \
         with `SELECT pg_terminate_backend({pid})` on a direct connection"
    ))
}

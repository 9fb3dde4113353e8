//! Running a plan on a database: the session advisory lock, the version table, statements sent
//! one at a time inside or outside a transaction, progress events.
//!
//! Order of a run ([`run`]): lock, read the version table, plan, confirm, execute, unlock. The
//! lock is a session lock taken outside any transaction, polled with `pg_try_advisory_lock`, so
//! neither the holder nor the waiters keep a transaction (or a snapshot) open, and a
//! `CREATE INDEX CONCURRENTLY` in a migration never waits on them.

use std::time::{Duration, Instant};

use aludel_migrations::{MigrationSet, RevisionId, Statement};
use aludel_sql::force_quote_ident;
use sqlx::postgres::PgConnection;
use sqlx::{AssertSqlSafe, Connection as _, Row as _};

use crate::applied::{AppliedRow, AppliedState, Failure};
use crate::error::{Error, message};
use crate::plan::{MigrationStep, Plan, Step, Target, plan};
use crate::pooler;
use crate::script::{Action, lower};
use crate::table::{Direction, VersionTable};

/// How often a waiting run asks for the lock again.
const LOCK_POLL: Duration = Duration::from_millis(100);

/// Settings of a run.
#[derive(Debug, Clone)]
pub struct Options {
    pub table: VersionTable,
    /// How long to wait for another run to release the lock.
    pub lock_timeout: Duration,
    /// A role to `SET ROLE` to before anything else.
    pub role: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            table: VersionTable::default(),
            lock_timeout: Duration::from_secs(60),
            role: None,
        }
    }
}

/// Progress of a run, for display.
#[derive(Debug, Clone, Copy)]
pub enum Event<'p> {
    /// A migration is about to run; `index` counts from 0 among the plan's `total` steps.
    MigrationStarted {
        step: &'p MigrationStep,
        index: usize,
        total: usize,
    },
    StatementStarted {
        step: &'p MigrationStep,
        statement: &'p Statement,
    },
    MigrationFinished {
        step: &'p MigrationStep,
        duration: Duration,
    },
    /// A step that only writes the version table (stamp, purge, rehash, repair) is done.
    VersionTableChanged { step: &'p Step },
}

/// One migration that ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    pub revision: RevisionId,
    pub direction: Direction,
    pub duration: Duration,
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The plan made under the lock (empty when there was nothing to do).
    pub plan: Plan,
    pub migrations: Vec<Finished>,
}

/// A connection holding the migration lock of one version table. The table is created by the
/// first [`Session::execute`] of a non-empty plan, so a run that changes nothing (nothing to do,
/// a refused plan, an unconfirmed one) leaves the database untouched. Dropping the session
/// without [`Session::unlock`] keeps the lock until the connection closes.
#[derive(Debug)]
pub struct Session<'c> {
    conn: &'c mut PgConnection,
    options: Options,
    key: i64,
    /// The server process the connection started on.
    pid: i32,
}

async fn raw(conn: &mut PgConnection, sql: &str) -> Result<(), sqlx::Error> {
    sqlx::raw_sql(AssertSqlSafe(sql.to_owned()))
        .execute(conn)
        .await
        .map(|_| ())
}

impl<'c> Session<'c> {
    /// Checks that no transaction is open, sets the role, waits for the lock (up to
    /// `options.lock_timeout`), and checks that this session really holds it. Without a second
    /// connection a lone run through a transaction-mode pooler cannot be told from a session
    /// of its own: prefer [`Session::lock_probed`] (what [`run_url`] does).
    pub async fn lock(conn: &'c mut PgConnection, options: &Options) -> Result<Session<'c>, Error> {
        Session::lock_inner(conn, None, options).await
    }

    /// [`Session::lock`], first checking with `probe`, a second connection to the same address,
    /// that `conn` is not behind a transaction-mode pooler (`pooler.rs` says how). `probe` is
    /// used before the lock is waited for and may be closed as soon as this returns.
    pub async fn lock_probed(
        conn: &'c mut PgConnection,
        probe: &mut PgConnection,
        options: &Options,
    ) -> Result<Session<'c>, Error> {
        Session::lock_inner(conn, Some(probe), options).await
    }

    async fn lock_inner(
        conn: &'c mut PgConnection,
        probe: Option<&mut PgConnection>,
        options: &Options,
    ) -> Result<Session<'c>, Error> {
        if conn.is_in_transaction() {
            return Err(Error::TransactionOpen);
        }
        // Until the pooler checks pass, only the simple protocol (see `pooler.rs`).
        // One simple-protocol query is its own transaction unless a block is open.
        let check = |e: sqlx::Error| Error::database("cannot check the connection", &e);
        let row = sqlx::raw_sql(
            "SELECT transaction_timestamp() <> statement_timestamp(), pg_backend_pid()",
        )
        .fetch_one(&mut *conn)
        .await
        .map_err(check)?;
        let in_block: bool = row.try_get(0).map_err(check)?;
        let pid: i32 = row.try_get(1).map_err(check)?;
        if in_block {
            return Err(Error::TransactionOpen);
        }
        if let Some(probe) = probe {
            pooler::probe(conn, pid, probe).await?;
        }
        // after the checks: a role set on a pooled server session would outlive the run
        if let Some(role) = &options.role {
            raw(conn, &format!("SET ROLE {}", force_quote_ident(role)))
                .await
                .map_err(|e| Error::SetRole {
                    role: role.clone(),
                    message: message(&e),
                })?;
        }

        let table = options.table.to_string();
        let key = options.table.lock_key();
        let unusable = |e: sqlx::Error| Error::LockUnusable {
            table: table.clone(),
            reason: message(&e),
        };
        let start = Instant::now();
        loop {
            let attempt = pooler::try_lock(conn, key, pid).await.map_err(unusable)?;
            if attempt.pid != pid {
                return Err(Error::pooler(format!(
                    "two statements of one connection ran in different server sessions \
                     (pid {pid}, then {})",
                    attempt.pid
                )));
            }
            if attempt.held {
                return Err(Error::pooler(format!(
                    "the server session (pid {pid}) already held the migration lock before this \
                     run asked for it, so another client's run shares it"
                )));
            }
            if attempt.taken == Some(true) {
                break;
            }
            let waited = start.elapsed();
            if waited >= options.lock_timeout {
                return Err(Error::LockTimeout {
                    table,
                    waited: options.lock_timeout,
                });
            }
            tokio::time::sleep(LOCK_POLL.min(options.lock_timeout - waited)).await;
        }
        let mut session = Session {
            conn,
            options: options.clone(),
            key,
            pid,
        };
        if let Err(e) = session.check_lock().await {
            // the unlock must run in the session that took the lock, wherever a pooler sends it
            if let Err(reason) = pooler::release_on(session.conn, key, pid).await {
                return Err(match e {
                    Error::Pooler { reason: r, advice } => Error::Pooler {
                        reason: format!("{r}; {reason}"),
                        advice,
                    },
                    other => other,
                });
            }
            return Err(e);
        }
        Ok(session)
    }

    /// Fails unless the session that runs the next statement holds the lock and is the one the
    /// connection started on: behind a transaction-mode pooler it may be another server
    /// session.
    async fn check_lock(&mut self) -> Result<(), Error> {
        let table = self.options.table.to_string();
        let sql = format!(
            "SELECT pg_backend_pid() AS pid, EXISTS (SELECT 1 FROM pg_catalog.pg_locks \
             WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted \
             AND classid = {}::bigint::oid AND objid = {}::bigint::oid AND objsubid = 1) AS held",
            self.key >> 32,
            self.key & 0xffff_ffff
        );
        let unusable = |e: sqlx::Error| Error::LockUnusable {
            table: table.clone(),
            reason: message(&e),
        };
        let row = sqlx::raw_sql(AssertSqlSafe(sql))
            .fetch_one(&mut *self.conn)
            .await
            .map_err(unusable)?;
        let pid: i32 = row.try_get("pid").map_err(unusable)?;
        let held: bool = row.try_get("held").map_err(unusable)?;
        if pid != self.pid {
            return Err(Error::pooler(format!(
                "two statements of one connection ran in different server sessions \
                 (pid {}, then {pid})",
                self.pid
            )));
        }
        if held {
            Ok(())
        } else {
            Err(Error::pooler(
                "the lock was granted but the server session running the next statement does \
                 not hold it"
                    .to_owned(),
            ))
        }
    }

    async fn ensure_table(&mut self) -> Result<(), Error> {
        let table = &self.options.table;
        let exists: bool = sqlx::query_scalar("SELECT to_regclass($1) IS NOT NULL")
            .bind(table.qualified())
            .fetch_one(&mut *self.conn)
            .await
            .map_err(|e| {
                Error::database(format!("cannot look for the version table {table}"), &e)
            })?;
        if exists {
            return Ok(());
        }
        let schema_exists: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)")
                .bind(&table.schema)
                .fetch_one(&mut *self.conn)
                .await
                .map_err(|e| Error::database("cannot look for the version table's schema", &e))?;
        for sql in table.create_sql() {
            if schema_exists && sql.starts_with("CREATE SCHEMA") {
                continue;
            }
            raw(self.conn, &sql).await.map_err(|e| {
                Error::database(format!("cannot create the version table {table}"), &e)
            })?;
        }
        Ok(())
    }

    /// The content of the version table, oldest first.
    pub async fn applied(&mut self) -> Result<AppliedState, Error> {
        Ok(read_applied(self.conn, &self.options.table)
            .await?
            .unwrap_or_default())
    }

    /// Runs `plan`, which must have been made from [`Session::applied`] under this lock.
    pub async fn execute(
        &mut self,
        plan: &Plan,
        mut on_event: impl FnMut(&Event<'_>),
    ) -> Result<Report, Error> {
        let mut report = Report {
            plan: plan.clone(),
            migrations: Vec::new(),
        };
        let total = plan.steps.len();
        if total > 0 {
            self.ensure_table().await?;
        }
        for (index, step) in plan.steps.iter().enumerate() {
            self.check_lock().await?;
            let started = Instant::now();
            if let Step::Migrate(m) = step {
                on_event(&Event::MigrationStarted {
                    step: m,
                    index,
                    total,
                });
            }
            self.run_step(step, &mut on_event).await?;
            match step {
                Step::Migrate(m) => {
                    let duration = started.elapsed();
                    on_event(&Event::MigrationFinished { step: m, duration });
                    report.migrations.push(Finished {
                        revision: m.revision.clone(),
                        direction: m.direction,
                        duration,
                    });
                }
                _ => on_event(&Event::VersionTableChanged { step }),
            }
        }
        Ok(report)
    }

    async fn run_step(
        &mut self,
        step: &Step,
        on_event: &mut impl FnMut(&Event<'_>),
    ) -> Result<(), Error> {
        let lowered = lower(step, &self.options.table);
        let table = self.options.table.to_string();
        let version_error = |e: &sqlx::Error| {
            Error::database(format!("cannot update the version table {table}"), e)
        };
        if lowered.transactional {
            raw(self.conn, "BEGIN")
                .await
                .map_err(|e| Error::database("cannot begin a transaction", &e))?;
            for action in &lowered.actions {
                if let Action::Statement(m, statement) = action {
                    on_event(&Event::StatementStarted { step: m, statement });
                }
                if let Err(e) = raw(self.conn, action.sql()).await {
                    let _ = raw(self.conn, "ROLLBACK").await;
                    return Err(match action {
                        Action::Statement(m, statement) => statement_error(m, statement, &e, true),
                        Action::Version(_) => version_error(&e),
                    });
                }
            }
            if let Err(e) = raw(self.conn, "COMMIT").await {
                let _ = raw(self.conn, "ROLLBACK").await;
                return Err(match step {
                    Step::Migrate(m) => Error::Database {
                        context: format!(
                            "{} of `{}` ({}) failed at commit",
                            m.direction,
                            m.revision,
                            m.path.display()
                        ),
                        message: message(&e),
                    },
                    _ => version_error(&e),
                });
            }
            return Ok(());
        }
        for action in &lowered.actions {
            match action {
                Action::Version(sql) => raw(self.conn, sql).await.map_err(|e| version_error(&e))?,
                Action::Statement(m, statement) => {
                    on_event(&Event::StatementStarted { step: m, statement });
                    if let Err(e) = raw(self.conn, &statement.sql).await {
                        let error = statement_error(m, statement, &e, false);
                        let line = i32::try_from(statement.line).unwrap_or(i32::MAX);
                        // The row stays unsuccessful either way; this only adds the details.
                        let _ = sqlx::query(AssertSqlSafe(self.options.table.record_failure_sql()))
                            .bind(line)
                            .bind(&statement.sql)
                            .bind(message(&e))
                            .bind(m.revision.as_str())
                            .execute(&mut *self.conn)
                            .await;
                        return Err(error);
                    }
                }
            }
        }
        Ok(())
    }

    /// The unlock runs in the server session that took the lock, even through a pooler.
    async fn release(&mut self) -> Result<(), Error> {
        pooler::release_on(self.conn, self.key, self.pid)
            .await
            .map_err(|message| Error::Database {
                context: "cannot release the migration lock".to_owned(),
                message,
            })
    }

    /// Releases the lock.
    pub async fn unlock(mut self) -> Result<(), Error> {
        self.release().await
    }
}

/// The content of the version table `table` without taking the lock or creating anything:
/// `None` when the table does not exist. For read-only commands (`current`, `history`), so it
/// works through a transaction-mode pooler: one read-only transaction (a pooler keeps it on one
/// server session) and no named prepared statement (sqlx's default would collide with another
/// client's on a shared server session; `statement_cache_capacity(0)` does not help, sqlx 0.9
/// still names them). Unnamed statements need the transaction: sqlx parses and binds in two
/// round trips, and between them a pooler may give the session to a client whose unnamed
/// statement then gets our parameters.
pub async fn read_applied(
    conn: &mut PgConnection,
    table: &VersionTable,
) -> Result<Option<AppliedState>, Error> {
    let own = !conn.is_in_transaction();
    if own {
        raw(conn, "BEGIN READ ONLY")
            .await
            .map_err(|e| Error::database("cannot begin a transaction", &e))?;
    }
    let result = read_applied_in(conn, table).await;
    if own {
        let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
        let ended = raw(conn, end).await;
        if result.is_ok() {
            ended.map_err(|e| Error::database("cannot end the transaction", &e))?;
        }
    }
    result
}

async fn read_applied_in(
    conn: &mut PgConnection,
    table: &VersionTable,
) -> Result<Option<AppliedState>, Error> {
    let exists: bool = sqlx::query_scalar("SELECT to_regclass($1) IS NOT NULL")
        .bind(table.qualified())
        .persistent(false)
        .fetch_one(&mut *conn)
        .await
        .map_err(|e| Error::database(format!("cannot look for the version table {table}"), &e))?;
    if !exists {
        return Ok(None);
    }
    select_applied(conn, table).await.map(Some)
}

async fn select_applied(
    conn: &mut PgConnection,
    table: &VersionTable,
) -> Result<AppliedState, Error> {
    let context = || format!("cannot read the version table {table}");
    let rows = sqlx::query(AssertSqlSafe(table.select_sql()))
        .persistent(false)
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| Error::database(context(), &e))?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let decode = |e: sqlx::Error| Error::database(context(), &e);
        let direction: String = row.try_get("direction").map_err(decode)?;
        let failed_line: Option<i32> = row.try_get("failed_line").map_err(decode)?;
        let failed_statement: Option<String> = row.try_get("failed_statement").map_err(decode)?;
        let failed_error: Option<String> = row.try_get("failed_error").map_err(decode)?;
        out.push(AppliedRow {
            revision: row.try_get("revision").map_err(decode)?,
            parents: row.try_get("parents").map_err(decode)?,
            checksum: row.try_get("checksum").map_err(decode)?,
            success: row.try_get("success").map_err(decode)?,
            direction: Direction::parse(&direction).unwrap_or(Direction::Upgrade),
            failure: failed_statement.map(|statement| Failure {
                line: failed_line
                    .and_then(|l| usize::try_from(l).ok())
                    .unwrap_or(0),
                statement,
                error: failed_error.unwrap_or_default(),
            }),
        });
    }
    Ok(AppliedState::from_rows(out))
}

fn statement_error(
    m: &MigrationStep,
    statement: &Statement,
    e: &sqlx::Error,
    transactional: bool,
) -> Error {
    Error::Statement {
        revision: m.revision.clone(),
        path: m.path.clone(),
        line: statement.line,
        statement: statement.sql.clone(),
        direction: m.direction,
        message: message(e),
        transactional,
    }
}

/// Runs `plan` on a session that holds the lock; the same as [`Session::execute`].
pub async fn execute(
    plan: &Plan,
    session: &mut Session<'_>,
    on_event: impl FnMut(&Event<'_>),
) -> Result<Report, Error> {
    session.execute(plan, on_event).await
}

/// A whole run on `conn`: lock, read the version table, plan toward `target`, ask `confirm`
/// (not called when there is nothing to do; `false` stops with [`Error::NotConfirmed`]),
/// execute, unlock. Without a second connection a lone run through a transaction-mode pooler
/// goes undetected: [`run_url`] checks with one.
pub async fn run(
    conn: &mut PgConnection,
    set: &MigrationSet,
    target: &Target,
    options: &Options,
    confirm: impl FnOnce(&Plan) -> bool,
    on_event: impl FnMut(&Event<'_>),
) -> Result<Report, Error> {
    let session = Session::lock(conn, options).await?;
    run_session(session, set, target, confirm, on_event).await
}

async fn run_session(
    mut session: Session<'_>,
    set: &MigrationSet,
    target: &Target,
    confirm: impl FnOnce(&Plan) -> bool,
    on_event: impl FnMut(&Event<'_>),
) -> Result<Report, Error> {
    let result = run_locked(&mut session, set, target, confirm, on_event).await;
    let unlocked = session.unlock().await;
    let report = result?;
    unlocked?;
    Ok(report)
}

async fn run_locked(
    session: &mut Session<'_>,
    set: &MigrationSet,
    target: &Target,
    confirm: impl FnOnce(&Plan) -> bool,
    on_event: impl FnMut(&Event<'_>),
) -> Result<Report, Error> {
    let applied = session.applied().await?;
    let plan = plan(&applied, set, target)?;
    if plan.is_empty() {
        return Ok(Report::default());
    }
    if !confirm(&plan) {
        return Err(Error::NotConfirmed);
    }
    session.execute(&plan, on_event).await
}

/// [`run`] on a new connection to `url`, with a second one for a moment to check for a
/// transaction-mode pooler ([`Session::lock_probed`]): two server connections at the start, one
/// after. Errors never show the URL's password; a pooler error names where to connect instead.
pub async fn run_url(
    url: &str,
    set: &MigrationSet,
    target: &Target,
    options: &Options,
    confirm: impl FnOnce(&Plan) -> bool,
    on_event: impl FnMut(&Event<'_>),
) -> Result<Report, Error> {
    let mut conn = aludel_pg::connect(url).await?;
    let report = async {
        let mut probe = aludel_pg::connect(url).await?;
        let locked = Session::lock_probed(&mut conn, &mut probe, options).await;
        let _ = probe.close().await;
        run_session(locked?, set, target, confirm, on_event).await
    }
    .await;
    let _ = conn.close().await;
    report.map_err(|e| match e {
        Error::Pooler { reason, .. } => Error::Pooler {
            reason,
            advice: Some(aludel_pg::pooler_hint(Some(url))),
        },
        other => other,
    })
}

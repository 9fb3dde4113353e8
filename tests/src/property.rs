//! The live diff property, shared by `tests/diff_live.rs` (a fixed seed) and
//! `cargo xtask fuzz-diff` (random seeds): for random schema pairs (x, y), each created in a
//! scratch database from the SQL the property's own writer (`ddl`) makes of its spec (never
//! through aludel's renderer) and introspected to give the sides aludel diffs, the upgrade
//! x → y introspects and dumps (`pg_dump`) equal to y, diffs empty afterwards, and the downgrade
//! introspects and dumps equal to x; in the normal and the online mode. A failing pair shrinks
//! (bounded) and is saved as a golden case directory.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use aludel_pg::Server;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner};
use sqlx::postgres::PgConnection;

use aludel_render::{DEFAULT_ONLINE_LOCK_TIMEOUT, Options};

use crate::{ddl, dump, golden, hints, live, random};

/// Drops every user schema and recreates an empty `public`, as a fresh database has it.
const RESET: &str = r#"
DO $$
DECLARE s text;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
           WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
END $$;
CREATE SCHEMA public;
COMMENT ON SCHEMA public IS 'standard public schema';
"#;

/// Runs the SQL that creates one side, naming the side when it fails.
async fn create(conn: &mut PgConnection, side: &str, sql: &str) -> Result<(), String> {
    live::exec(conn, sql)
        .await
        .map_err(|e| format!("creating {side} from the spec's SQL failed: {e}\n{sql}"))
}

/// One pair on `conn` (the database at `url`), each side given as the SQL that creates it
/// (`ddl::write`), with the rename hints of y (`ddl::hints`): create y, introspect it, mark
/// the hints, dump it, reset, create x, introspect and dump it,
/// round trip between the introspected sides, then round trip again in online mode (the
/// downgrade has brought the database back to x, as both oracles have just checked).
pub async fn check_pair(
    conn: &mut PgConnection,
    url: &str,
    x_sql: &str,
    y_sql: &str,
    y_hints: Option<&str>,
) -> Result<(), String> {
    live::exec(conn, RESET).await?;
    create(conn, "y", y_sql).await?;
    let mut after = live::read(conn).await?;
    if let Some(h) = y_hints {
        hints::apply(&mut after, h).map_err(|e| format!("{e}\n{h}"))?;
    }
    let after_dump = dump::dump(url).await?;
    live::exec(conn, RESET).await?;
    create(conn, "x", x_sql).await?;
    let before = live::read(conn).await?;
    let before_dump = dump::dump(url).await?;
    let dumps = live::Dumps {
        url,
        before: &before_dump,
        after: &after_dump,
    };
    for opts in [
        Options::default(),
        Options::online(DEFAULT_ONLINE_LOCK_TIMEOUT),
    ] {
        let mode = if opts.online { "online" } else { "normal" };
        live::round_trip(conn, &before, &after, None, None, &opts, dumps)
            .await
            .map_err(|e| format!("{mode} mode: {e}"))?;
    }
    Ok(())
}

/// What a run did.
#[derive(Debug)]
pub struct Outcome {
    pub cases: u32,
    pub elapsed: Duration,
}

/// A failing run: the (shrunk) reason and where the pair was saved.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub saved: Option<PathBuf>,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        if let Some(p) = &self.saved {
            write!(
                f,
                "\nthe shrunk pair is saved as golden case {} (write its snapshots with {}=1 once it passes)",
                p.display(),
                golden::UPDATE_VAR
            )?;
        }
        Ok(())
    }
}

/// A 32-byte proptest seed from a number.
pub fn seed_bytes(seed: u64) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (i, chunk) in out.chunks_mut(8).enumerate() {
        chunk.copy_from_slice(&(seed.rotate_left(i as u32 * 16) ^ i as u64).to_le_bytes());
    }
    out
}

/// Runs `cases` random pairs from `seed` on `workers` threads, each with its own scratch
/// database of `server` and its own seed derived from `seed`; a failing pair is shrunk (at most
/// `max_shrink_iters` steps) and, when `save` is set, written as golden case `fuzz_<seed>`.
/// Blocks (every worker runs its own runtime). Returns the first failure.
pub fn run(
    server: &Server,
    cases: u32,
    seed: u64,
    max_shrink_iters: u32,
    save: bool,
    workers: u32,
) -> Result<Outcome, Failure> {
    let workers = workers.max(1);
    let start = Instant::now();
    let results: Vec<Result<Outcome, Failure>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let n = cases / workers + u32::from(w < cases % workers);
                let seed = seed.wrapping_add(u64::from(w));
                scope.spawn(move || run_worker(server, n, seed, max_shrink_iters, save))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(Failure {
                        message: "a property worker panicked".into(),
                        saved: None,
                    })
                })
            })
            .collect()
    });
    let mut done = 0;
    for r in results {
        done += r?.cases;
    }
    Ok(Outcome {
        cases: done,
        elapsed: start.elapsed(),
    })
}

/// One worker of [`run`]: `cases` pairs from `seed` on one scratch database.
fn run_worker(
    server: &Server,
    cases: u32,
    seed: u64,
    max_shrink_iters: u32,
    save: bool,
) -> Result<Outcome, Failure> {
    let fail = |message: String| Failure {
        message,
        saved: None,
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| fail(e.to_string()))?;
    let db = rt
        .block_on(server.create_database("diff_live", None))
        .map_err(|e| fail(e.to_string()))?;
    let mut conn: PgConnection = rt
        .block_on(aludel_pg::connect(&db.url))
        .map_err(|e| fail(e.to_string()))?;
    // nothing here needs to survive a crash: do not wait for WAL flushes
    rt.block_on(live::exec(&mut conn, "SET synchronous_commit = off"))
        .map_err(fail)?;
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_iters,
        max_shrink_time: 90_000,
        ..Config::default()
    };
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes(seed));
    let mut runner = TestRunner::new_with_rng(config, rng);
    let start = Instant::now();
    let conn = std::cell::RefCell::new(conn);
    let result = runner.run(&random::pair(), |(x, y)| {
        let h = ddl::hints(&x, &y);
        let (x, y) = (ddl::write(&x), ddl::write(&y));
        rt.block_on(check_pair(
            &mut conn.borrow_mut(),
            &db.url,
            &x,
            &y,
            h.as_deref(),
        ))
        .map_err(TestCaseError::fail)
    });
    let elapsed = start.elapsed();
    match result {
        Ok(()) => {
            drop(conn);
            let _ = rt.block_on(server.drop_database(&db.name));
            Ok(Outcome { cases, elapsed })
        }
        Err(TestError::Abort(why)) => Err(fail(format!("the property test aborted: {why}"))),
        Err(TestError::Fail(why, (x, y))) => {
            let mut saved = None;
            let mut message = format!("seed {seed}: a schema pair fails after shrinking: {why}");
            if save {
                let (xs, ys, h) = (ddl::write(&x), ddl::write(&y), ddl::hints(&x, &y));
                match golden::save(&format!("fuzz_{seed}"), &xs, &ys, h.as_deref()) {
                    Ok(p) => saved = Some(p),
                    Err(e) => message.push_str(&format!("\n(could not save the case: {e})")),
                }
            }
            let _ = rt.block_on(server.drop_database(&db.name));
            Err(Failure { message, saved })
        }
    }
}

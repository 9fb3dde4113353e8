//! The live diff property, shared by `tests/diff_live.rs` (a fixed seed) and
//! `cargo xtask fuzz-diff` (random seeds): for random schema pairs (x, y), both materialised by
//! rendering `diff(empty, …)` into a scratch database, the upgrade x → y introspects and dumps
//! (`pg_dump`) equal to y, diffs empty afterwards, and the downgrade introspects and dumps equal
//! to x; in the normal and the online mode. A failing pair shrinks
//! (bounded) and is saved as a golden case directory.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use aludel_pg::Server;
use aludel_schema::Schema;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner};
use sqlx::postgres::PgConnection;

use aludel_render::{DEFAULT_ONLINE_LOCK_TIMEOUT, Options};

use crate::{dump, golden, live, random};

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

/// `x` with the namespaces of the empty database it is created in (so `public` stays).
fn on_base(base: &Schema, x: &Schema) -> Schema {
    let mut x = x.clone();
    for (k, v) in &base.namespaces {
        x.namespaces.entry(k.clone()).or_insert_with(|| v.clone());
    }
    x
}

/// The SQL that creates `x` in an empty database.
pub fn create_sql(base: &Schema, x: &Schema) -> Result<String, String> {
    let (scripts, _, _) = live::plan(base, &on_base(base, x), &Options::default())?;
    Ok(scripts.upgrade)
}

/// One pair on `conn` (the database at `url`): materialise y, read and dump it, reset,
/// materialise x, read and dump it, round trip, then round trip again in online mode (the
/// downgrade has brought the database back to x, as both oracles have just checked).
pub async fn check_pair(
    conn: &mut PgConnection,
    url: &str,
    base: &Schema,
    x: &Schema,
    y: &Schema,
) -> Result<(), String> {
    live::exec(conn, RESET).await?;
    let after = live::materialise(conn, base, &on_base(base, y)).await?;
    let after_dump = dump::dump(url).await?;
    live::exec(conn, RESET).await?;
    let before = live::materialise(conn, base, &on_base(base, x)).await?;
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
    let base = rt
        .block_on(async {
            // nothing here needs to survive a crash: do not wait for WAL flushes
            live::exec(&mut conn, "SET synchronous_commit = off").await?;
            live::exec(&mut conn, RESET).await?;
            live::read(&mut conn).await
        })
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
        let (x, y) = (random::build(&x), random::build(&y));
        rt.block_on(check_pair(&mut conn.borrow_mut(), &db.url, &base, &x, &y))
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
            let (x, y) = (random::build(&x), random::build(&y));
            let mut saved = None;
            let mut message = format!("seed {seed}: a schema pair fails after shrinking: {why}");
            if save {
                match (create_sql(&base, &x), create_sql(&base, &y)) {
                    (Ok(b), Ok(a)) => match golden::save(&format!("fuzz_{seed}"), &b, &a) {
                        Ok(p) => saved = Some(p),
                        Err(e) => message.push_str(&format!("\n(could not save the case: {e})")),
                    },
                    (Err(e), _) | (_, Err(e)) => {
                        message.push_str(&format!("\n(could not render the case: {e})"))
                    }
                }
            }
            let _ = rt.block_on(server.drop_database(&db.name));
            Err(Failure { message, saved })
        }
    }
}

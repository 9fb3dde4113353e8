//! The CLI through a real PgBouncer in front of the test server. Transaction mode: every
//! command that takes the migration lock exits 2 with the pooler hint and changes nothing,
//! alone or six at once, with one server connection in the pool or several, and leaves no
//! advisory lock behind; the read-only commands (`current`, `history`, `inspect`,
//! `check --database-url`) work. Session mode: everything works, and concurrent upgrades
//! apply each migration exactly once.

mod common;

use std::process::{Output, Stdio};

use aludel::Model;
use aludel_pg::testing::{PgBouncer, PoolMode};
use common::{Out, Project};

#[allow(dead_code)]
#[derive(Debug, Model)]
#[aludel(table = "items")]
pub struct Item {
    #[aludel(primary_key)]
    id: i64,
    name: String,
}

fn models() -> aludel::Schema {
    aludel::Schema::builder().model::<Item>().build().unwrap()
}

const M1: &str = "20260101000000_one";
const M2: &str = "20260102000000_two";
const M3: &str = "20260103000000_three";

/// Three migrations, each logging itself in `log` (made by the test, outside the history), so
/// a migration that runs twice shows.
fn history(p: &Project) {
    p.execute("CREATE TABLE log (revision text NOT NULL)");
    let mut parent: Vec<&str> = Vec::new();
    for (rev, mode) in [(M1, "per-migration"), (M2, "none"), (M3, "per-migration")] {
        p.write(
            rev,
            &parent,
            mode,
            &format!(
                "CREATE TABLE t_{} (id int);\nINSERT INTO log VALUES ('{rev}');\nSELECT pg_sleep(0.02);",
                &rev[15..]
            ),
            &format!("DROP TABLE t_{};", &rev[15..]),
        );
        parent = vec![rev];
    }
}

/// The CLI in-process on `url` with the project's directory.
fn cli(p: &Project, url: &str, args: &[&str]) -> Out {
    let mut argv: Vec<String> = vec!["aludel".into()];
    argv.extend(args.iter().map(|a| a.to_string()));
    argv.extend([
        "--dir".into(),
        p.migrations().display().to_string(),
        "--database-url".into(),
        url.to_owned(),
    ]);
    p.run_argv(argv)
}

/// `n` `aludel upgrade` processes at once on `url`.
fn concurrent_upgrades(p: &Project, url: &str, n: usize) -> Vec<Output> {
    let children: Vec<_> = (0..n)
        .map(|_| {
            p.bin(&["upgrade"])
                .env("DATABASE_URL", url)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect()
}

/// The schema as a dump-like text and the version rows, read on the server directly.
fn snapshot(p: &Project) -> String {
    let log = p.scalar("SELECT coalesce(string_agg(revision, ' ' ORDER BY revision), '') FROM log");
    format!("{} log: [{log}]", p.state())
}

/// Advisory locks held in the project's database, read on the server directly.
fn advisory_locks(p: &Project) -> String {
    p.scalar(
        "SELECT count(*)::text FROM pg_locks l JOIN pg_database d ON d.oid = l.database \
         WHERE l.locktype = 'advisory' AND d.datname = current_database()",
    )
}

fn assert_pooler_refusal(out: &Out, what: &str) {
    assert_eq!(out.code, 2, "{what}: {}{}", out.out, out.err);
    let lines: Vec<&str> = out.err.lines().collect();
    assert_eq!(
        lines.len(),
        2,
        "{what}: one error line and one hint:\n{}",
        out.err
    );
    assert!(
        lines[0].starts_with("error: the connection goes through a transaction-mode pooler: "),
        "{what}: {}",
        out.err
    );
    assert!(
        lines[0].ends_with("nothing was changed"),
        "{what}: {}",
        out.err
    );
    assert!(
        lines[1].starts_with("hint: `127.0.0.1:")
            && lines[1].contains("is a transaction-mode pooler"),
        "{what}: {}",
        out.err
    );
    assert!(
        lines[1].contains("session-mode pooler"),
        "{what}: {}",
        out.err
    );
}

fn out_of(o: &Output) -> Out {
    Out {
        code: u8::try_from(o.status.code().unwrap_or(-1)).unwrap_or(255),
        out: String::from_utf8_lossy(&o.stdout).into_owned(),
        err: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// Every command that takes the lock, alone and six at once, refused through a transaction
/// pooler with `pool_size` server connections; nothing changes, no lock stays.
fn transaction_mode_refuses_every_locking_command(pool_size: u32) {
    let p = Project::new();
    history(&p);
    let bouncer = PgBouncer::start(&p.db.server, PoolMode::Transaction, pool_size);
    let url = bouncer.url_for(p.url());
    let before = snapshot(&p);
    assert_eq!(
        before,
        "tables: [log] applied: [(no version table)] log: []"
    );

    let alone = cli(&p, &url, &["upgrade"]);
    assert_pooler_refusal(&alone, "upgrade alone");
    assert_eq!(snapshot(&p), before, "upgrade alone applied nothing");

    for (i, o) in concurrent_upgrades(&p, &url, 6).iter().enumerate() {
        assert_pooler_refusal(&out_of(o), &format!("concurrent upgrade {i}"));
    }
    assert_eq!(snapshot(&p), before, "six upgrades at once applied nothing");
    assert_eq!(advisory_locks(&p), "0", "no advisory lock left behind");

    // with something applied (directly), the other locking commands
    let direct = cli(&p, p.url(), &["upgrade", M2]);
    assert_eq!(direct.code, 0, "{}", direct.err);
    let applied = snapshot(&p);
    for args in [
        &["downgrade", "-1"][..],
        &["stamp", M3],
        &["rehash", M1],
        &["repair", M2],
        &["upgrade"],
    ] {
        let out = cli(&p, &url, args);
        assert_pooler_refusal(&out, &args.join(" "));
        assert_eq!(snapshot(&p), applied, "{args:?} changed nothing");
    }
    assert_eq!(advisory_locks(&p), "0", "no advisory lock left behind");
    drop(bouncer);
}

#[test]
fn transaction_mode_with_one_server_connection_refuses_every_locking_command() {
    transaction_mode_refuses_every_locking_command(1);
}

#[test]
fn transaction_mode_with_many_server_connections_refuses_every_locking_command() {
    transaction_mode_refuses_every_locking_command(20);
}

#[test]
fn transaction_mode_serves_the_read_only_commands() {
    let p = Project::new();
    let dev = aludel_pg::testing::server().url().to_owned();
    let dir = p.migrations().display().to_string();
    let run = |args: &[&str]| {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = aludel_cli::run_code_with_models(&models(), args, &mut out, &mut err);
        Out {
            code,
            out: String::from_utf8(out).unwrap(),
            err: String::from_utf8(err).unwrap(),
        }
    };
    let autogen = run(&[
        "xtask",
        "autogen",
        "-m",
        "items",
        "--dev-url",
        &dev,
        "--no-cache",
        "--dir",
        &dir,
    ]);
    assert_eq!(autogen.code, 0, "{}", autogen.err);
    let up = cli(&p, p.url(), &["upgrade"]);
    assert_eq!(up.code, 0, "{}", up.err);

    // one server connection: introspection cannot get three sessions and reads on one
    for pool_size in [1, 4] {
        let bouncer = PgBouncer::start(&p.db.server, PoolMode::Transaction, pool_size);
        let url = bouncer.url_for(p.url());
        for args in [&["current"][..], &["history"], &["inspect"]] {
            let direct = cli(&p, p.url(), args);
            assert_eq!(direct.code, 0, "{args:?} directly: {}", direct.err);
            // several at once, so that the clients share server sessions
            let outs: Vec<Out> = std::thread::scope(|s| {
                let handles: Vec<_> = (0..4).map(|_| s.spawn(|| cli(&p, &url, args))).collect();
                handles.into_iter().map(|h| h.join().unwrap()).collect()
            });
            for out in outs {
                assert_eq!(
                    (out.code, out.err.as_str()),
                    (0, ""),
                    "{args:?} through the pooler (pool {pool_size})"
                );
                assert_eq!(
                    out.out, direct.out,
                    "{args:?} through the pooler (pool {pool_size})"
                );
            }
        }
        let check = run(&[
            "xtask",
            "check",
            "--dev-url",
            &dev,
            "--no-cache",
            "--dir",
            &dir,
            "--database-url",
            &url,
        ]);
        assert_eq!(
            check.code, 0,
            "check --database-url (pool {pool_size}): {}{}",
            check.out, check.err
        );
        assert_eq!(advisory_locks(&p), "0");
        drop(bouncer);
    }
}

#[test]
fn session_mode_runs_everything_and_concurrent_upgrades_apply_each_migration_once() {
    let p = Project::new();
    history(&p);
    // four runs at once need five server connections: each holds one, and the probe one more
    let bouncer = PgBouncer::start(&p.db.server, PoolMode::Session, 6);
    let url = bouncer.url_for(p.url());

    let one = cli(&p, &url, &["upgrade", M1]);
    assert_eq!((one.code, one.err.as_str()), (0, ""), "{}", one.out);
    let current = cli(&p, &url, &["current"]);
    assert_eq!(current.code, 0, "{}", current.err);
    assert!(current.out.contains(M1), "{}", current.out);

    let outputs = concurrent_upgrades(&p, &url, 4);
    let mut lines = 0;
    for o in &outputs {
        let o = out_of(o);
        assert_eq!((o.code, o.err.as_str()), (0, ""), "a run failed: {}", o.out);
        if o.out != "nothing to do\n" {
            lines += o.out.lines().count();
        }
    }
    assert_eq!(
        lines, 2,
        "the runs together report each remaining migration once"
    );
    assert_eq!(
        p.scalar("SELECT count(*)::text || ' ' || count(DISTINCT revision)::text FROM log"),
        "3 3",
        "each migration ran exactly once"
    );
    let down = cli(&p, &url, &["downgrade", "-1"]);
    assert_eq!((down.code, down.err.as_str()), (0, ""), "{}", down.out);
    let history = cli(&p, &url, &["history"]);
    assert_eq!(history.code, 0, "{}", history.err);
    let inspect = cli(&p, &url, &["inspect"]);
    assert_eq!(inspect.code, 0, "{}", inspect.err);
    assert!(inspect.out.contains("t_two"), "{}", inspect.out);
    assert_eq!(advisory_locks(&p), "0");
    drop(bouncer);
}

//! Failures mid-way through a migration, on a live server with the real `aludel` binary: a
//! statement that fails (nothing of a transactional migration stays, the error names revision,
//! file, line and statement), a process killed with SIGKILL inside a transactional migration
//! (nothing committed, the next run applies it) and inside a `transaction none` one (the
//! database is dirty, naming the revision, until the documented `repair`).

mod common;

use std::time::{Duration, Instant};

use common::{BASE, Project};
use expect_test::expect;

const SLOW: &str = "20260102000000_slow";

/// Polls `sql` (a boolean query) every 50 ms until it is true; panics after a minute.
fn wait_until(p: &Project, what: &str, sql: &str) {
    let start = Instant::now();
    while p.scalar(sql) != "true" {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "timed out waiting until {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Whether a backend other than the asking one runs a statement containing `needle`, as a
/// boolean SQL expression.
fn running(needle: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() \
         AND pid <> pg_backend_pid() AND query LIKE '%{needle}%')"
    )
}

/// Starts `aludel upgrade`, waits until its backend runs the `pg_sleep`, and kills the process
/// with SIGKILL ([`wait_backend_gone`] waits for the server to end the backend).
fn kill_during_sleep(p: &Project, sleep: &str) {
    let mut child = p
        .bin(&["upgrade"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    wait_until(
        p,
        "the migration is sleeping",
        &format!("SELECT ({})::text", running(sleep)),
    );
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
}

fn wait_backend_gone(p: &Project, sleep: &str) {
    wait_until(
        p,
        "the server has ended the killed client's backend",
        &format!("SELECT (NOT {})::text", running(sleep)),
    );
}

#[test]
fn a_migration_failing_halfway_leaves_the_database_as_before_it() {
    let p = Project::new();
    p.write(
        BASE,
        &[],
        "per-migration",
        "CREATE TABLE base (id int);",
        "DROP TABLE base;",
    );
    p.write(
        "20260102000000_bad",
        &[BASE],
        "per-migration",
        "CREATE TABLE half (id int);\nINSERT INTO half VALUES (1);\n\nINSERT INTO half\n  VALUES ('not a number');\nCREATE TABLE never (id int);",
        "DROP TABLE half;",
    );
    assert_eq!(p.bin_out(&["upgrade", "+1"]).code, 0);
    let before = p.state();
    let out = p.bin_out(&["upgrade"]);
    assert_eq!((out.code, out.out.as_str()), (2, ""), "{out:?}");
    expect![[r#"
        error: upgrade of `20260102000000_bad` failed at migrations/20260102000000_bad.sql:10: invalid input syntax for type integer: "not a number" (sqlstate 22P02); statement: INSERT INTO half VALUES ('not a number')
        hint: nothing of this migration was committed; fix it and run again
    "#]]
    .assert_eq(&out.err);
    assert_eq!(p.state(), before);
    assert_eq!(before, "tables: [base] applied: [20260101000000_base]");
}

#[test]
fn sigkill_inside_a_transactional_migration_commits_nothing() {
    let p = Project::new();
    p.write(
        BASE,
        &[],
        "per-migration",
        "CREATE TABLE base (id int);",
        "DROP TABLE base;",
    );
    p.write(
        SLOW,
        &[BASE],
        "per-migration",
        "CREATE TABLE slow (id int);\nINSERT INTO slow VALUES (1);\nSELECT pg_sleep(4.01);\nINSERT INTO slow VALUES (2);",
        "DROP TABLE slow;",
    );
    assert_eq!(p.bin_out(&["upgrade", "+1"]).code, 0);
    let before = p.state();
    kill_during_sleep(&p, "pg_sleep(4.01)");
    // The killed run's transaction may still be open on the server: nothing of it is visible.
    assert_eq!(p.state(), before);
    wait_backend_gone(&p, "pg_sleep(4.01)");
    assert_eq!(p.state(), before, "nothing committed");

    let out = p.bin_out(&["upgrade"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.out, format!("upgrade {SLOW} (N ms)\n"));
    assert_eq!(
        p.scalar("SELECT string_agg(id::text, ',' ORDER BY id) FROM slow"),
        "1,2"
    );
    assert_eq!(
        p.state(),
        "tables: [base slow] applied: [20260101000000_base 20260102000000_slow]"
    );
}

#[test]
fn sigkill_inside_a_transaction_none_migration_leaves_it_dirty_until_repaired() {
    let p = Project::new();
    p.write(
        BASE,
        &[],
        "per-migration",
        "CREATE TABLE base (id int);",
        "DROP TABLE base;",
    );
    p.write(
        SLOW,
        &[BASE],
        "none",
        "CREATE TABLE slow (id int);\nSELECT pg_sleep(4.02);\nCREATE INDEX CONCURRENTLY slow_id ON slow (id);",
        "DROP TABLE slow;",
    );
    p.write(
        "20260103000000_later",
        &[SLOW],
        "per-migration",
        "CREATE TABLE later (id int);",
        "DROP TABLE later;",
    );
    assert_eq!(p.bin_out(&["upgrade", "+1"]).code, 0);
    kill_during_sleep(&p, "pg_sleep(4.02)");
    wait_backend_gone(&p, "pg_sleep(4.02)");
    assert_eq!(
        p.state(),
        "tables: [base slow] applied: [20260101000000_base 20260102000000_slow(dirty)]",
        "the statement before the kill is committed and the row says dirty"
    );

    let out = p.bin_out(&["upgrade"]);
    assert_eq!((out.code, out.out.as_str()), (2, ""), "{out:?}");
    expect![[r#"
        error: the database is dirty: upgrade of `20260102000000_slow` (migrations/20260102000000_slow.sql) did not finish, it was interrupted
        hint: finish or undo the migration by hand, then record it with `repair 20260102000000_slow`
    "#]]
    .assert_eq(&out.err);
    expect![[r#"
        20260102000000_slow (dirty)
    "#]]
    .assert_eq(&p.bin_out(&["current"]).out);
    expect![[r#"
        pending  20260103000000_later (head) - later
        dirty    20260102000000_slow - slow
                 upgrade was interrupted; fix it by hand, then `repair 20260102000000_slow` (or `repair 20260102000000_slow --reverted`)
        applied  20260101000000_base - base
    "#]]
    .assert_eq(&p.bin_out(&["history"]).out);

    // The documented repair: finish the migration by hand, then record it.
    p.execute("CREATE INDEX CONCURRENTLY slow_id ON slow (id)");
    let out = p.bin_out(&["repair", SLOW]);
    assert_eq!((out.code, out.err.as_str()), (0, ""), "{out:?}");
    assert_eq!(out.out, format!("repair {SLOW} as applied\n"));
    let out = p.bin_out(&["upgrade"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        p.state(),
        "tables: [base later slow] applied: [20260101000000_base 20260102000000_slow 20260103000000_later]"
    );
}

#[test]
fn a_failed_transaction_none_migration_undone_by_hand_is_repaired_as_reverted() {
    let p = Project::new();
    p.write(
        BASE,
        &[],
        "per-migration",
        "CREATE TABLE base (id int);",
        "DROP TABLE base;",
    );
    p.write(
        SLOW,
        &[BASE],
        "none",
        "CREATE TABLE slow (id int);\nCREATE INDEX CONCURRENTLY slow_id ON nope (id);",
        "DROP TABLE slow;",
    );
    let out = p.bin_out(&["upgrade"]);
    assert_eq!(out.code, 2);
    expect![[r#"
        error: upgrade of `20260102000000_slow` failed at migrations/20260102000000_slow.sql:8: relation "nope" does not exist (sqlstate 42P01); statement: CREATE INDEX CONCURRENTLY slow_id ON nope (id)
        hint: the statements before this one are committed and the database is marked dirty; finish or undo the migration by hand, then run `repair 20260102000000_slow`
    "#]]
    .assert_eq(&out.err);
    let out = p.bin_out(&["upgrade"]);
    expect![[r#"
        error: the database is dirty: upgrade of `20260102000000_slow` (migrations/20260102000000_slow.sql) did not finish, it failed at line 8 on `CREATE INDEX CONCURRENTLY slow_id ON nope (id)`: relation "nope" does not exist (sqlstate 42P01)
        hint: finish or undo the migration by hand, then record it with `repair 20260102000000_slow`
    "#]]
    .assert_eq(&out.err);

    // Undo by hand, record it as reverted, fix the file, run again.
    p.execute("DROP TABLE slow");
    let out = p.bin_out(&["repair", SLOW, "--reverted"]);
    assert_eq!(
        (out.code, out.out.as_str()),
        (0, "repair 20260102000000_slow as reverted\n"),
        "{out:?}"
    );
    p.write(
        SLOW,
        &[BASE],
        "none",
        "CREATE TABLE slow (id int);\nCREATE INDEX CONCURRENTLY slow_id ON slow (id);",
        "DROP TABLE slow;",
    );
    let out = p.bin_out(&["upgrade"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        p.state(),
        "tables: [base slow] applied: [20260101000000_base 20260102000000_slow]"
    );
}

//! The runner on a live server (`ALUDEL_TEST_URL`): every target kind through a history with a
//! branch and a merge, failures, concurrency, dirty state, edited and unknown revisions.

use std::fmt::Write as _;
use std::time::Duration;

use aludel_migrations::MigrationSet;
use aludel_pg::testing::TestDb;
use aludel_runner::{
    DowngradeTarget, Error, Event, Options, RepairOutcome, Report, Session, Target, UpgradeTarget,
    VersionTable, render_sql,
};
use expect_test::{Expect, expect};
use sqlx::postgres::PgConnection;

const BASE: &str = "20260101000000_base";
const A: &str = "20260102000000_a";
const B: &str = "20260102000000_b";
const MERGE: &str = "20260103000000_merge";
const AFTER: &str = "20260104000000_after";

/// A migration file creating a table named after the revision's slug (and `extra` upgrade
/// statements), whose downgrade drops it.
fn mig(revision: &str, parents: &[&str], transaction: &str, extra: &str) -> (String, String) {
    let slug = &revision[15..];
    let mut text = format!("-- aludel: revision {revision}\n");
    if !parents.is_empty() {
        let _ = writeln!(text, "-- aludel: parents {}", parents.join(" "));
    }
    let _ = write!(
        text,
        "-- aludel: transaction {transaction}\n\n-- aludel: upgrade\n\
         CREATE TABLE {slug} (id int);\n{extra}\n\n-- aludel: downgrade\nDROP TABLE {slug};\n"
    );
    (format!("migrations/{revision}.sql"), text)
}

/// base ─┬─ a ─┬─ merge ── after     (b is `transaction none`, with a concurrent index)
///       └─ b ─┘
fn history_files() -> Vec<(String, String)> {
    vec![
        mig(BASE, &[], "per-migration", ""),
        mig(A, &[BASE], "per-migration", "INSERT INTO a VALUES (1);"),
        mig(
            B,
            &[BASE],
            "none",
            "CREATE INDEX CONCURRENTLY b_id ON b (id);",
        ),
        mig(MERGE, &[A, B], "per-migration", ""),
        mig(AFTER, &[MERGE], "per-migration", ""),
    ]
}

fn set_of(files: Vec<(String, String)>) -> MigrationSet {
    MigrationSet::from_files(files).unwrap()
}

async fn run_on(
    conn: &mut PgConnection,
    set: &MigrationSet,
    target: &Target,
) -> Result<Report, Error> {
    aludel_runner::run(conn, set, target, &Options::default(), |_| true, |_| {}).await
}

async fn run(db: &TestDb, set: &MigrationSet, target: Target) -> Result<Report, Error> {
    let mut conn = db.connect().await;
    run_on(&mut conn, set, &target).await
}

fn up(target: &str) -> Target {
    Target::Upgrade(UpgradeTarget::parse(target))
}

fn down(target: &str) -> Target {
    Target::Downgrade(DowngradeTarget::parse(target))
}

fn render_error(e: &Error) -> String {
    match e.hint() {
        Some(hint) => format!("error: {e}\nhint: {hint}\n"),
        None => format!("error: {e}\n"),
    }
}

/// The user tables, and the version table's rows (slugs, oldest first).
async fn state(db: &TestDb) -> String {
    let mut conn = db.connect().await;
    let tables: String = sqlx::query_scalar(
        "SELECT coalesce(string_agg(tablename, ' ' ORDER BY tablename), '') FROM pg_tables \
         WHERE schemaname = 'public' AND tablename <> 'aludel_migrations'",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    let has_table: bool =
        sqlx::query_scalar("SELECT to_regclass('public.aludel_migrations') IS NOT NULL")
            .fetch_one(&mut conn)
            .await
            .unwrap();
    let versions: String = if has_table {
        sqlx::query_scalar(
            "SELECT coalesce(string_agg(substr(revision, 16) \
             || CASE WHEN success THEN '' ELSE '(dirty)' END, ' ' ORDER BY seq), '') \
             FROM aludel_migrations",
        )
        .fetch_one(&mut conn)
        .await
        .unwrap()
    } else {
        "<no version table>".to_owned()
    };
    format!("tables: {tables} | applied: {versions}")
}

/// Runs each target in turn and records what the database looks like after it.
async fn check_runs(db: &TestDb, set: &MigrationSet, targets: &[(&str, Target)], expect: Expect) {
    let mut out = String::new();
    for (label, target) in targets {
        let outcome = match run(db, set, target.clone()).await {
            Ok(report) if report.plan.is_empty() => "nothing to do".to_owned(),
            Ok(report) => format!(
                "ran {}",
                report
                    .plan
                    .steps
                    .iter()
                    .map(|s| s.to_string().replace("2026010", "").replace("000000_", ""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Err(e) => render_error(&e),
        };
        let _ = writeln!(out, "{label}: {outcome}\n  {}", state(db).await);
    }
    expect.assert_eq(&out);
}

#[tokio::test]
async fn every_target_through_a_branch_and_a_merge() {
    let db = TestDb::new().await;
    let set = set_of(history_files());
    check_runs(
        &db,
        &set,
        &[
            ("upgrade +1", up("+1")),
            ("upgrade b", up(B)),
            ("upgrade merge", up(MERGE)),
            ("upgrade head", up("head")),
            ("upgrade head again", up("head")),
            ("downgrade -1", down("-1")),
            ("downgrade a", down(A)),
            ("downgrade base", down("base")),
            ("upgrade heads", up("heads")),
            ("downgrade b", down(B)),
            ("stamp merge", Target::Stamp(MERGE.to_owned())),
            ("stamp base", Target::Stamp(BASE.to_owned())),
            ("stamp purge", Target::StampPurge),
        ],
        expect![[r#"
            upgrade +1: ran upgrade 1base
              tables: base | applied: base
            upgrade b: ran upgrade 2b (transaction none)
              tables: b base | applied: base b
            upgrade merge: ran upgrade 2a, upgrade 3merge
              tables: a b base merge | applied: base b a merge
            upgrade head: ran upgrade 4after
              tables: a after b base merge | applied: base b a merge after
            upgrade head again: nothing to do
              tables: a after b base merge | applied: base b a merge after
            downgrade -1: ran downgrade 4after
              tables: a b base merge | applied: base b a merge
            downgrade a: ran downgrade 3merge, downgrade 2b (transaction none)
              tables: a base | applied: base a
            downgrade base: ran downgrade 2a, downgrade 1base
              tables:  | applied: 
            upgrade heads: ran upgrade 1base, upgrade 2a, upgrade 2b (transaction none), upgrade 3merge, upgrade 4after
              tables: a after b base merge | applied: base a b merge after
            downgrade b: ran downgrade 4after, downgrade 3merge, downgrade 2a
              tables: b base | applied: base b
            stamp merge: ran stamp +2a +3merge
              tables: b base | applied: base b a merge
            stamp base: ran stamp -3merge -2a -2b
              tables: b base | applied: base
            stamp purge: ran purge the version table
              tables: b base | applied: 
        "#]],
    )
    .await;
}

#[tokio::test]
async fn upgrade_heads_on_two_branches() {
    let db = TestDb::new().await;
    let set = set_of(history_files().into_iter().take(3).collect());
    check_runs(
        &db,
        &set,
        &[
            ("upgrade head", up("head")),
            ("upgrade a", up(A)),
            ("upgrade heads", up("heads")),
            ("downgrade -2", down("-2")),
        ],
        expect![[r#"
            upgrade head: error: the migrations have several heads: 20260102000000_a, 20260102000000_b
            hint: upgrade to `heads` to apply every branch, or join them with `merge -m <message>`

              tables:  | applied: <no version table>
            upgrade a: ran upgrade 1base, upgrade 2a
              tables: a base | applied: base a
            upgrade heads: ran upgrade 2b (transaction none)
              tables: a b base | applied: base a b
            downgrade -2: ran downgrade 2b (transaction none), downgrade 2a
              tables: base | applied: base
        "#]],
    )
    .await;
}

#[tokio::test]
async fn events_report_progress() {
    let db = TestDb::new().await;
    let set = set_of(history_files());
    let mut conn = db.connect().await;
    let mut events = Vec::new();
    let mut confirmed = String::new();
    aludel_runner::run(
        &mut conn,
        &set,
        &up(A),
        &Options::default(),
        |plan| {
            confirmed = plan.to_string();
            true
        },
        |event| {
            events.push(match event {
                Event::MigrationStarted { step, index, total } => {
                    format!("started {} ({}/{total})", step.revision, index + 1)
                }
                Event::StatementStarted { step, statement } => {
                    format!(
                        "  {}:{} {}",
                        step.path.display(),
                        statement.line,
                        statement.sql
                    )
                }
                Event::MigrationFinished { step, duration } => {
                    assert!(*duration < Duration::from_secs(60));
                    format!("finished {}", step.revision)
                }
                Event::VersionTableChanged { step } => format!("changed: {step}"),
            });
        },
    )
    .await
    .unwrap();
    expect![[r#"
        confirmed:
        upgrade 20260101000000_base
        upgrade 20260102000000_a
        events:
        started 20260101000000_base (1/2)
          migrations/20260101000000_base.sql:5 CREATE TABLE base (id int)
        finished 20260101000000_base
        started 20260102000000_a (2/2)
          migrations/20260102000000_a.sql:6 CREATE TABLE a (id int)
          migrations/20260102000000_a.sql:7 INSERT INTO a VALUES (1)
        finished 20260102000000_a
    "#]]
    .assert_eq(&format!(
        "confirmed:\n{confirmed}events:\n{}\n",
        events.join("\n")
    ));

    // Refusing the confirmation changes nothing.
    let before = state(&db).await;
    let e = aludel_runner::run(
        &mut conn,
        &set,
        &up("head"),
        &Options::default(),
        |_| false,
        |_| {},
    )
    .await
    .unwrap_err();
    expect![[r#"
        error: the run was not confirmed, nothing was changed
    "#]]
    .assert_eq(&render_error(&e));
    assert_eq!(state(&db).await, before);
}

#[tokio::test]
async fn a_migration_failing_halfway_leaves_nothing_of_it() {
    let db = TestDb::new().await;
    let mut files = history_files();
    files[1] = mig(
        A,
        &[BASE],
        "per-migration",
        "INSERT INTO a VALUES (1);\n\n-- the table is misspelt\nINSERT INTO aa VALUES (2);\nINSERT INTO a VALUES (3);",
    );
    let set = set_of(files);
    run(&db, &set, up(BASE)).await.unwrap();
    let before = state(&db).await;
    let e = run(&db, &set, up(A)).await.unwrap_err();
    expect![[r#"
        error: upgrade of `20260102000000_a` failed at migrations/20260102000000_a.sql:10: relation "aa" does not exist (sqlstate 42P01)
          statement: INSERT INTO aa VALUES (2)
        hint: nothing of this migration was committed; fix it and run again
    "#]].assert_eq(&render_error(&e));
    assert_eq!(state(&db).await, before);
    // The failed statement is the one on line 10 of the file (after its comment).
    let Error::Statement {
        line, statement, ..
    } = &e
    else {
        panic!("not a statement error: {e:?}")
    };
    assert_eq!(*line, 10);
    assert!(
        statement.ends_with("INSERT INTO aa VALUES (2)"),
        "{statement}"
    );
}

#[tokio::test]
async fn a_client_killed_mid_migration_leaves_nothing_and_the_next_run_applies_it() {
    let db = TestDb::new().await;
    let mut files = history_files();
    files[1] = mig(A, &[BASE], "per-migration", "SELECT pg_sleep(1);");
    let set = std::sync::Arc::new(set_of(files));
    run(&db, &set, up(BASE)).await.unwrap();
    let sleeping = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let task = {
        let set = set.clone();
        let url = db.url().to_owned();
        let sleeping = sleeping.clone();
        tokio::spawn(async move {
            let mut conn = aludel_pg::connect(&url).await.unwrap();
            let on_event = |event: &Event<'_>| {
                if let Event::StatementStarted { statement, .. } = event
                    && statement.sql.contains("pg_sleep")
                {
                    sleeping.store(true, std::sync::atomic::Ordering::SeqCst);
                }
            };
            let options = Options::default();
            let _ = aludel_runner::run(&mut conn, &set, &up("head"), &options, |_| true, on_event)
                .await;
        })
    };
    tokio::time::timeout(Duration::from_secs(60), async {
        while !sleeping.load(std::sync::atomic::Ordering::SeqCst) {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await
    .expect("timed out after 60 s waiting for the migration to reach its pg_sleep");
    // Let the statement reach the server.
    tokio::time::sleep(Duration::from_millis(100)).await;
    // The task, and its connection, die with the sleep under way.
    task.abort();
    let _ = task.await;
    // The next run waits for the server to notice (the dead session holds the lock until its
    // backend ends) and applies everything from a clean state.
    let report = run(&db, &set, up("head")).await.unwrap();
    assert_eq!(report.migrations.len(), 4);
    expect!["tables: a after b base merge | applied: base a b merge after"]
        .assert_eq(&state(&db).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ten_concurrent_upgrades_apply_each_migration_once() {
    let db = TestDb::new().await;
    let log = |revision: &str, parents: &[&str]| {
        mig(
            revision,
            parents,
            "per-migration",
            &format!("SELECT pg_sleep(0.05);\nINSERT INTO log VALUES ('{revision}');"),
        )
    };
    let mut files = vec![(
        "migrations/20260101000000_log.sql".to_owned(),
        "-- aludel: revision 20260101000000_log\n\n-- aludel: upgrade\nCREATE TABLE log (revision text);\n\n-- aludel: downgrade\nDROP TABLE log;\n".to_owned(),
    )];
    files.push(log(BASE, &["20260101000000_log"]));
    files.push(log(A, &[BASE]));
    files.push(log(B, &[BASE]));
    files.push(log(MERGE, &[A, B]));
    files.push(log(AFTER, &[MERGE]));
    let set = std::sync::Arc::new(set_of(files));
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let url = db.url().to_owned();
        let set = set.clone();
        tasks.push(tokio::spawn(async move {
            let mut conn = aludel_pg::connect(&url).await.unwrap();
            run_on(&mut conn, &set, &up("head")).await
        }));
    }
    let mut ran = 0;
    for task in tasks {
        let report = task.await.unwrap().unwrap();
        ran += report.migrations.len();
    }
    assert_eq!(ran, 6);
    let mut conn = db.connect().await;
    let counts: String = sqlx::query_scalar(
        "SELECT string_agg(revision || ' ' || n, ', ' ORDER BY revision) \
         FROM (SELECT revision, count(*) AS n FROM log GROUP BY revision) c",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    expect!["20260101000000_base 1, 20260102000000_a 1, 20260102000000_b 1, 20260103000000_merge 1, 20260104000000_after 1"].assert_eq(&counts);
    expect!["tables: a after b base log merge | applied: log base a b merge after"]
        .assert_eq(&state(&db).await);
}

#[tokio::test]
async fn a_failing_transaction_none_migration_leaves_the_database_dirty_until_repaired() {
    let db = TestDb::new().await;
    let mut files = history_files();
    files[2] = mig(
        B,
        &[BASE],
        "none",
        "CREATE INDEX CONCURRENTLY b_id ON b (id);\nINSERT INTO b VALUES ('x');",
    );
    let set = set_of(files);
    let e = run(&db, &set, up("head")).await.unwrap_err();
    expect![[r#"
        error: upgrade of `20260102000000_b` failed at migrations/20260102000000_b.sql:8: invalid input syntax for type integer: "x" (sqlstate 22P02)
          statement: INSERT INTO b VALUES ('x')
        hint: the statements before this one are committed and the database is marked dirty; finish or undo the migration by hand, then run `repair 20260102000000_b`
    "#]].assert_eq(&render_error(&e));
    expect!["tables: a b base | applied: base a b(dirty)"].assert_eq(&state(&db).await);

    // Further runs refuse, naming the revision and the statement.
    let e = run(&db, &set, up("head")).await.unwrap_err();
    expect![[r#"
        error: the database is dirty: upgrade of `20260102000000_b` (migrations/20260102000000_b.sql) did not finish, it failed at line 8 on `INSERT INTO b VALUES ('x')`: invalid input syntax for type integer: "x" (sqlstate 22P02)
        hint: finish or undo the migration by hand, then record it with `repair 20260102000000_b`
    "#]].assert_eq(&render_error(&e));
    let e = run(&db, &set, down("base")).await.unwrap_err();
    assert!(
        matches!(e, Error::Plan(aludel_runner::PlanError::Dirty { .. })),
        "{e}"
    );

    // The operator finishes the migration by hand (nothing left to do here) and records it.
    let repair = Target::Repair {
        revision: B.to_owned(),
        outcome: RepairOutcome::Applied,
    };
    run(&db, &set, repair.clone()).await.unwrap();
    let e = run(&db, &set, repair).await.unwrap_err();
    expect![[r#"
        error: revision `20260102000000_b` is not dirty, there is nothing to repair
    "#]]
    .assert_eq(&render_error(&e));
    run(&db, &set, up("head")).await.unwrap();
    expect!["tables: a after b base merge | applied: base a b merge after"]
        .assert_eq(&state(&db).await);
}

#[tokio::test]
async fn an_interrupted_transaction_none_migration_can_be_repaired_as_reverted() {
    let db = TestDb::new().await;
    let set = set_of(history_files());
    run(&db, &set, up(BASE)).await.unwrap();
    // What a client killed mid-way through `b` leaves: its row, unsuccessful, and its table.
    let script = render_sql(
        &aludel_runner::plan(
            &aludel_runner::AppliedState::assumed(&set, &[BASE.parse().unwrap()]),
            &set,
            &up(B),
        )
        .unwrap(),
        &VersionTable::default(),
    );
    let interrupted: String = script
        .lines()
        .skip_while(|line| !line.starts_with("-- aludel: upgrade 20260102000000_b"))
        .take(3)
        .collect::<Vec<_>>()
        .join("\n");
    db.execute(&interrupted).await;
    let e = run(&db, &set, up("head")).await.unwrap_err();
    expect![[r#"
        error: the database is dirty: upgrade of `20260102000000_b` (migrations/20260102000000_b.sql) did not finish, it was interrupted
        hint: finish or undo the migration by hand, then record it with `repair 20260102000000_b`
    "#]].assert_eq(&render_error(&e));
    db.execute("DROP TABLE b").await;
    run(
        &db,
        &set,
        Target::Repair {
            revision: B.to_owned(),
            outcome: RepairOutcome::Reverted,
        },
    )
    .await
    .unwrap();
    expect!["tables: base | applied: base"].assert_eq(&state(&db).await);
    run(&db, &set, up("head")).await.unwrap();
    expect!["tables: a after b base merge | applied: base a b merge after"]
        .assert_eq(&state(&db).await);
}

#[tokio::test]
async fn an_edited_applied_migration_is_reported_and_rehash_accepts_it() {
    let db = TestDb::new().await;
    let set = set_of(history_files());
    run(&db, &set, up(A)).await.unwrap();
    let mut files = history_files();
    files[1].1 = files[1].1.replace("VALUES (1)", "VALUES (2)");
    let edited = set_of(files);
    let e = run(&db, &edited, up("head")).await.unwrap_err();
    expect![[r#"
        error: migrations/20260102000000_a.sql: migration `20260102000000_a` was edited after it was applied
        hint: restore the file as it was applied, or accept its new content with `rehash 20260102000000_a`
    "#]].assert_eq(&render_error(&e));
    let before = state(&db).await;
    run(&db, &edited, Target::Rehash(Some(A.to_owned())))
        .await
        .unwrap();
    assert_eq!(state(&db).await, before);
    run(&db, &edited, up("head")).await.unwrap();
    // The original content is now the edited one.
    let e = run(&db, &set, down("base")).await.unwrap_err();
    assert!(e.to_string().contains("was edited"), "{e}");
}

#[tokio::test]
async fn a_revision_unknown_to_the_directory_is_refused_with_nothing_changed() {
    let db = TestDb::new().await;
    let set = set_of(history_files());
    run(&db, &set, up(MERGE)).await.unwrap();
    let older = set_of(history_files().into_iter().take(3).collect());
    let before = state(&db).await;
    let mut errors = String::new();
    for target in [up("heads"), down("base"), Target::Stamp(BASE.to_owned())] {
        let e = run(&db, &older, target).await.unwrap_err();
        errors.push_str(&render_error(&e));
    }
    expect![[r#"
        error: the database has revision `20260103000000_merge` applied, which is not in the migrations
        hint: restore `20260103000000_merge.sql` into the migrations directory (from version control or the branch that made it), or point at the right directory
        error: the database has revision `20260103000000_merge` applied, which is not in the migrations
        hint: restore `20260103000000_merge.sql` into the migrations directory (from version control or the branch that made it), or point at the right directory
        error: the database has revision `20260103000000_merge` applied, which is not in the migrations
        hint: restore `20260103000000_merge.sql` into the migrations directory (from version control or the branch that made it), or point at the right directory
    "#]].assert_eq(&errors);
    assert_eq!(state(&db).await, before);
}

#[tokio::test]
async fn the_sql_script_does_what_a_run_does() {
    let plain: Vec<_> = history_files()
        .into_iter()
        .map(|(path, text)| {
            (
                path,
                text.replace("CREATE INDEX CONCURRENTLY", "CREATE INDEX"),
            )
        })
        .collect();
    let set = set_of(plain);
    let target = up("head");
    let planned =
        aludel_runner::plan(&aludel_runner::AppliedState::empty(), &set, &target).unwrap();
    let by_script = TestDb::new().await;
    by_script
        .execute(&render_sql(&planned, &VersionTable::default()))
        .await;
    let by_run = TestDb::new().await;
    run(&by_run, &set, target).await.unwrap();
    assert_eq!(state(&by_script).await, state(&by_run).await);
    // The script's rows are accepted by a later run.
    run(&by_script, &set, down("base")).await.unwrap();
    expect!["tables:  | applied: "].assert_eq(&state(&by_script).await);
}

#[tokio::test]
async fn a_configured_version_table_and_role() {
    let db = TestDb::new().await;
    db.execute(&format!(
        "DO $$ BEGIN CREATE ROLE aludel_runner_owner NOLOGIN; \
         EXCEPTION WHEN duplicate_object THEN NULL; END $$;\n\
         GRANT CREATE ON DATABASE \"{}\" TO aludel_runner_owner;\n\
         GRANT CREATE ON SCHEMA public TO aludel_runner_owner;",
        db.db.name
    ))
    .await;
    let set = set_of(history_files());
    let options = Options {
        table: VersionTable {
            schema: "ops".to_owned(),
            name: "versions".to_owned(),
        },
        role: Some("aludel_runner_owner".to_owned()),
        ..Options::default()
    };
    let mut conn = db.connect().await;
    aludel_runner::run(&mut conn, &set, &up(A), &options, |_| true, |_| {})
        .await
        .unwrap();
    let owners: String = sqlx::query_scalar(
        "SELECT string_agg(schemaname || '.' || tablename || ' ' || tableowner, ', ' \
         ORDER BY schemaname, tablename) FROM pg_tables \
         WHERE schemaname IN ('public', 'ops')",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    expect!["ops.versions aludel_runner_owner, public.a aludel_runner_owner, public.base aludel_runner_owner"].assert_eq(&owners);
    let revisions: Vec<String> =
        sqlx::query_scalar("SELECT revision FROM ops.versions ORDER BY seq")
            .fetch_all(&mut conn)
            .await
            .unwrap();
    assert_eq!(revisions, [BASE, A]);

    let options = Options {
        role: Some("aludel_runner_no_such_role".to_owned()),
        ..options
    };
    let mut conn = db.connect().await;
    let e = aludel_runner::run(&mut conn, &set, &up("head"), &options, |_| true, |_| {})
        .await
        .unwrap_err();
    expect![[r#"
        error: cannot set role `aludel_runner_no_such_role`: role "aludel_runner_no_such_role" does not exist (sqlstate 22023)
        hint: the connecting user must be a member of the role (GRANT role TO user)
    "#]].assert_eq(&render_error(&e));
}

#[tokio::test]
async fn the_lock_waits_then_times_out() {
    let db = TestDb::new().await;
    let set = set_of(history_files());
    let options = Options {
        lock_timeout: Duration::from_millis(300),
        ..Options::default()
    };
    let mut holder = db.connect().await;
    let session = Session::lock(&mut holder, &options).await.unwrap();
    let mut conn = db.connect().await;
    let started = std::time::Instant::now();
    let e = aludel_runner::run(&mut conn, &set, &up("head"), &options, |_| true, |_| {})
        .await
        .unwrap_err();
    assert!(started.elapsed() >= Duration::from_millis(300));
    expect![[r#"
        error: timed out after 300ms waiting for the migration lock on public.aludel_migrations
        hint: another run holds the lock; wait for it, or raise the lock timeout
    "#]]
    .assert_eq(&render_error(&e));
    session.unlock().await.unwrap();
    aludel_runner::run(&mut conn, &set, &up("head"), &options, |_| true, |_| {})
        .await
        .unwrap();
}

#[tokio::test]
async fn an_open_transaction_is_refused() {
    let db = TestDb::new().await;
    let mut conn = db.connect().await;
    sqlx::raw_sql("BEGIN").execute(&mut conn).await.unwrap();
    let e = Session::lock(&mut conn, &Options::default())
        .await
        .unwrap_err();
    expect![[r#"
        error: a transaction is open on the connection given to the runner
        hint: commit or roll back before running migrations
    "#]]
    .assert_eq(&render_error(&e));
}

#[tokio::test]
async fn passwords_never_appear_in_errors() {
    let server = aludel_pg::testing::server();
    let url = aludel_pg::with_database(server.url(), "aludel_runner_no_such_database")
        .unwrap()
        .replace("postgres@", "postgres:hunter2@");
    assert!(url.contains("hunter2"), "{url}");
    let set = set_of(history_files());
    let e = aludel_runner::run_url(
        &url,
        &set,
        &up("head"),
        &Options::default(),
        |_| true,
        |_| {},
    )
    .await
    .unwrap_err();
    let shown = format!("{}\n{:?}", render_error(&e), e);
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(shown.contains("aludel_runner_no_such_database"), "{shown}");
}

//! `aludel inspect` end to end on a live server: output, exit codes, and one clear line for
//! each kind of bad input, never showing a password.

use aludel_pg::testing::TestDb;
use aludel_pg::with_database;
use expect_test::{Expect, expect};

/// Runs the CLI in-process; returns (exit code, stdout, stderr) with the server port masked.
fn run(args: &[&str]) -> (u8, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let mut argv = vec!["aludel"];
    argv.extend_from_slice(args);
    let code = aludel_cli::run_code(argv, &mut out, &mut err);
    let mask = |b: Vec<u8>| {
        let s = String::from_utf8(b).unwrap();
        let port = std::env::var("ALUDEL_TEST_URL").ok().and_then(|u| {
            u.rsplit(':')
                .next()
                .map(|p| p.split('/').next().unwrap_or("").to_owned())
        });
        match port {
            Some(p) if !p.is_empty() => s.replace(&format!(":{p}"), ":PORT"),
            _ => s,
        }
    };
    (code, mask(out), mask(err))
}

fn check_error(args: &[&str], secret: &str, expect: Expect) {
    let (code, out, err) = run(args);
    assert_eq!(code, 2, "bad input exits 2; stderr: {err}");
    assert_eq!(out, "", "nothing on stdout");
    assert!(!err.contains(secret), "the password leaked: {err}");
    expect.assert_eq(&err);
}

#[tokio::test(flavor = "multi_thread")]
async fn prints_canonical_ddl_and_json() {
    let db = TestDb::new().await;
    db.execute(
        "CREATE SCHEMA app; CREATE TYPE app.mood AS ENUM ('a', 'b');
         CREATE TABLE app.t (id integer PRIMARY KEY, m app.mood NOT NULL DEFAULT 'a');",
    )
    .await;
    let url = db.url().to_owned();
    let (code, out, err) =
        tokio::task::spawn_blocking(move || run(&["inspect", &url, "--schema", "app"]))
            .await
            .unwrap();
    assert_eq!((code, err.as_str()), (0, ""));
    expect![[r#"
        CREATE SCHEMA IF NOT EXISTS app;

        CREATE TYPE app.mood AS ENUM ('a', 'b');

        CREATE TABLE app.t (
            id integer NOT NULL,
            m app.mood DEFAULT 'a'::app.mood NOT NULL,
            CONSTRAINT t_pkey PRIMARY KEY (id)
        );
    "#]]
    .assert_eq(&out);

    let url = db.url().to_owned();
    let (code, out, _) = tokio::task::spawn_blocking(move || {
        run(&["inspect", &url, "--schema", "app", "--format", "json"])
    })
    .await
    .unwrap();
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["tables"][0]["name"]["name"], "t");
}

#[test]
fn unreachable_server() {
    check_error(
        &["inspect", "postgres://app:hunter2secret@127.0.0.1:1/app"],
        "hunter2secret",
        expect![[r#"
            error: cannot reach the database server at 127.0.0.1:1/app: Connection refused (os error 111)
            hint: check that the server is running and that host and port are right
        "#]],
    );
}

#[test]
fn malformed_url() {
    check_error(
        &["inspect", "mysql://app:hunter2secret@localhost/app"],
        "hunter2secret",
        expect![[r#"
            error: invalid database url `mysql://app:***@localhost/app`: the scheme must be postgres:// or postgresql://
            hint: use postgres://user:password@host:port/database (or postgresql://), with ?sslmode=require for TLS and ?host=/path/to/socket/dir for a Unix socket
        "#]],
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_password() {
    let db = TestDb::new().await;
    let role = format!("r_{}", db.db.name);
    db.execute(&format!(
        "CREATE ROLE \"{role}\" LOGIN PASSWORD 'right-password'"
    ))
    .await;
    let base = db.url().replacen(
        "postgres://postgres@",
        &format!("postgres://{role}:wrong-password-xyz@"),
        1,
    );
    let (code, _, err) = tokio::task::spawn_blocking(move || run(&["inspect", &base]))
        .await
        .unwrap();
    db.execute(&format!("DROP ROLE \"{role}\"")).await;
    assert_eq!(code, 2);
    assert!(!err.contains("wrong-password-xyz"), "{err}");
    let err = err.replace(&role, "ROLE").replace(&db.db.name, "DB");
    expect![[r#"
        error: password authentication failed for user `ROLE` at 127.0.0.1:PORT/DB
        hint: check the user name and password in the url
    "#]]
    .assert_eq(&err);
}

#[tokio::test(flavor = "multi_thread")]
async fn database_does_not_exist() {
    let db = TestDb::new().await;
    let url = with_database(db.url(), "no_such_db").unwrap();
    let (code, _, err) = tokio::task::spawn_blocking(move || run(&["inspect", &url]))
        .await
        .unwrap();
    assert_eq!(code, 2);
    expect![[r#"
        error: database `no_such_db` does not exist at 127.0.0.1:PORT/no_such_db
        hint: create it first (createdb), or fix the database name in the url
    "#]]
    .assert_eq(&err);
}

#[tokio::test(flavor = "multi_thread")]
async fn schema_does_not_exist() {
    let db = TestDb::new().await;
    let url = db.url().to_owned();
    let (code, out, err) =
        tokio::task::spawn_blocking(move || run(&["inspect", &url, "--schema", "nope"]))
            .await
            .unwrap();
    assert_eq!((code, out.as_str()), (2, ""));
    expect![[r#"
        error: schema `nope` does not exist
        hint: check the --schema names (they are case-sensitive), or omit --schema to read every schema
    "#]]
    .assert_eq(&err);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_url_comes_from_the_settings_and_the_version_table_is_left_out() {
    let db = TestDb::new().await;
    db.execute(
        "CREATE SCHEMA app; CREATE TABLE app.t (id integer);
         CREATE TABLE app.versions (revision text);",
    )
    .await;
    let url = db.url().to_owned();
    let (code, out, err) = tokio::task::spawn_blocking(move || {
        run(&[
            "inspect",
            "--database-url",
            &url,
            "--version-table",
            "app.versions",
            "--schema",
            "app",
        ])
    })
    .await
    .unwrap();
    assert_eq!((code, err.as_str()), (0, ""));
    expect![[r#"
        CREATE SCHEMA IF NOT EXISTS app;

        CREATE TABLE app.t (
            id integer
        );
    "#]]
    .assert_eq(&out);
}

/// `inspect`'s output, run in an empty database, makes an equal database (functions with their
/// bodies, views on views, triggers with their state, a materialized view with its index), and
/// inspecting that one prints the same text again.
#[tokio::test(flavor = "multi_thread")]
async fn output_replays_into_an_equal_database_and_is_a_fixed_point() {
    let first = TestDb::new().await;
    first
        .execute(
            "CREATE SCHEMA app;
             CREATE TABLE app.t (id integer PRIMARY KEY, n integer NOT NULL DEFAULT 0,
                                 updated_at timestamptz);
             CREATE FUNCTION app.stamp() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               NEW.updated_at := now();
               RETURN NEW;
             END
             $$;
             CREATE FUNCTION app.total() RETURNS bigint LANGUAGE sql STABLE
               BEGIN ATOMIC SELECT sum(n) FROM app.t; END;
             CREATE FUNCTION app.count_rows() RETURNS bigint LANGUAGE sql STABLE
               AS $$ SELECT count(*) FROM app.t $$;
             COMMENT ON FUNCTION app.stamp() IS 'stamps updated_at';
             CREATE TRIGGER t_stamp BEFORE UPDATE ON app.t FOR EACH ROW EXECUTE FUNCTION app.stamp();
             ALTER TABLE app.t DISABLE TRIGGER t_stamp;
             CREATE VIEW app.z_base AS SELECT id, n FROM app.t;
             CREATE VIEW app.a_on_base WITH (security_barrier = true) AS SELECT id FROM app.z_base;
             CREATE MATERIALIZED VIEW app.m AS SELECT n, count(*) AS c FROM app.t GROUP BY n;
             CREATE UNIQUE INDEX m_n ON app.m (n);",
        )
        .await;
    let inspect = |url: String| async move {
        let (code, out, err) =
            tokio::task::spawn_blocking(move || run(&["inspect", &url, "--schema", "app"]))
                .await
                .unwrap();
        assert_eq!((code, err.as_str()), (0, ""));
        out
    };
    let printed = inspect(first.url().to_owned()).await;
    for needle in [
        "CREATE OR REPLACE FUNCTION app.stamp()",
        "BEGIN ATOMIC",
        "CREATE VIEW app.a_on_base WITH (security_barrier=true) AS",
        "CREATE MATERIALIZED VIEW app.m AS",
        "CREATE UNIQUE INDEX m_n ON app.m",
        "ALTER TABLE app.t DISABLE TRIGGER t_stamp;",
    ] {
        assert!(
            printed.contains(needle),
            "{needle} missing from:\n{printed}"
        );
    }
    let second = TestDb::new().await;
    second.execute(&printed).await;
    assert_eq!(inspect(second.url().to_owned()).await, printed);
    let read = |url: String| async move {
        aludel_introspect::introspect_url(&url, &aludel_introspect::Options::default())
            .await
            .unwrap()
            .schema
    };
    assert_eq!(
        read(first.url().to_owned()).await,
        read(second.url().to_owned()).await
    );
}

//! Rename candidates through the real `aludel` binary on a live server: an enum value, a column
//! and a table renamed while rows hold them. Without a hint `aludel diff` prints the candidate
//! as the exact `--rename` to pass and its plain SQL carries the hazard; with that hint the
//! upgrade keeps the rows under the new name and its downgrade restores the old one.

mod common;

use aludel_pg::testing::TestDb;
use common::{Out, Project, psql};
use expect_test::{Expect, expect};

/// One rename, end to end: `before` (with `rows`) in the project database, `after` in another;
/// `old` is a query and the value it reads before the upgrade (and after the downgrade), `new`
/// the same after the upgrade.
struct Case {
    before: &'static str,
    after: &'static str,
    rows: &'static str,
    old: (&'static str, &'static str),
    new: (&'static str, &'static str),
}

fn diff(p: &Project, to: &TestDb, extra: &[&str]) -> Out {
    let mut args = vec![
        "diff",
        "--from",
        p.url(),
        "--to",
        to.url(),
        "--schema",
        "app",
    ];
    args.extend(extra);
    p.bin_out(&args)
}

/// Checks the plain diff (stderr and stdout), then runs the hinted upgrade and downgrade,
/// checking the data each time; returns the hint it read from stderr.
fn check(case: &Case, plain_err: Expect, plain_out: Expect, hinted_out: Expect) {
    let p = Project::new();
    let to = p.rt.block_on(TestDb::new());
    p.execute(case.before);
    p.execute(case.rows);
    p.rt.block_on(to.execute(case.after));

    let out = diff(&p, &to, &[]);
    assert_eq!(out.code, 1, "{out:?}");
    plain_err.assert_eq(&out.err);
    plain_out.assert_eq(&out.out);

    // the argument exactly as printed
    let hint = out
        .err
        .split('`')
        .nth(1)
        .and_then(|s| s.strip_prefix("--rename "))
        .unwrap_or_else(|| panic!("no --rename in {}", out.err))
        .to_owned();
    let up = diff(&p, &to, &["--rename", &hint]);
    assert_eq!((up.code, up.err.as_str()), (1, ""), "{up:?}");
    hinted_out.assert_eq(&up.out);
    let down = diff(&p, &to, &["--rename", &hint, "--downgrade"]);
    assert_eq!((down.code, down.err.as_str()), (1, ""), "{down:?}");

    assert_eq!(p.scalar(case.old.0), case.old.1);
    psql(p.url(), &up.out);
    assert_eq!(
        p.scalar(case.new.0),
        case.new.1,
        "the upgrade kept the rows"
    );
    let agree = diff(&p, &to, &[]);
    assert_eq!(
        (agree.code, agree.out.as_str(), agree.err.as_str()),
        (0, "", ""),
        "after the upgrade both databases agree"
    );
    psql(p.url(), &down.out);
    assert_eq!(
        p.scalar(case.old.0),
        case.old.1,
        "the downgrade restored the old name"
    );
}

const STATUSES: &str = "SELECT string_agg(status::text, ',' ORDER BY id) FROM app.jobs";

#[test]
fn enum_value_renamed_in_place_keeps_its_rows() {
    check(
        &Case {
            before: "CREATE SCHEMA app;
                CREATE TYPE app.status AS ENUM ('new', 'pending', 'done');
                CREATE TABLE app.jobs (id int PRIMARY KEY, status app.status NOT NULL);",
            after: "CREATE SCHEMA app;
                CREATE TYPE app.status AS ENUM ('new', 'queued', 'done');
                CREATE TABLE app.jobs (id int PRIMARY KEY, status app.status NOT NULL);",
            rows: "INSERT INTO app.jobs VALUES (1, 'pending'), (2, 'done');",
            old: (STATUSES, "pending,done"),
            new: (STATUSES, "queued,done"),
        },
        expect![[r#"
            warning: value 'pending' of type app.status is dropped and 'queued' is added at its place
            hint: if this is a rename, pass `--rename enum-value:app.status.pending=queued` (nothing is renamed unless told)
        "#]],
        expect![[r#"
            -- aludel diff (upgrade): 1 changes, 4 statements
            -- hazards:
            --   data-loss app.status.pending
            --   may-fail-on-existing-rows app.status
            --   rewrites-table app.status

            BEGIN;
            -- hazard: data-loss app.status.pending
            -- hazard: rewrites-table app.status
            -- hazard: may-fail-on-existing-rows app.status
            ALTER TYPE app.status RENAME TO status_old;
            CREATE TYPE app.status AS ENUM ('new', 'queued', 'done');
            ALTER TABLE app.jobs ALTER COLUMN status TYPE app.status USING status::text::app.status;
            DROP TYPE app.status_old;
            COMMIT;
        "#]],
        expect![[r#"
            -- aludel diff (upgrade): 1 changes, 1 statements
            -- hazards: none

            BEGIN;
            ALTER TYPE app.status RENAME VALUE 'pending' TO 'queued';
            COMMIT;
        "#]],
    );
}

#[test]
fn column_renamed_keeps_its_data() {
    check(
        &Case {
            before: "CREATE SCHEMA app;
                CREATE TABLE app.users (id int PRIMARY KEY, email text NOT NULL);",
            after: "CREATE SCHEMA app;
                CREATE TABLE app.users (id int PRIMARY KEY, mail text NOT NULL);",
            rows: "INSERT INTO app.users VALUES (1, 'a@example.org');",
            old: ("SELECT email FROM app.users", "a@example.org"),
            new: ("SELECT mail FROM app.users", "a@example.org"),
        },
        expect![[r#"
            warning: column app.users.email is dropped and app.users.mail of the same type is added
            hint: if this is a rename, pass `--rename column:app.users.email=mail` (nothing is renamed unless told)
        "#]],
        expect![[r#"
            -- aludel diff (upgrade): 2 changes, 2 statements
            -- hazards:
            --   data-loss app.users.email
            --   may-fail-on-existing-rows app.users.mail

            BEGIN;
            -- hazard: data-loss app.users.email
            ALTER TABLE app.users DROP COLUMN email;
            -- hazard: may-fail-on-existing-rows app.users.mail
            ALTER TABLE app.users ADD COLUMN mail text NOT NULL;
            COMMIT;
        "#]],
        expect![[r#"
            -- aludel diff (upgrade): 1 changes, 1 statements
            -- hazards: none

            BEGIN;
            ALTER TABLE app.users RENAME COLUMN email TO mail;
            COMMIT;
        "#]],
    );
}

#[test]
fn table_renamed_keeps_its_rows() {
    check(
        &Case {
            before: "CREATE SCHEMA app;
                CREATE TABLE app.logs (id int PRIMARY KEY, line text);",
            after: "CREATE SCHEMA app;
                CREATE TABLE app.journal (id int PRIMARY KEY, line text);",
            rows: "INSERT INTO app.logs VALUES (1, 'started'), (2, 'stopped');",
            old: (
                "SELECT string_agg(line, ',' ORDER BY id) FROM app.logs",
                "started,stopped",
            ),
            new: (
                "SELECT string_agg(line, ',' ORDER BY id) FROM app.journal",
                "started,stopped",
            ),
        },
        expect![[r#"
            warning: table app.logs is dropped and table app.journal with the same columns is added
            hint: if this is a rename, pass `--rename table:app.logs=app.journal` (nothing is renamed unless told)
        "#]],
        expect![[r#"
            -- aludel diff (upgrade): 2 changes, 2 statements
            -- hazards:
            --   data-loss app.logs

            BEGIN;
            -- hazard: data-loss app.logs
            DROP TABLE app.logs;
            CREATE TABLE app.journal (
                id integer NOT NULL,
                line text,
                CONSTRAINT journal_pkey PRIMARY KEY (id)
            );
            COMMIT;
        "#]],
        expect![[r#"
            -- aludel diff (upgrade): 2 changes, 2 statements
            -- hazards: none

            BEGIN;
            ALTER TABLE app.logs RENAME TO journal;
            ALTER TABLE app.journal RENAME CONSTRAINT logs_pkey TO journal_pkey;
            COMMIT;
        "#]],
    );
}

#[test]
fn rename_syntax_is_in_help_and_checked() {
    let p = Project::new();
    let out = p.bin_out(&["diff", "--help"]);
    assert_eq!(out.code, 0, "{out:?}");
    for form in [
        "schema:OLD=NEW",
        "table:SCHEMA.OLD=SCHEMA.NEW",
        "column:SCHEMA.TABLE.OLD=NEW",
        "enum:SCHEMA.OLD=SCHEMA.NEW",
        "enum-value:SCHEMA.TYPE.OLD=NEW",
    ] {
        assert!(out.out.contains(form), "{form} missing from\n{}", out.out);
    }
    let out = p.bin_out(&[
        "diff",
        "--from",
        p.url(),
        "--to",
        p.url(),
        "--rename",
        "table:users=accounts",
    ]);
    assert_eq!(out.code, 2, "{out:?}");
    expect![[r#"
        error: invalid value 'table:users=accounts' for '--rename <KIND:OLD=NEW>': expected `table:SCHEMA.OLD=SCHEMA.NEW`

        For more information, try '--help'.
    "#]]
    .assert_eq(&out.err);
    let out = p.bin_out(&[
        "diff",
        "--from",
        p.url(),
        "--to",
        p.url(),
        "--rename",
        "table:public.a=public.b",
    ]);
    assert_eq!(out.code, 2, "{out:?}");
    expect![[r#"
        error: rename `table:public.a=public.b`: table public.b is not in the desired schema
        hint: name the new object as the second database (`--to`) has it, and so the table or type of a column or enum value
    "#]]
    .assert_eq(&out.err);
}

//! `aludel diff --from URL --to URL` on a live server: exit 0 and no output when the schemas
//! agree, exit 1 with the SQL under a hazard header when they do not; the SQL applied with
//! `psql` makes them agree; `--downgrade` prints the way back; `--online` the lock-friendly
//! forms, which applied with `psql` (their non-transactional parts in autocommit) make them agree
//! too, and back.

mod common;

use aludel_pg::testing::TestDb;
use common::{Project, psql};
use expect_test::expect;

const BEFORE: &str = "CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('happy', 'sad');
CREATE TABLE app.users (id bigint PRIMARY KEY, name text NOT NULL, legacy text);
CREATE TABLE app.posts (id bigint PRIMARY KEY, author bigint NOT NULL REFERENCES app.users (id));";

const AFTER: &str = "CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('happy', 'sad', 'meh');
CREATE TABLE app.users (id bigint PRIMARY KEY, name text NOT NULL, mood app.mood);
CREATE TABLE app.posts (id bigint PRIMARY KEY, author bigint NOT NULL REFERENCES app.users (id), title text);
CREATE INDEX posts_title ON app.posts (title);";

#[test]
fn diff_prints_sql_that_makes_two_databases_agree() {
    let p = Project::new();
    let to = p.rt.block_on(TestDb::new());
    p.execute(BEFORE);
    p.rt.block_on(to.execute(AFTER));

    let out = p.bin_out(&[
        "diff",
        "--from",
        p.url(),
        "--to",
        to.url(),
        "--schema",
        "app",
    ]);
    assert_eq!(out.code, 1, "{out:?}");
    expect![[r#"
        hint: --online avoids blocks-writes app.posts (CREATE INDEX CONCURRENTLY)
    "#]]
    .assert_eq(&out.err);
    expect![[r#"
        -- aludel diff (upgrade): 5 changes, 5 statements
        -- hazards:
        --   blocks-writes app.posts
        --   data-loss app.users.legacy

        BEGIN;
        -- hazard: data-loss app.users.legacy
        ALTER TABLE app.users DROP COLUMN legacy;
        COMMIT;

        -- outside a transaction
        ALTER TYPE app.mood ADD VALUE 'meh' AFTER 'sad';

        BEGIN;
        ALTER TABLE app.posts ADD COLUMN title text;
        ALTER TABLE app.users ADD COLUMN mood app.mood;
        -- hazard: blocks-writes app.posts
        CREATE INDEX posts_title ON app.posts USING btree (title);
        COMMIT;
    "#]]
    .assert_eq(&out.out);
    let upgrade = out.out;

    let out = p.bin_out(&[
        "diff",
        "--from",
        p.url(),
        "--to",
        to.url(),
        "--schema",
        "app",
        "--downgrade",
    ]);
    assert_eq!((out.code, out.err.as_str()), (1, ""), "{out:?}");
    expect![[r#"
        -- aludel diff (downgrade): 5 changes, 7 statements
        -- hazards:
        --   data-loss app.mood.meh
        --   data-loss app.posts.title
        --   data-loss app.users.mood
        --   may-fail-on-existing-rows app.mood
        --   rewrites-table app.mood

        BEGIN;
        DROP INDEX app.posts_title;
        -- hazard: data-loss app.users.mood
        ALTER TABLE app.users DROP COLUMN mood;
        -- hazard: data-loss app.posts.title
        ALTER TABLE app.posts DROP COLUMN title;
        -- hazard: data-loss app.mood.meh
        -- hazard: rewrites-table app.mood
        -- hazard: may-fail-on-existing-rows app.mood
        ALTER TYPE app.mood RENAME TO mood_old;
        CREATE TYPE app.mood AS ENUM ('happy', 'sad');
        DROP TYPE app.mood_old;
        ALTER TABLE app.users ADD COLUMN legacy text;
        COMMIT;
    "#]]
    .assert_eq(&out.out);
    let downgrade = out.out;

    let out = p.bin_out(&[
        "diff",
        "--from",
        p.url(),
        "--to",
        to.url(),
        "--schema",
        "app",
        "--online",
    ]);
    assert_eq!(out.code, 1, "{out:?}");
    expect![[r#"
        -- aludel diff (upgrade): 5 changes, 7 statements
        -- hazards:
        --   data-loss app.users.legacy

        BEGIN;
        SET LOCAL lock_timeout = '5s';
        -- hazard: data-loss app.users.legacy
        ALTER TABLE app.users DROP COLUMN legacy;
        COMMIT;

        -- outside a transaction
        ALTER TYPE app.mood ADD VALUE 'meh' AFTER 'sad';

        BEGIN;
        SET LOCAL lock_timeout = '5s';
        ALTER TABLE app.posts ADD COLUMN title text;
        ALTER TABLE app.users ADD COLUMN mood app.mood;
        COMMIT;

        -- outside a transaction
        CREATE INDEX CONCURRENTLY posts_title ON app.posts USING btree (title);
    "#]]
    .assert_eq(&out.out);
    let online_upgrade = out.out;

    let out = p.bin_out(&[
        "diff",
        "--from",
        p.url(),
        "--to",
        to.url(),
        "--schema",
        "app",
        "--downgrade",
        "--online",
    ]);
    assert_eq!(out.code, 1, "{out:?}");
    expect![[r#"
        -- aludel diff (downgrade): 5 changes, 8 statements
        -- hazards:
        --   data-loss app.mood.meh
        --   data-loss app.posts.title
        --   data-loss app.users.mood
        --   may-fail-on-existing-rows app.mood
        --   rewrites-table app.mood

        -- outside a transaction
        DROP INDEX CONCURRENTLY app.posts_title;

        BEGIN;
        SET LOCAL lock_timeout = '5s';
        -- hazard: data-loss app.users.mood
        ALTER TABLE app.users DROP COLUMN mood;
        -- hazard: data-loss app.posts.title
        ALTER TABLE app.posts DROP COLUMN title;
        -- hazard: data-loss app.mood.meh
        -- hazard: rewrites-table app.mood
        -- hazard: may-fail-on-existing-rows app.mood
        ALTER TYPE app.mood RENAME TO mood_old;
        CREATE TYPE app.mood AS ENUM ('happy', 'sad');
        DROP TYPE app.mood_old;
        ALTER TABLE app.users ADD COLUMN legacy text;
        COMMIT;
    "#]]
    .assert_eq(&out.out);
    let online_downgrade = out.out;

    // the normal scripts, then the online ones, each applied as printed
    for (upgrade, downgrade) in [(&upgrade, &downgrade), (&online_upgrade, &online_downgrade)] {
        migrate_and_back(&p, &to, upgrade, downgrade);
    }
}

/// Applies `upgrade` with psql (the database at `p` must then agree with `to`), then
/// `downgrade` (it must agree with a fresh database built from `BEFORE`).
fn migrate_and_back(p: &Project, to: &TestDb, upgrade: &str, downgrade: &str) {
    psql(p.url(), upgrade);
    let out = p.bin_out(&[
        "diff",
        "--from",
        p.url(),
        "--to",
        to.url(),
        "--schema",
        "app",
    ]);
    assert_eq!(
        (out.code, out.out.as_str(), out.err.as_str()),
        (0, "", ""),
        "the upgrade made them agree"
    );

    psql(p.url(), downgrade);
    let fresh = p.rt.block_on(TestDb::new());
    p.rt.block_on(fresh.execute(BEFORE));
    let out = p.bin_out(&[
        "diff",
        "--from",
        p.url(),
        "--to",
        fresh.url(),
        "--schema",
        "app",
    ]);
    assert_eq!(
        (out.code, out.out.as_str()),
        (0, ""),
        "the downgrade restored the structure"
    );
}

#[test]
fn diff_errors() {
    let p = Project::new();
    let out = p.bin_out(&[
        "diff",
        "--from",
        p.url(),
        "--to",
        p.url(),
        "--schema",
        "nope",
    ]);
    assert_eq!((out.code, out.out.as_str()), (2, ""));
    expect![[r#"
        error: schema `nope` does not exist
        hint: check the --schema names (they are case-sensitive), or omit --schema to read every schema
    "#]].assert_eq(&out.err);
    let out = p.bin_out(&["diff", "--from", p.url()]);
    assert_eq!(out.code, 2);
    assert!(out.err.contains("--to <TO>"), "{}", out.err);
    // The statement lock timeout and the global migration-lock timeout are separate flags
    // (sharing a name once made clap panic).
    let out = p.bin_out(&[
        "--lock-timeout",
        "30",
        "diff",
        "--from",
        p.url(),
        "--to",
        p.url(),
        "--online",
        "--statement-lock-timeout",
        "7s",
    ]);
    assert_eq!((out.code, out.err.as_str()), (0, ""), "{}", out.out);
}

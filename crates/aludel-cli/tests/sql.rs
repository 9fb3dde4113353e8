//! `upgrade --sql` and `downgrade --sql`: the SQL a run would send, version-table statements
//! included, printed without connecting (the URL given points at no server), from `base` or
//! from FROM in `FROM:TO`.

mod common;

use common::{A, B, MERGE, Project};
use expect_test::expect;

/// The CLI with a URL no server listens on: `--sql` must not need it.
fn sql(p: &Project, args: &[&str]) -> common::Out {
    let mut argv: Vec<String> = vec!["aludel".into()];
    argv.extend(args.iter().map(|s| s.to_string()));
    argv.extend([
        "--dir".into(),
        p.migrations().display().to_string(),
        "--database-url".into(),
        "postgres://app:hunter2@127.0.0.1:1/app".into(),
    ]);
    p.run_argv(argv)
}

#[test]
fn upgrade_sql_from_base_and_from_a_revision() {
    let p = Project::new();
    p.write_history();
    let out = sql(&p, &["upgrade", "--sql", B]);
    assert_eq!((out.code, out.err.as_str()), (0, ""), "{out:?}");
    expect![[r#"
        -- aludel: version table public.aludel_migrations
        CREATE TABLE IF NOT EXISTS "public"."aludel_migrations" (
            revision text PRIMARY KEY,
            parents text[] NOT NULL,
            checksum text NOT NULL,
            applied_at timestamptz NOT NULL,
            execution_ms bigint NOT NULL,
            success boolean NOT NULL,
            direction text NOT NULL,
            failed_line integer,
            failed_statement text,
            failed_error text,
            seq bigint GENERATED ALWAYS AS IDENTITY
        );

        -- aludel: upgrade 20260101000000_base (DIR/migrations/20260101000000_base.sql)
        BEGIN;
        CREATE TABLE base (id int);
        INSERT INTO "public"."aludel_migrations" (revision, parents, checksum, applied_at, execution_ms, success, direction) VALUES ('20260101000000_base', ARRAY[]::text[], '186df65528b63be07f18aaff2ea399051a84d132eedb4dd046262ea2401901b4', now(), (extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint, true, 'upgrade');
        COMMIT;

        -- aludel: upgrade 20260102000000_b (transaction none) (DIR/migrations/20260102000000_b.sql)
        INSERT INTO "public"."aludel_migrations" (revision, parents, checksum, applied_at, execution_ms, success, direction) VALUES ('20260102000000_b', ARRAY['20260101000000_base']::text[], 'ca16f6dde5eccef93e6a2fb8f333e1c2a9a39336eb8d12c5ca728035a20a01d6', clock_timestamp(), 0, false, 'upgrade');
        CREATE TABLE b (id int);
        CREATE INDEX CONCURRENTLY b_id ON b (id);
        UPDATE "public"."aludel_migrations" SET success = true, execution_ms = (extract(epoch FROM clock_timestamp() - applied_at) * 1000)::bigint WHERE revision = '20260102000000_b';
    "#]].assert_eq(&out.out);

    let out = sql(&p, &["upgrade", "--sql", &format!("{A}:{MERGE}")]);
    assert_eq!((out.code, out.err.as_str()), (0, ""), "{out:?}");
    expect![[r#"
        -- aludel: version table public.aludel_migrations
        CREATE TABLE IF NOT EXISTS "public"."aludel_migrations" (
            revision text PRIMARY KEY,
            parents text[] NOT NULL,
            checksum text NOT NULL,
            applied_at timestamptz NOT NULL,
            execution_ms bigint NOT NULL,
            success boolean NOT NULL,
            direction text NOT NULL,
            failed_line integer,
            failed_statement text,
            failed_error text,
            seq bigint GENERATED ALWAYS AS IDENTITY
        );

        -- aludel: upgrade 20260102000000_b (transaction none) (DIR/migrations/20260102000000_b.sql)
        INSERT INTO "public"."aludel_migrations" (revision, parents, checksum, applied_at, execution_ms, success, direction) VALUES ('20260102000000_b', ARRAY['20260101000000_base']::text[], 'ca16f6dde5eccef93e6a2fb8f333e1c2a9a39336eb8d12c5ca728035a20a01d6', clock_timestamp(), 0, false, 'upgrade');
        CREATE TABLE b (id int);
        CREATE INDEX CONCURRENTLY b_id ON b (id);
        UPDATE "public"."aludel_migrations" SET success = true, execution_ms = (extract(epoch FROM clock_timestamp() - applied_at) * 1000)::bigint WHERE revision = '20260102000000_b';

        -- aludel: upgrade 20260103000000_merge (DIR/migrations/20260103000000_merge.sql)
        BEGIN;
        CREATE TABLE merge (id int);
        INSERT INTO "public"."aludel_migrations" (revision, parents, checksum, applied_at, execution_ms, success, direction) VALUES ('20260103000000_merge', ARRAY['20260102000000_a', '20260102000000_b']::text[], '87aa594858ee0620ee9d290241ce880442b75de72e13dee9750542b7a0fef9af', now(), (extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint, true, 'upgrade');
        COMMIT;
    "#]].assert_eq(&out.out);
}

#[test]
fn downgrade_sql_needs_a_start() {
    let p = Project::new();
    p.write_history();
    let out = sql(&p, &["downgrade", "--sql", "head:base"]);
    assert_eq!((out.code, out.err.as_str()), (0, ""), "{out:?}");
    expect![[r#"
        -- aludel: version table public.aludel_migrations
        CREATE TABLE IF NOT EXISTS "public"."aludel_migrations" (
            revision text PRIMARY KEY,
            parents text[] NOT NULL,
            checksum text NOT NULL,
            applied_at timestamptz NOT NULL,
            execution_ms bigint NOT NULL,
            success boolean NOT NULL,
            direction text NOT NULL,
            failed_line integer,
            failed_statement text,
            failed_error text,
            seq bigint GENERATED ALWAYS AS IDENTITY
        );

        -- aludel: downgrade 20260104000000_after (DIR/migrations/20260104000000_after.sql)
        BEGIN;
        DROP TABLE after;
        DELETE FROM "public"."aludel_migrations" WHERE revision IN ('20260104000000_after');
        COMMIT;

        -- aludel: downgrade 20260103000000_merge (DIR/migrations/20260103000000_merge.sql)
        BEGIN;
        DROP TABLE merge;
        DELETE FROM "public"."aludel_migrations" WHERE revision IN ('20260103000000_merge');
        COMMIT;

        -- aludel: downgrade 20260102000000_b (transaction none) (DIR/migrations/20260102000000_b.sql)
        UPDATE "public"."aludel_migrations" SET success = false, direction = 'downgrade' WHERE revision = '20260102000000_b';
        DROP TABLE b;
        DELETE FROM "public"."aludel_migrations" WHERE revision IN ('20260102000000_b');

        -- aludel: downgrade 20260102000000_a (DIR/migrations/20260102000000_a.sql)
        BEGIN;
        DROP TABLE a;
        DELETE FROM "public"."aludel_migrations" WHERE revision IN ('20260102000000_a');
        COMMIT;

        -- aludel: downgrade 20260101000000_base (DIR/migrations/20260101000000_base.sql)
        BEGIN;
        DROP TABLE base;
        DELETE FROM "public"."aludel_migrations" WHERE revision IN ('20260101000000_base');
        COMMIT;
    "#]].assert_eq(&out.out);

    let out = sql(&p, &["downgrade", "--sql", "-1"]);
    assert_eq!((out.code, out.out.as_str()), (2, ""));
    expect![[r#"
        error: `downgrade --sql -1` needs the revision to start from
        hint: write FROM:TO, e.g. `downgrade --sql head:-1`
    "#]]
    .assert_eq(&out.err);

    let out = sql(&p, &["upgrade", &format!("{A}:{MERGE}")]);
    assert_eq!((out.code, out.out.as_str()), (2, ""));
    expect![[r#"
        error: `20260102000000_a:20260103000000_merge`: a FROM:TO range only works with --sql
        hint: the database says where a run starts; name only the target
    "#]]
    .assert_eq(&out.err);
}

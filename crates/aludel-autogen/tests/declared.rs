//! Autogen with declared SQL on a live server: functions, a default calling one, a trigger, a
//! view and a materialized view declared as text give a migration that replays and converges;
//! a `-- aludel: renamed_from` comment renames a view, extended statistics and a policy (row-level
//! security declared as SQL too); bad SQL is a
//! clear error, nothing written.

mod common;

use common::{env, files, opts, upgrade_section, written};

use aludel_autogen::{CheckOptions, Error, Models, Outcome, Project, autogen, check, verify};
use aludel_pg::testing::TestDb;
use aludel_schema::{Ident, SqlSource};
use expect_test::expect;

const T0: u64 = 1_795_000_000;

const TABLES: &str = "
CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    updated_at timestamptz NOT NULL DEFAULT now()
);
";

/// Out of order on purpose: the trigger and the views before the functions they use.
const TRIGGERS: &str = "\
CREATE TRIGGER accounts_updated_at BEFORE UPDATE ON public.accounts
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
";

const FUNCTIONS: &str = "\
CREATE FUNCTION public.set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
";

const VIEWS: &str = "\
CREATE VIEW public.active_accounts AS SELECT id, name FROM public.accounts WHERE active;

CREATE MATERIALIZED VIEW public.accounts_per_day AS
    SELECT date_trunc('day', updated_at) AS day, count(*) AS n FROM public.accounts GROUP BY 1;
CREATE UNIQUE INDEX accounts_per_day_day_idx ON public.accounts_per_day (day);
";

const STATS: &str = "\
CREATE STATISTICS public.accounts_stats (dependencies) ON name, active FROM public.accounts;
";

const POLICIES: &str = "\
ALTER TABLE public.accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY active_only ON public.accounts FOR SELECT USING (active);
";

/// The tables of a DDL script, as introspection reads them (without `public`), plus `sql`.
async fn models(sql: &[(&str, &str)]) -> Models {
    let db = TestDb::new().await;
    db.execute(TABLES).await;
    let mut conn = db.connect().await;
    let mut schema = aludel_introspect::introspect(&mut conn, &Default::default())
        .await
        .expect("introspect")
        .schema;
    schema.namespaces.remove(&Ident::new("public"));
    schema.declared_sql = sql
        .iter()
        .map(|(origin, sql)| SqlSource::new(*origin, *sql))
        .collect();
    Models {
        schema,
        dropped: Default::default(),
    }
}

#[tokio::test]
async fn declared_sql_gives_a_migration_that_converges() {
    let dir = tempfile::tempdir().unwrap();
    let project = Project::new(
        models(&[
            ("sql/triggers.sql", TRIGGERS),
            ("sql/views.sql", VIEWS),
            ("sql/functions.sql", FUNCTIONS),
            ("sql/stats.sql", STATS),
            ("sql/policies.sql", POLICIES),
        ])
        .await,
        dir.path().join("migrations"),
    );
    let first = written(
        autogen(&project, &env(), &opts("accounts", T0))
            .await
            .unwrap(),
    );
    assert_eq!(first.len(), 1);
    expect![[r#"
        -- aludel: upgrade
        CREATE OR REPLACE FUNCTION public.set_updated_at()
         RETURNS trigger
         LANGUAGE plpgsql
        AS $function$
        BEGIN
            NEW.updated_at := now();
            RETURN NEW;
        END
        $function$;
        CREATE TABLE public.accounts (
            id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
            name text NOT NULL,
            active boolean DEFAULT true NOT NULL,
            updated_at timestamp with time zone DEFAULT now() NOT NULL,
            CONSTRAINT accounts_pkey PRIMARY KEY (id)
        );
        ALTER TABLE public.accounts ENABLE ROW LEVEL SECURITY;
        CREATE MATERIALIZED VIEW public.accounts_per_day AS
         SELECT date_trunc('day'::text, accounts.updated_at) AS day,
            count(*) AS n
           FROM public.accounts
          GROUP BY (date_trunc('day'::text, accounts.updated_at));
        CREATE UNIQUE INDEX accounts_per_day_day_idx ON public.accounts_per_day USING btree (day);
        CREATE VIEW public.active_accounts AS
         SELECT accounts.id,
            accounts.name
           FROM public.accounts
          WHERE accounts.active;
        CREATE TRIGGER accounts_updated_at BEFORE UPDATE ON public.accounts FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
        CREATE STATISTICS public.accounts_stats (dependencies) ON name, active FROM public.accounts;
        CREATE POLICY active_only ON public.accounts AS PERMISSIVE FOR SELECT TO PUBLIC USING (active);

        -- aludel: downgrade
        DROP POLICY active_only ON public.accounts;
        DROP STATISTICS public.accounts_stats;
        DROP TRIGGER accounts_updated_at ON public.accounts;
        DROP VIEW public.active_accounts;
        DROP INDEX public.accounts_per_day_day_idx;
        DROP MATERIALIZED VIEW public.accounts_per_day;
        -- hazard: data-loss public.accounts
        DROP TABLE public.accounts;
        DROP FUNCTION public.set_updated_at();
    "#]].assert_eq(&upgrade_section(&first[0]));
    assert_eq!(
        autogen(&project, &env(), &opts("again", T0 + 1))
            .await
            .unwrap(),
        Outcome::NothingToDo
    );
    let report = check(&project, &env(), &CheckOptions::default())
        .await
        .unwrap();
    assert!(report.agrees(), "{}", report.text());
    assert_eq!(verify(&project, &env()).await.unwrap().revisions, 1);

    // a view and statistics renamed with their hints: renamed in place, and converged again
    let mut project = project;
    project.models = models(&[
        ("sql/triggers.sql", TRIGGERS),
        (
            "sql/views.sql",
            &VIEWS.replace(
                "CREATE VIEW public.active_accounts",
                "-- aludel: renamed_from public.active_accounts\nCREATE VIEW public.open_accounts",
            ),
        ),
        ("sql/functions.sql", FUNCTIONS),
        (
            "sql/stats.sql",
            &STATS.replace(
                "CREATE STATISTICS public.accounts_stats",
                "-- aludel: renamed_from accounts_stats\nCREATE STATISTICS public.accounts_deps",
            ),
        ),
        (
            "sql/policies.sql",
            &POLICIES.replace(
                "CREATE POLICY active_only",
                "-- aludel: renamed_from active_only\nCREATE POLICY active_accounts_only",
            ),
        ),
    ])
    .await;
    let second = written(
        autogen(&project, &env(), &opts("rename view", T0 + 2))
            .await
            .unwrap(),
    );
    expect![[r#"
        -- aludel: upgrade
        ALTER VIEW public.active_accounts RENAME TO open_accounts;
        ALTER STATISTICS public.accounts_stats RENAME TO accounts_deps;
        ALTER POLICY active_only ON public.accounts RENAME TO active_accounts_only;

        -- aludel: downgrade
        ALTER POLICY active_accounts_only ON public.accounts RENAME TO active_only;
        ALTER STATISTICS public.accounts_deps RENAME TO accounts_stats;
        ALTER VIEW public.open_accounts RENAME TO active_accounts;
    "#]]
    .assert_eq(&upgrade_section(&second[0]));
    assert_eq!(
        autogen(&project, &env(), &opts("again", T0 + 3))
            .await
            .unwrap(),
        Outcome::NothingToDo
    );
    assert_eq!(verify(&project, &env()).await.unwrap().revisions, 2);
}

#[tokio::test]
async fn bad_declared_sql_is_a_clear_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let project = Project::new(
        models(&[
            ("sql/functions.sql", FUNCTIONS),
            (
                "sql/views.sql",
                "\nCREATE VIEW public.orphans AS SELECT * FROM public.nobody;",
            ),
        ])
        .await,
        dir.path().join("migrations"),
    );
    let err = autogen(&project, &env(), &opts("x", T0)).await.unwrap_err();
    assert!(matches!(err, Error::DeclaredSql(_)), "{err:?}");
    expect![[r#"the declared SQL cannot be created: sql/views.sql:2: `CREATE VIEW public.orphans AS SELECT * FROM public.nobody` failed: relation "public.nobody" does not exist (sqlstate 42P01)"#]]
        .assert_eq(&err.to_string());
    expect!["the statement names an object nobody declares: declare it (a model or another `.sql(...)` source), or create it in aludel.toml's `external` SQL if another service owns it"]
        .assert_eq(&err.hint().unwrap());
    assert!(files(&project.migrations_dir).is_empty());
}

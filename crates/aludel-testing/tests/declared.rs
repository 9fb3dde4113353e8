//! Declared SQL on a live server: `create_all` creates functions, a default calling one, views
//! and a trigger declared in no particular order, `drop_all` removes them; each kind of bad
//! source is one error naming its file and line, with nothing written.

#![allow(dead_code)]

use aludel::{Model, Schema};
use aludel_introspect::{Options, introspect};
use aludel_pg::testing::TestDb;
use aludel_schema::SqlSource;
use aludel_testing::{DeclaredKind, Error, create_all, drop_all, statements};
use expect_test::{Expect, expect};

#[derive(Model)]
#[aludel(table = "items")]
struct Item {
    #[aludel(primary_key, identity = "always")]
    id: i64,
    #[aludel(default = "public.new_code()")]
    code: String,
    #[aludel(default = "now()")]
    updated_at: chrono::DateTime<chrono::Utc>,
    active: bool,
}

/// Declared before what they use: a view on a view, a trigger before its function, an SQL
/// function whose body reads the table, and the table's default calling a function.
const VIEWS: &str = "\
-- the active items, and those of them touched today
CREATE VIEW public.touched_today AS
    SELECT id, code FROM public.active_items WHERE updated_at > now() - interval '1 day';

CREATE VIEW public.active_items AS SELECT * FROM public.items WHERE active;
";

const TRIGGER: &str = "\
CREATE TRIGGER items_touch BEFORE UPDATE ON public.items
    FOR EACH ROW EXECUTE FUNCTION public.touch();
";

const FUNCTIONS: &str = "\
CREATE FUNCTION public.item_count() RETURNS bigint LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM public.items $$;

CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now() + interval '1 hour';
    RETURN NEW;
END
$$;

CREATE FUNCTION public.new_code() RETURNS text LANGUAGE sql VOLATILE
    AS $$ SELECT md5(random()::text) $$;
";

fn schema(sources: &[(&str, &str)]) -> Schema {
    sources
        .iter()
        .fold(Schema::builder().model::<Item>(), |b, (origin, sql)| {
            b.sql(origin, sql)
        })
        .build()
        .expect("the models build")
}

async fn read(db: &TestDb) -> aludel_schema::Schema {
    let mut conn = db.connect().await;
    introspect(&mut conn, &Options::default())
        .await
        .expect("introspection")
        .schema
}

#[tokio::test]
async fn declared_sql_is_created_in_dependency_order_and_dropped_again() {
    let schema = schema(&[
        ("sql/views.sql", VIEWS),
        ("sql/trigger.sql", TRIGGER),
        ("sql/functions.sql", FUNCTIONS),
    ]);
    let db = TestDb::new().await;
    let empty = read(&db).await;

    create_all(db.url(), schema.ir()).await.expect("create_all");
    let created = read(&db).await;
    let names = |it: Vec<String>| it.join(", ");
    assert_eq!(
        names(created.views.keys().map(ToString::to_string).collect()),
        "public.active_items, public.touched_today"
    );
    assert_eq!(
        names(created.functions.keys().map(ToString::to_string).collect()),
        "public.item_count(), public.new_code(), public.touch()"
    );
    assert_eq!(
        names(created.triggers.keys().map(ToString::to_string).collect()),
        "items_touch on public.items"
    );

    // the default and the trigger work
    db.execute(
        "INSERT INTO public.items (active) VALUES (true); UPDATE public.items SET active = true",
    )
    .await;
    let mut conn = db.connect().await;
    let (code, touched, count): (String, bool, i64) = sqlx::query_as(
        "SELECT code, updated_at > now(), public.item_count() FROM public.touched_today JOIN public.items USING (id, code)",
    )
    .fetch_one(&mut conn)
    .await
    .expect("the row");
    assert_eq!((code.len(), touched, count), (32, true, 1));

    drop_all(db.url(), schema.ir()).await.expect("drop_all");
    assert_eq!(
        read(&db).await,
        empty,
        "drop_all removed every declared object"
    );
}

/// Creates `sources` with the model in an empty database, requires a failure and an unchanged
/// database, and checks the message.
async fn check_fails(sources: &[(&str, &str)], want: Expect) {
    let schema = schema(sources);
    let db = TestDb::new().await;
    db.execute("CREATE TABLE public.bystander (x int)").await;
    let before = read(&db).await;
    let err = create_all(db.url(), schema.ir())
        .await
        .expect_err("the declared SQL is bad");
    assert!(matches!(err, Error::Declared { .. }), "{err:?}");
    want.assert_eq(&err.to_string());
    assert_eq!(read(&db).await, before, "nothing was written");
}

#[tokio::test]
async fn a_syntax_error() {
    check_fails(
        &[
            ("sql/functions.sql", FUNCTIONS),
            ("sql/bad.sql", "\n\nCREATE VIEW public.v AS\n    SELEC 1;\n"),
        ],
        expect![[r#"sql/bad.sql:3: `CREATE VIEW public.v AS ...` failed at line 4: syntax error at or near "SELEC" (sqlstate 42601)"#]],
    )
    .await;
}

#[tokio::test]
async fn a_syntax_error_inside_a_plpgsql_body() {
    check_fails(
        &[(
            "sql/touch.sql",
            "-- sets updated_at\nCREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n    NEW.updated_at := now()\n    RETURN NEW;\nEND\n$$;\n",
        )],
        expect![[r#"sql/touch.sql:2: `CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ ...` failed at line 5: syntax error at or near "NEW" (sqlstate 42601)"#]],
    )
    .await;
}

#[tokio::test]
async fn a_view_on_a_table_nobody_declares() {
    check_fails(
        &[
            ("sql/functions.sql", FUNCTIONS),
            (
                "sql/orphan.sql",
                "CREATE VIEW public.orphans AS SELECT * FROM public.nobody;",
            ),
        ],
        expect![[r#"sql/orphan.sql:1: `CREATE VIEW public.orphans AS SELECT * FROM public.nobody` failed: relation "public.nobody" does not exist (sqlstate 42P01)"#]],
    )
    .await;
}

#[tokio::test]
async fn two_functions_with_the_same_name_and_argument_types() {
    check_fails(
        &[
            ("sql/functions.sql", FUNCTIONS),
            (
                "sql/again.sql",
                "CREATE FUNCTION public.new_code() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;",
            ),
        ],
        expect![[r#"sql/again.sql:1: `CREATE FUNCTION public.new_code() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$` failed: function "new_code" already exists with same argument types (sqlstate 42723)"#]],
    )
    .await;
}

#[tokio::test]
async fn a_trigger_on_a_function_nobody_declares() {
    check_fails(
        &[
            ("sql/functions.sql", FUNCTIONS),
            (
                "sql/trigger.sql",
                "\nCREATE TRIGGER items_audit AFTER INSERT ON public.items\n    FOR EACH ROW EXECUTE FUNCTION public.audit();",
            ),
        ],
        expect![[r#"sql/trigger.sql:2: `CREATE TRIGGER items_audit AFTER INSERT ON public.items ...` failed: function public.audit() does not exist (sqlstate 42883)"#]],
    )
    .await;
}

#[tokio::test]
async fn an_unterminated_body_names_its_line() {
    let schema = schema(&[("sql/open.sql", "SELECT 1;\nCREATE FUNCTION f() AS $$ oops")]);
    let db = TestDb::new().await;
    let err = create_all(db.url(), schema.ir())
        .await
        .expect_err("unterminated");
    expect!["sql/open.sql:2: unterminated dollar-quoted string `$$`"].assert_eq(&err.to_string());
}

#[test]
fn statements_know_what_they_create() {
    let sources = [SqlSource::new(
        "sql/a.sql",
        "-- aludel: renamed_from public.old_touch\nCREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql;\n\
              CREATE MATERIALIZED VIEW IF NOT EXISTS billing.daily AS SELECT 1;\n\
              CREATE UNIQUE INDEX daily_idx ON billing.daily (x);\n\
              -- aludel: renamed_from old_touch\n\
              CREATE CONSTRAINT TRIGGER \"Touch\" AFTER UPDATE OF a, b ON app.t FOR EACH ROW EXECUTE FUNCTION touch();",
    )];
    let st = statements(&sources).expect("the source splits");
    let objects: Vec<String> = st
        .iter()
        .map(|s| match &s.object {
            None => format!("{}: -", s.line),
            Some(o) => format!("{}: {:?} {} {:?}", s.line, o.kind, o.name, o.renamed_from),
        })
        .collect();
    expect![[r#"
        [
            "2: Function public.touch Some(QualifiedName { schema: Ident(\"public\"), name: Ident(\"old_touch\") })",
            "3: MaterializedView billing.daily None",
            "4: -",
            "6: Trigger { table: QualifiedName { schema: Ident(\"app\"), name: Ident(\"t\") } } app.\"Touch\" Some(QualifiedName { schema: Ident(\"app\"), name: Ident(\"old_touch\") })",
        ]
    "#]]
    .assert_debug_eq(&objects);
    assert!(matches!(
        st[1].object.as_ref().map(|o| &o.kind),
        Some(DeclaredKind::MaterializedView)
    ));

    let bad = [SqlSource::new(
        "sql/b.sql",
        "\n-- aludel: renamed_from x\nSELECT 1;",
    )];
    expect!["sql/b.sql:3: `-- aludel: renamed_from` stands above a statement that creates no function, procedure, view or trigger"]
        .assert_eq(&statements(&bad).expect_err("no object").to_string());
}

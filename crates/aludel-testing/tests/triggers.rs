//! Triggers declared on a model (`#[aludel(trigger(...))]`) on a live server: `create_all`
//! creates them with the function a `.sql(...)` source declares, PostgreSQL prints them back as
//! expected and they fire; `drop_all` removes them; a trigger whose function nobody declares
//! is an error naming the model's file and the attribute's line.

#![allow(dead_code)]

use aludel::{Model, Schema};
use aludel_introspect::{Options, introspect};
use aludel_pg::testing::TestDb;
use aludel_testing::{create_all, drop_all};
use expect_test::expect;

#[derive(Model)]
#[aludel(
    table = "jobs",
    trigger(function = "public.touch", before = "update"),
    trigger(
        function = "public.remember",
        after = "update of status",
        when = "OLD.status IS DISTINCT FROM NEW.status",
        args = ["status", "it's"],
        name = "jobs_status_changed",
        comment = "keeps the status history"
    ),
    trigger(
        function = "public.remember",
        after = "insert or truncate",
        for_each = "statement",
        name = "jobs_bulk"
    )
)]
struct Job {
    #[aludel(primary_key, identity = "always")]
    id: i64,
    status: String,
    #[aludel(default = "now()")]
    updated_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Model)]
#[aludel(table = "history")]
struct History {
    #[aludel(primary_key, identity = "always")]
    id: i64,
    what: String,
}

/// The functions, declared after the model on purpose.
const FUNCTIONS: &str = "\
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now() + interval '1 hour';
    RETURN NEW;
END
$$;

CREATE FUNCTION public.remember() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO public.history (what) VALUES (TG_NAME || ' ' || TG_OP || ' ' || coalesce(array_to_string(TG_ARGV, '|'), ''));
    RETURN NULL;
END
$$;
";

async fn read(db: &TestDb) -> aludel_schema::Schema {
    let mut conn = db.connect().await;
    introspect(&mut conn, &Options::default())
        .await
        .expect("introspection")
        .schema
}

#[tokio::test]
async fn model_triggers_are_created_read_back_and_dropped() {
    let schema = Schema::builder()
        .model::<Job>()
        .model::<History>()
        .sql("sql/functions.sql", FUNCTIONS)
        .build()
        .expect("the models build");
    let db = TestDb::new().await;
    let empty = read(&db).await;

    create_all(db.url(), schema.ir()).await.expect("create_all");
    let created = read(&db).await;
    let triggers: Vec<String> = created
        .triggers
        .values()
        .map(|t| format!("{}  -- {:?}", t.definition, t.comment))
        .collect();
    expect![[r#"
        CREATE TRIGGER jobs_bulk AFTER INSERT OR TRUNCATE ON public.jobs FOR EACH STATEMENT EXECUTE FUNCTION public.remember()  -- None
        CREATE TRIGGER jobs_status_changed AFTER UPDATE OF status ON public.jobs FOR EACH ROW WHEN ((old.status IS DISTINCT FROM new.status)) EXECUTE FUNCTION public.remember('status', 'it''s')  -- Some("keeps the status history")
        CREATE TRIGGER jobs_touch BEFORE UPDATE ON public.jobs FOR EACH ROW EXECUTE FUNCTION public.touch()  -- None"#]]
    .assert_eq(&triggers.join("\n"));

    // they fire
    db.execute(
        "INSERT INTO public.jobs (status) VALUES ('new');
         UPDATE public.jobs SET status = 'new';
         UPDATE public.jobs SET status = 'done';",
    )
    .await;
    let mut conn = db.connect().await;
    let (history, touched): (String, bool) = sqlx::query_as(
        "SELECT (SELECT string_agg(what, '; ' ORDER BY id) FROM public.history), \
                (SELECT updated_at > now() FROM public.jobs)",
    )
    .fetch_one(&mut conn)
    .await
    .expect("the rows");
    assert_eq!(
        (history.as_str(), touched),
        (
            "jobs_bulk INSERT ; jobs_status_changed UPDATE status|it's",
            true
        )
    );

    drop_all(db.url(), schema.ir()).await.expect("drop_all");
    assert_eq!(read(&db).await, empty, "drop_all removed the triggers too");
}

#[derive(Model)]
#[aludel(table = "items", trigger(function = "public.audit", after = "insert"))]
struct Item {
    #[aludel(primary_key)]
    id: i64,
}

#[tokio::test]
async fn a_trigger_on_a_function_nobody_declares_names_its_attribute() {
    let schema = Schema::builder()
        .model::<Item>()
        .build()
        .expect("the model builds");
    let db = TestDb::new().await;
    let empty = read(&db).await;
    let err = create_all(db.url(), schema.ir())
        .await
        .expect_err("no function public.audit");
    expect!["crates/aludel-testing/tests/triggers.rs:126: `CREATE TRIGGER items_audit AFTER INSERT ON public.items FOR EACH ROW EXECUTE FUNCTION public.audit()` failed: function public.audit() does not exist (sqlstate 42883)"]
        .assert_eq(&err.to_string());
    assert_eq!(read(&db).await, empty, "nothing was written");
}

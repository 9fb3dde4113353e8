//! Row-level security and policies declared on a model (`#[aludel(row_level_security,
//! force_row_level_security, policy(...))]`) and in the `Schema` on a table the application
//! does not own (`.policy(...)` on an `.external_table(...)`), on a live server: `create_all`
//! creates them, introspection reads back the same policies with their expressions as
//! PostgreSQL prints them, they filter rows, and `drop_all` removes them (not the external
//! table).

#![allow(dead_code)]

use aludel::ir::PolicyCommand;
use aludel::{Model, PolicyBuilder, Schema};
use aludel_introspect::{Options, introspect};
use aludel_pg::testing::TestDb;
use aludel_schema::{Expr, QualifiedName};
use aludel_testing::{create_all, drop_all};
use expect_test::expect;

/// Roles are cluster-wide and outlive the test: created when missing, safe when two runs race.
const ROLES: &str = "
DO $$ BEGIN CREATE ROLE aludel_policy_reader NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE aludel_policy_writer NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
";

#[derive(Model)]
#[aludel(
    table = "notes",
    row_level_security,
    force_row_level_security,
    policy(
        name = "notes_owner",
        to = ["aludel_policy_writer", "aludel_policy_reader"],
        using = "owner = current_user",
        with_check = "owner = current_user",
        comment = "owners see and write their notes"
    ),
    policy(name = "notes_published", command = "select", using = "published")
)]
struct Note {
    #[aludel(primary_key)]
    id: i64,
    owner: String,
    published: bool,
}

/// The platform's table, made by the test as the platform would.
const EXTERNAL: &str = "
CREATE SCHEMA files;
CREATE TABLE files.objects (id bigint PRIMARY KEY, bucket text NOT NULL);
ALTER TABLE files.objects ENABLE ROW LEVEL SECURITY;
";

async fn read(db: &TestDb) -> aludel_schema::Schema {
    let mut conn = db.connect().await;
    introspect(&mut conn, &Options::default())
        .await
        .expect("introspection")
        .schema
}

fn schema() -> Schema {
    Schema::builder()
        .model::<Note>()
        .external_table("files.objects")
        .policy(
            PolicyBuilder::new("files.objects", "objects_avatars")
                .command(PolicyCommand::Insert)
                .to(["aludel_policy_writer"])
                .with_check("bucket = 'avatars'")
                .restrictive(),
        )
        .build()
        .expect("the models build")
}

#[tokio::test]
async fn model_policies_are_created_read_back_enforced_and_dropped() {
    let schema = schema();
    let db = TestDb::new().await;
    db.execute(ROLES).await;
    db.execute(EXTERNAL).await;
    let empty = read(&db).await;

    create_all(db.url(), schema.ir()).await.expect("create_all");
    let created = read(&db).await;
    let notes = QualifiedName::new("public", "notes");
    let rs = created.tables[&notes].row_security;
    assert!(rs.enabled && rs.forced, "{rs:?}");
    let policies: Vec<String> = created
        .policies
        .values()
        .map(|p| {
            format!(
                "{}  -- {:?}",
                aludel_schema::display::create_policy(p),
                p.comment
            )
        })
        .collect();
    // PostgreSQL's spelling of the clauses: parenthesised, `current_user` upper-cased
    expect![[r#"
        CREATE POLICY objects_avatars ON files.objects AS RESTRICTIVE FOR INSERT TO aludel_policy_writer WITH CHECK ((bucket = 'avatars'::text))  -- None
        CREATE POLICY notes_owner ON public.notes AS PERMISSIVE FOR ALL TO aludel_policy_reader, aludel_policy_writer USING ((owner = CURRENT_USER)) WITH CHECK ((owner = CURRENT_USER))  -- Some("owners see and write their notes")
        CREATE POLICY notes_published ON public.notes AS PERMISSIVE FOR SELECT TO PUBLIC USING (published)  -- None"#]]
    .assert_eq(&policies.join("\n"));

    // apart from the expressions' spelling and what they use, the declared policies come back
    let mut declared = schema.ir().policies.clone();
    for (id, p) in &mut declared {
        let live = &created.policies[id];
        assert!(!live.depends_on.is_empty(), "{id} uses its columns");
        p.using = live.using.clone();
        p.with_check = live.with_check.clone();
        p.depends_on = live.depends_on.clone();
    }
    assert_eq!(declared, created.policies);
    assert_eq!(
        created
            .policies
            .values()
            .map(|p| p.using.clone())
            .collect::<Vec<_>>(),
        [
            None,
            Some(Expr::new("(owner = CURRENT_USER)")),
            Some(Expr::new("published"))
        ]
    );

    // they filter rows: the reader sees its own notes and the published ones
    db.execute(
        "GRANT SELECT ON public.notes TO aludel_policy_reader;
         INSERT INTO public.notes VALUES (1, 'aludel_policy_reader', false),
                                         (2, 'someone', false), (3, 'someone', true);",
    )
    .await;
    let mut conn = db.connect().await;
    sqlx::query("SET ROLE aludel_policy_reader")
        .execute(&mut conn)
        .await
        .expect("SET ROLE");
    let (seen,): (Option<String>,) =
        sqlx::query_as("SELECT string_agg(id::text, ',' ORDER BY id) FROM public.notes")
            .fetch_one(&mut conn)
            .await
            .expect("the rows");
    assert_eq!(seen.as_deref(), Some("1,3"));
    drop(conn);
    db.execute("REVOKE SELECT ON public.notes FROM aludel_policy_reader")
        .await;

    drop_all(db.url(), schema.ir()).await.expect("drop_all");
    assert_eq!(
        read(&db).await,
        empty,
        "drop_all removed the table and the policy on the external table, not the external table"
    );
}

//! `create_all` / `drop_all` on a live server: a schema read from hand-written DDL is created in
//! an empty database through each kind of target and reads back the same, `drop_all` removes
//! exactly its objects, and failures are typed and leave nothing half-created.

use aludel_introspect::{Options, introspect};
use aludel_pg::testing::TestDb;
use aludel_schema::Schema;
use aludel_testing::{Error, create_all, drop_all};
use expect_test::expect;

/// Objects of every kind, a foreign-key cycle and a self-reference, in two schemas.
const DDL: &str = r#"
CREATE EXTENSION citext WITH SCHEMA public;
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the application';
CREATE TYPE app.mood AS ENUM ('happy', 'sad');
CREATE SEQUENCE app.ticket_seq AS integer START WITH 100;
CREATE TABLE app.teams (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name citext NOT NULL UNIQUE,
  lead_id bigint,
  mood app.mood NOT NULL DEFAULT 'happy'
);
CREATE TABLE app.people (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id bigint NOT NULL REFERENCES app.teams ON DELETE CASCADE,
  mentor_id bigint REFERENCES app.people,
  ticket integer NOT NULL DEFAULT nextval('app.ticket_seq'),
  CHECK (mentor_id <> id)
);
ALTER TABLE app.teams ADD FOREIGN KEY (lead_id) REFERENCES app.people DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX people_team_idx ON app.people (team_id) WHERE mentor_id IS NULL;
COMMENT ON TABLE app.people IS 'who is in which team';
"#;

async fn read(db: &TestDb) -> Schema {
    let mut conn = db.connect().await;
    introspect(&mut conn, &Options::default())
        .await
        .expect("introspection")
        .schema
}

/// The schema of [`DDL`], read from a database of its own.
async fn declared() -> Schema {
    let source = TestDb::new().await;
    source.execute(DDL).await;
    read(&source).await
}

#[tokio::test]
async fn create_all_reproduces_a_schema_and_drop_all_removes_it() {
    let schema = declared().await;
    let db = TestDb::new().await;
    let empty = read(&db).await;

    let ran = create_all(db.url(), &schema).await.expect("create_all");
    assert!(ran.iter().all(|s| s.transactional));
    assert_eq!(
        read(&db).await,
        schema,
        "the created database reads as declared"
    );

    let ran = drop_all(db.url(), &schema).await.expect("drop_all");
    let sql: Vec<&str> = ran.iter().map(|s| s.sql.as_str()).collect();
    expect![[r#"
        [
            "ALTER TABLE app.people DROP CONSTRAINT people_mentor_id_fkey",
            "ALTER TABLE app.people DROP CONSTRAINT people_team_id_fkey",
            "ALTER TABLE app.teams DROP CONSTRAINT teams_lead_id_fkey",
            "DROP INDEX app.people_team_idx",
            "DROP TABLE app.people",
            "DROP TABLE app.teams",
            "DROP TYPE app.mood",
            "DROP SEQUENCE app.ticket_seq",
            "DROP EXTENSION citext RESTRICT",
            "DROP SCHEMA app RESTRICT",
        ]
    "#]]
    .assert_debug_eq(&sql);
    assert_eq!(read(&db).await, empty, "nothing of the schema remains");
}

#[tokio::test]
async fn a_pool_and_a_connection_are_targets_too() {
    let schema = declared().await;
    let db = TestDb::new().await;
    let empty = read(&db).await;

    let pool = sqlx::postgres::PgPool::connect_with(aludel_pg::connect_options(db.url()).unwrap())
        .await
        .expect("pool");
    create_all(&pool, &schema)
        .await
        .expect("create_all on a pool");
    pool.close().await;
    assert_eq!(read(&db).await, schema);

    let mut conn = db.connect().await;
    drop_all(&mut conn, &schema)
        .await
        .expect("drop_all on a connection");
    assert_eq!(read(&db).await, empty);
}

#[tokio::test]
async fn drop_all_leaves_other_objects_alone() {
    let schema = declared().await;
    let db = TestDb::new().await;
    create_all(db.url(), &schema).await.expect("create_all");
    // not declared: a table in the declared schema, using the declared extension
    db.execute("CREATE TABLE app.notes (body public.citext)")
        .await;

    drop_all(db.url(), &schema).await.expect("drop_all");
    let after = read(&db).await;
    let tables: Vec<String> = after.tables.keys().map(ToString::to_string).collect();
    assert_eq!(tables, ["app.notes"]);
    assert!(
        after.namespaces.keys().any(|n| n.as_str() == "app"),
        "app still holds a table"
    );
    assert!(
        after.extensions.keys().any(|n| n.as_str() == "citext"),
        "citext is still used"
    );
    assert!(after.enums.is_empty() && after.sequences.is_empty());
}

#[tokio::test]
async fn a_failure_names_the_statement_and_leaves_nothing_half_created() {
    let schema = declared().await;
    let db = TestDb::new().await;
    db.execute("CREATE SCHEMA app; CREATE TABLE app.people (x int)")
        .await;
    let before = read(&db).await;

    let err = create_all(db.url(), &schema)
        .await
        .expect_err("app.people exists");
    let Error::Statement { sql, message } = &err else {
        panic!("expected a statement error, got {err:?}");
    };
    assert!(sql.starts_with("CREATE TABLE app.people"), "{sql}");
    expect![[r#"relation "people" already exists (sqlstate 42P07)"#]].assert_eq(message);
    assert_eq!(read(&db).await, before, "the transaction was rolled back");
}

#[tokio::test]
async fn a_bad_url_is_a_connection_error_without_the_password() {
    let schema = Schema::new();
    let err = create_all("postgres://u:s3cret@127.0.0.1:1/db", &schema)
        .await
        .expect_err("nothing listens on port 1");
    assert!(matches!(err, Error::Connect(_)), "{err:?}");
    assert!(!err.to_string().contains("s3cret"), "{err}");
}

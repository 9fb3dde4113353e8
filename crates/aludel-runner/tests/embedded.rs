//! Migrations compiled into a test binary apply with the same results as the same directory
//! loaded from disk.

use aludel_pg::testing::TestDb;
use aludel_runner::{DowngradeTarget, EmbeddedMigrations, Options, Target, embed_migrations, run};
use expect_test::expect;

static MIGRATIONS: EmbeddedMigrations = embed_migrations!(
    "tests/migrations";
    "20260101000000_initial.sql",
    "20260102000000_agents.sql",
    "20260102000000_users.sql",
    "20260103000000_merge.sql",
);

/// The tables and indexes, and the version table's rows with their checksums.
async fn state(db: &TestDb) -> String {
    let mut conn = db.connect().await;
    let objects: String = sqlx::query_scalar(
        "SELECT coalesce(string_agg(relname || ':' || relkind::text, ' ' ORDER BY relname), '') \
         FROM pg_class WHERE relnamespace = 'public'::regnamespace \
         AND relkind IN ('r', 'i') AND relname NOT LIKE 'aludel_migrations%'",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    let versions: String = sqlx::query_scalar(
        "SELECT coalesce(string_agg(revision || ' ' || left(checksum, 12) || ' ' || success, '\n' \
         ORDER BY seq), '') FROM aludel_migrations",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    format!("objects: {objects}\nversions:\n{versions}\n")
}

#[tokio::test]
async fn the_embedded_runner_gives_the_same_results_as_the_directory() {
    let embedded = TestDb::new().await;
    let mut conn = embedded.connect().await;
    let report = MIGRATIONS
        .upgrade(&mut conn, &Options::default())
        .await
        .unwrap();
    assert_eq!(report.migrations.len(), 4);
    // A second start-up has nothing to do.
    let again = MIGRATIONS
        .upgrade(&mut conn, &Options::default())
        .await
        .unwrap();
    assert!(again.plan.is_empty());

    let from_disk = TestDb::new().await;
    let set = aludel_migrations::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/migrations"))
        .unwrap();
    let mut disk_conn = from_disk.connect().await;
    run(
        &mut disk_conn,
        &set,
        &Target::Upgrade(aludel_runner::UpgradeTarget::Head),
        &Options::default(),
        |_| true,
        |_| {},
    )
    .await
    .unwrap();
    let state_embedded = state(&embedded).await;
    assert_eq!(state_embedded, state(&from_disk).await);
    expect![[r#"
        objects: accounts:r accounts_pkey:i agents:r agents_pkey:i users:r users_account_id:i users_pkey:i
        versions:
        20260101000000_initial 5fb891292295 true
        20260102000000_agents 7348a391a1d4 true
        20260102000000_users 0b709b7e3a55 true
        20260103000000_merge b29e314730bb true
    "#]].assert_eq(&state_embedded);

    // The embedded set is checked against what the directory applied, and goes back down.
    MIGRATIONS
        .run(
            &mut disk_conn,
            &Target::Downgrade(DowngradeTarget::Base),
            &Options::default(),
        )
        .await
        .unwrap();
    expect![[r#"
        objects: 
        versions:

    "#]]
    .assert_eq(&state(&from_disk).await);
}

#[test]
fn the_embedded_files_are_the_directory() {
    let names: Vec<&str> = MIGRATIONS.files().iter().map(|(path, _)| *path).collect();
    expect![[r#"
        [
            "tests/migrations/20260101000000_initial.sql",
            "tests/migrations/20260102000000_agents.sql",
            "tests/migrations/20260102000000_users.sql",
            "tests/migrations/20260103000000_merge.sql",
        ]"#]]
    .assert_eq(&format!("{names:#?}"));
    let set = MIGRATIONS.load().unwrap();
    assert_eq!(set.len(), 4);
}

//! The embedded runner (migrations compiled into this test binary) and `aludel upgrade` on the
//! same directory give the same database: the same schema and the same version-table rows.

mod common;

use aludel_runner::{EmbeddedMigrations, Options, embed_migrations};
use common::Project;

static MIGRATIONS: EmbeddedMigrations = embed_migrations!(
    "../aludel-runner/tests/migrations";
    "20260101000000_initial.sql",
    "20260102000000_agents.sql",
    "20260102000000_users.sql",
    "20260103000000_merge.sql",
);

/// The schema as `aludel inspect` prints it, and the version rows without times.
fn snapshot(p: &Project, url: &str) -> String {
    let out = p.run_argv(vec!["aludel".into(), "inspect".into(), url.to_owned()]);
    assert_eq!(out.code, 0, "{out:?}");
    let rows = p.rt.block_on(async {
        let mut conn = aludel_pg::connect(url).await.unwrap();
        let rows: String = sqlx::query_scalar(
            "SELECT string_agg(revision || ' ' || array_to_string(parents, ',') || ' ' || checksum \
             || ' ' || success || ' ' || direction, E'\\n' ORDER BY seq) FROM aludel_migrations",
        )
        .fetch_one(&mut conn)
        .await
        .unwrap();
        rows
    });
    format!("{}\n{rows}\n", out.out)
}

#[test]
fn the_embedded_runner_and_the_cli_give_the_same_database() {
    let p = Project::new();
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../aludel-runner/tests/migrations"
    );
    let out = p.run_argv(
        ["aludel", "upgrade", "--dir", dir, "--database-url", p.url()]
            .iter()
            .map(|s| s.to_string())
            .collect(),
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.out.lines().count(), 4, "{}", out.out);

    let other = p.rt.block_on(aludel_pg::testing::TestDb::new());
    let report = p.rt.block_on(async {
        let mut conn = other.connect().await;
        MIGRATIONS
            .upgrade(&mut conn, &Options::default())
            .await
            .unwrap()
    });
    assert_eq!(report.migrations.len(), 4);

    let cli = snapshot(&p, p.url());
    assert!(cli.contains("CREATE TABLE"), "{cli}");
    assert_eq!(cli, snapshot(&p, other.url()));
}

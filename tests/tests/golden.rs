//! The golden diff cases of `tests/cases/<name>/`, each on a live server, in the normal and the
//! online mode: before → upgrade → must equal after (by aludel's introspection and by
//! `pg_dump`), diff again empty, downgrade → must equal before (both ways), rows kept where no
//! data loss is announced, online scripts in their lock-friendly forms, scripts equal to their
//! snapshots (`UPDATE_GOLDEN=1` rewrites them).

use aludel_tests::{golden, online};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn golden_cases() {
    let server = aludel_pg::testing::server();
    golden::for_each_case(4, move |dir| {
        let server = server.clone();
        async move { golden::run(&server, &dir).await }
    })
    .await;
}

/// The cases that exercise each lock-friendly form keep exercising it: their online snapshots
/// (checked against the live run by `golden_cases`) use `CONCURRENTLY`, `NOT VALID` +
/// `VALIDATE CONSTRAINT`, and `SET NOT NULL` through a validated check.
#[test]
fn the_online_snapshots_use_the_lock_friendly_forms() {
    // (case, script, CONCURRENTLY, NOT VALID + VALIDATE, SET NOT NULL through a check)
    let expected = [
        ("index_create", "upgrade", (true, false, false)),
        ("index_drop", "upgrade", (true, false, false)),
        ("unique_add", "upgrade", (true, false, false)),
        ("pk_add", "upgrade", (true, false, false)),
        ("check_add", "upgrade", (false, true, false)),
        ("fk_add", "upgrade", (false, true, false)),
        ("column_set_not_null", "upgrade", (false, true, true)),
        ("column_drop_not_null", "downgrade", (false, true, true)),
    ];
    for (case, script, forms) in expected {
        let path = golden::cases_dir()
            .join(case)
            .join(format!("{script}.online.sql"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            online::forms(&text),
            forms,
            "{}: (CONCURRENTLY, NOT VALID + VALIDATE, SET NOT NULL through a check)\n{text}",
            path.display()
        );
    }
}

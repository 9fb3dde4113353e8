//! The golden diff cases of `tests/cases/<name>/`, each on a live server: before → upgrade →
//! must equal after, diff again empty, downgrade → must equal before, rows kept where no data
//! loss is announced, scripts equal to their snapshots (`UPDATE_GOLDEN=1` rewrites them).

use aludel_tests::golden;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn golden_cases() {
    let server = aludel_pg::testing::server();
    golden::for_each_case(4, move |dir| {
        let server = server.clone();
        async move { golden::run(&server, &dir).await }
    })
    .await;
}

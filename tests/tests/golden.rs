//! The golden diff cases of `tests/cases/<name>/`, each on a live server: before → upgrade →
//! must equal after, diff again empty, downgrade → must equal before, rows kept where no data
//! loss is announced, scripts equal to their snapshots (`UPDATE_GOLDEN=1` rewrites them).

use std::sync::{Arc, Mutex};

use aludel_tests::golden;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn golden_cases() {
    let server = aludel_pg::testing::server();
    let cases = golden::list();
    assert!(
        cases.len() >= 50,
        "expected at least 50 golden cases in {}, found {}",
        golden::cases_dir().display(),
        cases.len()
    );
    let queue = Arc::new(Mutex::new(cases.clone()));
    let failures = Arc::new(Mutex::new(Vec::new()));
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let (queue, failures, server) = (queue.clone(), failures.clone(), server.clone());
        tasks.push(tokio::spawn(async move {
            loop {
                let Some(dir) = queue.lock().unwrap().pop() else {
                    break;
                };
                if let Err(e) = golden::run(&server, &dir).await {
                    let name = dir
                        .file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned();
                    failures.lock().unwrap().push((name, e));
                }
            }
        }));
    }
    for t in tasks {
        t.await.expect("a golden worker panicked");
    }
    let mut failures = failures.lock().unwrap().clone();
    failures.sort();
    if !failures.is_empty() {
        let mut report = String::new();
        for (name, e) in &failures {
            report.push_str(&format!("\n===== case {name} =====\n{e}\n"));
        }
        panic!(
            "{} of {} golden cases failed: {}\n{report}",
            failures.len(),
            cases.len(),
            failures
                .iter()
                .map(|(n, _)| n.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
}

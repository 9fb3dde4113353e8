//! Ten `aludel upgrade` processes started at once on one database: the advisory lock makes them
//! take turns, every migration is applied exactly once, and all ten exit 0.

mod common;

use common::Project;

#[test]
fn ten_concurrent_upgrades_apply_each_migration_once() {
    let p = Project::new();
    p.execute("CREATE TABLE log (revision text NOT NULL)");
    let n = 12;
    let mut previous: Option<String> = None;
    for i in 0..n {
        let rev = format!("202601{:02}000000_m{i}", i + 1);
        let parents: Vec<&str> = previous.iter().map(String::as_str).collect();
        // Every other migration runs outside a transaction.
        let mode = if i % 2 == 0 { "per-migration" } else { "none" };
        p.write(
            &rev,
            &parents,
            mode,
            &format!("CREATE TABLE m{i} (id int);\nINSERT INTO log VALUES ('{rev}');\nSELECT pg_sleep(0.02);"),
            &format!("DROP TABLE m{i};"),
        );
        previous = Some(rev);
    }
    let children: Vec<_> = (0..10)
        .map(|_| {
            p.bin(&["upgrade"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut lines = 0;
    for child in children {
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "a run failed: {stderr}");
        assert_eq!(stderr, "");
        let stdout = String::from_utf8(output.stdout).unwrap();
        if stdout != "nothing to do\n" {
            lines += stdout.lines().count();
        }
    }
    assert_eq!(lines, n, "the runs together report each migration once");
    assert_eq!(
        p.scalar("SELECT count(*)::text || ' ' || count(DISTINCT revision)::text FROM log"),
        format!("{n} {n}"),
        "each migration ran exactly once"
    );
    assert_eq!(
        p.scalar("SELECT count(*)::text FROM aludel_migrations WHERE success"),
        n.to_string()
    );
}

//! `cargo xtask test`: starts one throwaway cluster, exports its URL as `ALUDEL_TEST_URL`, runs
//! every test of the workspace, and stops the cluster — or keeps it, printing where it is and
//! how to stop it, when a test failed.

use std::process::{Command, ExitCode};

use aludel_pg::{Cluster, ClusterOptions};

pub(crate) fn run(extra: &[String]) -> anyhow::Result<ExitCode> {
    let (cluster, url) = match std::env::var("ALUDEL_TEST_URL") {
        Ok(url) => {
            eprintln!(
                "xtask: using the server in ALUDEL_TEST_URL ({})",
                aludel_pg::redact(&url)
            );
            (None, url)
        }
        Err(_) => {
            let c = Cluster::start(&ClusterOptions::default()).map_err(|e| {
                let hint = e.hint().map(|h| format!("\nhint: {h}")).unwrap_or_default();
                anyhow::anyhow!("cannot start a throwaway PostgreSQL cluster: {e}{hint}")
            })?;
            eprintln!(
                "xtask: started PostgreSQL {} at {} ({})",
                c.major_version(),
                c.url(),
                c.path().display()
            );
            let url = c.url();
            (Some(c), url)
        }
    };
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(&cargo)
        .args([
            "test",
            "--workspace",
            "--exclude",
            "xtask",
            "--no-fail-fast",
        ])
        .args(extra)
        .env("ALUDEL_TEST_URL", &url)
        .status()?;
    if status.success() {
        if let Some(c) = cluster {
            c.stop()?;
        }
        eprintln!("xtask: all tests passed");
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(c) = cluster {
        let stop = c.stop_command();
        let path = c.keep();
        eprintln!(
            "xtask: tests failed; the cluster is kept for inspection\n  \
             directory: {}\n  url: {url}\n  \
             (the failed tests' databases are named in their output)\n  \
             stop it with: {stop}",
            path.display()
        );
    }
    Ok(ExitCode::from(1))
}

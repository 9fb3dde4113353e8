//! `cargo xtask fuzz-diff --cases N [--seed S] [--workers W]`: the live diff property of
//! `tests/tests/diff_live.rs` on random seeds, against `ALUDEL_TEST_URL` or a throwaway cluster;
//! a failing pair is shrunk and saved as a golden case under `tests/cases/fuzz_<seed>/`.

use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use aludel_pg::{Cluster, ClusterOptions, Server};
use aludel_tests::property;

pub(crate) fn run(args: &[String]) -> anyhow::Result<ExitCode> {
    if let Some(a) = args
        .iter()
        .step_by(2)
        .find(|a| !matches!(a.as_str(), "--cases" | "--seed" | "--workers"))
    {
        anyhow::bail!(
            "unknown argument `{a}`\nusage: cargo xtask fuzz-diff --cases N [--seed S] [--workers W]"
        );
    }
    let cases: u32 = crate::flag(args, "--cases")?.unwrap_or(1000);
    let workers: u32 = crate::flag(args, "--workers")?.unwrap_or(2);
    let seed: u64 = match crate::flag(args, "--seed")? {
        Some(s) => s,
        None => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1),
    };
    let (cluster, url) = match std::env::var(aludel_pg::testing::TEST_URL_VAR) {
        Ok(url) => {
            eprintln!(
                "fuzz-diff: using the server in ALUDEL_TEST_URL ({})",
                aludel_pg::redact(&url)
            );
            (None, url)
        }
        Err(_) => {
            let c = Cluster::start(&ClusterOptions::default()).map_err(|e| {
                let hint = e.hint().map(|h| format!("\nhint: {h}")).unwrap_or_default();
                anyhow::anyhow!("cannot start a throwaway PostgreSQL cluster: {e}{hint}")
            })?;
            let url = c.url();
            (Some(c), url)
        }
    };
    let server = Server::new(&url)?;
    eprintln!("fuzz-diff: {cases} cases from seed {seed} on {workers} workers");
    let result = property::run(&server, cases, seed, 1024, true, workers);
    if let Some(c) = cluster {
        c.stop()?;
    }
    match result {
        Ok(o) => {
            println!(
                "fuzz-diff: {} cases passed in {:.1?} (seed {seed})",
                o.cases, o.elapsed
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(f) => {
            eprintln!(
                "fuzz-diff: {f}\nreplay with: cargo xtask fuzz-diff --cases {cases} --seed {seed} --workers {workers}"
            );
            Ok(ExitCode::from(1))
        }
    }
}

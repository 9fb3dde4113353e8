//! `cargo xtask test`: starts one throwaway cluster, exports its URL as `ALUDEL_TEST_URL`, runs
//! every test of the workspace (then aludel's compile-error cases again without the optional
//! type features, unless packages were picked), then `check` and `verify` on the repository's own `migrations/`
//! against the demo models, and stops the cluster — or keeps it, printing where it is and how to
//! stop it, when something failed.

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
    // `--workspace` would override a `-p` (cargo then tests everything): only without one
    let picked = selects_packages(extra);
    let status = Command::new(&cargo)
        .arg("test")
        .args(if picked {
            &[][..]
        } else {
            &["--workspace", "--exclude", "xtask"][..]
        })
        .arg("--no-fail-fast")
        .args(extra)
        .env("ALUDEL_TEST_URL", &url)
        .status()?;
    let mut tests_passed = status.success();
    // Feature unification turns on aludel's type features in the workspace build, which changes
    // rustc's lists in the `type_*` compile-error cases: those run in a build of aludel alone.
    if !picked {
        eprintln!("xtask: aludel's compile-error cases without the optional type features");
        let status = Command::new(&cargo)
            .args(["test", "-p", "aludel", "--test", "ui"])
            .env("ALUDEL_UI_TYPE_CASES", "1")
            .status()?;
        tests_passed &= status.success();
    }
    // The repository dogfoods itself: models, migrations/ and a replay must agree.
    let models = aludel_demo::schema();
    let mut dogfood = true;
    for command in ["check", "verify"] {
        eprintln!("xtask: {command} on migrations/ and the demo models");
        let args = ["xtask", command, "--dev-url", url.as_str(), "--no-cache"];
        let code = aludel_cli::run_code_with_models(
            &models,
            args,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        );
        if code != 0 {
            eprintln!("xtask: `{command}` failed (exit {code})");
            dogfood = false;
        }
    }
    if tests_passed && dogfood {
        if let Some(c) = cluster {
            c.stop()?;
        }
        eprintln!("xtask: all tests passed; check and verify agree with migrations/");
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(c) = cluster {
        let stop = c.stop_command();
        let path = c.keep();
        eprintln!(
            "xtask: something failed; the cluster is kept for inspection\n  \
             directory: {}\n  url: {url}\n  \
             (the failed tests' databases are named in their output)\n  \
             stop it with: {stop}",
            path.display()
        );
    }
    Ok(ExitCode::from(1))
}

/// Whether the cargo arguments pick packages (`-p`, `--package`) before a `--`.
fn selects_packages(extra: &[String]) -> bool {
    extra.iter().take_while(|a| *a != "--").any(|a| {
        a == "-p" || a.starts_with("-p") || a == "--package" || a.starts_with("--package=")
    })
}

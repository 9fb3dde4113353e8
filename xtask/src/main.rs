//! `cargo xtask`: the project's own commands (`test`, `bench`, `demo`, `demo-history`,
//! `fuzz-diff`), and every aludel command on the demo models (`autogen`, `check`, `verify`,
//! `upgrade`, ...), as a user's xtask would give them.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod bench;
mod bench_autogen;
mod bench_build;
mod bench_diff;
mod bench_runner;
mod demo;
mod demo_history;
mod fuzz_diff;
mod test;

use std::process::ExitCode;

fn main() -> ExitCode {
    // migrations/, aludel.toml and .env are the repository's, wherever cargo was started
    if let Some(root) = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent() {
        let _ = std::env::set_current_dir(root);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("demo") => demo::run(&args[1..]),
        Some("fuzz-diff") => fuzz_diff::run(&args[1..]),
        Some("demo-history") => demo_history::run(&args[1..]),
        // everything else is the aludel command line on the demo models
        Some(_) => return aludel_cli::main_with_models(&aludel_demo::schema()),
        None => {
            eprintln!(
                "usage: cargo xtask <command>\n\n\
                 project commands:\n  \
                 test [cargo test args]      every test against a throwaway PostgreSQL cluster, then check and verify\n  \
                 bench <introspect|autogen|diff|runner|build> ...  measurements against a reference\n  \
                 demo                        load demo/agent_platform.sql into a throwaway cluster and inspect it\n  \
                 demo-history                rewrite migrations/ from the demo models in eight steps\n  \
                 fuzz-diff --cases N [--seed S]  the live diff property on random seeds\n\n\
                 aludel commands on the demo models (cargo xtask <command> --help):\n  \
                 autogen -m MSG, check, verify, upgrade, downgrade, current, history, heads,\n  \
                 show, stamp, merge, revision, rehash, repair, diff, inspect"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// The value after `--name` in `args`, parsed; `None` when the flag is absent.
pub(crate) fn flag<T: std::str::FromStr>(args: &[String], name: &str) -> anyhow::Result<Option<T>>
where
    T::Err: std::fmt::Display,
{
    match args.iter().position(|a| a == name) {
        None => Ok(None),
        Some(i) => {
            let v = args
                .get(i + 1)
                .ok_or_else(|| anyhow::anyhow!("{name} needs a value"))?;
            v.parse()
                .map(Some)
                .map_err(|e| anyhow::anyhow!("{name} {v}: {e}"))
        }
    }
}

/// A runtime for the async parts.
pub(crate) fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?)
}

//! `cargo xtask`: the project's own commands — `test` (the whole suite against a throwaway
//! cluster), `bench introspect`, and `demo` (the main job: inspect the demo schema).

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod bench;
mod bench_diff;
mod bench_autogen;
mod bench_build;
mod bench_runner;
mod demo;
mod fuzz_diff;
mod test;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("demo") => demo::run(&args[1..]),
        Some("fuzz-diff") => fuzz_diff::run(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\n\
                 commands:\n  \
                 test [cargo test args]      run every test against a throwaway PostgreSQL cluster\n  \
                 bench introspect [--tables N]  time introspection against pg_dump --schema-only\n  \
                 demo                        load the demo schema into a throwaway cluster and inspect it\n  \
                 fuzz-diff --cases N [--seed S]  the live diff property on random seeds"
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

/// A runtime for the async parts.
pub(crate) fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?)
}

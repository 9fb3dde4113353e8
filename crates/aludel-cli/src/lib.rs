//! The aludel command line as a library: clap arguments → settings → one library call → exit
//! code. The `aludel` binary and a user's xtask are thin wrappers around [`run`].

mod failure;
mod inspect;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use failure::Failure;

/// Exit code when everything agrees / succeeded.
pub const EXIT_OK: u8 = 0;
/// Exit code for drift or pending work.
pub const EXIT_DRIFT: u8 = 1;
/// Exit code for an error (bad input, unreachable server, ...).
pub const EXIT_ERROR: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "aludel",
    version,
    about = "PostgreSQL schema migrations from Rust models"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print a database's schema as canonical DDL (or JSON).
    Inspect(inspect::Args),
}

/// Runs the command line with `args` (program name first), writing data to `out` and messages
/// to `err`; returns the exit code.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    ExitCode::from(run_code(args, out, err))
}

/// [`run`], returning the numeric exit code (for tests).
pub fn run_code<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let _ = dotenvy::dotenv();
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
            let text = e.render().to_string();
            let _ = if e.use_stderr() {
                err.write_all(text.as_bytes())
            } else {
                out.write_all(text.as_bytes())
            };
            return code;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            let _ = writeln!(err, "error: cannot start the async runtime: {e}");
            return EXIT_ERROR;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Inspect(args) => inspect::run(args, out).await,
        }
    });
    match result {
        Ok(code) => code,
        Err(f) => {
            let _ = f.write_to(err);
            EXIT_ERROR
        }
    }
}

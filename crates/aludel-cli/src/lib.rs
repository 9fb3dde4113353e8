//! The aludel command line as a library: clap arguments → settings → one library call → exit
//! code. The `aludel` binary and a user's xtask are thin wrappers around [`run`].
//!
//! One module per command, each with `Args` (clap) and `run(args, &settings::Args, &mut Io)`.
//! The shared flags (`--database-url`, `--dir`, `--version-table`, `--lock-timeout`, `--role`,
//! `--config`) are global, resolved by `settings::Settings::resolve` over `aludel.toml`;
//! commands that change a database go through `apply::apply` (confirmation, progress,
//! report). A new command is a module plus one `Command` variant and one dispatch line.

mod apply;
mod autogen;
mod check;
mod current;
mod diff;
mod downgrade;
mod failure;
mod heads;
mod history;
mod inspect;
mod merge;
mod progress;
mod project;
mod rehash;
mod repair;
mod revision;
mod settings;
mod show;
mod stamp;
mod upgrade;
mod verify;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

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
    #[command(flatten)]
    settings: settings::Args,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write the migration that makes the migration history match the models (needs the models:
    /// run it through your xtask).
    Autogen(autogen::Args),
    /// CI gate: exit 1 with a report when models, migrations (and --database-url) disagree.
    Check(check::Args),
    /// Replay every revision up, down to base and up again in a throwaway database.
    Verify(verify::Args),
    /// Apply migrations: to `head` (default), `heads`, a revision, or `+N` more.
    Upgrade(upgrade::Args),
    /// Undo migrations: `-N` most recent, down to a revision, or to `base`.
    Downgrade(downgrade::Args),
    /// Print the revisions applied to the database (its current heads).
    Current(current::Args),
    /// List the revisions: applied, pending, modified since applied, unknown to this directory.
    History(history::Args),
    /// Print the heads of the revision graph.
    Heads(heads::Args),
    /// Print one revision: header, graph neighbours and file.
    Show(show::Args),
    /// Record a revision (and its ancestors) as applied without running anything.
    Stamp(stamp::Args),
    /// Write a merge revision whose parents are the heads (or the given revisions).
    Merge(merge::Args),
    /// Write an empty revision on top of the head, to fill in by hand.
    Revision(revision::Args),
    /// Accept the new content of an applied migration that was edited on purpose.
    Rehash(rehash::Args),
    /// Clear the dirty state left by a failed `transaction none` migration.
    Repair(repair::Args),
    /// Print the SQL that turns one database's schema into another's.
    Diff(diff::Args),
    /// Print a database's schema as canonical DDL (or JSON).
    Inspect(inspect::Args),
}

/// Whether the process talks to a person: a confirmation is asked on stdin only when both are
/// terminals, and progress is drawn on stderr only when it is one.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Terminal {
    pub(crate) stdin: bool,
    pub(crate) stderr: bool,
}

/// Where a command writes: data on `out`, messages on `err`.
pub(crate) struct Io<'a> {
    pub(crate) out: &'a mut dyn Write,
    pub(crate) err: &'a mut dyn Write,
    pub(crate) terminal: Terminal,
}

/// Runs the command line with `args` (program name first), writing data to `out` and messages
/// to `err`; returns the exit code. Commands that need the models (`autogen`, `check`, `verify`)
/// are refused: a user's xtask uses [`main_with_models`].
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    ExitCode::from(run_inner(None, args, out, err, Terminal::of_process()))
}

/// [`run`], returning the numeric exit code (for tests); never asks on a terminal or draws
/// progress.
pub fn run_code<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    run_inner(None, args, out, err, Terminal::default())
}

/// The whole command line for an application's models: what a user's `xtask/src/main.rs`
/// calls, with the process's arguments, stdout and stderr.
///
/// ```no_run
/// fn main() -> std::process::ExitCode {
///     let models = aludel::Schema::builder().build().expect("consistent models");
///     aludel_cli::main_with_models(&models)
/// }
/// ```
pub fn main_with_models(models: &aludel::Schema) -> ExitCode {
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    let code = run_inner(
        Some(models),
        std::env::args_os(),
        &mut out,
        &mut err,
        Terminal::of_process(),
    );
    ExitCode::from(code)
}

/// [`main_with_models`] with given arguments and outputs, returning the numeric exit code (for
/// tests); never asks on a terminal or draws progress.
pub fn run_code_with_models<I, T>(
    models: &aludel::Schema,
    args: I,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    run_inner(Some(models), args, out, err, Terminal::default())
}

impl Terminal {
    fn of_process() -> Terminal {
        Terminal {
            stdin: std::io::stdin().is_terminal(),
            stderr: std::io::stderr().is_terminal(),
        }
    }
}

/// The parsed command line, and whether `--database-url` was written on it (not taken from
/// `DATABASE_URL`): `autogen` and `check` compare with a live database only when told on the
/// command line, never because DATABASE_URL happens to be set.
fn parse<I, T>(args: I) -> Result<(Cli, bool), clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let matches = Cli::command().try_get_matches_from(args)?;
    let explicit = matches.value_source("database_url") == Some(ValueSource::CommandLine);
    Ok((Cli::from_arg_matches(&matches)?, explicit))
}

fn run_inner<I, T>(
    models: Option<&aludel::Schema>,
    args: I,
    out: &mut dyn Write,
    err: &mut dyn Write,
    terminal: Terminal,
) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let _ = dotenvy::dotenv();
    let cli = match parse(args) {
        Ok(parsed) => parsed,
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
    let (cli, explicit_url) = cli;
    let settings = cli.settings;
    let result = runtime.block_on(async {
        let mut io = Io {
            out: &mut *out,
            err: &mut *err,
            terminal,
        };
        let io = &mut io;
        let live = || {
            explicit_url
                .then(|| settings.database_url.clone())
                .flatten()
        };
        let need_models = |command: &str| {
            models.ok_or_else(|| {
                Failure::new(format!("`{command}` needs the application's models")).with_hint(
                    "run it through your project's xtask, which hands its models to \
                         aludel_cli::main_with_models (see the README)",
                )
            })
        };
        match cli.command {
            Command::Autogen(args) => match need_models("autogen") {
                Ok(m) => autogen::run(args, m, &settings, live(), io).await,
                Err(f) => Err(f),
            },
            Command::Check(args) => match need_models("check") {
                Ok(m) => check::run(args, m, &settings, live(), io).await,
                Err(f) => Err(f),
            },
            Command::Verify(args) => match need_models("verify") {
                Ok(m) => verify::run(args, m, &settings, io).await,
                Err(f) => Err(f),
            },
            Command::Upgrade(args) => upgrade::run(args, &settings, io).await,
            Command::Downgrade(args) => downgrade::run(args, &settings, io).await,
            Command::Current(args) => current::run(args, &settings, io).await,
            Command::History(args) => history::run(args, &settings, io).await,
            Command::Heads(args) => heads::run(args, &settings, io),
            Command::Show(args) => show::run(args, &settings, io),
            Command::Stamp(args) => stamp::run(args, &settings, io).await,
            Command::Merge(args) => merge::run(args, &settings, io),
            Command::Revision(args) => revision::run(args, &settings, io),
            Command::Rehash(args) => rehash::run(args, &settings, io).await,
            Command::Repair(args) => repair::run(args, &settings, io).await,
            Command::Diff(args) => diff::run(args, &settings, io).await,
            Command::Inspect(args) => inspect::run(args, &settings, io.out).await,
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

#[cfg(test)]
mod tests {
    use super::parse;

    /// Whether `--database-url` counts as given on the command line (a value from
    /// `DATABASE_URL` has `ValueSource::EnvVariable`; `tests/secrets.rs` runs with it set).
    fn explicit(args: &[&str]) -> bool {
        parse(args).unwrap().1
    }

    #[test]
    fn only_a_database_url_on_the_command_line_is_explicit() {
        assert!(explicit(&[
            "x",
            "check",
            "--database-url",
            "postgres://h/db"
        ]));
        assert!(explicit(&["x", "--database-url=postgres://h/db", "check"]));
        assert!(!explicit(&["x", "check"]));
        assert!(!explicit(&[
            "x",
            "autogen",
            "-m",
            "x",
            "--dev-url",
            "postgres://h/db"
        ]));
    }
}

//! The shared path of every command that changes a database (`upgrade`, `downgrade`, `stamp`,
//! `rehash`, `repair`): connect, lock, plan, confirm when the database is not on this machine,
//! execute with progress, and report what ran; or, with `--sql`, print the plan's SQL without
//! connecting.

use std::cell::RefCell;
use std::io::{BufRead, Write};

use aludel_migrations::{MigrationSet, RevisionId};
use aludel_runner::{AppliedState, Plan, Report, Step, Target};

use crate::progress::Progress;
use crate::settings::{Settings, is_local};
use crate::{EXIT_OK, Failure, Io, failure::write_failed};

/// `--yes`: change a database that is not on this machine without asking.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct Confirm {
    /// Do not ask before changing a database that is not on localhost (needed without a
    /// terminal).
    #[arg(long, short = 'y')]
    pub(crate) yes: bool,
}

/// Runs toward `target` on the settings' database and prints one line per step done.
pub(crate) async fn apply(
    settings: &Settings,
    set: &MigrationSet,
    target: &Target,
    confirm: &Confirm,
    io: &mut Io<'_>,
) -> Result<u8, Failure> {
    let url = settings.url()?;
    let ask = !confirm.yes && !is_local(url)?;
    let interactive = io.terminal.stdin && io.terminal.stderr;
    let shown_plan = RefCell::new(None::<String>);
    let redacted = aludel_pg::redact(url);
    let confirm_fn = |plan: &Plan| {
        if !ask {
            return true;
        }
        let text = format!("plan for {redacted}:\n{}", indent(&plan.to_string()));
        if !interactive {
            *shown_plan.borrow_mut() = Some(text);
            return false;
        }
        let mut err = std::io::stderr();
        let _ = write!(err, "{text}apply this plan? [y/N] ");
        let _ = err.flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes")
    };
    let mut progress = Progress::new(io.terminal.stderr);
    let result = aludel_runner::run_url(url, set, target, &settings.options, confirm_fn, |e| {
        progress.on_event(e)
    })
    .await;
    progress.finish();
    let report = match result {
        Ok(report) => report,
        Err(aludel_runner::Error::NotConfirmed) => {
            if let Some(text) = shown_plan.into_inner() {
                let _ = io.err.write_all(text.as_bytes());
                return Err(Failure::new(format!(
                    "{redacted} is not on this machine and there is no terminal to confirm on; \
                     nothing was changed"
                ))
                .with_hint("review the plan above (or print its SQL with --sql) and pass --yes"));
            }
            return Err(Failure::new("not confirmed; nothing was changed"));
        }
        Err(e) => return Err(e.into()),
    };
    write_report(&report, io.out).map_err(write_failed)?;
    Ok(EXIT_OK)
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}

/// One line per step: `upgrade REV (12 ms)` for a migration, the step itself otherwise;
/// `nothing to do` for an empty plan.
fn write_report(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    if report.plan.is_empty() {
        return writeln!(out, "nothing to do");
    }
    let mut finished = report.migrations.iter();
    for step in &report.plan.steps {
        match step {
            Step::Migrate(_) => match finished.next() {
                Some(f) => writeln!(out, "{step} ({} ms)", f.duration.as_millis())?,
                None => writeln!(out, "{step}")?,
            },
            _ => writeln!(out, "{step}")?,
        }
    }
    Ok(())
}

/// `--sql`: the state `from` names (`base`, `head`, `heads` or a revision), as if applied
/// cleanly.
pub(crate) fn assumed_state(set: &MigrationSet, from: &str) -> Result<AppliedState, Failure> {
    let graph = set.graph();
    let revisions: Vec<RevisionId> = match from {
        "base" => Vec::new(),
        "heads" => graph.heads().into_iter().cloned().collect(),
        "head" => graph.head()?.into_iter().cloned().collect(),
        rev => vec![set.find(rev)?.revision().clone()],
    };
    Ok(AppliedState::assumed(set, &revisions))
}

/// `--sql`: plans from `from` without a database and prints the SQL a run would send.
pub(crate) fn print_sql(
    settings: &Settings,
    set: &MigrationSet,
    from: &AppliedState,
    target: &Target,
    io: &mut Io<'_>,
) -> Result<u8, Failure> {
    let plan = aludel_runner::plan(from, set, target)?;
    let sql = aludel_runner::render_sql(&plan, settings.table());
    io.out.write_all(sql.as_bytes()).map_err(write_failed)?;
    Ok(EXIT_OK)
}

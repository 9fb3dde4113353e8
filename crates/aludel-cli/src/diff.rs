//! `aludel diff --from URL --to URL [--online] [--schema S]... [--downgrade]`: introspects both
//! databases and prints the SQL that turns the first into the second (or, with `--downgrade`,
//! back), under a header listing its hazards. Exit 0 when there is nothing to do, 1 when there
//! is.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use aludel_introspect::{Options, introspect_url};
use aludel_render::Statement;

use crate::settings::{self, Settings};
use crate::{EXIT_DRIFT, EXIT_OK, Failure, Io, failure::write_failed};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The database as it is.
    #[arg(long)]
    from: String,
    /// The database as it should be.
    #[arg(long)]
    to: String,
    /// Lock-friendly forms: CONCURRENTLY indexes, NOT VALID then VALIDATE, a lock timeout.
    #[arg(long)]
    online: bool,
    /// The `SET LOCAL lock_timeout` of each transaction [default with --online: 5s]. (Not
    /// `--lock-timeout`: that global flag is how long a run waits for the migration lock.)
    #[arg(long = "statement-lock-timeout", id = "statement_lock_timeout")]
    lock_timeout: Option<String>,
    /// Schema to compare (repeatable); every non-system schema when omitted.
    #[arg(long = "schema", short = 's')]
    schemas: Vec<String>,
    /// Print the SQL that turns the second database back into the first.
    #[arg(long)]
    downgrade: bool,
}

pub(crate) async fn run(
    args: Args,
    settings: &settings::Args,
    io: &mut Io<'_>,
) -> Result<u8, Failure> {
    let opts = Options {
        schemas: args.schemas.clone(),
        ..Settings::resolve(settings)?.introspect_options()
    };
    let (from, to) = tokio::try_join!(
        introspect_url(&args.from, &opts),
        introspect_url(&args.to, &opts)
    )?;
    let (from, to) = (from.schema, to.schema);

    let (changes, diagnostics) = aludel_diff::diff(&from, &to)?;
    for d in &diagnostics {
        writeln!(io.err, "warning: {d}").map_err(write_failed)?;
    }
    if changes.is_empty() {
        return Ok(EXIT_OK);
    }
    let render = aludel_render::Options {
        online: args.online,
        lock_timeout: match (&args.lock_timeout, args.online) {
            (Some(t), _) => Some(t.clone()),
            (None, true) => Some(aludel_render::DEFAULT_ONLINE_LOCK_TIMEOUT.to_owned()),
            (None, false) => None,
        },
    };
    let statements = if args.downgrade {
        aludel_render::render_downgrade(&changes, &render)
    } else {
        aludel_render::render(&changes, &render)
    };
    let text = script(&statements, args.downgrade, changes.len());
    io.out.write_all(text.as_bytes()).map_err(write_failed)?;
    Ok(EXIT_DRIFT)
}

/// The header (direction, counts, hazards), then each run of transactional statements inside
/// `BEGIN` ... `COMMIT` and each other statement on its own.
fn script(statements: &[Statement], downgrade: bool, changes: usize) -> String {
    let mut out = String::new();
    let direction = if downgrade { "downgrade" } else { "upgrade" };
    let _ = writeln!(
        out,
        "-- aludel diff ({direction}): {changes} changes, {} statements",
        statements.len()
    );
    let hazards: BTreeSet<String> = statements
        .iter()
        .flat_map(|s| s.hazards.iter().map(ToString::to_string))
        .collect();
    if hazards.is_empty() {
        out.push_str("-- hazards: none\n");
    } else {
        out.push_str("-- hazards:\n");
        for h in &hazards {
            let _ = writeln!(out, "--   {h}");
        }
    }
    let mut open = false;
    for s in statements {
        if s.transactional && !open {
            out.push_str("\nBEGIN;\n");
            open = true;
        } else if !s.transactional {
            if open {
                out.push_str("COMMIT;\n");
                open = false;
            }
            out.push_str("\n-- outside a transaction\n");
        }
        let _ = writeln!(out, "{s}");
    }
    if open {
        out.push_str("COMMIT;\n");
    }
    out
}

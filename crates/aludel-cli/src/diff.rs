//! `aludel diff --from URL --to URL [--online] [--schema S]... [--rename KIND:OLD=NEW]...
//! [--downgrade]`: prints the SQL that turns the first database into the second (or, with
//! `--downgrade`, back), under a header listing its hazards; rename candidates and the hazards
//! `--online` avoids as hints on stderr. Exit 0 when there is nothing to do, 1 when there is.

use aludel_autogen::DiffOptions;
use aludel_introspect::Options;
use aludel_schema::RenameHint;

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
    /// Rename instead of drop and add (repeatable), as KIND:OLD=NEW.
    #[arg(
        long = "rename",
        value_name = "KIND:OLD=NEW",
        value_parser = parse_rename,
        long_help = "Rename instead of drop and add (repeatable). One of:\n  \
            schema:OLD=NEW                   schema:billing=finance\n  \
            table:SCHEMA.OLD=SCHEMA.NEW      table:public.users=public.accounts\n  \
            column:SCHEMA.TABLE.OLD=NEW      column:public.users.email=email_address\n  \
            enum:SCHEMA.OLD=SCHEMA.NEW       enum:public.mood=public.feeling\n  \
            enum-value:SCHEMA.TYPE.OLD=NEW   enum-value:public.status.pending=queued\n\
            The table or type of a column or enum value is named as in --to; a name that \
            needs quotes in SQL is written in double quotes. When a drop and an add look like \
            a rename, diff prints the --rename to pass and renames nothing it was not told."
    )]
    renames: Vec<RenameHint>,
}

fn parse_rename(s: &str) -> Result<RenameHint, String> {
    s.parse::<RenameHint>().map_err(|e| e.reason)
}

pub(crate) async fn run(
    args: Args,
    settings: &settings::Args,
    io: &mut Io<'_>,
) -> Result<u8, Failure> {
    let options = DiffOptions {
        introspect: Options {
            schemas: args.schemas,
            ..Settings::resolve(settings)?.introspect_options()
        },
        render: aludel_render::Options::resolve(args.online, args.lock_timeout),
        downgrade: args.downgrade,
        renames: args.renames,
    };
    let diff = aludel_autogen::diff_databases(&args.from, &args.to, &options).await?;
    for d in &diff.diagnostics {
        writeln!(io.err, "warning: {}", d.finding()).map_err(write_failed)?;
        if let Some(h) = d.rename() {
            writeln!(
                io.err,
                "hint: if this is a rename, pass `{}` (nothing is renamed unless told)",
                h.cli_argument()
            )
            .map_err(write_failed)?;
        }
    }
    for h in &diff.online_hints {
        writeln!(io.err, "hint: {h}").map_err(write_failed)?;
    }
    if diff.changes == 0 {
        return Ok(EXIT_OK);
    }
    io.out
        .write_all(diff.script.as_bytes())
        .map_err(write_failed)?;
    Ok(EXIT_DRIFT)
}

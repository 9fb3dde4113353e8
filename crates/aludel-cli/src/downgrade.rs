//! `aludel downgrade -N|REV|base [--sql FROM:TO] [--yes]`: undoes migrations; with `--sql`,
//! prints the SQL instead, from FROM in `FROM:TO`, without connecting.

use aludel_runner::{DowngradeTarget, Target};

use crate::apply::{Confirm, apply, assumed_state, print_sql};
use crate::settings::{self, Settings};
use crate::{Failure, Io};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// `-N` (the N most recently applied), a revision (undo everything that is not it or an
    /// ancestor), or `base` (undo all); with --sql `FROM:TO`.
    #[arg(allow_hyphen_values = true)]
    target: String,
    /// Print the SQL (version-table statements included) instead of running it, from FROM in
    /// `FROM:TO` (e.g. `head:base`), without reading a database.
    #[arg(long)]
    sql: bool,
    #[command(flatten)]
    confirm: Confirm,
}

pub(crate) async fn run(
    args: Args,
    settings: &settings::Args,
    io: &mut Io<'_>,
) -> Result<u8, Failure> {
    let settings = Settings::resolve(settings)?;
    let set = settings.load()?;
    if args.sql {
        let Some((from, to)) = args.target.split_once(':') else {
            return Err(Failure::new(format!(
                "`downgrade --sql {}` needs the revision to start from",
                args.target
            ))
            .with_hint(format!(
                "write FROM:TO, e.g. `downgrade --sql head:{}`",
                args.target
            )));
        };
        let from = assumed_state(&set, from)?;
        let target = Target::Downgrade(DowngradeTarget::parse(to));
        return print_sql(&settings, &set, &from, &target, io);
    }
    if args.target.contains(':') {
        return Err(Failure::new(format!(
            "`{}`: a FROM:TO range only works with --sql",
            args.target
        ))
        .with_hint("the database says where a run starts; name only the target"));
    }
    let target = Target::Downgrade(DowngradeTarget::parse(&args.target));
    apply(&settings, &set, &target, &args.confirm, io).await
}

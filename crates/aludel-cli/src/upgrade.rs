//! `aludel upgrade [head|heads|REV|+N] [--sql] [--yes]`: applies migrations; with `--sql`,
//! prints the SQL instead, from `base` or from `FROM` in `FROM:TO`, without connecting.

use aludel_runner::{AppliedState, Target, UpgradeTarget};

use crate::apply::{Confirm, apply, assumed_state, print_sql};
use crate::settings::{self, Settings};
use crate::{Failure, Io};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// `head` (the single head), `heads` (every branch), a revision, or `+N` (the next N);
    /// with --sql also `FROM:TO`.
    #[arg(default_value = "head")]
    target: String,
    /// Print the SQL (version-table statements included) instead of running it; no database
    /// is read: the SQL starts from `base`, or from FROM in `FROM:TO`.
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
        let (from, to) = match args.target.split_once(':') {
            Some((from, to)) => (assumed_state(&set, from)?, to),
            None => (AppliedState::empty(), args.target.as_str()),
        };
        let target = Target::Upgrade(UpgradeTarget::parse(to));
        return print_sql(&settings, &set, &from, &target, io);
    }
    if args.target.contains(':') {
        return Err(Failure::new(format!(
            "`{}`: a FROM:TO range only works with --sql",
            args.target
        ))
        .with_hint("the database says where a run starts; name only the target"));
    }
    let target = Target::Upgrade(UpgradeTarget::parse(&args.target));
    apply(&settings, &set, &target, &args.confirm, io).await
}

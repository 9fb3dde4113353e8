//! `aludel repair REV [--reverted]`: after a `transaction none` migration failed or was
//! interrupted, records what the operator fixed by hand: by default that its effects are now
//! complete (the revision counts as applied), with `--reverted` that they were undone (its row
//! is removed, so the next `upgrade` runs it again).

use aludel_runner::{RepairOutcome, Target};

use crate::apply::{Confirm, apply};
use crate::settings::{self, Settings};
use crate::{Failure, Io};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The dirty revision (`current` and `history` name it).
    revision: String,
    /// The migration's effects were undone by hand: forget it, so `upgrade` runs it again.
    #[arg(long)]
    reverted: bool,
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
    let outcome = if args.reverted {
        RepairOutcome::Reverted
    } else {
        RepairOutcome::Applied
    };
    let target = Target::Repair {
        revision: args.revision,
        outcome,
    };
    apply(&settings, &set, &target, &args.confirm, io).await
}

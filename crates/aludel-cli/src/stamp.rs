//! `aludel stamp REV|head|base` and `aludel stamp --purge`: sets the version table to a
//! revision and its ancestors (or empties it) without running any migration.

use aludel_runner::Target;

use crate::apply::{Confirm, apply};
use crate::settings::{self, Settings};
use crate::{Failure, Io};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The revision to record as applied, with its ancestors (`head` for the single head;
    /// `base` empties the table as --purge does).
    #[arg(required_unless_present = "purge", conflicts_with = "purge")]
    revision: Option<String>,
    /// Empty the version table, even of revisions this directory does not know.
    #[arg(long)]
    purge: bool,
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
    let target = match args.revision.as_deref() {
        None | Some("base") => Target::StampPurge,
        Some("head") => match set.graph().head()? {
            Some(head) => Target::Stamp(head.to_string()),
            None => Target::StampPurge,
        },
        Some(revision) => Target::Stamp(revision.to_owned()),
    };
    apply(&settings, &set, &target, &args.confirm, io).await
}

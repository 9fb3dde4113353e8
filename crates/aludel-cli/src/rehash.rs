//! `aludel rehash REV`: accepts the current content of an applied migration that was edited
//! on purpose, recording its new checksum.

use aludel_runner::Target;

use crate::apply::{Confirm, apply};
use crate::settings::{self, Settings};
use crate::{Failure, Io};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The applied revision whose file was edited.
    revision: String,
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
    apply(
        &settings,
        &set,
        &Target::Rehash(Some(args.revision)),
        &args.confirm,
        io,
    )
    .await
}

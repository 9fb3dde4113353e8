//! `verify`: replays the whole history in a throwaway database, up one revision at a time, down
//! to base, and up again; names the first revision that breaks.

use crate::failure::write_failed;
use crate::project::{self, EnvArgs};
use crate::{EXIT_OK, Failure, Io, settings};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    env: EnvArgs,
}

pub(crate) async fn run(
    args: Args,
    models: &aludel::Schema,
    settings: &settings::Args,
    io: &mut Io<'_>,
) -> Result<u8, Failure> {
    let r = project::resolve(models, settings, &args.env, None)?;
    let report = aludel_autogen::verify(&r.project, &r.env).await?;
    writeln!(
        io.out,
        "ok: {} revision(s) upgraded one at a time, downgraded to base and upgraded again",
        report.revisions
    )
    .map_err(write_failed)?;
    Ok(EXIT_OK)
}

//! `aludel heads [--verbose]`: the revisions without children, one a line; more than one means
//! branches to join with `merge`.

use crate::settings::{self, Settings};
use crate::{EXIT_OK, Failure, Io, failure::write_failed};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Also print each head's file.
    #[arg(long, short = 'v')]
    verbose: bool,
}

pub(crate) fn run(args: Args, settings: &settings::Args, io: &mut Io<'_>) -> Result<u8, Failure> {
    let settings = Settings::resolve(settings)?;
    let set = settings.load()?;
    let mut text = String::new();
    for head in set.graph().heads() {
        let Some(file) = set.get(head) else { continue };
        text.push_str(head.as_str());
        let message = file.migration().message();
        if !message.is_empty() {
            text.push_str(" - ");
            text.push_str(message);
        }
        text.push('\n');
        if args.verbose {
            text.push_str(&format!("    file: {}\n", file.path().display()));
        }
    }
    io.out.write_all(text.as_bytes()).map_err(write_failed)?;
    Ok(EXIT_OK)
}

//! `aludel history [--verbose]`: every revision, newest first, with its state in the database
//! when one is given: applied, pending, modified since applied, dirty; and the revisions the
//! database has that this directory does not know.

use std::fmt::Write as _;

use aludel_runner::Status;

use crate::settings::{self, Settings};
use crate::{EXIT_OK, Failure, Io, failure::write_failed};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Also print parents, file, transaction mode and checksum.
    #[arg(long, short = 'v')]
    verbose: bool,
}

pub(crate) async fn run(
    args: Args,
    settings: &settings::Args,
    io: &mut Io<'_>,
) -> Result<u8, Failure> {
    let settings = Settings::resolve(settings)?;
    let set = settings.load()?;
    let applied = match settings.url_opt() {
        Some(_) => Some(settings.read_applied().await?),
        None => None,
    };
    let mut text = String::new();
    if let Some(applied) = &applied {
        for row in applied.unknown(&set) {
            let _ = writeln!(text, "unknown  {}", row.revision);
            let _ = writeln!(
                text,
                "         applied to the database but not in {}",
                settings.dir.display()
            );
        }
    }
    for rev in set.graph().topological_order().iter().rev() {
        let Some(file) = set.get(rev) else { continue };
        let row = applied.as_ref().and_then(|a| a.get(rev.as_str()));
        let status = applied.as_ref().map(|a| a.status(file));
        if let Some(status) = status {
            let _ = write!(text, "{:<8} ", status.as_str());
        }
        let _ = write!(text, "{rev}{}", set.graph().tags(rev));
        let message = file.migration().message();
        if !message.is_empty() {
            let _ = write!(text, " - {message}");
        }
        text.push('\n');
        let pad = if status.is_some() {
            "         "
        } else {
            "    "
        };
        match (status, row) {
            (Some(Status::Modified), _) => {
                let _ = writeln!(
                    text,
                    "{pad}{} was edited after it was applied; restore it, or accept it with `rehash {rev}`",
                    file.path().display()
                );
            }
            (Some(Status::Dirty), Some(row)) => {
                let what = match &row.failure {
                    Some(f) => format!(
                        "{} failed at {}:{}: {}",
                        row.direction,
                        file.path().display(),
                        f.line,
                        f.error
                    ),
                    None => format!("{} was interrupted", row.direction),
                };
                let _ = writeln!(
                    text,
                    "{pad}{what}; fix it by hand, then `repair {rev}` (or `repair {rev} --reverted`)"
                );
            }
            _ => {}
        }
        if args.verbose {
            let parents = file
                .parents()
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let _ = writeln!(
                text,
                "{pad}parents: {}",
                if parents.is_empty() {
                    "(none)"
                } else {
                    &parents
                }
            );
            let _ = writeln!(text, "{pad}file: {}", file.path().display());
            let _ = writeln!(text, "{pad}transaction: {}", file.migration().transaction());
            let _ = writeln!(text, "{pad}checksum: {}", file.checksum());
        }
    }
    io.out.write_all(text.as_bytes()).map_err(write_failed)?;
    Ok(EXIT_OK)
}

//! `aludel revision -m MSG`: writes an empty revision whose parent is the single head, to fill
//! in by hand; and the file writing shared with `merge`.

use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use aludel_migrations::{Migration, MigrationSet, RevisionId, TransactionMode};

use crate::settings::{self, Settings};
use crate::{EXIT_OK, Failure, Io, failure::write_failed};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// What the revision does (also the slug of its id).
    #[arg(long, short = 'm')]
    message: String,
    /// Statements run outside a transaction, each committed on its own (for CONCURRENTLY).
    #[arg(long)]
    no_transaction: bool,
}

pub(crate) fn run(args: Args, settings: &settings::Args, io: &mut Io<'_>) -> Result<u8, Failure> {
    let settings = Settings::resolve(settings)?;
    let set = if settings.dir.exists() {
        settings.load()?
    } else {
        MigrationSet::default()
    };
    let parents: Vec<RevisionId> = set.graph().head()?.into_iter().cloned().collect();
    let mode = if args.no_transaction {
        TransactionMode::None
    } else {
        TransactionMode::PerMigration
    };
    let path = write_new(&settings, &set, parents, &args.message, mode)?;
    writeln!(io.out, "{}", path.display()).map_err(write_failed)?;
    Ok(EXIT_OK)
}

/// Writes a new revision with `parents` and empty sections into the settings' directory (never
/// over an existing file), with an id made from the current UTC time, then checks that the
/// directory still loads. Returns the new file's path.
pub(crate) fn write_new(
    settings: &Settings,
    set: &MigrationSet,
    parents: Vec<RevisionId>,
    message: &str,
    transaction: TransactionMode,
) -> Result<PathBuf, Failure> {
    if message.trim().is_empty() {
        return Err(Failure::new("the message is empty")
            .with_hint("say what the revision does with -m \"add agents table\""));
    }
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let migration = Migration::new(set.new_revision_id(now, message), parents, message)
        .with_transaction(transaction);
    let paths = aludel_migrations::write_new(&settings.dir, &[migration])?;
    settings.load()?;
    Ok(paths.into_iter().next().unwrap_or_default())
}

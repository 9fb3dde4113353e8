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
    if !settings.dir.exists() {
        std::fs::create_dir_all(&settings.dir).map_err(|e| {
            Failure::new(format!(
                "{}: cannot create the migrations directory: {e}",
                settings.dir.display()
            ))
        })?;
    }
    let set = settings.load()?;
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

/// Writes a new revision with `parents` and empty sections into the settings' directory, with
/// an id made from the current UTC time (moved on by seconds past every revision of the set), then
/// checks that the directory still loads. Returns the new file's path.
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
    let revision = RevisionId::generate(set.next_revision_time(now), message);
    let migration =
        Migration::new(revision.clone(), parents, message).with_transaction(transaction);
    let path = settings.dir.join(revision.file_name());
    std::fs::write(&path, migration.write()).map_err(|e| {
        Failure::new(format!("{}: cannot write the file: {e}", path.display()))
            .with_hint("check that the migrations directory is writable")
    })?;
    settings.load()?;
    Ok(path)
}

//! `aludel merge -m MSG [REV...]`: writes a revision whose parents are the heads (or the given
//! revisions), joining parallel branches; its sections are empty unless filled in by hand.

use aludel_migrations::{RevisionId, TransactionMode};

use crate::revision::write_new;
use crate::settings::{self, Settings};
use crate::{EXIT_OK, Failure, Io, failure::write_failed};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// What the merge joins.
    #[arg(long, short = 'm')]
    message: String,
    /// The revisions to join [default: every head].
    revisions: Vec<String>,
}

pub(crate) fn run(args: Args, settings: &settings::Args, io: &mut Io<'_>) -> Result<u8, Failure> {
    let settings = Settings::resolve(settings)?;
    let set = settings.load()?;
    let parents: Vec<RevisionId> = if args.revisions.is_empty() {
        set.graph().heads().into_iter().cloned().collect()
    } else {
        let mut out = Vec::new();
        for rev in &args.revisions {
            out.push(set.find(rev)?.revision().clone());
        }
        out
    };
    let mut unique = parents.clone();
    unique.sort();
    unique.dedup();
    if unique.len() < 2 {
        let what = if args.revisions.is_empty() {
            "there is only one head, nothing to merge".to_owned()
        } else {
            "a merge needs two or more different revisions".to_owned()
        };
        return Err(Failure::new(what).with_hint("`heads` lists the heads"));
    }
    let path = write_new(
        &settings,
        &set,
        parents,
        &args.message,
        TransactionMode::PerMigration,
    )?;
    writeln!(io.out, "{}", path.display()).map_err(write_failed)?;
    Ok(EXIT_OK)
}

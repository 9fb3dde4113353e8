//! `aludel current`: the revisions the database is at (applied revisions with no applied
//! child) and any dirty or edited one, marked `(head)`, `(dirty)`, `(modified)`, or unknown to this directory.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use aludel_runner::Status;

use crate::settings::{self, Settings};
use crate::{EXIT_OK, Failure, Io, failure::write_failed};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {}

pub(crate) async fn run(
    _args: Args,
    settings: &settings::Args,
    io: &mut Io<'_>,
) -> Result<u8, Failure> {
    let settings = Settings::resolve(settings)?;
    let set = settings.load()?;
    let applied = settings.read_applied().await?;
    let graph = set.graph();
    let mut text = String::new();
    for row in applied.unknown(&set) {
        let _ = writeln!(
            text,
            "{} (unknown to {})",
            row.revision,
            settings.dir.display()
        );
    }
    let applied_set: BTreeSet<&str> = applied.rows().iter().map(|r| r.revision.as_str()).collect();
    for rev in graph.topological_order() {
        if !applied_set.contains(rev.as_str()) {
            continue;
        }
        let Some(file) = set.get(rev) else { continue };
        let status = applied.status(file);
        let children = graph.children(rev).unwrap_or_default();
        let tip = !children.iter().any(|c| applied_set.contains(c.as_str()));
        if !tip && status == Status::Applied {
            continue;
        }
        let _ = write!(text, "{rev}");
        if children.is_empty() {
            text.push_str(" (head)");
        }
        match status {
            Status::Dirty => text.push_str(" (dirty)"),
            Status::Modified => text.push_str(" (modified)"),
            Status::Applied | Status::Pending => {}
        }
        text.push('\n');
    }
    io.out.write_all(text.as_bytes()).map_err(write_failed)?;
    Ok(EXIT_OK)
}

//! `aludel show REV|head`: one revision's header, its place in the graph, and its file.

use std::fmt::Write as _;

use crate::settings::{self, Settings};
use crate::{EXIT_OK, Failure, Io, failure::write_failed};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A revision id, or `head` for the single head.
    revision: String,
}

pub(crate) fn run(args: Args, settings: &settings::Args, io: &mut Io<'_>) -> Result<u8, Failure> {
    let settings = Settings::resolve(settings)?;
    let set = settings.load()?;
    let file = match args.revision.as_str() {
        "head" => match set.graph().head()? {
            Some(head) => set.find(head.as_str())?,
            None => {
                return Err(Failure::new("there are no revisions")
                    .with_hint("write the first one with `revision -m <message>`"));
            }
        },
        revision => set.find(revision)?,
    };
    let graph = set.graph();
    let join = |revs: &[aludel_migrations::RevisionId]| {
        if revs.is_empty() {
            "(none)".to_owned()
        } else {
            revs.iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let migration = file.migration();
    let mut text = String::new();
    let _ = writeln!(text, "revision:    {}", file.revision());
    let _ = writeln!(text, "parents:     {}", join(file.parents()));
    let _ = writeln!(
        text,
        "children:    {}",
        join(graph.children(file.revision()).unwrap_or_default())
    );
    let _ = writeln!(text, "file:        {}", file.path().display());
    let _ = writeln!(text, "message:     {}", migration.message());
    let _ = writeln!(text, "transaction: {}", migration.transaction());
    for hazard in migration.hazards() {
        let _ = writeln!(
            text,
            "hazard:      {} {}",
            hazard.hazard().code(),
            hazard.object()
        );
    }
    let _ = writeln!(text, "checksum:    {}", file.checksum());
    text.push('\n');
    text.push_str(file.content());
    if !text.ends_with('\n') {
        text.push('\n');
    }
    io.out.write_all(text.as_bytes()).map_err(write_failed)?;
    Ok(EXIT_OK)
}

//! The errors of reading, parsing and checking migrations, each naming the file and line it is
//! about, with a [`Error::hint`] where the user can act.

use std::fmt::Write as _;
use std::io;
use std::path::PathBuf;

use crate::id::{InvalidRevisionId, RevisionId};
use crate::section::Section;
use crate::split::Unterminated;

/// Everything that can be wrong with a `migrations/` directory or one of its files.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    // The causes below are part of the message and deliberately not `source()`, so that printing
    // the chain does not repeat them.
    #[error("{}: cannot read the migrations directory: {error}", path.display())]
    ReadDir { path: PathBuf, error: io::Error },

    #[error("{}: cannot read the file: {error}", path.display())]
    ReadFile { path: PathBuf, error: io::Error },

    #[error("{}: cannot create the migrations directory: {error}", path.display())]
    CreateDir { path: PathBuf, error: io::Error },

    #[error("{}: cannot write the file: {error}", path.display())]
    WriteFile { path: PathBuf, error: io::Error },

    #[error("{}:{line}: the file is not valid utf-8", path.display())]
    NotUtf8 { path: PathBuf, line: usize },

    #[error("{}: a migration file name must end in `.sql`", path.display())]
    BadFileName { path: PathBuf },

    #[error("{}:{line}: unknown directive `-- aludel: {name}`", path.display())]
    UnknownDirective {
        path: PathBuf,
        line: usize,
        name: String,
    },

    #[error("{}:{line}: malformed directive `-- aludel: {name}`: {reason}", path.display())]
    MalformedDirective {
        path: PathBuf,
        line: usize,
        name: String,
        reason: &'static str,
    },

    #[error("{}:{line}: directive `{name}` given twice, first on line {first_line}", path.display())]
    DuplicateDirective {
        path: PathBuf,
        line: usize,
        first_line: usize,
        name: String,
    },

    #[error("{}:{line}: directive `{name}` after the sections start", path.display())]
    DirectiveAfterSections {
        path: PathBuf,
        line: usize,
        name: String,
    },

    #[error("{}:{line}: sql before the upgrade section", path.display())]
    SqlBeforeSections { path: PathBuf, line: usize },

    #[error("{}:{line}: the downgrade section comes before the upgrade section", path.display())]
    SectionOrder { path: PathBuf, line: usize },

    #[error("{}: no `-- aludel: revision` directive", path.display())]
    MissingRevision { path: PathBuf },

    #[error("{}: no upgrade section", path.display())]
    MissingUpgrade { path: PathBuf },

    #[error("{}: no downgrade section", path.display())]
    MissingDowngrade { path: PathBuf },

    #[error("{}:{line}: {error}", path.display())]
    MalformedId {
        path: PathBuf,
        line: usize,
        error: InvalidRevisionId,
    },

    #[error(
        "{}:{line}: revision `{revision}` does not match the file name `{stem}.sql`",
        path.display()
    )]
    RevisionMismatch {
        path: PathBuf,
        line: usize,
        revision: RevisionId,
        stem: String,
    },

    #[error("{}:{line}: unknown transaction mode `{value}`", path.display())]
    UnknownTransactionMode {
        path: PathBuf,
        line: usize,
        value: String,
    },

    #[error("{}:{line}: unknown hazard code `{code}`", path.display())]
    UnknownHazard {
        path: PathBuf,
        line: usize,
        code: String,
    },

    #[error("{}:{line}: parent `{parent}` is listed twice", path.display())]
    DuplicateParent {
        path: PathBuf,
        line: usize,
        parent: RevisionId,
    },

    #[error("{}:{line}: unterminated {what} in the {section} section", path.display())]
    Unterminated {
        path: PathBuf,
        line: usize,
        section: Section,
        what: Unterminated,
    },

    #[error(
        "{}: revision `{revision}` is defined twice, also by {}",
        first.display(),
        second.display()
    )]
    DuplicateRevision {
        revision: RevisionId,
        first: PathBuf,
        second: PathBuf,
    },

    #[error(
        "{}:{line}: parent `{parent}` of revision `{revision}` is not in the migrations",
        path.display()
    )]
    MissingParent {
        path: PathBuf,
        line: usize,
        revision: RevisionId,
        parent: RevisionId,
    },

    #[error("{}:{line}: revisions form a cycle: {}", path.display(), cycle_text(.revisions))]
    Cycle {
        path: PathBuf,
        line: usize,
        /// The revisions of the cycle, each a parent of the next and the last a parent of the
        /// first, starting from the smallest id.
        revisions: Vec<RevisionId>,
    },

    #[error("line {line} of the {section} sql is an aludel directive")]
    DirectiveInSection { section: Section, line: usize },

    #[error("the migrations have several heads: {}", list(.heads))]
    MultipleHeads { heads: Vec<RevisionId> },

    #[error("unknown revision `{revision}`")]
    UnknownRevision { revision: String },
}

impl Error {
    /// What the user can do about it, when there is something to do.
    pub fn hint(&self) -> Option<String> {
        let hint = match self {
            Error::ReadDir { .. } => "check that the directory exists and is readable".to_owned(),
            Error::ReadFile { .. } => "check that the file is readable".to_owned(),
            Error::CreateDir { .. } => "check that the parent directory is writable".to_owned(),
            Error::WriteFile { error, .. } if error.kind() == io::ErrorKind::AlreadyExists => {
                "a file of that name exists already and was left as it is; try again".to_owned()
            }
            Error::WriteFile { .. } => "check that the migrations directory is writable".to_owned(),
            Error::NotUtf8 { .. } => "save the file as utf-8".to_owned(),
            Error::BadFileName { .. } => {
                "name the file `<revision>.sql`, with `.sql` in lowercase".to_owned()
            }
            Error::UnknownDirective { .. } => {
                "known directives are revision, parents, message, transaction, hazard, upgrade \
                 and downgrade; write `--` without `aludel:` for a plain comment"
                    .to_owned()
            }
            Error::MalformedDirective { .. } => return None,
            Error::DuplicateDirective { name, .. } if name == "parents" => {
                "list every parent on one `-- aludel: parents` line".to_owned()
            }
            Error::DuplicateDirective { .. } => "remove one of them".to_owned(),
            Error::DirectiveAfterSections { .. } => {
                "move it to the header, above `-- aludel: upgrade`".to_owned()
            }
            Error::SqlBeforeSections { .. } => {
                "put statements below `-- aludel: upgrade` or `-- aludel: downgrade`".to_owned()
            }
            Error::SectionOrder { .. } => {
                "put `-- aludel: upgrade` and its statements first".to_owned()
            }
            Error::MissingRevision { path } => {
                let stem = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.strip_suffix(".sql"))
                    .unwrap_or("<revision>");
                format!("add `-- aludel: revision {stem}` as the first line")
            }
            Error::MissingUpgrade { .. } => {
                "add a line `-- aludel: upgrade` above the statements that apply the revision"
                    .to_owned()
            }
            Error::MissingDowngrade { .. } => {
                "add a line `-- aludel: downgrade` after the upgrade statements (the section may \
                 be empty)"
                    .to_owned()
            }
            Error::MalformedId { .. } => {
                "revision ids look like `20261121120501_add_agents_table`".to_owned()
            }
            Error::RevisionMismatch { revision, .. } => format!(
                "rename the file to `{}`, or fix the directive; the file name is the revision id",
                revision.file_name()
            ),
            Error::UnknownTransactionMode { .. } => "write `per-migration` or `none`".to_owned(),
            Error::UnknownHazard { .. } => {
                let codes: Vec<&str> = aludel_sql::Hazard::ALL.iter().map(|h| h.code()).collect();
                let (last, rest) = codes.split_last().expect("there are hazard codes");
                format!("known codes are {} and {last}", rest.join(", "))
            }
            Error::DuplicateParent { .. } => "list each parent once".to_owned(),
            Error::Unterminated { what, .. } => match what {
                Unterminated::Parenthesis => "add the missing `)`".to_owned(),
                Unterminated::DollarQuote(tag) => format!("close the body with `{tag}`"),
                _ => "close it; a `;` inside it does not end a statement".to_owned(),
            },
            Error::DuplicateRevision { .. } => {
                "each revision lives in exactly one file; remove or rename one of them".to_owned()
            }
            Error::MissingParent { parent, .. } => format!(
                "restore `{}` from version control, or fix the `parents` directive",
                parent.file_name()
            ),
            Error::Cycle { .. } => {
                "a revision cannot descend from itself; fix the `parents` directive of one of \
                 them"
                    .to_owned()
            }
            Error::DirectiveInSection { .. } => {
                "directives belong in the header; write `--` without `aludel:` for a comment"
                    .to_owned()
            }
            Error::MultipleHeads { .. } => "join them with `merge -m <message>`".to_owned(),
            Error::UnknownRevision { .. } => {
                "`heads` and `history` list the revisions of this directory".to_owned()
            }
        };
        Some(hint)
    }
}

fn cycle_text(revisions: &[RevisionId]) -> String {
    let mut out = String::new();
    for rev in revisions.iter().chain(revisions.first()) {
        if !out.is_empty() {
            out.push_str(" -> ");
        }
        let _ = write!(out, "{rev}");
    }
    out
}

fn list(revisions: &[RevisionId]) -> String {
    let names: Vec<&str> = revisions.iter().map(RevisionId::as_str).collect();
    names.join(", ")
}

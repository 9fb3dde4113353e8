//! One migration file: its header directives and its upgrade and downgrade sections; parsing a
//! file into a [`MigrationFile`] and writing a [`Migration`] as text.
//!
//! ```sql
//! -- aludel: revision 20261121120501_add_agents_table
//! -- aludel: parents 20261120093000_initial
//! -- aludel: message add agents table
//! -- aludel: transaction per-migration
//! -- aludel: hazard data-loss public.agents.legacy_flag
//!
//! -- aludel: upgrade
//! ...
//!
//! -- aludel: downgrade
//! ...
//! ```
//!
//! The header may also hold blank lines and plain `--` comments; writing produces the canonical
//! form above, and parsing what was written gives back the same [`Migration`].
//!
//! `header` holds the directive vocabulary, `parse` reads a file, `write` writes one; this
//! module holds the [`Migration`] value the two share.

mod header;
mod parse;
mod write;

pub use crate::section::Section;
pub use header::{HazardLine, TransactionMode};
pub use parse::{MigrationFile, parse};

use crate::checksum::normalize_line_endings;
use crate::error::Error;
use crate::id::RevisionId;
use header::{directive, one_line};

/// The content of a migration file: what [`Migration::write`] writes and [`parse`] reads back.
///
/// Every field is kept in the form that survives a write and a parse: the message and hazard
/// objects on one trimmed line, parents without repeats, section bodies with LF line endings and
/// without leading or trailing blank lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    revision: RevisionId,
    parents: Vec<RevisionId>,
    message: String,
    transaction: TransactionMode,
    hazards: Vec<HazardLine>,
    upgrade: String,
    downgrade: String,
}

impl Migration {
    /// A migration with empty sections, `per-migration` transactions and no hazards. `parents`
    /// is empty for the first revision and has two or more entries for a merge; repeats are
    /// dropped. Line breaks in the message become spaces.
    pub fn new(
        revision: RevisionId,
        parents: impl IntoIterator<Item = RevisionId>,
        message: &str,
    ) -> Migration {
        let mut unique: Vec<RevisionId> = Vec::new();
        for parent in parents {
            if !unique.contains(&parent) {
                unique.push(parent);
            }
        }
        Migration {
            revision,
            parents: unique,
            message: one_line(message),
            transaction: TransactionMode::PerMigration,
            hazards: Vec::new(),
            upgrade: String::new(),
            downgrade: String::new(),
        }
    }

    pub fn with_transaction(mut self, transaction: TransactionMode) -> Migration {
        self.transaction = transaction;
        self
    }

    pub fn with_hazard(mut self, hazard: HazardLine) -> Migration {
        self.hazards.push(hazard);
        self
    }

    /// Sets the upgrade section. Fails when a line of `sql` is an `-- aludel:` directive, which
    /// would end the section when the file is read back.
    pub fn with_upgrade(mut self, sql: &str) -> Result<Migration, Error> {
        self.upgrade = section_body(Section::Upgrade, sql)?;
        Ok(self)
    }

    /// Sets the downgrade section; fails as [`Migration::with_upgrade`] does.
    pub fn with_downgrade(mut self, sql: &str) -> Result<Migration, Error> {
        self.downgrade = section_body(Section::Downgrade, sql)?;
        Ok(self)
    }

    pub fn revision(&self) -> &RevisionId {
        &self.revision
    }

    pub fn parents(&self) -> &[RevisionId] {
        &self.parents
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn transaction(&self) -> TransactionMode {
        self.transaction
    }

    pub fn hazards(&self) -> &[HazardLine] {
        &self.hazards
    }

    /// The text of a section, without leading or trailing blank lines.
    pub fn section(&self, section: Section) -> &str {
        match section {
            Section::Upgrade => &self.upgrade,
            Section::Downgrade => &self.downgrade,
        }
    }

    /// `<revision>.sql`.
    pub fn file_name(&self) -> String {
        self.revision.file_name()
    }
}

/// `sql` as a section body: LF line endings, no directive lines, blank lines trimmed at both
/// ends.
fn section_body(section: Section, sql: &str) -> Result<String, Error> {
    let sql = normalize_line_endings(sql);
    let lines: Vec<&str> = sql.split('\n').collect();
    if let Some(index) = lines.iter().position(|line| directive(line).is_some()) {
        return Err(Error::DirectiveInSection {
            section,
            line: index + 1,
        });
    }
    Ok(trim_blank_lines(&lines).0)
}

/// The lines joined by LF without the blank lines at either end, and how many were dropped at
/// the start.
fn trim_blank_lines(lines: &[&str]) -> (String, usize) {
    let blank = |line: &&&str| line.trim().is_empty();
    let leading = lines.iter().take_while(blank).count();
    let trailing = lines[leading..].iter().rev().take_while(blank).count();
    let kept = &lines[leading..lines.len() - trailing];
    (kept.join("\n"), leading)
}

//! What the version table says: the revisions applied to a database, in the order they were
//! applied, with their checksums and dirty state.

use aludel_migrations::{MigrationFile, MigrationSet, RevisionId};

use crate::table::Direction;

/// One row of the version table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedRow {
    /// As stored; it may name a revision this directory does not have.
    pub revision: String,
    pub parents: Vec<String>,
    pub checksum: String,
    /// `false` while a `transaction none` migration is mid-way, or after it failed.
    pub success: bool,
    /// The operation last started on this row.
    pub direction: Direction,
    /// Where a `transaction none` migration failed, when it did.
    pub failure: Option<Failure>,
}

/// The statement a non-transactional migration failed on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub line: usize,
    pub statement: String,
    pub error: String,
}

/// The content of the version table, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppliedState {
    rows: Vec<AppliedRow>,
}

impl AppliedState {
    /// A database where nothing is applied.
    pub fn empty() -> AppliedState {
        AppliedState::default()
    }

    /// Rows in the order they were applied.
    pub fn from_rows(rows: Vec<AppliedRow>) -> AppliedState {
        AppliedState { rows }
    }

    /// The state a database would have after applying `revisions` (each with its ancestors) of
    /// `set` cleanly, in topological order: the `FROM` of `--sql FROM:TO`. Unknown revisions are
    /// ignored.
    pub fn assumed(set: &MigrationSet, revisions: &[RevisionId]) -> AppliedState {
        let graph = set.graph();
        let mut wanted = std::collections::BTreeSet::new();
        for revision in revisions {
            if let Some(ancestors) = graph.ancestors(revision) {
                wanted.extend(ancestors.into_iter().cloned());
                wanted.insert(revision.clone());
            }
        }
        let rows = set
            .iter()
            .filter(|file| wanted.contains(file.revision()))
            .map(|file| AppliedRow {
                revision: file.revision().to_string(),
                parents: file.parents().iter().map(ToString::to_string).collect(),
                checksum: file.checksum().to_string(),
                success: true,
                direction: Direction::Upgrade,
                failure: None,
            })
            .collect();
        AppliedState { rows }
    }

    pub fn rows(&self) -> &[AppliedRow] {
        &self.rows
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn get(&self, revision: &str) -> Option<&AppliedRow> {
        self.rows.iter().find(|row| row.revision == revision)
    }

    pub fn contains(&self, revision: &str) -> bool {
        self.get(revision).is_some()
    }

    /// Where `file`'s revision stands in this database.
    pub fn status(&self, file: &MigrationFile) -> Status {
        match self.get(file.revision().as_str()) {
            None => Status::Pending,
            Some(row) if !row.success => Status::Dirty,
            Some(row) if row.checksum != file.checksum().as_str() => Status::Modified,
            Some(_) => Status::Applied,
        }
    }

    /// The rows naming revisions that `set` does not have, in the order they were applied.
    pub fn unknown<'a>(&'a self, set: &MigrationSet) -> Vec<&'a AppliedRow> {
        self.rows
            .iter()
            .filter(|row| {
                RevisionId::parse(&row.revision)
                    .ok()
                    .and_then(|id| set.get(&id))
                    .is_none()
            })
            .collect()
    }
}

/// The state of one revision of the directory in a database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Applied,
    /// Not applied.
    Pending,
    /// Applied, and its file changed since (`rehash` accepts the new content).
    Modified,
    /// A `transaction none` migration that failed mid-way (`repair` records the fix).
    Dirty,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Applied => "applied",
            Status::Pending => "pending",
            Status::Modified => "modified",
            Status::Dirty => "dirty",
        }
    }
}

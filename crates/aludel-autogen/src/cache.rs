//! A cache of both sides, so that autogen and check with nothing new to replay or create need no
//! server: the introspected history keyed by the migration files and external SQL, the
//! introspected models keyed by the models' IR. Entries are JSON files named by a SHA-256 key;
//! a missing, unreadable or stale entry is a miss, never an error.

use std::path::{Path, PathBuf};

use aludel_migrations::{Checksum, MigrationSet};
use aludel_schema::Schema;
use serde::{Deserialize, Serialize};

use crate::project::Project;

/// Bumped whenever what is stored, or how a side is computed, changes meaning.
const FORMAT: &str = "aludel-autogen-cache-1";

#[derive(Serialize, Deserialize)]
struct Entry {
    /// The major version of the server that produced the schema.
    server_major: u32,
    schema: Schema,
}

/// The cache directory of a project, or nothing when caching is off.
pub(crate) struct Cache<'p> {
    dir: Option<&'p Path>,
}

impl<'p> Cache<'p> {
    pub(crate) fn new(project: &'p Project) -> Cache<'p> {
        Cache {
            dir: project.cache_dir.as_deref(),
        }
    }

    fn common(project: &Project) -> String {
        let mut s = format!(
            "{FORMAT}\n{}\n{}\n",
            env!("CARGO_PKG_VERSION"),
            project.version_table
        );
        for (_, sql) in &project.external_sql {
            s.push_str(Checksum::of(sql).as_str());
            s.push('\n');
        }
        s
    }

    /// The key of the replayed history: every file's revision and checksum, in replay order.
    pub(crate) fn history_key(project: &Project, set: &MigrationSet) -> String {
        let mut s = format!("history\n{}", Self::common(project));
        for rev in set.graph().topological_order() {
            if let Some(f) = set.get(rev) {
                s.push_str(&format!("{} {}\n", rev, f.checksum().as_str()));
            }
        }
        Checksum::of(&s).as_str().to_owned()
    }

    /// The key of the created models: their IR, hints included.
    pub(crate) fn models_key(project: &Project) -> String {
        let ir = serde_json::to_string(&project.models.schema).unwrap_or_default();
        let s = format!("models\n{}{ir}", Self::common(project));
        Checksum::of(&s).as_str().to_owned()
    }

    fn path(&self, key: &str) -> Option<PathBuf> {
        self.dir.map(|d| d.join(format!("{key}.json")))
    }

    /// The cached schema, when present and made by a server of `major` (any when `None`).
    pub(crate) fn get(&self, key: &str, major: Option<u32>) -> Option<(Schema, u32)> {
        let text = std::fs::read_to_string(self.path(key)?).ok()?;
        let entry: Entry = serde_json::from_str(&text).ok()?;
        if major.is_some_and(|m| m != entry.server_major) {
            return None;
        }
        Some((entry.schema, entry.server_major))
    }

    /// Both sides, when both are cached from servers of the same major version.
    pub(crate) fn both(
        &self,
        keys: &(String, String),
        major: Option<u32>,
    ) -> Option<(Schema, Schema)> {
        let (history, a) = self.get(&keys.0, major)?;
        let (models, b) = self.get(&keys.1, major)?;
        (a == b).then_some((history, models))
    }

    /// Stores a schema; failures are ignored (the cache only saves time).
    pub(crate) fn put(&self, key: &str, schema: &Schema, server_major: u32) {
        let (Some(dir), Some(path)) = (self.dir, self.path(key)) else {
            return;
        };
        let entry = Entry {
            server_major,
            schema: schema.clone(),
        };
        let Ok(text) = serde_json::to_string(&entry) else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        // Written aside then renamed, so a reader never sees half a file.
        let tmp = dir.join(format!(".{key}.{}.tmp", std::process::id()));
        if std::fs::write(&tmp, text).is_ok() {
            let _ = std::fs::rename(&tmp, &path);
        }
    }
}

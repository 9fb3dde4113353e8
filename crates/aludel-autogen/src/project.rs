//! What autogen, check and verify work on: the declared models, the migrations directory, the
//! external objects, and where throwaway and live databases come from.

use std::collections::BTreeSet;
use std::path::PathBuf;

use aludel_migrations::MigrationSet;
use aludel_runner::VersionTable;
use aludel_schema::{QualifiedName, Schema};

use crate::error::Error;

/// The application's declarations, as the facade's `aludel::Schema` gives them.
#[derive(Debug, Clone, Default)]
pub struct Models {
    /// Every owned object, with `renamed_from` hints.
    pub schema: Schema,
    /// Tables the history may drop because the application removed them on purpose.
    pub dropped: BTreeSet<QualifiedName>,
}

/// One project: models, history, and the objects that are not the project's own.
#[derive(Debug, Clone)]
pub struct Project {
    pub models: Models,
    /// The `migrations/` directory.
    pub migrations_dir: PathBuf,
    /// SQL run first in every throwaway database (extensions the platform installs, tables of
    /// other services); what it creates is never created, altered or dropped by a migration.
    /// Each entry is `(origin, sql)`, the origin naming where it came from for errors.
    pub external_sql: Vec<(String, String)>,
    pub version_table: VersionTable,
    /// Where both sides are cached between runs (`None`: no cache). A run whose migrations,
    /// external SQL and models are all unchanged then needs no server at all.
    pub cache_dir: Option<PathBuf>,
}

impl Project {
    pub fn new(models: Models, migrations_dir: impl Into<PathBuf>) -> Project {
        Project {
            models,
            migrations_dir: migrations_dir.into(),
            external_sql: Vec::new(),
            version_table: VersionTable::default(),
            cache_dir: None,
        }
    }

    pub(crate) fn version_table_name(&self) -> QualifiedName {
        QualifiedName::new(
            self.version_table.schema.as_str(),
            self.version_table.name.as_str(),
        )
    }
}

/// Where databases come from.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    /// A server where aludel may create and drop databases (`--dev-url`, `ALUDEL_DEV_URL`);
    /// a throwaway local cluster is started when `None`.
    pub dev_url: Option<String>,
    /// A live database to compare with (`--database-url`); never taken from `DATABASE_URL`
    /// implicitly.
    pub database_url: Option<String>,
    /// The PostgreSQL major version migrations are written for; a throwaway server of another
    /// major version is refused. Read from `database_url` when that is given.
    pub target_major: Option<u32>,
}

/// Loads the migrations directory; a directory that does not exist yet is an empty history.
pub(crate) fn load(project: &Project) -> Result<MigrationSet, Error> {
    if !project.migrations_dir.exists() {
        return Ok(MigrationSet::new(Vec::new())?);
    }
    Ok(aludel_migrations::load_dir(&project.migrations_dir)?)
}

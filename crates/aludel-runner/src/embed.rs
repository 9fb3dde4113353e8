//! Migrations compiled into an application's binary, applied at start-up by the same runner
//! (same lock, checksums and dirty-state checks).
//!
//! ```text
//! static MIGRATIONS: aludel_runner::EmbeddedMigrations = aludel_runner::embed_migrations!(
//!     "migrations";
//!     "20260101000000_initial.sql",
//!     "20260102000000_add_agents.sql",
//! );
//! MIGRATIONS.upgrade(&mut conn, &aludel_runner::Options::default()).await?;
//! ```

use aludel_migrations::MigrationSet;
use sqlx::postgres::PgConnection;

use crate::error::Error;
use crate::execute::{Options, Report, run};
use crate::plan::{Target, UpgradeTarget};

/// Compiles migration files into the binary: a directory relative to the calling crate's
/// `Cargo.toml`, then its files. Gives an [`EmbeddedMigrations`] usable in a `static`.
#[macro_export]
macro_rules! embed_migrations {
    ($dir:literal; $($file:literal),+ $(,)?) => {
        $crate::EmbeddedMigrations::new(&[
            $((
                concat!($dir, "/", $file),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $dir, "/", $file)),
            )),+
        ])
    };
}

/// `(path, content)` of each migration file, as [`embed_migrations!`] compiles them in.
#[derive(Debug, Clone, Copy)]
pub struct EmbeddedMigrations {
    files: &'static [(&'static str, &'static str)],
}

impl EmbeddedMigrations {
    pub const fn new(files: &'static [(&'static str, &'static str)]) -> EmbeddedMigrations {
        EmbeddedMigrations { files }
    }

    pub fn files(&self) -> &'static [(&'static str, &'static str)] {
        self.files
    }

    /// Parses and checks the files as one set, as `load_dir` does for a directory.
    pub fn load(&self) -> Result<MigrationSet, Error> {
        Ok(MigrationSet::from_files(self.files.iter().copied())?)
    }

    /// Runs toward `target` without confirmation or progress display.
    pub async fn run(
        &self,
        conn: &mut PgConnection,
        target: &Target,
        options: &Options,
    ) -> Result<Report, Error> {
        let set = self.load()?;
        run(conn, &set, target, options, |_| true, |_| {}).await
    }

    /// Upgrades to the single head: what an application does at start-up.
    pub async fn upgrade(
        &self,
        conn: &mut PgConnection,
        options: &Options,
    ) -> Result<Report, Error> {
        self.run(conn, &Target::Upgrade(UpgradeTarget::Head), options)
            .await
    }
}

//! `aludel.toml`, read once and typed, for the CLI, autogen and the xtask: the `[migrations]`
//! table (directory, version table, lock timeout, role), `[autogen]` (dev server, target
//! version, online forms) and `[external]` (SQL of objects other services own).
//!
//! ```toml
//! [migrations]
//! dir = "db/migrations"                    # default "migrations"
//! version_table = "ops.aludel_migrations"  # default "public.aludel_migrations"
//! lock_timeout = 60                        # seconds to wait for another run's lock
//! role = "migrator"                        # SET ROLE after connecting
//!
//! [autogen]
//! dev_url = "postgres://postgres@localhost:5432/postgres" # else --dev-url, ALUDEL_DEV_URL, or a
//!                                                          # throwaway local cluster
//! postgres_version = 15      # the target's major version; else read from --database-url
//! online = false             # lock-friendly forms by default
//! lock_timeout = "5s"        # SET LOCAL lock_timeout before transactional statements
//!
//! [external]                 # objects other services own: created first in every throwaway
//! sql = "CREATE SCHEMA auth; CREATE TABLE auth.users (id uuid PRIMARY KEY);"
//! files = ["db/external.sql"] # database, never created, altered or dropped by a migration
//! ```

use std::path::{Path, PathBuf};

/// The file read from the working directory when no other is named.
pub const CONFIG_FILE: &str = "aludel.toml";

/// The whole file; a table that is absent takes its defaults, other top-level tables are
/// ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct Config {
    #[serde(default)]
    pub migrations: MigrationsConfig,
    #[serde(default)]
    pub autogen: AutogenConfig,
    #[serde(default)]
    pub external: ExternalConfig,
    /// Where it was read from, as messages name it (`aludel.toml` when no file was read).
    #[serde(skip)]
    pub origin: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MigrationsConfig {
    pub dir: Option<PathBuf>,
    /// `name` or `schema.name`.
    pub version_table: Option<String>,
    /// Seconds to wait for another run's lock.
    pub lock_timeout: Option<u64>,
    pub role: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AutogenConfig {
    pub dev_url: Option<String>,
    pub postgres_version: Option<u32>,
    #[serde(default)]
    pub online: bool,
    /// `SET LOCAL lock_timeout` of generated migrations (`"5s"`).
    pub lock_timeout: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExternalConfig {
    pub sql: Option<String>,
    #[serde(default)]
    pub files: Vec<PathBuf>,
}

/// `aludel.toml` cannot be read or does not say what it should.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot read the settings file: {error}", path.display())]
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{origin}:{line}: {message}")]
    Parse {
        origin: String,
        line: usize,
        message: String,
        /// The table the error is in (`migrations`, `autogen`, ...), when it is in one.
        table: Option<String>,
    },
    #[error("{}: cannot read the external SQL file: {error}", path.display())]
    ExternalFile {
        path: PathBuf,
        origin: String,
        error: std::io::Error,
    },
}

impl ConfigError {
    /// What the user can do about it.
    pub fn hint(&self) -> String {
        match self {
            ConfigError::Read { .. } => "check the --config path".to_owned(),
            ConfigError::Parse { table, .. } if table.as_deref() == Some("migrations") => {
                "the [migrations] table takes dir, version_table, lock_timeout (seconds) and role"
                    .to_owned()
            }
            ConfigError::Parse { .. } => "[autogen] takes dev_url, postgres_version, online, \
                 lock_timeout; [external] takes sql and files"
                .to_owned(),
            ConfigError::ExternalFile { origin, .. } => {
                format!("fix `files` in the [external] table of {origin}")
            }
        }
    }
}

impl Config {
    /// Reads `explicit`, else `./aludel.toml` when it exists, else the defaults.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let path = match explicit {
            Some(p) => p.to_owned(),
            None if Path::new(CONFIG_FILE).is_file() => PathBuf::from(CONFIG_FILE),
            None => {
                return Ok(Config {
                    origin: CONFIG_FILE.to_owned(),
                    ..Config::default()
                });
            }
        };
        let text = std::fs::read_to_string(&path).map_err(|error| ConfigError::Read {
            path: path.clone(),
            error,
        })?;
        Config::parse(&text, &path.display().to_string())
    }

    /// Parses the text of a settings file read from `origin`.
    pub fn parse(text: &str, origin: &str) -> Result<Config, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let start = e.span().map_or(0, |s| s.start.min(text.len()));
            let before = &text.as_bytes()[..start];
            ConfigError::Parse {
                origin: origin.to_owned(),
                line: before.iter().filter(|&&b| b == b'\n').count() + 1,
                message: e.message().trim_end().to_owned(),
                table: table_at(&text[..start]),
            }
        })?;
        config.origin = origin.to_owned();
        Ok(config)
    }

    /// The SQL of `[external]`: `sql`, then each of `files` (read now), each as `(origin, sql)`.
    pub fn external_sql(&self) -> Result<Vec<(String, String)>, ConfigError> {
        let mut out = Vec::new();
        if let Some(sql) = &self.external.sql {
            out.push((format!("{} [external] sql", self.origin), sql.clone()));
        }
        for file in &self.external.files {
            let sql = std::fs::read_to_string(file).map_err(|error| ConfigError::ExternalFile {
                path: file.clone(),
                origin: self.origin.clone(),
                error,
            })?;
            out.push((file.display().to_string(), sql));
        }
        Ok(out)
    }
}

/// The `[table]` whose header is the last one in `before`.
fn table_at(before: &str) -> Option<String> {
    before.lines().rev().find_map(|l| {
        let l = l.trim();
        let name = l.strip_prefix('[')?.strip_suffix(']')?;
        (!name.starts_with('[')).then(|| name.trim().to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_typed_and_errors_name_their_line_and_table() {
        let c = Config::parse(
            "[migrations]\ndir = \"db\"\n[autogen]\nonline = true\n[external]\nsql = \"SELECT 1\"\n",
            "aludel.toml",
        )
        .unwrap();
        assert_eq!(c.migrations.dir, Some(PathBuf::from("db")));
        assert!(c.autogen.online);
        assert_eq!(
            c.external_sql().unwrap(),
            [(
                "aludel.toml [external] sql".to_owned(),
                "SELECT 1".to_owned()
            )]
        );
        let e = Config::parse(
            "[migrations]\ndir = \"m\"\nversion_tabel = \"x\"\n",
            "a.toml",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.toml:3: unknown field `version_tabel`, expected one of `dir`, `version_table`, `lock_timeout`, `role`"
        );
        assert!(e.hint().starts_with("the [migrations] table takes"));
        let e = Config::parse("[migrations]\n[autogen]\nonlin = true\n", "a.toml").unwrap_err();
        assert!(
            e.to_string().starts_with("a.toml:3: unknown field `onlin`"),
            "{e}"
        );
        assert!(e.hint().starts_with("[autogen] takes"));
    }
}

//! The project the model commands (`autogen`, `check`, `verify`) work on: the user's models,
//! the migrations directory and version table from the shared settings, and the `[autogen]` and
//! `[external]` tables of `aludel.toml`.
//!
//! ```toml
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

use aludel_autogen::{Environment, Models, Project};

use crate::Failure;
use crate::settings::{self, CONFIG_FILE, Settings};

#[derive(Debug, Default, serde::Deserialize)]
struct ConfigFile {
    #[serde(default)]
    autogen: AutogenConfig,
    #[serde(default)]
    external: ExternalConfig,
}

#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AutogenConfig {
    pub(crate) dev_url: Option<String>,
    pub(crate) postgres_version: Option<u32>,
    #[serde(default)]
    pub(crate) online: bool,
    pub(crate) lock_timeout: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ExternalConfig {
    sql: Option<String>,
    #[serde(default)]
    files: Vec<PathBuf>,
}

/// Flags of the model commands, besides the shared settings.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct EnvArgs {
    /// A server where aludel may create and drop throwaway databases [default: $ALUDEL_DEV_URL,
    /// `dev_url` in aludel.toml, else a throwaway local cluster].
    #[arg(long, env = "ALUDEL_DEV_URL", hide_env_values = true)]
    pub(crate) dev_url: Option<String>,
    /// Recompute both sides instead of reusing what an earlier run cached (in
    /// `$CARGO_TARGET_DIR` or `./target`, under `aludel-cache`).
    #[arg(long)]
    pub(crate) no_cache: bool,
}

/// Everything a model command needs.
pub(crate) struct Resolved {
    pub(crate) project: Project,
    pub(crate) env: Environment,
    pub(crate) config: AutogenConfig,
}

/// Builds the project from the models and the settings. `live_url` is the database to compare
/// with, only when the user named it with `--database-url` on the command line.
pub(crate) fn resolve(
    models: &aludel::Schema,
    settings: &settings::Args,
    env_args: &EnvArgs,
    live_url: Option<String>,
) -> Result<Resolved, Failure> {
    let resolved = Settings::resolve(settings)?;
    let (config, origin) = read_config(settings.config.as_deref())?;
    let mut external_sql = Vec::new();
    if let Some(sql) = &config.external.sql {
        external_sql.push((format!("{origin} [external] sql"), sql.clone()));
    }
    for file in &config.external.files {
        let sql = std::fs::read_to_string(file).map_err(|e| {
            Failure::new(format!(
                "{}: cannot read the external SQL file: {e}",
                file.display()
            ))
            .with_hint(format!("fix `files` in the [external] table of {origin}"))
        })?;
        external_sql.push((file.display().to_string(), sql));
    }
    let mut project = Project::new(
        Models {
            schema: models.ir().clone(),
            dropped: models.dropped().clone(),
        },
        resolved.dir.clone(),
    );
    project.external_sql = external_sql;
    project.version_table = resolved.table().clone();
    if !env_args.no_cache {
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("target"));
        project.cache_dir = Some(target.join("aludel-cache"));
    }
    let env = Environment {
        dev_url: env_args
            .dev_url
            .clone()
            .filter(|u| !u.is_empty())
            .or(config.autogen.dev_url.clone()),
        database_url: live_url,
        target_major: config.autogen.postgres_version,
    };
    Ok(Resolved {
        project,
        env,
        config: config.autogen,
    })
}

fn read_config(explicit: Option<&Path>) -> Result<(ConfigFile, String), Failure> {
    let path = match explicit {
        Some(p) => p.to_owned(),
        None if Path::new(CONFIG_FILE).is_file() => PathBuf::from(CONFIG_FILE),
        None => return Ok((ConfigFile::default(), CONFIG_FILE.to_owned())),
    };
    let origin = path.display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Failure::new(format!("{origin}: cannot read the settings file: {e}"))
            .with_hint("check the --config path")
    })?;
    let config = toml::from_str(&text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].lines().count().max(1))
            .unwrap_or(1);
        Failure::new(format!("{origin}:{line}: {}", e.message().trim_end())).with_hint(
            "[autogen] takes dev_url, postgres_version, online, lock_timeout; [external] takes \
             sql and files",
        )
    })?;
    Ok((config, origin))
}

impl From<aludel_autogen::Error> for Failure {
    fn from(e: aludel_autogen::Error) -> Self {
        let hint = e.hint();
        let f = Failure::new(e.to_string());
        match hint {
            Some(h) => f.with_hint(h),
            None => f,
        }
    }
}

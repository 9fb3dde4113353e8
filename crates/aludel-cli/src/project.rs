//! The project the model commands (`autogen`, `check`, `verify`) work on: the user's models,
//! the migrations directory and version table from the shared settings, and the `[autogen]` and
//! `[external]` tables of `aludel.toml` (read by `aludel_autogen::Config`).

use std::path::PathBuf;

use aludel_autogen::{AutogenConfig, Environment, Models, Project};

use crate::Failure;
use crate::settings::{self, Settings};

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
    let config = &resolved.config;
    let external_sql = config
        .external_sql()
        .map_err(|e| Failure::new(e.to_string()).with_hint(e.hint()))?;
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
        config: config.autogen.clone(),
    })
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

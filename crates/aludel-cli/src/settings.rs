//! Settings shared by every command that works on a migrations directory or a database:
//! `--database-url` (else `DATABASE_URL`, from the environment or `.env`), `--dir`, the version
//! table, the lock timeout and role, layered over an optional `aludel.toml` (its `[migrations]`
//! table; the file is read by `aludel_autogen::Config`).

use std::path::PathBuf;
use std::time::Duration;

use aludel_autogen::Config;
use aludel_migrations::MigrationSet;
use aludel_runner::{AppliedState, Options, VersionTable};

use crate::Failure;

/// The flags of [`Settings`], flattened into each command's arguments.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct Args {
    /// Database URL (postgres:// or postgresql://); defaults to $DATABASE_URL (also read from .env).
    #[arg(long, env = "DATABASE_URL", hide_env_values = true, global = true)]
    pub(crate) database_url: Option<String>,
    /// The migrations directory [default: `migrations`, or `dir` in aludel.toml].
    #[arg(long, global = true)]
    pub(crate) dir: Option<PathBuf>,
    /// The version table, `[schema.]name` [default: public.aludel_migrations].
    #[arg(long, global = true)]
    pub(crate) version_table: Option<String>,
    /// Seconds to wait for another run to release the migration lock [default: 60].
    #[arg(long, global = true)]
    pub(crate) lock_timeout: Option<u64>,
    /// A role to `SET ROLE` to after connecting.
    #[arg(long, global = true)]
    pub(crate) role: Option<String>,
    /// The settings file [default: ./aludel.toml when it exists].
    #[arg(long, global = true)]
    pub(crate) config: Option<PathBuf>,
}

/// Resolved settings: flags over `aludel.toml` over defaults.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    url: Option<String>,
    pub(crate) dir: PathBuf,
    /// The runner's options (version table, lock timeout, role).
    pub(crate) options: Options,
    /// The whole `aludel.toml` (defaults when there is none).
    pub(crate) config: Config,
}

impl Settings {
    pub(crate) fn resolve(args: &Args) -> Result<Settings, Failure> {
        let config = Config::load(args.config.as_deref())
            .map_err(|e| Failure::new(e.to_string()).with_hint(e.hint()))?;
        let dir = args
            .dir
            .clone()
            .or(config.migrations.dir.clone())
            .unwrap_or_else(|| PathBuf::from("migrations"));
        let table = match args
            .version_table
            .as_deref()
            .or(config.migrations.version_table.as_deref())
        {
            Some(text) => text
                .parse::<VersionTable>()
                .map_err(|e| Failure::new(e.to_string()).with_hint(e.hint()))?,
            None => VersionTable::default(),
        };
        let defaults = Options::default();
        let lock_timeout = args
            .lock_timeout
            .or(config.migrations.lock_timeout)
            .map(Duration::from_secs)
            .unwrap_or(defaults.lock_timeout);
        Ok(Settings {
            url: args.database_url.clone().filter(|u| !u.is_empty()),
            dir,
            options: Options {
                table,
                lock_timeout,
                role: args.role.clone().or(config.migrations.role.clone()),
            },
            config,
        })
    }

    /// The database URL, or an error saying how to give one.
    pub(crate) fn url(&self) -> Result<&str, Failure> {
        self.url.as_deref().ok_or_else(|| {
            Failure::new("no database url").with_hint(
                "pass --database-url, or set DATABASE_URL in the environment or in a .env file",
            )
        })
    }

    /// The database URL when one is given.
    pub(crate) fn url_opt(&self) -> Option<&str> {
        self.url.as_deref()
    }

    pub(crate) fn table(&self) -> &VersionTable {
        &self.options.table
    }

    /// What to read of a database: everything but this project's version table.
    pub(crate) fn introspect_options(&self) -> aludel_introspect::Options {
        let t = self.table();
        aludel_introspect::Options {
            version_table: Some(aludel_schema::QualifiedName::new(
                t.schema.as_str(),
                t.name.as_str(),
            )),
            ..aludel_introspect::Options::default()
        }
    }

    /// What the version table says, without locking or creating anything (empty when the
    /// table does not exist).
    pub(crate) async fn read_applied(&self) -> Result<AppliedState, Failure> {
        let mut conn = aludel_pg::connect(self.url()?).await?;
        let state = aludel_runner::read_applied(&mut conn, self.table()).await;
        drop(conn);
        Ok(state?.unwrap_or_default())
    }

    /// Reads and checks the migrations directory.
    pub(crate) fn load(&self) -> Result<MigrationSet, Failure> {
        Ok(aludel_migrations::load_dir(&self.dir)?)
    }
}

/// Whether `url` points at this machine (localhost, a loopback address or a Unix socket): no
/// confirmation is asked before changing such a database.
pub(crate) fn is_local(url: &str) -> Result<bool, Failure> {
    let opts = aludel_pg::connect_options(url)?;
    if opts.get_socket().is_some() {
        return Ok(true);
    }
    let host = opts
        .get_host()
        .trim_start_matches('[')
        .trim_end_matches(']');
    if host.is_empty() || host.starts_with('/') || host.eq_ignore_ascii_case("localhost") {
        return Ok(true);
    }
    Ok(host
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_hosts() {
        for url in [
            "postgres://u:p@localhost/db",
            "postgres://u@127.0.0.1:5432/db",
            "postgres://u@127.1.2.3/db",
            "postgres://u@[::1]:5432/db",
            "postgres://u@localhost/db?host=/var/run/postgresql",
            "postgresql:///db?host=/tmp",
        ] {
            assert!(is_local(url).unwrap(), "{url}");
        }
        for url in [
            "postgres://u:p@db.example.com/db",
            "postgres://u@10.0.0.5:5432/db",
            "postgres://u@[2001:db8::1]/db",
        ] {
            assert!(!is_local(url).unwrap(), "{url}");
        }
    }
}

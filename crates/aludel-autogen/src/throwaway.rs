//! The server where throwaway databases are made: a `--dev-url` server, or a local cluster
//! started for this run and removed afterwards; its major version must match the target's.

use aludel_pg::{Cluster, ClusterOptions, ScratchDatabase, Server};
use sqlx::{AssertSqlSafe, Connection};

use crate::error::Error;
use crate::project::Environment;

/// A throwaway server and the databases made on it.
pub(crate) struct Throwaway {
    server: Server,
    /// Kept alive until [`Throwaway::finish`]; dropping it stops the cluster.
    cluster: Option<Cluster>,
    made: std::sync::Mutex<Vec<String>>,
    /// The server's major version.
    pub(crate) major: u32,
}

impl Throwaway {
    /// Connects to the dev server or starts a cluster, and checks the major version against
    /// `env.target_major` (or the live database's).
    pub(crate) async fn start(env: &Environment) -> Result<Throwaway, Error> {
        let target = match (env.target_major, &env.database_url) {
            (Some(v), _) => Some(v),
            (None, Some(url)) => Some(Server::new(url)?.major_version().await?),
            (None, None) => None,
        };
        let (server, cluster) = match &env.dev_url {
            Some(url) => (Server::new(url)?, None),
            None => {
                let cluster = tokio::task::spawn_blocking(|| Cluster::start(&cluster_options()))
                    .await
                    .map_err(|e| {
                        Error::NoServer(aludel_pg::Error::Command {
                            command: "initdb".into(),
                            status: "panicked".into(),
                            output: e.to_string(),
                        })
                    })?
                    .map_err(|e| match e {
                        aludel_pg::Error::NoBinaries => Error::NoServer(e),
                        other => Error::Pg(other),
                    })?;
                (Server::new(&cluster.url())?, Some(cluster))
            }
        };
        let have = server.major_version().await?;
        let this = Throwaway {
            server,
            cluster,
            made: Default::default(),
            major: have,
        };
        if let Some(target) = target
            && target != have
        {
            return Err(Error::VersionMismatch {
                throwaway: have,
                target,
            });
        }
        Ok(this)
    }

    /// A new database, copied from `template` when given.
    pub(crate) async fn database(
        &self,
        prefix: &str,
        template: Option<&ScratchDatabase>,
    ) -> Result<ScratchDatabase, Error> {
        let db = self
            .server
            .create_database(prefix, template.map(|t| t.name.as_str()))
            .await?;
        self.made
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(db.name.clone());
        Ok(db)
    }

    /// Drops the databases made on a dev server, or stops the cluster.
    pub(crate) async fn finish(self) {
        match self.cluster {
            Some(cluster) => {
                let _ = tokio::task::spawn_blocking(move || cluster.stop()).await;
            }
            None => {
                let made = self.made.into_inner().unwrap_or_else(|e| e.into_inner());
                for name in &made {
                    let _ = self.server.drop_database(name).await;
                }
            }
        }
    }
}

fn cluster_options() -> ClusterOptions {
    ClusterOptions {
        max_locks_per_transaction: 4096,
        ..ClusterOptions::default()
    }
}

/// Runs `sql` (several statements allowed) on `url` in one implicit transaction.
pub(crate) async fn run_sql(url: &str, sql: &str) -> Result<(), String> {
    let mut conn = aludel_pg::connect(url).await.map_err(|e| e.to_string())?;
    let r = sqlx::raw_sql(AssertSqlSafe(sql.to_owned()))
        .execute(&mut conn)
        .await
        .map(|_| ())
        .map_err(|e| aludel_pg::server_message(&e));
    let _ = conn.close().await;
    r
}

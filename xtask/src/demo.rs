//! `cargo xtask demo`: the main job until autogen exists — loads the demo agent-platform schema
//! (`demo/agent_platform.sql`) into a throwaway cluster and prints `aludel inspect` of it.

use std::process::ExitCode;

use aludel_pg::{Cluster, ClusterOptions, Server};

pub(crate) fn run(_args: &[String]) -> anyhow::Result<ExitCode> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let ddl = std::fs::read_to_string(root.join("demo/agent_platform.sql"))?;
    let cluster = Cluster::start(&ClusterOptions::default())?;
    let rt = crate::runtime()?;
    let url = rt.block_on(async {
        let server = Server::new(&cluster.url())?;
        let db = server.create_database("demo", None).await?;
        let mut conn = aludel_pg::connect(&db.url).await?;
        sqlx::raw_sql(sqlx::AssertSqlSafe(ddl))
            .execute(&mut conn)
            .await?;
        anyhow::Ok(db.url)
    })?;
    drop(rt);
    let code = aludel_cli::run(
        ["aludel", "inspect", &url],
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    cluster.stop()?;
    Ok(code)
}

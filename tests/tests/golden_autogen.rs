//! Autogen convergence on every golden case: with `before.sql` as the history and `after.sql`
//! (plus its rename hints) as the models, autogen writes a migration that passes its proof, and
//! autogen right after writes nothing.

use std::path::Path;

use aludel_autogen::{AutogenOptions, Environment, Models, Outcome, Project, autogen};
use aludel_migrations::{Migration, RevisionId};
use aludel_pg::Server;
use aludel_schema::Ident;
use aludel_tests::golden;

async fn models(server: &Server, dir: &Path) -> Result<Models, String> {
    let mut schema = golden::desired(server, dir).await?;
    // `public` exists in every database; it is not the models' to create.
    if schema
        .namespaces
        .get(&Ident::new("public"))
        .is_some_and(|n| n.renamed_from.is_none())
    {
        schema.namespaces.remove(&Ident::new("public"));
    }
    Ok(Models {
        schema,
        dropped: Default::default(),
    })
}

async fn converge(server: &Server, dir: &Path) -> Result<(), String> {
    let before = std::fs::read_to_string(dir.join("before.sql")).map_err(|e| e.to_string())?;
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let migrations = tmp.path().join("migrations");
    std::fs::create_dir_all(&migrations).map_err(|e| e.to_string())?;
    let first = Migration::new(
        RevisionId::parse("20260101000000_before").expect("a valid id"),
        None,
        "before",
    )
    .with_upgrade(&before)
    .map_err(|e| e.to_string())?;
    std::fs::write(migrations.join(first.file_name()), first.write()).map_err(|e| e.to_string())?;
    let project = Project::new(models(server, dir).await?, &migrations);
    let env = Environment {
        dev_url: Some(server.url().to_owned()),
        ..Environment::default()
    };
    let options = |message: &str, at: u64| AutogenOptions {
        message: message.to_owned(),
        allow_drop: true,
        unix_seconds: Some(at),
        ..AutogenOptions::default()
    };
    let show = |e: aludel_autogen::Error| {
        format!(
            "{e}{}",
            e.hint().map(|h| format!("\nhint: {h}")).unwrap_or_default()
        )
    };
    match autogen(&project, &env, &options("change", 1_790_000_000)).await {
        Ok(Outcome::Written { .. }) => {}
        Ok(Outcome::NothingToDo) => {
            // right only where the diff engine's own snapshot is empty too
            let upgrade = std::fs::read_to_string(dir.join("upgrade.sql")).unwrap_or_default();
            if upgrade
                .lines()
                .any(|l| !l.trim().is_empty() && !l.starts_with("--"))
            {
                return Err("the first autogen found nothing to do".into());
            }
            return Ok(());
        }
        Err(e) => return Err(format!("the first autogen failed: {}", show(e))),
    }
    match autogen(&project, &env, &options("again", 1_790_000_100)).await {
        Ok(Outcome::NothingToDo) => Ok(()),
        Ok(Outcome::Written { files, .. }) => {
            let text: Vec<String> = files
                .iter()
                .map(|f| std::fs::read_to_string(f).unwrap_or_default())
                .collect();
            Err(format!(
                "autogen right after wrote again:\n{}",
                text.join("\n")
            ))
        }
        Err(e) => Err(format!("the second autogen failed: {}", show(e))),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autogen_converges_on_every_golden_case() {
    let server = aludel_pg::testing::server();
    golden::for_each_case(3, move |dir| {
        let server = server.clone();
        async move { converge(&server, &dir).await }
    })
    .await;
}

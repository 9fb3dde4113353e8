//! `cargo xtask demo-history`: rewrites `migrations/` from scratch as the history of the demo
//! models in eight steps, each file written by autogen exactly as a developer would get it:
//! the initial schema, a new table with foreign keys, a column rename (`renamed_from`), an enum
//! value added and one removed, an index made partial and a check added, then the declared SQL
//! a step at a time (the `updated_at` trigger function and the models' triggers, with the
//! `workflows.updated_at` column they need; the `active_agents` view; the `billing.daily_usage`
//! materialized view). The earlier states are the demo models with those changes undone.

use std::path::Path;
use std::process::ExitCode;

use aludel_autogen::{AutogenOptions, Environment, Models, Outcome, Project, autogen};
use aludel_schema::{EnumValue, QualifiedName, Schema};

fn table<'s>(s: &'s mut Schema, schema: &str, name: &str) -> &'s mut aludel_schema::Table {
    s.tables
        .get_mut(&QualifiedName::new(schema, name))
        .unwrap_or_else(|| panic!("the demo models have no table {schema}.{name}"))
}

/// The eight states, oldest first; the last is the demo models as they are.
fn states() -> Vec<(&'static str, Schema)> {
    let final_ir = aludel_demo::schema().ir().clone();
    let origins: Vec<&str> = final_ir
        .declared_sql
        .iter()
        .map(|s| s.origin.as_str())
        .collect();
    assert_eq!(
        origins,
        [
            "sql/set_updated_at.sql",
            "sql/active_agents.sql",
            "sql/daily_usage.sql",
            // the `trigger(...)` attributes of `Agent` and `Workflow`
            "crates/aludel-demo/src/agents.rs",
            "crates/aludel-demo/src/agents.rs",
        ],
        "the demo's declared SQL: the files in the order of their revisions, then the triggers"
    );
    // 8 → 7: no daily usage materialized view; 7 → 6: no active agents view.
    let mut s7 = final_ir.clone();
    s7.declared_sql
        .retain(|s| s.origin != "sql/daily_usage.sql");
    let mut s6 = s7.clone();
    s6.declared_sql
        .retain(|s| s.origin != "sql/active_agents.sql");
    // 6 → 5: no trigger function, no triggers, no `workflows.updated_at`.
    let mut s5 = s6.clone();
    s5.declared_sql.clear();
    let workflows = table(&mut s5, "public", "workflows");
    let before = workflows.columns.len();
    workflows
        .columns
        .retain(|c| c.name.as_str() != "updated_at");
    assert_eq!(workflows.columns.len() + 1, before, "workflows.updated_at");
    let agents = table(&mut s5, "public", "agents");
    let updated_at = agents
        .columns
        .iter_mut()
        .find(|c| c.name.as_str() == "updated_at")
        .expect("agents.updated_at");
    updated_at.comment = None;
    // 5 → 4: `agents_active_idx` not partial yet, no check on execution times.
    let mut s4 = s5.clone();
    let agents = table(&mut s4, "public", "agents");
    let ix = agents
        .indexes
        .iter_mut()
        .find(|i| i.name.as_str() == "agents_active_idx")
        .expect("agents_active_idx");
    ix.predicate = None;
    let executions = table(&mut s4, "public", "executions");
    let before = executions.checks.len();
    executions
        .checks
        .retain(|c| !c.expr.as_str().contains("finished_at"));
    assert_eq!(
        executions.checks.len() + 1,
        before,
        "one check on finished_at"
    );
    // 4 → 3: api_scope had 'agents-delete' where it now has 'workflows-run'.
    let mut s3 = s4.clone();
    let scope = s3
        .enums
        .get_mut(&QualifiedName::new("public", "api_scope"))
        .expect("public.api_scope");
    let at = scope
        .values
        .iter()
        .position(|v| v.name == "workflows-run")
        .expect("'workflows-run'");
    scope.values.remove(at);
    scope.values.insert(at, EnumValue::new("agents-delete"));
    // 3 → 2: users.display_name was full_name (the hint is on the models from 3 on); every
    // mention in the table (the expression index, its name) follows.
    let mut s2 = s3.clone();
    let users = table(&mut s2, "public", "users");
    let json = serde_json::to_string(&*users).expect("the IR serialises");
    *users = serde_json::from_str(&json.replace("display_name", "full_name")).expect("IR JSON");
    let col = users
        .columns
        .iter_mut()
        .find(|c| c.name.as_str() == "full_name")
        .expect("users.display_name");
    col.renamed_from = None;
    // 2 → 1: no usage records yet.
    let mut s1 = s2.clone();
    s1.tables
        .remove(&QualifiedName::new("billing", "usage_records"))
        .expect("billing.usage_records");
    vec![
        ("initial schema", s1),
        ("add usage records", s2),
        ("rename users full_name to display_name", s3),
        ("api scopes: add workflows-run, remove agents-delete", s4),
        ("partial active agents index, execution time check", s5),
        ("updated_at trigger on agents and workflows", s6),
        ("active agents view", s7),
        ("daily usage materialized view", final_ir),
    ]
}

fn external_sql(root: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let mut config = aludel_autogen::Config::load(Some(&root.join("aludel.toml")))?;
    config.origin = "aludel.toml".to_owned();
    let sql = config.external_sql()?;
    anyhow::ensure!(!sql.is_empty(), "aludel.toml has no [external] sql");
    Ok(sql)
}

pub(crate) fn run(_args: &[String]) -> anyhow::Result<ExitCode> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root");
    let dir = root.join("migrations");
    if dir.exists() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "sql") {
                std::fs::remove_file(path)?;
            }
        }
    }
    let external = external_sql(root)?;
    let rt = crate::runtime()?;
    // One day apart, from a fixed start, so that rewriting the history gives the same files.
    let start = 1_795_000_000;
    for (i, (message, schema)) in states().into_iter().enumerate() {
        let mut project = Project::new(
            Models {
                schema,
                dropped: Default::default(),
            },
            &dir,
        );
        project.external_sql = external.clone();
        let options = AutogenOptions {
            message: message.to_owned(),
            unix_seconds: Some(start + 86_400 * i as u64),
            ..AutogenOptions::default()
        };
        match rt.block_on(autogen(&project, &Environment::default(), &options)) {
            Ok(Outcome::Written { files, hazards, .. }) => {
                for f in files {
                    println!("wrote {}", f.strip_prefix(root).unwrap_or(&f).display());
                }
                for h in hazards {
                    println!("  hazard: {h}");
                }
            }
            Ok(Outcome::NothingToDo) => anyhow::bail!("step `{message}` changed nothing"),
            Err(e) => anyhow::bail!(
                "step `{message}`: {e}{}",
                e.hint().map(|h| format!("\nhint: {h}")).unwrap_or_default()
            ),
        }
    }
    Ok(ExitCode::SUCCESS)
}

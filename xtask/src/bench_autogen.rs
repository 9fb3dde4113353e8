//! `cargo xtask bench autogen [--tables N] [--revisions R]`: autogen on an N-table model set whose
//! history has R revisions, timed end to end including the throwaway cluster, phase by phase;
//! then the same with nothing to do. The reference in the same run is `initdb` + `pg_ctl start`
//! alone (what any tool that needs a scratch server pays).

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use aludel_autogen::{AutogenOptions, Environment, Models, Outcome, Project, autogen_timed};
use aludel_migrations::{Migration, RevisionId};
use aludel_pg::{Cluster, ClusterOptions, Server};

/// The DDL of table `i` and its downgrade: a few typed columns, a foreign key to an earlier
/// table, a partial index and a check.
fn table(i: usize) -> (String, String) {
    let mut up = format!(
        "CREATE TABLE public.t{i} (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n    \
         name text NOT NULL,\n    state public.state NOT NULL DEFAULT 'new',\n    \
         amount numeric(12,2) CHECK (amount >= 0),\n    created_at timestamptz NOT NULL DEFAULT now()"
    );
    if i > 0 {
        let _ = write!(
            up,
            ",\n    parent_id bigint REFERENCES public.t{} (id) ON DELETE CASCADE",
            i / 2
        );
    }
    up.push_str("\n);\n");
    let _ = writeln!(
        up,
        "CREATE INDEX t{i}_name_idx ON public.t{i} (lower(name)) WHERE state <> 'done';"
    );
    (up, format!("DROP TABLE public.t{i};"))
}

pub(crate) fn run(args: &[String]) -> anyhow::Result<ExitCode> {
    let tables: usize = crate::flag(args, "--tables")?.unwrap_or(500);
    let revisions: usize = crate::flag(args, "--revisions")?.unwrap_or(200).max(2);
    let dir = tempfile::tempdir()?;
    let migrations = dir.path().join("migrations");
    std::fs::create_dir_all(&migrations)?;
    // The history: revision 1 creates the enum, the others share the tables; the last revision
    // leaves out one column that the models have, so autogen has one change to write.
    let per = tables.div_ceil(revisions - 1);
    let mut models_sql =
        String::from("CREATE TYPE public.state AS ENUM ('new', 'active', 'done');\n");
    let first = RevisionId::generate(1_700_000_000, "types");
    let m = Migration::new(first.clone(), None, "types")
        .with_upgrade("CREATE TYPE public.state AS ENUM ('new', 'active', 'done');")?
        .with_downgrade("DROP TYPE public.state;")?;
    std::fs::write(migrations.join(m.file_name()), m.write())?;
    let mut parent = Some(first);
    for r in 1..revisions {
        let (mut up, mut down) = (String::new(), Vec::new());
        for i in (r - 1) * per..(r * per).min(tables) {
            let (u, d) = table(i);
            up.push_str(&u);
            models_sql.push_str(&u);
            down.push(d);
        }
        down.reverse();
        if up.is_empty() {
            up.push_str("SELECT 1;");
            down.push("SELECT 1;".into());
        }
        let id = RevisionId::generate(1_700_000_000 + r as u64, &format!("step {r}"));
        let m = Migration::new(id.clone(), parent.clone(), &format!("step {r}"))
            .with_upgrade(&up)?
            .with_downgrade(&down.join("\n"))?;
        std::fs::write(migrations.join(m.file_name()), m.write())?;
        parent = Some(id);
    }
    models_sql.push_str("ALTER TABLE public.t0 ADD COLUMN note text;\n");

    let rt = crate::runtime()?;
    // The models as IR: created in a setup cluster and introspected (not timed).
    let setup = Cluster::start(&ClusterOptions::default())?;
    let schema = rt.block_on(async {
        let server = Server::new(&setup.url())?;
        let db = server.create_database("models", None).await?;
        let mut conn = aludel_pg::connect(&db.url).await?;
        sqlx::raw_sql(sqlx::AssertSqlSafe(models_sql))
            .execute(&mut conn)
            .await?;
        let mut s = aludel_introspect::introspect(&mut conn, &Default::default())
            .await?
            .schema;
        s.namespaces.clear();
        anyhow::Ok(s)
    })?;
    setup.stop()?;
    eprintln!(
        "{tables} tables in {} models, {revisions} revisions",
        schema.tables.len()
    );

    let t = Instant::now();
    let reference = Cluster::start(&ClusterOptions::default())?;
    reference.stop()?;
    let cluster_only = t.elapsed();

    let mut project = Project::new(
        Models {
            schema,
            dropped: Default::default(),
        },
        &migrations,
    );
    // as `cargo xtask autogen` does: the second run finds both sides in the cache
    project.cache_dir = Some(dir.path().join("cache"));
    let env = Environment::default();
    let options = AutogenOptions {
        message: "add note".into(),
        ..AutogenOptions::default()
    };
    let report = |label: &str, total: Duration, phases: &aludel_autogen::Timings| {
        println!("{label}: {total:.2?}");
        for (phase, d) in phases {
            println!("  {d:>10.2?}  {phase}");
        }
    };
    let t = Instant::now();
    let (outcome, phases) = rt.block_on(autogen_timed(&project, &env, &options));
    let total = t.elapsed();
    match outcome? {
        Outcome::Written { files, .. } => println!("wrote {} file(s)", files.len()),
        Outcome::NothingToDo => anyhow::bail!("expected one change, autogen found none"),
    }
    report("autogen with one change", total, &phases);

    let t = Instant::now();
    let (outcome, phases) = rt.block_on(autogen_timed(&project, &env, &options));
    let total2 = t.elapsed();
    anyhow::ensure!(
        outcome? == Outcome::NothingToDo,
        "the second run must find nothing"
    );
    report(
        "autogen right after, nothing to do (cached sides)",
        total2,
        &phases,
    );
    println!(
        "reference: initdb + pg_ctl start/stop alone {cluster_only:.2?}; autogen / reference = {:.1}",
        total.as_secs_f64() / cluster_only.as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

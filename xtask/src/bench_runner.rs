//! `cargo xtask bench runner [--migrations N]`: the migration runner's overhead per migration.
//! Writes N small migrations (default 200), applies them with `aludel upgrade` (the CLI
//! library in-process: load and check the directory, connect, lock, version table, one
//! transaction per migration) and the same statements, each migration in its own
//! `BEGIN`/`COMMIT`, with `psql -f`, each on a fresh database of a throwaway cluster; prints
//! the best of three of each, the overhead per migration and the ratio.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use aludel_pg::{Cluster, ClusterOptions, Server};

const RUNS: usize = 3;

pub(crate) fn run(args: &[String]) -> anyhow::Result<ExitCode> {
    let n: usize = crate::flag(args, "--migrations")?.unwrap_or(200);
    anyhow::ensure!(n > 0, "--migrations must be at least 1");
    let work = std::env::temp_dir().join(format!("aludel-bench-runner-{}", std::process::id()));
    let result = bench(n, &work);
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn bench(n: usize, work: &Path) -> anyhow::Result<ExitCode> {
    let dir = work.join("migrations");
    std::fs::create_dir_all(&dir)?;
    let script = write_migrations(&dir, n)?;
    let script_path = work.join("all.sql");
    std::fs::write(&script_path, script)?;

    let cluster = Cluster::start(&ClusterOptions::default())?;
    let psql = aludel_pg::find_bin("psql");
    let rt = crate::runtime()?;
    let server = Server::new(&cluster.url())?;

    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    for _ in 0..RUNS {
        let db = rt.block_on(server.create_database("bench_runner", None))?;
        let dir_arg = dir.display().to_string();
        let argv = [
            "aludel",
            "upgrade",
            "--dir",
            &dir_arg,
            "--database-url",
            &db.url,
        ];
        let mut out = Vec::new();
        let mut err = Vec::new();
        let t = Instant::now();
        let code = aludel_cli::run_code(argv, &mut out, &mut err);
        ours.push(t.elapsed());
        anyhow::ensure!(
            code == 0,
            "aludel upgrade failed: {}",
            String::from_utf8_lossy(&err)
        );
        let applied = String::from_utf8_lossy(&out).lines().count();
        anyhow::ensure!(applied == n, "aludel applied {applied} of {n} migrations");
        rt.block_on(server.drop_database(&db.name))?;

        let db = rt.block_on(server.create_database("bench_psql", None))?;
        let t = Instant::now();
        let output = Command::new(&psql)
            .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", &db.url, "-f"])
            .arg(&script_path)
            .output()?;
        theirs.push(t.elapsed());
        anyhow::ensure!(
            output.status.success(),
            "psql failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        rt.block_on(server.drop_database(&db.name))?;
    }
    drop(rt);
    cluster.stop()?;

    let best = |v: &[Duration]| v.iter().min().copied().unwrap_or_default();
    let (a, b) = (best(&ours), best(&theirs));
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let profile = if cfg!(debug_assertions) {
        "debug (aludel unoptimised; `cargo run --release -p xtask -- bench runner` for release)"
    } else {
        "release"
    };
    println!("build:                              {profile}");
    println!("migrations:                         {n}");
    println!("aludel upgrade (best of {RUNS}):         {:>8.1} ms", ms(a));
    println!(
        "psql -f, same statements (best of {RUNS}): {:>6.1} ms",
        ms(b)
    );
    println!(
        "per migration: aludel {:.3} ms, psql {:.3} ms, overhead {:.3} ms",
        ms(a) / n as f64,
        ms(b) / n as f64,
        (ms(a) - ms(b)) / n as f64
    );
    println!(
        "ratio aludel / psql:                {:.2}",
        a.as_secs_f64() / b.as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// `psql` next to the server binaries, else from `PATH`.
/// Writes N migrations in a line (a small table and a row each) and returns the psql script
/// with the same statements, one transaction per migration.
fn write_migrations(dir: &Path, n: usize) -> anyhow::Result<String> {
    let mut script = String::new();
    let mut parent: Option<String> = None;
    for i in 0..n {
        let rev = format!("2026{:010}_m{i}", i + 1);
        let upgrade = format!(
            "CREATE TABLE t{i} (id bigint PRIMARY KEY, v text NOT NULL DEFAULT '');\n\
             INSERT INTO t{i} (id, v) VALUES (1, 'x');\n\
             CREATE INDEX t{i}_v ON t{i} (v);"
        );
        let mut text = format!("-- aludel: revision {rev}\n");
        if let Some(p) = &parent {
            let _ = writeln!(text, "-- aludel: parents {p}");
        }
        let _ = write!(
            text,
            "\n-- aludel: upgrade\n{upgrade}\n\n-- aludel: downgrade\nDROP TABLE t{i};\n"
        );
        std::fs::write(dir.join(format!("{rev}.sql")), text)?;
        let _ = write!(script, "BEGIN;\n{upgrade}\nCOMMIT;\n");
        parent = Some(rev);
    }
    Ok(script)
}

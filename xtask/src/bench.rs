//! `cargo xtask bench introspect [--tables N] [--sql-objects]`: generates a synthetic schema of N
//! tables (with `--sql-objects` also 1,000 views, 2,000 functions and a trigger per table, up to
//! 5,000) into a throwaway database, then times aludel's introspection and `pg_dump
//! --schema-only` on the same database in the same run, and prints both, their ratio and the
//! number of catalog queries.

use std::fmt::Write as _;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use aludel_introspect::{Options, introspect_url};
use aludel_pg::{Cluster, ClusterOptions, Server};

pub(crate) fn run(args: &[String]) -> anyhow::Result<ExitCode> {
    match args.first().map(String::as_str) {
        Some("introspect") => bench_introspect(&args[1..]),
        Some("diff") => crate::bench_diff::run(&args[1..]),
        Some("autogen") => crate::bench_autogen::run(&args[1..]),
        Some("runner") => crate::bench_runner::run(&args[1..]),
        Some("build") => crate::bench_build::run(&args[1..]),
        _ => anyhow::bail!(
            "usage: cargo xtask bench introspect [--tables N] [--sql-objects]\n       \
             cargo xtask bench diff [--tables N] [--runs R] [--sql-objects]\n       \
             cargo xtask bench autogen [--tables N] [--revisions R]\n       \
             cargo xtask bench runner [--migrations N]\n       \
             cargo xtask bench build [--models N]"
        ),
    }
}

fn bench_introspect(args: &[String]) -> anyhow::Result<ExitCode> {
    let tables: usize = crate::flag(args, "--tables")?.unwrap_or(5000);
    let cluster = Cluster::start(&ClusterOptions::default())?;
    let pg_dump = aludel_pg::find_bin("pg_dump");
    let rt = crate::runtime()?;
    rt.block_on(async {
        let server = Server::new(&cluster.url())?;
        let db = server.create_database("bench", None).await?;
        let mut conn = aludel_pg::connect(&db.url).await?;
        let t0 = Instant::now();
        for chunk in synthetic_schema(tables).chunks(250) {
            sqlx::raw_sql(sqlx::AssertSqlSafe(chunk.concat()))
                .execute(&mut conn)
                .await?;
        }
        if args.iter().any(|a| a == "--sql-objects") {
            for chunk in synthetic_sql_objects(tables).chunks(500) {
                sqlx::raw_sql(sqlx::AssertSqlSafe(chunk.concat()))
                    .execute(&mut conn)
                    .await?;
            }
        }
        eprintln!("generated {tables} tables in {:.1?}", t0.elapsed());

        let mut ours = Vec::new();
        let mut queries = 0;
        let mut objects = 0;
        let mut best: Option<(Duration, Vec<(&'static str, Duration)>)> = None;
        for _ in 0..3 {
            let t = Instant::now();
            let r = introspect_url(&db.url, &Options::default()).await?;
            let took = t.elapsed();
            ours.push(took);
            queries = r.queries;
            objects = r.schema.tables.len()
                + r.schema.views.len()
                + r.schema.functions.len()
                + r.schema.triggers.len();
            if best.as_ref().is_none_or(|(b, _)| took < *b) {
                best = Some((took, r.timings));
            }
        }
        if let Some((_, timings)) = &best {
            eprintln!("fastest introspection, per query (fetch and decode):");
            for (kind, d) in timings {
                eprintln!("  {d:>10.1?}  {kind}");
            }
        }
        let mut dump = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            let out = Command::new(&pg_dump)
                .args([
                    "--schema-only",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    &cluster.port().to_string(),
                ])
                .args(["-U", "postgres", "-d", &db.name, "-f", "/dev/null"])
                .output()?;
            anyhow::ensure!(
                out.status.success(),
                "pg_dump failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            dump.push(t.elapsed());
        }
        let best = |v: &[Duration]| v.iter().min().copied().unwrap_or_default();
        let (a, b) = (best(&ours), best(&dump));
        println!("objects introspected:       {objects}");
        println!("catalog queries issued:     {queries}");
        println!(
            "aludel introspection (best of 3): {:>8.1} ms",
            a.as_secs_f64() * 1e3
        );
        println!(
            "pg_dump --schema-only (best of 3): {:>7.1} ms",
            b.as_secs_f64() * 1e3
        );
        println!(
            "ratio aludel / pg_dump:     {:.3} (target: at most 0.333)",
            a.as_secs_f64() / b.as_secs_f64()
        );
        anyhow::Ok(())
    })?;
    cluster.stop()?;
    Ok(ExitCode::SUCCESS)
}

/// 2,000 functions (half of them trigger functions), 1,000 views on the first tables, a trigger
/// per table (up to 5,000), one statement each.
fn synthetic_sql_objects(tables: usize) -> Vec<String> {
    let mut out = Vec::new();
    for i in 0..1000 {
        out.push(format!(
            "CREATE FUNCTION public.touch{i}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
        ));
        out.push(format!(
            "CREATE FUNCTION public.add{i}(a integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN a + {i};\n"
        ));
    }
    for i in 0..tables.min(1000) {
        out.push(format!(
            "CREATE VIEW public.v{i} AS SELECT id, public.add{}(1) AS one FROM public.t{i};\n",
            i % 1000
        ));
    }
    for i in 0..tables.min(5000) {
        out.push(format!(
            "CREATE TRIGGER touch BEFORE UPDATE ON public.t{i} FOR EACH ROW EXECUTE FUNCTION public.touch{}();\n",
            i % 1000
        ));
    }
    out
}

/// Deterministic synthetic DDL, one string per table plus its indexes, keys and comments:
/// 5–20 columns of mixed types, enums, defaults, 0–3 foreign keys to earlier tables, 1–3
/// indexes (some partial or on expressions), checks and comments.
fn synthetic_schema(n: usize) -> Vec<String> {
    let mut out = vec![
        "CREATE TYPE public.status AS ENUM ('new', 'active', 'done');\n\
         CREATE TYPE public.kind AS ENUM ('a', 'b', 'c', 'd');\n"
            .to_owned(),
    ];
    let types = [
        "integer",
        "bigint",
        "text",
        "varchar(80)",
        "boolean",
        "timestamptz",
        "jsonb",
        "uuid",
        "numeric(12,2)",
        "public.status",
        "date",
        "text[]",
        "public.kind",
        "double precision",
    ];
    let mut seed: u64 = 0x9e3779b97f4a7c15;
    let mut next = move |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m as u64) as usize
    };
    for i in 0..n {
        let mut s = String::new();
        let cols = 5 + next(16);
        let _ = write!(
            s,
            "CREATE TABLE public.t{i} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        );
        let mut col_types = Vec::new();
        for c in 0..cols {
            let ty = types[next(types.len())];
            col_types.push(ty);
            let default = match (ty, next(3)) {
                ("integer" | "bigint", 0) => " NOT NULL DEFAULT 0",
                ("text" | "varchar(80)", 0) => " DEFAULT ''",
                ("boolean", _) => " NOT NULL DEFAULT false",
                ("timestamptz", _) => " NOT NULL DEFAULT now()",
                ("jsonb", _) => " NOT NULL DEFAULT '{}'::jsonb",
                ("public.status", _) => " NOT NULL DEFAULT 'new'",
                _ => "",
            };
            let _ = write!(s, ", c{c} {ty}{default}");
        }
        let fks = if i == 0 { 0 } else { next(4) };
        for f in 0..fks {
            let _ = write!(
                s,
                ", ref{f} bigint REFERENCES public.t{} (id) ON DELETE CASCADE",
                next(i)
            );
        }
        if let Some(c) = col_types.iter().position(|t| *t == "integer") {
            let _ = write!(s, ", CONSTRAINT t{i}_c{c}_positive CHECK (c{c} >= 0)");
        }
        s.push_str(");\n");
        for x in 0..1 + next(3) {
            let c = next(cols);
            let sql = match (x, col_types[c]) {
                (1, "text" | "varchar(80)") => format!("CREATE INDEX ON public.t{i} (lower(c{c}))"),
                (2, _) => format!("CREATE INDEX ON public.t{i} (c{c}) WHERE c{c} IS NOT NULL"),
                (_, "jsonb" | "text[]") => format!("CREATE INDEX ON public.t{i} USING gin (c{c})"),
                _ => format!("CREATE INDEX ON public.t{i} (c{c})"),
            };
            let _ = writeln!(s, "{sql};");
        }
        let _ = writeln!(s, "COMMENT ON TABLE public.t{i} IS 'synthetic table {i}';");
        out.push(s);
    }
    out
}

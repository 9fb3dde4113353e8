//! The live round trip of one schema pair on a PostgreSQL server: diff, render (normal or
//! `--online`), apply the upgrade (non-transactional statements on their own, in autocommit),
//! judge it by two oracles — aludel's introspection compared with the desired schema, and
//! `pg_dump --schema-only` compared with a database built straight from the desired SQL (`dump`)
//! — diff again (must be empty), apply the downgrade and judge it the same way against the
//! starting point, and check that rows survive when no data loss is announced. Online scripts
//! must also really use the lock-friendly forms (`online`).

use std::fmt::Write as _;

use aludel_introspect::{Options as ReadOptions, introspect};
use aludel_render::{Options, Statement, render, render_downgrade, script};
use aludel_schema::{Change, Hazard, QualifiedName, Schema};
use sqlx::postgres::PgConnection;

/// Runs a script (simple query protocol, several statements allowed).
pub async fn exec(conn: &mut PgConnection, sql: &str) -> Result<(), String> {
    if sql.trim().is_empty() {
        return Ok(());
    }
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
        .execute(&mut *conn)
        .await
        .map(|_| ())
        .map_err(|e| aludel_pg::server_message(&e))
}

/// Runs rendered statements as a migration runner would: each run of transactional statements in
/// one transaction, every other statement on its own. A run is sent as one batch; when it fails
/// (and is rolled back) it is replayed statement by statement to name the failing one.
pub async fn run_statements(conn: &mut PgConnection, stmts: &[Statement]) -> Result<(), String> {
    let mut i = 0;
    while i < stmts.len() {
        if !stmts[i].transactional {
            exec(conn, &stmts[i].sql)
                .await
                .map_err(|e| format!("{e}\n  in: {}", stmts[i].sql))?;
            i += 1;
            continue;
        }
        let start = i;
        while i < stmts.len() && stmts[i].transactional {
            i += 1;
        }
        let run = &stmts[start..i];
        let mut batch = String::from("BEGIN;\n");
        for s in run {
            batch.push_str(&s.sql);
            batch.push_str(";\n");
        }
        batch.push_str("COMMIT;");
        if exec(conn, &batch).await.is_ok() {
            continue;
        }
        let _ = exec(conn, "ROLLBACK").await;
        exec(conn, "BEGIN").await?;
        for s in run {
            if let Err(e) = exec(conn, &s.sql).await {
                let _ = exec(conn, "ROLLBACK").await;
                return Err(format!("{e}\n  in: {}", s.sql));
            }
        }
        exec(conn, "COMMIT").await?;
    }
    Ok(())
}

/// Introspects every non-system schema.
pub async fn read(conn: &mut PgConnection) -> Result<Schema, String> {
    introspect(conn, &ReadOptions::default())
        .await
        .map(|r| r.schema)
        .map_err(|e| format!("introspection failed: {e}"))
}

/// The state compared after a migration: no rename hints, columns in name order (physical
/// order is not semantic), lists in canonical order.
pub fn canon(s: &Schema) -> Schema {
    let mut s = s.clone();
    s.strip_hints();
    for t in s.tables.values_mut() {
        t.columns.sort_by(|a, b| a.name.cmp(&b.name));
    }
    s.normalize();
    s
}

/// A readable difference between two texts: removed parts in `[-…-]`, added ones in `{+…+}`.
pub fn text_diff(want: &str, got: &str) -> String {
    let mut out = String::new();
    for chunk in dissimilar::diff(want, got) {
        match chunk {
            dissimilar::Chunk::Equal(s) => out.push_str(s),
            dissimilar::Chunk::Delete(s) => {
                let _ = write!(out, "[-{s}-]");
            }
            dissimilar::Chunk::Insert(s) => {
                let _ = write!(out, "{{+{s}+}}");
            }
        }
    }
    out
}

/// `Ok` when the two schemas are equal once canonical, else a readable difference.
pub fn compare(what: &str, got: &Schema, want: &Schema) -> Result<(), String> {
    let (got, want) = (canon(got), canon(want));
    if got == want {
        return Ok(());
    }
    let (g, w) = (got.to_string(), want.to_string());
    let d = if g != w {
        text_diff(&w, &g)
    } else {
        text_diff(&format!("{want:#?}"), &format!("{got:#?}"))
    };
    Err(format!(
        "{what}: the schema differs ([-expected-] {{+actual+}}):\n{d}"
    ))
}

/// The scripts of one pair, as the golden snapshots keep them.
#[derive(Debug, Clone)]
pub struct Scripts {
    pub changes: Vec<Change>,
    /// Diagnostics as `-- diagnostic: …` lines, then the statements.
    pub upgrade: String,
    pub downgrade: String,
}

/// Diffs and renders `before` → `after` with `opts`.
pub fn plan(
    before: &Schema,
    after: &Schema,
    opts: &Options,
) -> Result<(Scripts, Vec<Statement>, Vec<Statement>), String> {
    let (changes, diags) = aludel_diff::diff(before, after).map_err(|e| format!("diff: {e}"))?;
    let up = render(&changes, opts);
    let down = render_downgrade(&changes, opts);
    let mut upgrade = String::new();
    for d in &diags {
        let _ = writeln!(upgrade, "-- diagnostic: {d}");
    }
    upgrade.push_str(&script(&up));
    let downgrade = script(&down);
    Ok((
        Scripts {
            changes,
            upgrade,
            downgrade,
        },
        up,
        down,
    ))
}

/// Row count and a digest of every row of a table.
async fn table_digest(conn: &mut PgConnection, t: &QualifiedName) -> Result<(i64, String), String> {
    let sql = format!(
        "SELECT count(*)::bigint, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM {t} x"
    );
    sqlx::query_as::<_, (i64, String)>(sqlx::AssertSqlSafe(sql))
        .fetch_one(&mut *conn)
        .await
        .map_err(|e| format!("reading rows of {t}: {}", aludel_pg::server_message(&e)))
}

/// The name a table of `before` has in `after`, following hints.
fn name_after(t: &QualifiedName, after: &Schema) -> Option<QualifiedName> {
    if let Some(a) = after
        .tables
        .values()
        .find(|a| a.renamed_from.as_ref() == Some(t))
    {
        return Some(a.name.clone());
    }
    if after.tables.contains_key(t) {
        return Some(t.clone());
    }
    let ns = after
        .namespaces
        .values()
        .find(|n| n.renamed_from.as_ref() == Some(&t.schema))?;
    let moved = QualifiedName::new(ns.name.clone(), t.name.clone());
    after.tables.contains_key(&moved).then_some(moved)
}

fn loses_data(changes: &[Change]) -> bool {
    changes
        .iter()
        .any(|c| c.hazards().iter().any(|h| h.hazard == Hazard::DataLoss))
}

/// The pg_dump oracle of a round trip: the URL of the database being migrated, and the
/// normalised dumps ([`crate::dump`]) of databases built straight from the SQL of the two sides.
#[derive(Debug, Clone, Copy)]
pub struct Dumps<'a> {
    pub url: &'a str,
    pub before: &'a str,
    pub after: &'a str,
}

/// The whole round trip on `conn`, whose database holds `before` (as introspected), rendered
/// with `opts`. `after` is the desired schema (introspected, with rename hints). `data` is
/// inserted before the upgrade; `verify` runs after the upgrade in a transaction that is rolled
/// back, and must succeed. `dumps` judges both steps a second time, by pg_dump.
pub async fn round_trip(
    conn: &mut PgConnection,
    before: &Schema,
    after: &Schema,
    data: Option<&str>,
    verify: Option<&str>,
    opts: &Options,
    dumps: Dumps<'_>,
) -> Result<Scripts, String> {
    let (scripts, up, down) = plan(before, after, opts)?;
    let fail = |step: &str, e: String| {
        format!(
            "{step}: {e}\n--- upgrade ---\n{}--- downgrade ---\n{}",
            scripts.upgrade, scripts.downgrade
        )
    };
    let mut digests = Vec::new();
    if let Some(data) = data {
        exec(conn, data).await.map_err(|e| fail("data.sql", e))?;
        for t in before.tables.keys() {
            digests.push((t.clone(), table_digest(conn, t).await?));
        }
    }
    let lossless = !loses_data(&scripts.changes);
    if opts.online {
        crate::online::check(&scripts.changes, &up).map_err(|e| fail("online upgrade", e))?;
        let reversed: Vec<Change> = scripts.changes.iter().rev().map(Change::reverse).collect();
        crate::online::check(&reversed, &down).map_err(|e| fail("online downgrade", e))?;
    }

    run_statements(conn, &up)
        .await
        .map_err(|e| fail("upgrade failed", e))?;
    let upgraded = read(conn).await?;
    compare("after the upgrade", &upgraded, after).map_err(|e| fail("upgrade", e))?;
    let dumped = crate::dump::dump(dumps.url).await?;
    crate::dump::compare("after the upgrade", &dumped, dumps.after)
        .map_err(|e| fail("upgrade", e))?;
    let (rest, _) =
        aludel_diff::diff(&upgraded, after).map_err(|e| fail("diff again", e.to_string()))?;
    if !rest.is_empty() {
        return Err(fail(
            "diff after the upgrade is not empty",
            script(&render(&rest, &Options::default())),
        ));
    }
    if let Some(v) = verify {
        let r = exec(conn, &format!("BEGIN;\n{v}\n;")).await;
        let _ = exec(conn, "ROLLBACK").await;
        r.map_err(|e| fail("verify.sql after the upgrade", e))?;
    }
    if lossless {
        for (t, (count, _)) in &digests {
            let Some(now) = name_after(t, after) else {
                continue;
            };
            let (c, _) = table_digest(conn, &now).await?;
            if c != *count {
                return Err(fail(
                    "rows lost by the upgrade",
                    format!(
                        "{t} had {count} rows, {now} has {c}; no data-loss hazard was announced"
                    ),
                ));
            }
        }
    }

    run_statements(conn, &down)
        .await
        .map_err(|e| fail("downgrade failed", e))?;
    let downgraded = read(conn).await?;
    compare("after the downgrade", &downgraded, before).map_err(|e| fail("downgrade", e))?;
    let dumped = crate::dump::dump(dumps.url).await?;
    crate::dump::compare("after the downgrade", &dumped, dumps.before)
        .map_err(|e| fail("downgrade", e))?;
    if lossless {
        for (t, d) in &digests {
            let now = table_digest(conn, t).await?;
            if now != *d {
                return Err(fail(
                    "rows changed by upgrade + downgrade",
                    format!(
                        "{t}: {} rows before, {} after; no data-loss hazard was announced",
                        d.0, now.0
                    ),
                ));
            }
        }
    }
    Ok(scripts)
}

/// Creates `x` in the database behind `conn`, which holds `base` (as introspected), by
/// rendering `diff(base, x)`; returns the introspected result.
pub async fn materialise(
    conn: &mut PgConnection,
    base: &Schema,
    x: &Schema,
) -> Result<Schema, String> {
    let (_, up, _) = plan(base, x, &Options::default())?;
    run_statements(conn, &up)
        .await
        .map_err(|e| format!("creating the schema failed: {e}\n{}", script(&up)))?;
    read(conn).await
}

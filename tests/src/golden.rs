//! Golden case directories `tests/cases/<name>/`: `before.sql`, `after.sql`, optional
//! `data.sql` (rows inserted before the upgrade), `hints.json` (rename hints, see `hints`) and
//! `verify.sql` (run after the upgrade in a rolled-back transaction), and the snapshots
//! `upgrade.sql` / `downgrade.sql` and, for `--online`, `upgrade.online.sql` /
//! `downgrade.online.sql`, checked on a live server (or rewritten when `UPDATE_GOLDEN=1`).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use aludel_pg::Server;

use aludel_render::{DEFAULT_ONLINE_LOCK_TIMEOUT, Options};

use crate::{dump, live};

/// The environment variable that rewrites the snapshots instead of comparing them.
pub const UPDATE_VAR: &str = "UPDATE_GOLDEN";

/// `tests/cases` of this repository.
pub fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cases")
}

/// The environment variable that narrows a run to the cases whose names contain its value
/// (comma-separated), for working on a few cases.
pub const ONLY_VAR: &str = "GOLDEN_ONLY";

/// Every case directory, sorted by name.
pub fn list() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(cases_dir())
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.join("before.sql").is_file())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Runs `check` on every case, `workers` at a time; panics with every failing case's name and
/// message (at least 50 cases must exist).
pub async fn for_each_case<F, Fut>(workers: usize, check: F)
where
    F: Fn(PathBuf) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), String>> + Send,
{
    let mut cases = list();
    if let Ok(only) = std::env::var(ONLY_VAR) {
        let wanted: Vec<&str> = only.split(',').collect();
        cases.retain(|c| {
            let name = c.file_name().unwrap_or_default().to_string_lossy();
            wanted.iter().any(|w| name.contains(w))
        });
        assert!(
            !cases.is_empty(),
            "{ONLY_VAR}={only} matches no golden case"
        );
    }
    assert!(
        cases.len() >= 50 || std::env::var_os(ONLY_VAR).is_some(),
        "expected at least 50 golden cases in {}, found {}",
        cases_dir().display(),
        cases.len()
    );
    let queue = Arc::new(Mutex::new(cases.clone()));
    let failures = Arc::new(Mutex::new(Vec::new()));
    let check = Arc::new(check);
    let mut tasks = Vec::new();
    for _ in 0..workers {
        let (queue, failures, check) = (queue.clone(), failures.clone(), check.clone());
        tasks.push(tokio::spawn(async move {
            loop {
                let Some(dir) = queue.lock().unwrap().pop() else {
                    break;
                };
                let name = dir
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                if let Err(e) = check(dir).await {
                    failures.lock().unwrap().push((name, e));
                }
            }
        }));
    }
    for t in tasks {
        t.await.expect("a golden worker panicked");
    }
    let mut failures = failures.lock().unwrap().clone();
    failures.sort();
    if !failures.is_empty() {
        let report: String = failures
            .iter()
            .map(|(name, e)| format!("\n===== case {name} =====\n{e}\n"))
            .collect();
        let names: Vec<&str> = failures.iter().map(|(n, _)| n.as_str()).collect();
        panic!(
            "{} of {} golden cases failed: {}\n{report}",
            failures.len(),
            cases.len(),
            names.join(", ")
        );
    }
}

fn read_opt(p: &Path) -> Result<Option<String>, String> {
    match fs::read_to_string(p) {
        Ok(s) => Ok(Some(s)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: {e}", p.display())),
    }
}

/// A case's `after.sql` as introspected in a scratch database (dropped again), with the
/// case's rename hints: the desired side.
pub async fn desired(server: &Server, dir: &Path) -> Result<aludel_schema::Schema, String> {
    let sql = read_opt(&dir.join("after.sql"))?.ok_or("after.sql is missing")?;
    let db = server
        .create_database("golden", None)
        .await
        .map_err(|e| e.to_string())?;
    let result = async {
        let mut conn = aludel_pg::connect(&db.url)
            .await
            .map_err(|e| e.to_string())?;
        live::exec(&mut conn, &sql)
            .await
            .map_err(|e| format!("after.sql: {e}"))?;
        live::read(&mut conn).await
    }
    .await;
    let _ = server.drop_database(&db.name).await;
    let mut schema = result?;
    if let Some(h) = read_opt(&dir.join("hints.json"))? {
        crate::hints::apply(&mut schema, &h).map_err(|e| e.to_string())?;
    }
    Ok(schema)
}

/// The two modes every case runs in, and the snapshot names of each.
const MODES: [(bool, &str, &str); 2] = [
    (false, "upgrade.sql", "downgrade.sql"),
    (true, "upgrade.online.sql", "downgrade.online.sql"),
];

/// Runs one case on `server`, in the normal and the online mode: `after.sql` in a scratch
/// database (introspected and dumped, then dropped), and per mode `before.sql` in one more,
/// migrated up and down (dropped on success, kept on failure).
pub async fn run(server: &Server, dir: &Path) -> Result<(), String> {
    let file = |n: &str| dir.join(n);
    let before_sql = read_opt(&file("before.sql"))?.ok_or("before.sql is missing")?;
    let after_sql = read_opt(&file("after.sql"))?.ok_or("after.sql is missing")?;
    let data = read_opt(&file("data.sql"))?;
    let hints = read_opt(&file("hints.json"))?;
    let verify = read_opt(&file("verify.sql"))?;

    let (mut after, after_dump) = built(server, &after_sql)
        .await
        .map_err(|e| format!("after.sql: {e}"))?;
    if let Some(h) = &hints {
        crate::hints::apply(&mut after, h).map_err(|e| e.to_string())?;
    }
    for (online, up_name, down_name) in MODES {
        let mode = if online { "online" } else { "normal" };
        let before_db = server
            .create_database("golden", None)
            .await
            .map_err(|e| e.to_string())?;
        let result = async {
            let mut b = aludel_pg::connect(&before_db.url)
                .await
                .map_err(|e| e.to_string())?;
            live::exec(&mut b, &before_sql)
                .await
                .map_err(|e| format!("before.sql: {e}"))?;
            let before = live::read(&mut b).await?;
            let before_dump = dump::dump(&before_db.url).await?;
            let opts = if online {
                Options::online(DEFAULT_ONLINE_LOCK_TIMEOUT)
            } else {
                Options::default()
            };
            let dumps = live::Dumps {
                url: &before_db.url,
                before: &before_dump,
                after: &after_dump,
            };
            let scripts = live::round_trip(
                &mut b,
                &before,
                &after,
                data.as_deref(),
                verify.as_deref(),
                &opts,
                dumps,
            )
            .await?;
            snapshot(&file(up_name), &scripts.upgrade)?;
            snapshot(&file(down_name), &scripts.downgrade)
        }
        .await;
        if result.is_ok() {
            let _ = server.drop_database(&before_db.name).await;
        }
        result.map_err(|e| format!("{mode} mode: {e}\n(kept database `{}`)", before_db.name))?;
    }
    Ok(())
}

/// `sql` run in a scratch database (dropped again): the introspected schema and the normalised
/// `pg_dump`.
async fn built(server: &Server, sql: &str) -> Result<(aludel_schema::Schema, String), String> {
    let db = server
        .create_database("golden", None)
        .await
        .map_err(|e| e.to_string())?;
    let result = async {
        let mut conn = aludel_pg::connect(&db.url)
            .await
            .map_err(|e| e.to_string())?;
        live::exec(&mut conn, sql).await?;
        let schema = live::read(&mut conn).await?;
        drop(conn);
        Ok((schema, dump::dump(&db.url).await?))
    }
    .await;
    let _ = server.drop_database(&db.name).await;
    result
}

/// Compares `text` with the snapshot file, or writes it when [`UPDATE_VAR`] is set.
fn snapshot(path: &Path, text: &str) -> Result<(), String> {
    if std::env::var_os(UPDATE_VAR).is_some() {
        return fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()));
    }
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    match read_opt(path)? {
        None => Err(format!(
            "{name} is missing; run with {UPDATE_VAR}=1 to write it, then review it:\n{text}"
        )),
        Some(old) if old == text => Ok(()),
        Some(old) => Err(format!(
            "{name} differs from the snapshot ([-snapshot-] {{+now+}}; {UPDATE_VAR}=1 rewrites it):\n{}",
            live::text_diff(&old, text)
        )),
    }
}

/// Saves a pair as a new case `<cases>/<name>/` (before.sql, after.sql and hints.json: the snapshots
/// are written by a run with [`UPDATE_VAR`] once the case passes). Returns its directory.
pub fn save(
    name: &str,
    before_sql: &str,
    after_sql: &str,
    hints: Option<&str>,
) -> std::io::Result<PathBuf> {
    let dir = cases_dir().join(name);
    fs::create_dir_all(&dir)?;
    fs::write(dir.join("before.sql"), before_sql)?;
    fs::write(dir.join("after.sql"), after_sql)?;
    if let Some(h) = hints {
        fs::write(dir.join("hints.json"), h)?;
    }
    Ok(dir)
}

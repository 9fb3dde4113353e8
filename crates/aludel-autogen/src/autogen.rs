//! `autogen`: the migration that turns the replayed history (or a live database at head) into
//! the models, proven on a throwaway copy before it is written.

use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use aludel_migrations::{MigrationSet, RevisionId};
use aludel_render::Options as RenderOptions;
use aludel_schema::{Change, Schema};

use crate::cache::Cache;
use crate::error::Error;
use crate::project::{Environment, Project, load};
use crate::sides::{self, Baseline};
use crate::throwaway::Throwaway;
use crate::{files, prove};

/// How to generate.
#[derive(Debug, Clone, Default)]
pub struct AutogenOptions {
    /// `-m`: the message, which also names the file.
    pub message: String,
    /// Lock-friendly forms (`CONCURRENTLY`, `NOT VALID` + `VALIDATE`).
    pub online: bool,
    /// `SET LOCAL lock_timeout` before transactional statements.
    pub lock_timeout: Option<String>,
    /// Drop tables the models no longer declare even when the `Schema` does not list them as
    /// dropped.
    pub allow_drop: bool,
    /// The creation time written into the revision id; now when `None`.
    pub unix_seconds: Option<u64>,
}

/// What autogen did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Models and history agree; nothing was written.
    NothingToDo,
    Written {
        /// The files written, in the order they apply.
        files: Vec<PathBuf>,
        /// `data-loss public.users.legacy`, ... over all files.
        hazards: Vec<String>,
        /// Suggestions such as a missing rename hint (the `renamed_from` attribute to add).
        diagnostics: Vec<String>,
        /// The hazards `--online` would avoid (`--online avoids blocks-writes public.t (...)`),
        /// none when online.
        online_hints: Vec<String>,
    },
}

/// Where the time of one run went, phase by phase, in order.
pub type Timings = Vec<(&'static str, Duration)>;

/// Records the time since the last mark.
pub(crate) struct Stopwatch {
    last: Instant,
    pub(crate) phases: Timings,
}

impl Stopwatch {
    pub(crate) fn new() -> Stopwatch {
        Stopwatch {
            last: Instant::now(),
            phases: Vec::new(),
        }
    }

    pub(crate) fn mark(&mut self, phase: &'static str) {
        let now = Instant::now();
        self.phases.push((phase, now - self.last));
        self.last = now;
    }
}

/// Compares the models with the history and writes the migration that makes them agree.
pub async fn autogen(
    project: &Project,
    env: &Environment,
    options: &AutogenOptions,
) -> Result<Outcome, Error> {
    autogen_timed(project, env, options).await.0
}

/// [`autogen`], also saying where the time went.
pub async fn autogen_timed(
    project: &Project,
    env: &Environment,
    options: &AutogenOptions,
) -> (Result<Outcome, Error>, Timings) {
    let mut sw = Stopwatch::new();
    let result = run(project, env, options, &mut sw).await;
    (result, sw.phases)
}

async fn run(
    project: &Project,
    env: &Environment,
    options: &AutogenOptions,
    sw: &mut Stopwatch,
) -> Result<Outcome, Error> {
    let set = load(project)?;
    sw.mark("load migrations");
    let heads: Vec<RevisionId> = set.graph().heads().into_iter().cloned().collect();
    if heads.len() > 1 {
        return Err(Error::SeveralHeads {
            heads: heads.iter().map(|h| h.as_str().to_owned()).collect(),
        });
    }
    let cache = Cache::new(project);
    let keys = (
        Cache::history_key(project, &set),
        Cache::models_key(project),
    );
    if env.database_url.is_none()
        && let Some((history, desired)) = cache.both(&keys, env.target_major)
    {
        let (changes, _) = aludel_diff::diff(&history, &desired)?;
        sw.mark("cache: both sides unchanged since the last run, diff");
        if changes.is_empty() {
            return Ok(Outcome::NothingToDo);
        }
    }
    let tw = Throwaway::start(env).await?;
    sw.mark("start throwaway server");
    let result = generate(&tw, project, env, options, &set, heads.first(), sw).await;
    if let Ok((_, sides)) = &result {
        cache.put(&keys.0, &sides.0, tw.major);
        cache.put(&keys.1, &sides.1, tw.major);
    }
    let result = result.map(|(outcome, _)| outcome);
    tw.finish().await;
    sw.mark("clean up");
    result
}

async fn generate(
    tw: &Throwaway,
    project: &Project,
    env: &Environment,
    options: &AutogenOptions,
    set: &MigrationSet,
    head: Option<&RevisionId>,
    sw: &mut Stopwatch,
) -> Result<(Outcome, (Schema, Schema)), Error> {
    let baseline = sides::baseline(tw, project).await?;
    sw.mark("baseline (external SQL)");
    let ((history_db, history), desired) = tokio::try_join!(
        sides::history(tw, project, set, &baseline),
        sides::models(tw, project, &baseline)
    )?;
    sw.mark("replay history + create models (concurrently), introspect both");
    let current = match &env.database_url {
        Some(url) => live_at_head(url, project, set, &baseline).await?,
        None => history.clone(),
    };
    let (changes, diagnostics) = aludel_diff::diff(&current, &desired)?;
    sw.mark("diff");
    refuse_drops(&changes, project, options)?;
    if changes.is_empty() {
        return Ok((Outcome::NothingToDo, (history, desired)));
    }
    let render = RenderOptions {
        online: options.online,
        lock_timeout: options.lock_timeout.clone(),
    };
    let parts = files::split(&changes, &render);
    let now = set.next_revision_time(options.unix_seconds.unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0)
    }));
    let migrations = files::migrations(&parts, head, &options.message, now, &render)?;
    let online_hints = aludel_render::HazardPolicy::new(&changes, &render)
        .online_hints(&changes)
        .iter()
        .map(ToString::to_string)
        .collect();
    sw.mark("render");
    let (extended, replayed) = prove::prove(
        project,
        set,
        &migrations,
        head,
        &history_db.url,
        &baseline.schema,
        &history,
        &desired,
    )
    .await?;
    sw.mark("prove (upgrade, introspect, downgrade, introspect)");
    // as the files' headers say them
    let hazards = migrations
        .iter()
        .flat_map(|m| m.hazards())
        .map(|h| format!("{} {}", h.hazard(), h.object()))
        .collect();
    let files = aludel_migrations::write_new(&project.migrations_dir, &migrations)?;
    // The history with the new files replays to what the proof read: the next run need not
    // replay it to know that nothing is left to do.
    Cache::new(project).put(&Cache::history_key(project, &extended), &replayed, tw.major);
    let outcome = Outcome::Written {
        files,
        hazards,
        diagnostics: diagnostics.iter().map(ToString::to_string).collect(),
        online_hints,
    };
    Ok((outcome, (history, desired)))
}

/// Refuses to drop a table the models merely do not mention.
fn refuse_drops(
    changes: &[Change],
    project: &Project,
    options: &AutogenOptions,
) -> Result<(), Error> {
    if options.allow_drop {
        return Ok(());
    }
    let tables: Vec<String> = changes
        .iter()
        .filter_map(|c| match c {
            Change::DropTable(t) if !project.models.dropped.contains(&t.name) => {
                Some(t.name.to_string())
            }
            _ => None,
        })
        .collect();
    if tables.is_empty() {
        Ok(())
    } else {
        Err(Error::WouldDrop { tables })
    }
}

/// The live database's schema, after checking that it has applied exactly the history.
pub(crate) async fn live_at_head(
    url: &str,
    project: &Project,
    set: &MigrationSet,
    baseline: &Baseline,
) -> Result<Schema, Error> {
    let mut conn = aludel_pg::connect(url).await?;
    let applied = aludel_runner::read_applied(&mut conn, &project.version_table).await;
    let _ = sqlx::Connection::close(conn).await;
    let applied = applied.map_err(Error::Replay)?.unwrap_or_default();
    let missing: Vec<String> = set
        .graph()
        .topological_order()
        .iter()
        .filter(|r| !applied.contains(r.as_str()))
        .map(|r| r.as_str().to_owned())
        .collect();
    if !missing.is_empty() {
        return Err(Error::DatabaseBehind {
            url: aludel_pg::redact(url),
            missing,
        });
    }
    let unknown: Vec<String> = applied
        .unknown(set)
        .iter()
        .map(|r| r.revision.clone())
        .collect();
    if !unknown.is_empty() {
        return Err(Error::DatabaseAhead {
            url: aludel_pg::redact(url),
            unknown,
        });
    }
    sides::read(url, project, &baseline.schema).await
}

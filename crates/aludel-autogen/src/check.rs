//! `check`, the CI gate: the migrations directory is well formed, the models agree with the
//! replayed history, and (with a live database) the database agrees with the history.

use aludel_migrations::MigrationSet;
use aludel_runner::Status;
use aludel_schema::Schema;
use serde::Serialize;

use crate::cache::Cache;
use crate::drift::{Drift, drift};
use crate::error::Error;
use crate::project::{Environment, Project, load};
use crate::sides::{self, Baseline};
use crate::throwaway::Throwaway;

/// What `check` accepts besides the project.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Accept a history with several heads (branches not merged yet).
    pub allow_several_heads: bool,
}

/// What a live database holds compared with the directory.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DatabaseReport {
    /// The database URL without its password.
    pub url: String,
    /// Revisions of the directory not applied there.
    pub pending: Vec<String>,
    /// Applied revisions whose file changed since (`revision (path)`).
    pub modified: Vec<String>,
    /// Applied revisions this directory does not have.
    pub unknown: Vec<String>,
    /// `transaction none` migrations that failed mid-way.
    pub dirty: Vec<String>,
    /// Objects made or changed by hand: the database against the replayed history (only when
    /// the database is at head).
    pub drift: Option<Drift>,
}

impl DatabaseReport {
    pub fn agrees(&self) -> bool {
        self.pending.is_empty()
            && self.modified.is_empty()
            && self.unknown.is_empty()
            && self.dirty.is_empty()
            && self.drift.is_none()
    }
}

/// Everything `check` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    pub revisions: usize,
    pub heads: Vec<String>,
    /// Several heads where one is required.
    pub several_heads: bool,
    /// The models against the replayed history.
    pub models: Option<Drift>,
    pub database: Option<DatabaseReport>,
}

impl CheckReport {
    /// Whether models, migrations and database agree (exit 0).
    pub fn agrees(&self) -> bool {
        !self.several_heads
            && self.models.is_none()
            && self.database.as_ref().is_none_or(DatabaseReport::agrees)
    }

    /// The report for people: one line when all agree, the findings otherwise.
    pub fn text(&self) -> String {
        let mut out = String::new();
        if self.agrees() {
            out.push_str(&format!(
                "ok: models, {} migration(s) and {} agree\n",
                self.revisions,
                self.database
                    .as_ref()
                    .map_or("the replayed history".to_owned(), |d| d.url.clone())
            ));
            return out;
        }
        if self.several_heads {
            out.push_str(&format!(
                "the migration history has {} heads: {}\nhint: join them with `merge -m <message>`\n\n",
                self.heads.len(),
                self.heads.join(", ")
            ));
        }
        if let Some(d) = &self.models {
            out.push_str(
                "the models differ from the migration history; `autogen` would write:\n\n",
            );
            drift_text(&mut out, d);
            out.push_str("hint: run `autogen -m <message>` and commit the migration it writes\n\n");
        }
        if let Some(db) = &self.database {
            let list = |out: &mut String, what: &str, items: &[String]| {
                if !items.is_empty() {
                    out.push_str(&format!(
                        "database {}: {what}: {}\n",
                        db.url,
                        items.join(", ")
                    ));
                }
            };
            list(&mut out, "not applied", &db.pending);
            list(&mut out, "edited after they were applied", &db.modified);
            list(
                &mut out,
                "applied but unknown to this directory",
                &db.unknown,
            );
            list(&mut out, "failed mid-way (dirty)", &db.dirty);
            if !db.pending.is_empty() {
                out.push_str("hint: run `upgrade head` on it\n");
            }
            if let Some(d) = &db.drift {
                out.push_str(&format!(
                    "database {} differs from the migration history (changed by hand?); to match the history:\n\n",
                    db.url
                ));
                drift_text(&mut out, d);
            }
        }
        out
    }
}

fn drift_text(out: &mut String, d: &Drift) {
    for s in &d.statements {
        out.push_str("    ");
        out.push_str(&s.replace('\n', "\n    "));
        out.push('\n');
    }
    out.push('\n');
    // context lines of blank lines are a lone space: trimmed, so the report has no trailing
    // whitespace
    for line in d.ddl_diff.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// Runs every check and reports; an `Err` is a failure to check (exit 2), a report that does
/// not agree is drift (exit 1).
pub async fn check(
    project: &Project,
    env: &Environment,
    options: &CheckOptions,
) -> Result<CheckReport, Error> {
    let set = load(project)?;
    let heads: Vec<String> = set
        .graph()
        .heads()
        .iter()
        .map(|h| h.as_str().to_owned())
        .collect();
    let cache = Cache::new(project);
    let keys = (
        Cache::history_key(project, &set),
        Cache::models_key(project),
    );
    let cached = match env.database_url {
        None => cache.both(&keys, env.target_major),
        Some(_) => None,
    };
    let (models, database) = match cached {
        Some((history, desired)) => (drift(&history, &desired, ("migrations", "models"))?, None),
        None => {
            let tw = Throwaway::start(env).await?;
            let result = compare(&tw, project, env, &set).await;
            if let Ok((_, _, sides)) = &result {
                cache.put(&keys.0, &sides.0, tw.major);
                cache.put(&keys.1, &sides.1, tw.major);
            }
            tw.finish().await;
            let (models, database, _) = result?;
            (models, database)
        }
    };
    Ok(CheckReport {
        revisions: set.len(),
        several_heads: heads.len() > 1 && !options.allow_several_heads,
        heads,
        models,
        database,
    })
}

async fn compare(
    tw: &Throwaway,
    project: &Project,
    env: &Environment,
    set: &MigrationSet,
) -> Result<(Option<Drift>, Option<DatabaseReport>, (Schema, Schema)), Error> {
    let baseline = sides::baseline(tw, project).await?;
    let ((_, history), desired) = tokio::try_join!(
        sides::history(tw, project, set, &baseline),
        sides::models(tw, project, &baseline)
    )?;
    let models = drift(&history, &desired, ("migrations", "models"))?;
    let database = match &env.database_url {
        Some(url) => Some(database(url, project, set, &baseline, &history).await?),
        None => None,
    };
    Ok((models, database, (history, desired)))
}

async fn database(
    url: &str,
    project: &Project,
    set: &MigrationSet,
    baseline: &Baseline,
    history: &Schema,
) -> Result<DatabaseReport, Error> {
    let mut conn = aludel_pg::connect(url).await?;
    let applied = aludel_runner::read_applied(&mut conn, &project.version_table).await;
    let _ = sqlx::Connection::close(conn).await;
    let applied = applied.map_err(Error::Replay)?.unwrap_or_default();
    let mut report = DatabaseReport {
        url: aludel_pg::redact(url),
        ..DatabaseReport::default()
    };
    for rev in set.graph().topological_order() {
        let Some(file) = set.get(rev) else { continue };
        let name = || rev.as_str().to_owned();
        match applied.status(file) {
            Status::Pending => report.pending.push(name()),
            Status::Modified => report
                .modified
                .push(format!("{rev} ({})", file.path().display())),
            Status::Dirty => report.dirty.push(name()),
            Status::Applied => {}
        }
    }
    report.unknown = applied
        .unknown(set)
        .iter()
        .map(|row| row.revision.clone())
        .collect();
    if report.pending.is_empty() && report.unknown.is_empty() {
        let live = sides::read(url, project, &baseline.schema).await?;
        report.drift = drift(&live, history, ("database", "migrations"))?;
    }
    Ok(report)
}

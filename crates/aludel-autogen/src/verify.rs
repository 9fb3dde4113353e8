//! `verify`: in a throwaway database, every revision upgraded one at a time, then downgraded one
//! at a time back to base (each downgrade must restore the schema before its upgrade), then the
//! whole history upgraded again (must equal the first time).

use aludel_runner::{DowngradeTarget, Target, UpgradeTarget};
use aludel_schema::Schema;

use crate::error::Error;
use crate::project::load;
use crate::project::{Environment, Project};
use crate::prove::remaining;
use crate::sides::{self, read, run};
use crate::throwaway::Throwaway;

/// What `verify` proved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    /// Revisions upgraded, downgraded and upgraded again.
    pub revisions: usize,
}

/// Replays the history up, down and up again; the first revision that breaks is the error.
pub async fn verify(project: &Project, env: &Environment) -> Result<VerifyReport, Error> {
    let set = load(project)?;
    let tw = Throwaway::start(env).await?;
    let result = replay(&tw, project, &set).await;
    tw.finish().await;
    result
}

async fn replay(
    tw: &Throwaway,
    project: &Project,
    set: &aludel_migrations::MigrationSet,
) -> Result<VerifyReport, Error> {
    let baseline = sides::baseline(tw, project).await?;
    let db = tw.database("aludel_verify", Some(&baseline.db)).await?;
    let order = set.graph().topological_order().to_vec();
    let broken = |revision: &str, step: &'static str, detail: String| Error::Verify {
        revision: revision.to_owned(),
        step,
        detail,
    };
    // snapshots[i]: the schema after the first i revisions.
    let mut snapshots: Vec<Schema> = vec![Schema::new()];
    for rev in &order {
        let target = Target::Upgrade(UpgradeTarget::Revision(rev.as_str().to_owned()));
        run(&db.url, project, set, target)
            .await
            .map_err(|e| broken(rev.as_str(), "fails to upgrade", e.to_string()))?;
        snapshots.push(read(&db.url, project, &baseline.schema).await?);
    }
    for (i, rev) in order.iter().enumerate().rev() {
        run(
            &db.url,
            project,
            set,
            Target::Downgrade(DowngradeTarget::Relative(1)),
        )
        .await
        .map_err(|e| broken(rev.as_str(), "fails to downgrade", e.to_string()))?;
        let now = read(&db.url, project, &baseline.schema).await?;
        let left = remaining(&now, &snapshots[i])?;
        if !left.is_empty() {
            return Err(broken(
                rev.as_str(),
                "does not downgrade to the schema before it; the difference",
                left,
            ));
        }
    }
    run(&db.url, project, set, Target::Upgrade(UpgradeTarget::Heads))
        .await
        .map_err(|e| broken("(all)", "fails to upgrade a second time", e.to_string()))?;
    let again = read(&db.url, project, &baseline.schema).await?;
    let first = snapshots.last().cloned().unwrap_or_default();
    let left = remaining(&again, &first)?;
    if !left.is_empty() {
        let last = order.last().map(|r| r.as_str()).unwrap_or("(base)");
        return Err(broken(
            last,
            "upgrades to a different schema the second time; the difference",
            left,
        ));
    }
    Ok(VerifyReport {
        revisions: order.len(),
    })
}

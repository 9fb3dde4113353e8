//! The proof every generated migration passes before it is written: on the replayed history it
//! upgrades to the models and downgrades back to the history, both checked by introspection.

use aludel_migrations::{Migration, MigrationSet, RevisionId};
use aludel_runner::{DowngradeTarget, Target, UpgradeTarget};
use aludel_schema::Schema;

use crate::drift::drift;
use crate::error::Error;
use crate::project::Project;
use crate::sides::{read, run};

/// `set` with `new` added, as they will be on disk.
pub(crate) fn extended(
    project: &Project,
    set: &MigrationSet,
    new: &[Migration],
) -> Result<MigrationSet, Error> {
    let mut files: Vec<(std::path::PathBuf, String)> = set
        .iter()
        .map(|f| (f.path().to_path_buf(), f.content().to_owned()))
        .collect();
    for m in new {
        files.push((project.migrations_dir.join(m.file_name()), m.write()));
    }
    Ok(MigrationSet::from_files(files)?)
}

/// The differences between two schemas as the SQL that would remove them; empty when equal.
pub(crate) fn remaining(from: &Schema, to: &Schema) -> Result<String, Error> {
    Ok(drift(from, to, ("", ""))?
        .map(|d| d.statements.iter().map(|s| format!("{s}\n")).collect())
        .unwrap_or_default())
}

/// Upgrades the history database `url` (at `old_head`) with `new`, compares with `desired`,
/// downgrades back, compares with `current`. Returns the extended history and the schema it
/// replays to (as introspected after the upgrade).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn prove(
    project: &Project,
    set: &MigrationSet,
    new: &[Migration],
    old_head: Option<&RevisionId>,
    url: &str,
    baseline: &Schema,
    current: &Schema,
    desired: &Schema,
) -> Result<(MigrationSet, Schema), Error> {
    let all = extended(project, set, new)?;
    let written: String = new.iter().map(|m| m.write()).collect::<Vec<_>>().join("\n");
    let failed = |step: &str, detail: String| Error::ProofFailed {
        step: step.to_owned(),
        detail: format!("{detail}\n--- the migration that was not written ---\n{written}"),
    };
    run(url, project, &all, Target::Upgrade(UpgradeTarget::Head))
        .await
        .map_err(|e| failed("the upgrade fails on the replayed history", e.to_string()))?;
    let after = read(url, project, baseline).await?;
    let left = remaining(&after, desired)?;
    if !left.is_empty() {
        return Err(failed(
            "after the upgrade the database still differs from the models; what is left",
            left,
        ));
    }
    let back = match old_head {
        Some(rev) => DowngradeTarget::Revision(rev.as_str().to_owned()),
        None => DowngradeTarget::Base,
    };
    run(url, project, &all, Target::Downgrade(back))
        .await
        .map_err(|e| failed("the downgrade fails", e.to_string()))?;
    let back = read(url, project, baseline).await?;
    let left = remaining(&back, current)?;
    if !left.is_empty() {
        return Err(failed(
            "after the downgrade the database differs from the history; what is left",
            left,
        ));
    }
    Ok((all, after))
}

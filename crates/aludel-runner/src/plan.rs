//! Planning a run: from the applied state, the migrations and a target to the list of steps,
//! without any IO. This is the contract of the graph semantics (DESIGN.md section 6).

use std::collections::BTreeSet;
use std::fmt;
use std::path::PathBuf;

use aludel_migrations::{
    Checksum, MigrationFile, MigrationSet, RevisionId, Section, Statement, TransactionMode,
};

use crate::applied::AppliedState;
use crate::error::PlanError;
use crate::table::Direction;

/// Where `upgrade` goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpgradeTarget {
    /// Every unapplied ancestor of the single head, and the head.
    Head,
    /// Every unapplied ancestor of every head, and the heads.
    Heads,
    /// The revision and its unapplied ancestors.
    Revision(String),
    /// `+N`: the next N unapplied revisions toward the single head.
    Relative(usize),
}

impl UpgradeTarget {
    /// `head`, `heads`, `+N` or a revision id.
    pub fn parse(text: &str) -> UpgradeTarget {
        match text {
            "head" => UpgradeTarget::Head,
            "heads" => UpgradeTarget::Heads,
            _ => match text.strip_prefix('+').and_then(|n| n.parse().ok()) {
                Some(n) => UpgradeTarget::Relative(n),
                None => UpgradeTarget::Revision(text.to_owned()),
            },
        }
    }
}

/// Where `downgrade` goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DowngradeTarget {
    /// `-N`: the N most recently applied revisions.
    Relative(usize),
    /// Every applied revision that is neither this one nor one of its ancestors, newest first.
    Revision(String),
    /// Every applied revision.
    Base,
}

impl DowngradeTarget {
    /// `-N`, `base` or a revision id.
    pub fn parse(text: &str) -> DowngradeTarget {
        match text {
            "base" => DowngradeTarget::Base,
            _ => match text.strip_prefix('-').and_then(|n| n.parse().ok()) {
                Some(n) => DowngradeTarget::Relative(n),
                None => DowngradeTarget::Revision(text.to_owned()),
            },
        }
    }
}

/// What the operator fixed by hand after a failed `transaction none` migration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RepairOutcome {
    /// The migration's effects are in place: record it as applied.
    Applied,
    /// The migration's effects are not in place: remove its row.
    Reverted,
}

/// What a run should achieve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Upgrade(UpgradeTarget),
    Downgrade(DowngradeTarget),
    /// Set the applied set to the revision and its ancestors, running nothing.
    Stamp(String),
    /// Empty the version table, running nothing.
    StampPurge,
    /// Accept the current content of an applied, edited migration (of every edited one when
    /// `None`).
    Rehash(Option<String>),
    /// Clear the dirty state of a failed `transaction none` migration.
    Repair {
        revision: String,
        outcome: RepairOutcome,
    },
}

/// One migration to run, with everything needed to run it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationStep {
    pub revision: RevisionId,
    pub parents: Vec<RevisionId>,
    pub path: PathBuf,
    pub checksum: Checksum,
    pub direction: Direction,
    pub transaction: TransactionMode,
    /// The statements of the section that runs, with their lines in the file.
    pub statements: Vec<Statement>,
}

/// A row of the version table to write without running anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StampRow {
    pub revision: RevisionId,
    pub parents: Vec<RevisionId>,
    pub checksum: Checksum,
}

/// One step of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Migrate(MigrationStep),
    /// Rows removed (newest first) and added (in topological order), in one transaction.
    Stamp {
        remove: Vec<RevisionId>,
        add: Vec<StampRow>,
    },
    /// Every row removed.
    Purge,
    Rehash(StampRow),
    Repair {
        revision: RevisionId,
        outcome: RepairOutcome,
    },
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::Migrate(m) => {
                write!(f, "{} {}", m.direction, m.revision)?;
                if m.transaction == TransactionMode::None {
                    f.write_str(" (transaction none)")?;
                }
                Ok(())
            }
            Step::Stamp { remove, add } => {
                f.write_str("stamp")?;
                for r in remove {
                    write!(f, " -{r}")?;
                }
                for row in add {
                    write!(f, " +{}", row.revision)?;
                }
                Ok(())
            }
            Step::Purge => f.write_str("purge the version table"),
            Step::Rehash(row) => write!(f, "rehash {} to {}", row.revision, row.checksum),
            Step::Repair { revision, outcome } => {
                let outcome = match outcome {
                    RepairOutcome::Applied => "applied",
                    RepairOutcome::Reverted => "reverted",
                };
                write!(f, "repair {revision} as {outcome}")
            }
        }
    }
}

/// The steps of a run, in order. Empty when there is nothing to do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub steps: Vec<Step>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The migrations that run, in order.
    pub fn migrations(&self) -> impl Iterator<Item = &MigrationStep> {
        self.steps.iter().filter_map(|step| match step {
            Step::Migrate(m) => Some(m),
            _ => None,
        })
    }
}

impl fmt::Display for Plan {
    /// One step a line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for step in &self.steps {
            writeln!(f, "{step}")?;
        }
        Ok(())
    }
}

/// Plans a run toward `target`, refusing when the database names a revision the set does not
/// have, when it is dirty, or when an applied migration was edited (each unless the target is
/// the command that fixes it).
pub fn plan(
    applied: &AppliedState,
    set: &MigrationSet,
    target: &Target,
) -> Result<Plan, PlanError> {
    if *target == Target::StampPurge {
        let steps = if applied.is_empty() {
            Vec::new()
        } else {
            vec![Step::Purge]
        };
        return Ok(Plan { steps });
    }
    let ctx = Context::check(applied, set, target)?;
    let steps = match target {
        Target::Upgrade(target) => ctx.upgrade(target)?,
        Target::Downgrade(target) => ctx.downgrade(target)?,
        Target::Stamp(revision) => ctx.stamp(revision)?,
        Target::StampPurge => Vec::new(),
        Target::Rehash(revision) => ctx.rehash(revision.as_deref())?,
        Target::Repair { revision, outcome } => ctx.repair(revision, *outcome)?,
    };
    Ok(Plan { steps })
}

/// The applied state checked against the set.
struct Context<'a> {
    set: &'a MigrationSet,
    applied: &'a AppliedState,
    /// Applied revisions, oldest first.
    order: Vec<&'a MigrationFile>,
    applied_set: BTreeSet<&'a RevisionId>,
    /// Applied revisions whose file changed since.
    modified: Vec<&'a MigrationFile>,
}

impl<'a> Context<'a> {
    fn check(
        applied: &'a AppliedState,
        set: &'a MigrationSet,
        target: &Target,
    ) -> Result<Context<'a>, PlanError> {
        let mut order = Vec::new();
        for row in applied.rows() {
            let file = RevisionId::parse(&row.revision)
                .ok()
                .and_then(|id| set.get(&id))
                .ok_or_else(|| PlanError::UnknownApplied {
                    revision: row.revision.clone(),
                })?;
            order.push(file);
        }
        for (row, file) in applied.rows().iter().zip(&order) {
            let repairing =
                matches!(target, Target::Repair { revision, .. } if *revision == row.revision);
            if !row.success && !repairing {
                return Err(PlanError::Dirty {
                    revision: file.revision().clone(),
                    path: file.path().to_owned(),
                    direction: row.direction,
                    failure: row.failure.clone(),
                });
            }
        }
        let mut modified = Vec::new();
        for (row, file) in applied.rows().iter().zip(&order) {
            if row.checksum != file.checksum().as_str() {
                let accepted = match target {
                    Target::Rehash(None) => true,
                    Target::Rehash(Some(revision)) => *revision == row.revision,
                    _ => false,
                };
                if !accepted {
                    return Err(PlanError::Modified {
                        revision: file.revision().clone(),
                        path: file.path().to_owned(),
                    });
                }
                modified.push(*file);
            }
        }
        let applied_set = order.iter().map(|file| file.revision()).collect();
        Ok(Context {
            set,
            applied,
            order,
            applied_set,
            modified,
        })
    }

    fn find(&self, revision: &str) -> Result<&'a MigrationFile, PlanError> {
        self.set
            .find(revision)
            .map_err(|_| PlanError::UnknownRevision {
                revision: revision.to_owned(),
            })
    }

    fn single_head(&self) -> Result<Option<&'a RevisionId>, PlanError> {
        self.set
            .graph()
            .head()
            .map_err(|_| PlanError::MultipleHeads {
                heads: self.set.graph().heads().into_iter().cloned().collect(),
            })
    }

    /// `roots` and their ancestors that are not applied, in topological order.
    fn pending_toward(&self, roots: &[&'a RevisionId]) -> Vec<&'a MigrationFile> {
        let graph = self.set.graph();
        let mut wanted: BTreeSet<&RevisionId> = BTreeSet::new();
        for root in roots {
            wanted.insert(root);
            wanted.extend(graph.ancestors(root).into_iter().flatten());
        }
        graph
            .topological_order()
            .iter()
            .filter(|r| wanted.contains(r) && !self.applied_set.contains(r))
            .filter_map(|r| self.set.get(r))
            .collect()
    }

    fn upgrade(&self, target: &UpgradeTarget) -> Result<Vec<Step>, PlanError> {
        let files = match target {
            UpgradeTarget::Head => match self.single_head()? {
                Some(head) => self.pending_toward(&[head]),
                None => Vec::new(),
            },
            UpgradeTarget::Heads => self.pending_toward(&self.set.graph().heads()),
            UpgradeTarget::Revision(revision) => {
                let file = self.find(revision)?;
                self.pending_toward(&[file.revision()])
            }
            UpgradeTarget::Relative(n) => {
                let pending = match self.single_head()? {
                    Some(head) => self.pending_toward(&[head]),
                    None => Vec::new(),
                };
                if pending.len() < *n {
                    return Err(PlanError::TooFew {
                        direction: Direction::Upgrade,
                        requested: *n,
                        available: pending.len(),
                    });
                }
                pending.into_iter().take(*n).collect()
            }
        };
        Ok(files
            .into_iter()
            .map(|file| migrate(file, Direction::Upgrade))
            .collect())
    }

    fn downgrade(&self, target: &DowngradeTarget) -> Result<Vec<Step>, PlanError> {
        let newest_first = self.order.iter().rev().copied();
        let files: Vec<&MigrationFile> = match target {
            DowngradeTarget::Relative(n) => {
                if self.order.len() < *n {
                    return Err(PlanError::TooFew {
                        direction: Direction::Downgrade,
                        requested: *n,
                        available: self.order.len(),
                    });
                }
                newest_first.take(*n).collect()
            }
            DowngradeTarget::Revision(revision) => {
                let file = self.find(revision)?;
                if !self.applied_set.contains(file.revision()) {
                    return Err(PlanError::NotApplied {
                        revision: file.revision().clone(),
                    });
                }
                let mut keep: BTreeSet<&RevisionId> = self
                    .set
                    .graph()
                    .ancestors(file.revision())
                    .into_iter()
                    .flatten()
                    .collect();
                keep.insert(file.revision());
                newest_first
                    .filter(|f| !keep.contains(f.revision()))
                    .collect()
            }
            DowngradeTarget::Base => newest_first.collect(),
        };
        Ok(files
            .into_iter()
            .map(|file| migrate(file, Direction::Downgrade))
            .collect())
    }

    fn stamp(&self, revision: &str) -> Result<Vec<Step>, PlanError> {
        let file = self.find(revision)?;
        let graph = self.set.graph();
        let mut wanted: BTreeSet<&RevisionId> = graph
            .ancestors(file.revision())
            .into_iter()
            .flatten()
            .collect();
        wanted.insert(file.revision());
        let remove: Vec<RevisionId> = self
            .order
            .iter()
            .rev()
            .filter(|f| !wanted.contains(f.revision()))
            .map(|f| f.revision().clone())
            .collect();
        let add: Vec<StampRow> = graph
            .topological_order()
            .iter()
            .filter(|r| wanted.contains(r) && !self.applied_set.contains(r))
            .filter_map(|r| self.set.get(r))
            .map(stamp_row)
            .collect();
        if remove.is_empty() && add.is_empty() {
            return Ok(Vec::new());
        }
        Ok(vec![Step::Stamp { remove, add }])
    }

    fn rehash(&self, revision: Option<&str>) -> Result<Vec<Step>, PlanError> {
        if let Some(revision) = revision {
            let file = self.find(revision)?;
            if !self.applied_set.contains(file.revision()) {
                return Err(PlanError::NotApplied {
                    revision: file.revision().clone(),
                });
            }
        }
        Ok(self
            .modified
            .iter()
            .map(|file| Step::Rehash(stamp_row(file)))
            .collect())
    }

    fn repair(&self, revision: &str, outcome: RepairOutcome) -> Result<Vec<Step>, PlanError> {
        let file = self.find(revision)?;
        match self.applied.get(file.revision().as_str()) {
            Some(row) if !row.success => Ok(vec![Step::Repair {
                revision: file.revision().clone(),
                outcome,
            }]),
            _ => Err(PlanError::NotDirty {
                revision: file.revision().clone(),
            }),
        }
    }
}

fn migrate(file: &MigrationFile, direction: Direction) -> Step {
    let section = match direction {
        Direction::Upgrade => Section::Upgrade,
        Direction::Downgrade => Section::Downgrade,
    };
    Step::Migrate(MigrationStep {
        revision: file.revision().clone(),
        parents: file.parents().to_vec(),
        path: file.path().to_owned(),
        checksum: file.checksum().clone(),
        direction,
        transaction: file.migration().transaction(),
        statements: file.statements(section).to_vec(),
    })
}

fn stamp_row(file: &MigrationFile) -> StampRow {
    StampRow {
        revision: file.revision().clone(),
        parents: file.parents().to_vec(),
        checksum: file.checksum().clone(),
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::applied::{AppliedRow, Failure};

    const BASE: &str = "20260101000000_base";
    const A: &str = "20260102000000_a";
    const B: &str = "20260102000000_b";
    const MERGE: &str = "20260103000000_merge";
    const AFTER: &str = "20260104000000_after";

    fn file(revision: &str, parents: &[&str], transaction: &str) -> (String, String) {
        let mut text = format!("-- aludel: revision {revision}\n");
        if !parents.is_empty() {
            text.push_str(&format!("-- aludel: parents {}\n", parents.join(" ")));
        }
        text.push_str(&format!(
            "-- aludel: transaction {transaction}\n\n-- aludel: upgrade\n\
             CREATE TABLE t_{0} (id int);\nINSERT INTO t_{0} VALUES (1);\n\n\
             -- aludel: downgrade\nDROP TABLE t_{0};\n",
            &revision[15..]
        ));
        (format!("migrations/{revision}.sql"), text)
    }

    /// base ─┬─ a ─┬─ merge ── after
    ///       └─ b ─┘            (b is `transaction none`)
    fn history() -> MigrationSet {
        MigrationSet::from_files([
            file(AFTER, &[MERGE], "per-migration"),
            file(MERGE, &[B, A], "per-migration"),
            file(B, &[BASE], "none"),
            file(A, &[BASE], "per-migration"),
            file(BASE, &[], "per-migration"),
        ])
        .unwrap()
    }

    /// base ─┬─ a
    ///       └─ b      (two heads)
    fn branched() -> MigrationSet {
        MigrationSet::from_files([
            file(B, &[BASE], "none"),
            file(A, &[BASE], "per-migration"),
            file(BASE, &[], "per-migration"),
        ])
        .unwrap()
    }

    /// Clean rows for `revisions`, applied in the order given.
    fn applied(set: &MigrationSet, revisions: &[&str]) -> AppliedState {
        AppliedState::from_rows(revisions.iter().map(|r| row(set, r)).collect())
    }

    fn row(set: &MigrationSet, revision: &str) -> AppliedRow {
        let file = set.find(revision).unwrap();
        AppliedRow {
            revision: revision.to_owned(),
            parents: file.parents().iter().map(ToString::to_string).collect(),
            checksum: file.checksum().to_string(),
            success: true,
            direction: Direction::Upgrade,
            failure: None,
        }
    }

    fn check(set: &MigrationSet, applied: &AppliedState, target: Target, expect: Expect) {
        let rendered = match plan(applied, set, &target) {
            Ok(plan) if plan.is_empty() => "nothing to do\n".to_owned(),
            Ok(plan) => plan.to_string(),
            Err(e) => match e.hint() {
                Some(hint) => format!("error: {e}\nhint: {hint}\n"),
                None => format!("error: {e}\n"),
            },
        };
        expect.assert_eq(&rendered);
    }

    fn up(target: &str) -> Target {
        Target::Upgrade(UpgradeTarget::parse(target))
    }

    fn down(target: &str) -> Target {
        Target::Downgrade(DowngradeTarget::parse(target))
    }

    #[test]
    fn targets_parse() {
        assert_eq!(UpgradeTarget::parse("head"), UpgradeTarget::Head);
        assert_eq!(UpgradeTarget::parse("heads"), UpgradeTarget::Heads);
        assert_eq!(UpgradeTarget::parse("+3"), UpgradeTarget::Relative(3));
        assert_eq!(
            UpgradeTarget::parse(A),
            UpgradeTarget::Revision(A.to_owned())
        );
        assert_eq!(DowngradeTarget::parse("-2"), DowngradeTarget::Relative(2));
        assert_eq!(DowngradeTarget::parse("base"), DowngradeTarget::Base);
        assert_eq!(
            DowngradeTarget::parse(A),
            DowngradeTarget::Revision(A.to_owned())
        );
    }

    #[test]
    fn upgrade_head_applies_every_unapplied_ancestor_ties_by_revision_id() {
        let set = history();
        check(
            &set,
            &AppliedState::empty(),
            up("head"),
            expect![[r#"
                upgrade 20260101000000_base
                upgrade 20260102000000_a
                upgrade 20260102000000_b (transaction none)
                upgrade 20260103000000_merge
                upgrade 20260104000000_after
            "#]],
        );
        check(
            &set,
            &applied(&set, &[BASE, B]),
            up("head"),
            expect![[r#"
                upgrade 20260102000000_a
                upgrade 20260103000000_merge
                upgrade 20260104000000_after
            "#]],
        );
        check(
            &set,
            &applied(&set, &[BASE, A, B, MERGE, AFTER]),
            up("head"),
            expect![[r#"
                nothing to do
            "#]],
        );
        check(
            &MigrationSet::default(),
            &AppliedState::empty(),
            up("head"),
            expect![[r#"
                nothing to do
            "#]],
        );
    }

    #[test]
    fn upgrade_head_refuses_several_heads() {
        let set = branched();
        check(
            &set,
            &AppliedState::empty(),
            up("head"),
            expect![[r#"
                error: the migrations have several heads: 20260102000000_a, 20260102000000_b
                hint: upgrade to `heads` to apply every branch, or join them with `merge -m <message>`
            "#]],
        );
    }

    #[test]
    fn upgrade_heads_applies_every_branch() {
        let set = branched();
        check(
            &set,
            &applied(&set, &[BASE, B]),
            up("heads"),
            expect![[r#"
                upgrade 20260102000000_a
            "#]],
        );
        check(
            &set,
            &AppliedState::empty(),
            up("heads"),
            expect![[r#"
                upgrade 20260101000000_base
                upgrade 20260102000000_a
                upgrade 20260102000000_b (transaction none)
            "#]],
        );
    }

    #[test]
    fn upgrade_revision_applies_it_and_its_unapplied_ancestors() {
        let set = history();
        check(
            &set,
            &AppliedState::empty(),
            up(B),
            expect![[r#"
                upgrade 20260101000000_base
                upgrade 20260102000000_b (transaction none)
            "#]],
        );
        check(
            &set,
            &applied(&set, &[BASE, B]),
            up(MERGE),
            expect![[r#"
                upgrade 20260102000000_a
                upgrade 20260103000000_merge
            "#]],
        );
        check(
            &set,
            &applied(&set, &[BASE, A, B, MERGE]),
            up(A),
            expect![[r#"
                nothing to do
            "#]],
        );
        check(
            &set,
            &AppliedState::empty(),
            up("20260109000000_nope"),
            expect![[r#"
                error: unknown revision `20260109000000_nope`
                hint: `heads` and `history` list the revisions of this directory
            "#]],
        );
    }

    #[test]
    fn upgrade_relative_takes_the_next_n_in_topological_order() {
        let set = history();
        check(
            &set,
            &applied(&set, &[BASE]),
            up("+2"),
            expect![[r#"
                upgrade 20260102000000_a
                upgrade 20260102000000_b (transaction none)
            "#]],
        );
        check(
            &set,
            &applied(&set, &[BASE]),
            up("+5"),
            expect![[r#"
                error: cannot upgrade by 5: only 4 revisions can be
            "#]],
        );
        check(
            &branched(),
            &AppliedState::empty(),
            up("+1"),
            expect![[r#"
                error: the migrations have several heads: 20260102000000_a, 20260102000000_b
                hint: upgrade to `heads` to apply every branch, or join them with `merge -m <message>`
            "#]],
        );
    }

    #[test]
    fn downgrade_relative_undoes_the_most_recently_applied() {
        let set = history();
        // b was applied after a here, though a comes first in topological order.
        let state = applied(&set, &[BASE, B, A, MERGE]);
        check(
            &set,
            &state,
            down("-2"),
            expect![[r#"
                downgrade 20260103000000_merge
                downgrade 20260102000000_a
            "#]],
        );
        check(
            &set,
            &state,
            down("-5"),
            expect![[r#"
                error: cannot downgrade by 5: only 4 revisions can be
            "#]],
        );
    }

    #[test]
    fn downgrade_revision_undoes_what_is_not_it_or_its_ancestor_newest_first() {
        let set = history();
        let state = applied(&set, &[BASE, A, B, MERGE, AFTER]);
        check(
            &set,
            &state,
            down(A),
            expect![[r#"
                downgrade 20260104000000_after
                downgrade 20260103000000_merge
                downgrade 20260102000000_b (transaction none)
            "#]],
        );
        check(
            &set,
            &state,
            down(MERGE),
            expect![[r#"
                downgrade 20260104000000_after
            "#]],
        );
        check(
            &set,
            &applied(&set, &[BASE, B]),
            down(A),
            expect![[r#"
                error: revision `20260102000000_a` is not applied
                hint: `history` shows what is applied
            "#]],
        );
    }

    #[test]
    fn downgrade_base_undoes_everything_newest_first() {
        let set = history();
        check(
            &set,
            &applied(&set, &[BASE, B, A, MERGE]),
            down("base"),
            expect![[r#"
                downgrade 20260103000000_merge
                downgrade 20260102000000_a
                downgrade 20260102000000_b (transaction none)
                downgrade 20260101000000_base
            "#]],
        );
        check(
            &set,
            &AppliedState::empty(),
            down("base"),
            expect![[r#"
                nothing to do
            "#]],
        );
    }

    #[test]
    fn stamp_sets_the_applied_set_to_the_revision_and_its_ancestors() {
        let set = history();
        check(
            &set,
            &applied(&set, &[BASE, A]),
            Target::Stamp(B.to_owned()),
            expect![[r#"
                stamp -20260102000000_a +20260102000000_b
            "#]],
        );
        check(
            &set,
            &AppliedState::empty(),
            Target::Stamp(MERGE.to_owned()),
            expect![[r#"
                stamp +20260101000000_base +20260102000000_a +20260102000000_b +20260103000000_merge
            "#]],
        );
        check(
            &set,
            &applied(&set, &[BASE, A, B, MERGE, AFTER]),
            Target::Stamp(A.to_owned()),
            expect![[r#"
                stamp -20260104000000_after -20260103000000_merge -20260102000000_b
            "#]],
        );
        check(
            &set,
            &applied(&set, &[BASE, A]),
            Target::Stamp(A.to_owned()),
            expect![[r#"
                nothing to do
            "#]],
        );
    }

    #[test]
    fn stamp_purge_empties_the_table_whatever_it_holds() {
        let set = history();
        let mut rows = applied(&set, &[BASE]).rows().to_vec();
        rows.push(AppliedRow {
            revision: "20250101000000_elsewhere".to_owned(),
            success: false,
            ..rows[0].clone()
        });
        check(
            &set,
            &AppliedState::from_rows(rows),
            Target::StampPurge,
            expect![[r#"
                purge the version table
            "#]],
        );
        check(
            &set,
            &AppliedState::empty(),
            Target::StampPurge,
            expect![[r#"
                nothing to do
            "#]],
        );
    }

    #[test]
    fn a_revision_unknown_to_the_directory_is_refused() {
        let set = history();
        let mut rows = applied(&set, &[BASE]).rows().to_vec();
        rows.push(AppliedRow {
            revision: "20250101000000_elsewhere".to_owned(),
            ..rows[0].clone()
        });
        check(
            &set,
            &AppliedState::from_rows(rows),
            up("head"),
            expect![[r#"
                error: the database has revision `20250101000000_elsewhere` applied, which is not in the migrations
                hint: restore `20250101000000_elsewhere.sql` into the migrations directory (from version control or the branch that made it), or point at the right directory
            "#]],
        );
    }

    #[test]
    fn an_edited_applied_migration_is_refused_and_rehash_accepts_it() {
        let set = history();
        let mut rows = applied(&set, &[BASE, A]).rows().to_vec();
        rows[1].checksum = "0".repeat(64);
        let state = AppliedState::from_rows(rows);
        check(
            &set,
            &state,
            up("head"),
            expect![[r#"
                error: migrations/20260102000000_a.sql: migration `20260102000000_a` was edited after it was applied
                hint: restore the file as it was applied, or accept its new content with `rehash 20260102000000_a`
            "#]],
        );
        check(
            &set,
            &state,
            down("base"),
            expect![[r#"
                error: migrations/20260102000000_a.sql: migration `20260102000000_a` was edited after it was applied
                hint: restore the file as it was applied, or accept its new content with `rehash 20260102000000_a`
            "#]],
        );
        check(
            &set,
            &state,
            Target::Rehash(Some(A.to_owned())),
            expect![[r#"
                rehash 20260102000000_a to d683cb576a06340bef58df929dae7ffdbf39e11a0d7e42e84bd209d7427bade2
            "#]],
        );
        check(
            &set,
            &state,
            Target::Rehash(Some(BASE.to_owned())),
            expect![[r#"
                error: migrations/20260102000000_a.sql: migration `20260102000000_a` was edited after it was applied
                hint: restore the file as it was applied, or accept its new content with `rehash 20260102000000_a`
            "#]],
        );
        check(
            &set,
            &applied(&set, &[BASE]),
            Target::Rehash(Some(A.to_owned())),
            expect![[r#"
                error: revision `20260102000000_a` is not applied
                hint: `history` shows what is applied
            "#]],
        );
    }

    #[test]
    fn a_dirty_database_is_refused_and_repair_clears_it() {
        let set = history();
        let mut rows = applied(&set, &[BASE, B]).rows().to_vec();
        rows[1].success = false;
        rows[1].failure = Some(Failure {
            line: 7,
            statement: "INSERT INTO t_b VALUES (1)".to_owned(),
            error: "boom".to_owned(),
        });
        let state = AppliedState::from_rows(rows);
        check(
            &set,
            &state,
            up("head"),
            expect![[r#"
                error: the database is dirty: upgrade of `20260102000000_b` (migrations/20260102000000_b.sql) did not finish, it failed at line 7 on `INSERT INTO t_b VALUES (1)`: boom
                hint: finish or undo the migration by hand, then record it with `repair 20260102000000_b`
            "#]],
        );
        check(
            &set,
            &state,
            Target::Repair {
                revision: B.to_owned(),
                outcome: RepairOutcome::Reverted,
            },
            expect![[r#"
                repair 20260102000000_b as reverted
            "#]],
        );
        check(
            &set,
            &applied(&set, &[BASE, B]),
            Target::Repair {
                revision: B.to_owned(),
                outcome: RepairOutcome::Applied,
            },
            expect![[r#"
                error: revision `20260102000000_b` is not dirty, there is nothing to repair
            "#]],
        );
        let mut interrupted = state.rows().to_vec();
        interrupted[1].failure = None;
        interrupted[1].direction = Direction::Downgrade;
        check(
            &set,
            &AppliedState::from_rows(interrupted),
            down("base"),
            expect![[r#"
                error: the database is dirty: downgrade of `20260102000000_b` (migrations/20260102000000_b.sql) did not finish, it was interrupted
                hint: finish or undo the migration by hand, then record it with `repair 20260102000000_b`
            "#]],
        );
    }

    #[test]
    fn steps_carry_the_section_that_runs_with_its_lines() {
        let set = history();
        let up = plan(
            &AppliedState::empty(),
            &set,
            &Target::Upgrade(UpgradeTarget::Revision(BASE.to_owned())),
        )
        .unwrap();
        let down = plan(
            &applied(&set, &[BASE]),
            &set,
            &Target::Downgrade(DowngradeTarget::Base),
        )
        .unwrap();
        let render = |plan: &Plan| {
            plan.migrations()
                .flat_map(|m| {
                    m.statements
                        .iter()
                        .map(|s| format!("{}:{} {}\n", m.path.display(), s.line, s.sql))
                })
                .collect::<String>()
        };
        expect![[r#"
            migrations/20260101000000_base.sql:5 CREATE TABLE t_base (id int)
            migrations/20260101000000_base.sql:6 INSERT INTO t_base VALUES (1)
        "#]]
        .assert_eq(&render(&up));
        expect![[r#"
            migrations/20260101000000_base.sql:9 DROP TABLE t_base
        "#]]
        .assert_eq(&render(&down));
    }

    #[test]
    fn assumed_state_is_the_revisions_with_their_ancestors() {
        let set = history();
        let state = AppliedState::assumed(&set, &[RevisionId::parse(MERGE).unwrap()]);
        let revisions: Vec<&str> = state.rows().iter().map(|r| r.revision.as_str()).collect();
        assert_eq!(revisions, [BASE, A, B, MERGE]);
        assert_eq!(state, applied(&set, &[BASE, A, B, MERGE]));
    }
}

//! A plan lowered to the SQL that runs: each step's statements with the version-table
//! statements around them, and whether they share one transaction. [`crate::execute`] sends
//! this and [`render_sql`] prints it, so `--sql` shows exactly what a run does.

use std::fmt::Write as _;

use aludel_migrations::{Statement, TransactionMode};

use crate::plan::{MigrationStep, Plan, RepairOutcome, Step};
use crate::table::{Direction, VersionTable};

/// One statement to send.
pub(crate) enum Action<'p> {
    /// A statement of a migration file.
    Statement(&'p MigrationStep, &'p Statement),
    /// A statement on the version table.
    Version(String),
}

impl Action<'_> {
    pub(crate) fn sql(&self) -> &str {
        match self {
            Action::Statement(_, statement) => &statement.sql,
            Action::Version(sql) => sql,
        }
    }
}

/// The statements of one step.
pub(crate) struct Lowered<'p> {
    /// Inside `BEGIN ... COMMIT`; otherwise each statement commits on its own.
    pub(crate) transactional: bool,
    pub(crate) actions: Vec<Action<'p>>,
}

pub(crate) fn lower<'p>(step: &'p Step, table: &VersionTable) -> Lowered<'p> {
    let version = |sql: String| Action::Version(sql);
    match step {
        Step::Migrate(m) => {
            let statements = m.statements.iter().map(|s| Action::Statement(m, s));
            let mut actions = Vec::new();
            match (m.transaction, m.direction) {
                (TransactionMode::PerMigration, Direction::Upgrade) => {
                    actions.extend(statements);
                    actions.push(version(table.insert_sql(
                        &m.revision,
                        &m.parents,
                        &m.checksum,
                        true,
                    )));
                }
                (TransactionMode::PerMigration, Direction::Downgrade) => {
                    actions.extend(statements);
                    actions.push(version(table.delete_sql(&[&m.revision])));
                }
                (TransactionMode::None, Direction::Upgrade) => {
                    actions.push(version(table.insert_sql(
                        &m.revision,
                        &m.parents,
                        &m.checksum,
                        false,
                    )));
                    actions.extend(statements);
                    actions.push(version(table.finish_sql(&m.revision)));
                }
                (TransactionMode::None, Direction::Downgrade) => {
                    actions.push(version(table.start_downgrade_sql(&m.revision)));
                    actions.extend(statements);
                    actions.push(version(table.delete_sql(&[&m.revision])));
                }
            }
            Lowered {
                transactional: m.transaction == TransactionMode::PerMigration,
                actions,
            }
        }
        Step::Stamp { remove, add } => {
            let mut actions = Vec::new();
            if !remove.is_empty() {
                let remove: Vec<_> = remove.iter().collect();
                actions.push(version(table.delete_sql(&remove)));
            }
            for row in add {
                actions.push(version(table.insert_sql(
                    &row.revision,
                    &row.parents,
                    &row.checksum,
                    true,
                )));
            }
            Lowered {
                transactional: true,
                actions,
            }
        }
        Step::Purge => Lowered {
            transactional: true,
            actions: vec![version(table.purge_sql())],
        },
        Step::Rehash(row) => Lowered {
            transactional: true,
            actions: vec![version(table.rehash_sql(
                &row.revision,
                &row.parents,
                &row.checksum,
            ))],
        },
        Step::Repair { revision, outcome } => Lowered {
            transactional: true,
            actions: vec![version(match outcome {
                RepairOutcome::Applied => table.repair_applied_sql(revision),
                RepairOutcome::Reverted => table.delete_sql(&[revision]),
            })],
        },
    }
}

/// The SQL a run of `plan` sends, as a script: the version table's creation, then each step
/// with its version-table statements, `BEGIN`/`COMMIT` around transactional ones. The lock and
/// the reads are left out.
pub fn render_sql(plan: &Plan, table: &VersionTable) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "-- aludel: version table {table}");
    for sql in table.create_sql() {
        push_statement(&mut out, &sql);
    }
    for step in &plan.steps {
        out.push('\n');
        match step {
            Step::Migrate(m) => {
                let _ = writeln!(out, "-- aludel: {step} ({})", m.path.display());
            }
            _ => {
                let _ = writeln!(out, "-- aludel: {step}");
            }
        }
        let lowered = lower(step, table);
        if lowered.transactional {
            out.push_str("BEGIN;\n");
        }
        for action in &lowered.actions {
            push_statement(&mut out, action.sql());
        }
        if lowered.transactional {
            out.push_str("COMMIT;\n");
        }
    }
    out
}

/// `sql;` on its own line; the `;` goes on a line of its own when the last line holds a `--`
/// comment that would swallow it.
fn push_statement(out: &mut String, sql: &str) {
    out.push_str(sql);
    if sql.lines().last().is_some_and(|line| line.contains("--")) {
        out.push('\n');
    }
    out.push_str(";\n");
}

#[cfg(test)]
mod tests {
    use aludel_migrations::MigrationSet;
    use expect_test::expect;

    use super::*;
    use crate::applied::AppliedState;
    use crate::plan::{Target, UpgradeTarget, plan};

    #[test]
    fn renders_statements_with_version_table_statements_and_transactions() {
        let set = MigrationSet::from_files([
            (
                "m/20260101000000_base.sql",
                "-- aludel: revision 20260101000000_base\n\n-- aludel: upgrade\n\
                 CREATE TABLE t (id int); -- trailing\n\n-- aludel: downgrade\nDROP TABLE t;\n",
            ),
            (
                "m/20260102000000_index.sql",
                "-- aludel: revision 20260102000000_index\n\
                 -- aludel: parents 20260101000000_base\n-- aludel: transaction none\n\n\
                 -- aludel: upgrade\nCREATE INDEX CONCURRENTLY i ON t (id)\n-- done\n;\n\n\
                 -- aludel: downgrade\nDROP INDEX CONCURRENTLY i;\n",
            ),
        ])
        .unwrap();
        let table = VersionTable {
            schema: "ops".to_owned(),
            name: "versions".to_owned(),
        };
        let up = plan(
            &AppliedState::empty(),
            &set,
            &Target::Upgrade(UpgradeTarget::Head),
        )
        .unwrap();
        expect![[r#"
            -- aludel: version table ops.versions
            CREATE SCHEMA IF NOT EXISTS "ops";
            CREATE TABLE IF NOT EXISTS "ops"."versions" (
                revision text PRIMARY KEY,
                parents text[] NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL,
                execution_ms bigint NOT NULL,
                success boolean NOT NULL,
                direction text NOT NULL,
                failed_line integer,
                failed_statement text,
                failed_error text,
                seq bigint GENERATED ALWAYS AS IDENTITY
            );

            -- aludel: upgrade 20260101000000_base (m/20260101000000_base.sql)
            BEGIN;
            CREATE TABLE t (id int);
            INSERT INTO "ops"."versions" (revision, parents, checksum, applied_at, execution_ms, success, direction) VALUES ('20260101000000_base', ARRAY[]::text[], '7591667e02ef3574ce1ded267f82aa87c63e31a7e19872a6b911a236dc4db49a', now(), (extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint, true, 'upgrade');
            COMMIT;

            -- aludel: upgrade 20260102000000_index (transaction none) (m/20260102000000_index.sql)
            INSERT INTO "ops"."versions" (revision, parents, checksum, applied_at, execution_ms, success, direction) VALUES ('20260102000000_index', ARRAY['20260101000000_base']::text[], '09b72a31c0d05328bd5fb388b1196e5113c33c9f7a80e348b3f1306fc98fd429', clock_timestamp(), 0, false, 'upgrade');
            CREATE INDEX CONCURRENTLY i ON t (id)
            -- done
            ;
            UPDATE "ops"."versions" SET success = true, execution_ms = (extract(epoch FROM clock_timestamp() - applied_at) * 1000)::bigint WHERE revision = '20260102000000_index';
        "#]]
        .assert_eq(&render_sql(&up, &table));
    }
}

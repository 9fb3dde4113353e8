//! The hazard policy, one for `aludel diff` and autogen: the hazards each change of a migration
//! carries (`Change::hazards`), minus those on objects the same migration creates (a new table
//! or materialized view has nobody reading it or waiting on its lock, a new table no rows to
//! fail on, and neither do their indexes), minus
//! those the online form avoids when rendering online; and, when not online, the hazards
//! `--online` would avoid, as hints.

use std::collections::BTreeSet;
use std::fmt;

use aludel_schema::{Change, Hazard, HazardNote, QualifiedName};

use crate::Options;

/// Which hazards the statements of one migration's changes carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HazardPolicy {
    /// Tables and materialized views the migration creates and the indexes created on them, as
    /// hazard objects name them (`public.t`, `public.t_idx`).
    created: BTreeSet<String>,
    online: bool,
}

/// A hazard that the online form of its change avoids: what `--online` would spare.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct OnlineHint {
    pub hazard: HazardNote,
    /// The online form that avoids it (`CREATE INDEX CONCURRENTLY`).
    pub form: &'static str,
}

/// `--online avoids blocks-writes public.t (CREATE INDEX CONCURRENTLY)`, what follows `hint: `.
impl fmt::Display for OnlineHint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "--online avoids {} ({})", self.hazard, self.form)
    }
}

impl HazardPolicy {
    /// The policy for a migration made of `changes` (all of them, also when they are rendered
    /// in several parts), rendered with `options`.
    pub fn new(changes: &[Change], options: &Options) -> HazardPolicy {
        // one dropped and created again (a materialized view whose query changes) had readers
        let dropped: BTreeSet<&QualifiedName> = changes
            .iter()
            .filter_map(|c| match c.inner() {
                Change::DropTable(t) => Some(&t.name),
                Change::DropView(v) => Some(&v.name),
                _ => None,
            })
            .collect();
        let tables: BTreeSet<&QualifiedName> = changes
            .iter()
            .filter_map(|c| match c {
                Change::CreateTable(t) => Some(&t.name),
                // filled from its query as it is created: nobody reads or waits on it yet
                Change::CreateView(v) if v.materialized => Some(&v.name),
                _ => None,
            })
            .filter(|name| !dropped.contains(name))
            .collect();
        let indexes = changes.iter().filter_map(|c| match c {
            Change::CreateIndex { table, index } if tables.contains(table) => {
                Some(QualifiedName::new(table.schema.clone(), index.name.clone()).to_string())
            }
            _ => None,
        });
        HazardPolicy {
            created: tables
                .iter()
                .map(|t| t.to_string())
                .chain(indexes)
                .collect(),
            online: options.online,
        }
    }

    /// The hazards `change` carries in this migration.
    pub fn hazards(&self, change: &Change) -> Vec<HazardNote> {
        let mut out = change.hazards();
        out.retain(|h| !self.on_new(&h.object));
        if self.online {
            out.retain(|h| online_form(change, h.hazard).is_none());
        }
        out
    }

    /// The hazards of `changes` (in this migration) that `--online` would avoid, once each, in
    /// order; none when already online.
    pub fn online_hints(&self, changes: &[Change]) -> Vec<OnlineHint> {
        let mut out: Vec<OnlineHint> = Vec::new();
        if self.online {
            return out;
        }
        for c in changes {
            for hazard in self.hazards(c) {
                if let Some(form) = online_form(c, hazard.hazard) {
                    let hint = OnlineHint { hazard, form };
                    if !out.contains(&hint) {
                        out.push(hint);
                    }
                }
            }
        }
        out
    }

    /// Whether `object` is a created table or index, or something inside a created table.
    fn on_new(&self, object: &str) -> bool {
        self.created.iter().any(|t| {
            object == t
                || object
                    .strip_prefix(t.as_str())
                    .is_some_and(|r| r.starts_with('.'))
        })
    }
}

/// The online form of `change` that avoids `hazard`, if there is one: `CONCURRENTLY` is exactly
/// the form that lets writes go on.
fn online_form(change: &Change, hazard: Hazard) -> Option<&'static str> {
    match (change, hazard) {
        (Change::CreateIndex { .. }, Hazard::BlocksWrites) => Some("CREATE INDEX CONCURRENTLY"),
        (Change::DropIndex { .. }, Hazard::BlocksWrites) => Some("DROP INDEX CONCURRENTLY"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use aludel_schema::{Column, ColumnType, Ident, Index, IndexKey, QualifiedName, Table};
    use expect_test::expect;

    use super::*;

    fn index(table: &str, name: &str, unique: bool) -> Change {
        Change::CreateIndex {
            table: QualifiedName::new("app", table),
            index: Index {
                name: Ident::new(name),
                unique,
                nulls_not_distinct: false,
                method: Ident::new("btree"),
                keys: vec![IndexKey::column("a")],
                include: vec![],
                predicate: None,
                comment: None,
            },
        }
    }

    /// Each change with its hazards under the policy, then the online hints.
    fn check(changes: &[Change], options: &Options, expect: expect_test::Expect) {
        let policy = HazardPolicy::new(changes, options);
        let mut out = String::new();
        for c in changes {
            let hazards: Vec<String> = policy.hazards(c).iter().map(|h| h.to_string()).collect();
            let dbg = format!("{c:?}");
            let kind = dbg.split([' ', '(', '{']).next().unwrap_or_default();
            out.push_str(&format!("{kind}: [{}]\n", hazards.join(", ")));
        }
        for h in policy.online_hints(changes) {
            out.push_str(&format!("hint: {h}\n"));
        }
        expect.assert_eq(&out);
    }

    fn changes() -> Vec<Change> {
        let mut t = Table::new(QualifiedName::new("app", "new"));
        let mut a = Column::new("a", ColumnType::Text);
        a.nullable = false;
        t.columns.push(a);
        vec![
            Change::CreateTable(t),
            index("new", "new_a", true),
            index("old", "old_a", true),
            Change::SetNotNull {
                table: QualifiedName::new("app", "new"),
                column: Ident::new("a"),
            },
        ]
    }

    #[test]
    fn a_new_materialized_view_and_its_indexes_are_quiet() {
        let mv = |name: &str| aludel_schema::View {
            name: QualifiedName::new("app", name),
            materialized: true,
            definition: "SELECT 1 AS a".into(),
            columns: vec![],
            options: Default::default(),
            indexes: vec![],
            comment: None,
            depends_on: vec![],
            renamed_from: None,
        };
        let old = mv("old_mv");
        check(
            &[
                Change::CreateView(mv("mv")),
                index("mv", "mv_a", true),
                Change::AlterView {
                    old: aludel_schema::View {
                        definition: "SELECT 2 AS a".into(),
                        ..old.clone()
                    },
                    new: old,
                },
                index("old_mv", "old_mv_a", true),
                Change::DropView(mv("again")),
                Change::CreateView(mv("again")),
            ],
            &Options::default(),
            expect![[r#"
                CreateView: []
                CreateIndex: []
                AlterView: [rewrites-table app.old_mv]
                CreateIndex: [blocks-writes app.old_mv, may-fail-on-existing-rows app.old_mv_a]
                DropView: []
                CreateView: [rewrites-table app.again]
                hint: --online avoids blocks-writes app.old_mv (CREATE INDEX CONCURRENTLY)
            "#]],
        );
    }

    #[test]
    fn new_objects_are_quiet_and_online_avoids_blocking_index_builds() {
        check(
            &changes(),
            &Options::default(),
            expect![[r#"
                CreateTable: []
                CreateIndex: []
                CreateIndex: [blocks-writes app.old, may-fail-on-existing-rows app.old_a]
                SetNotNull: []
                hint: --online avoids blocks-writes app.old (CREATE INDEX CONCURRENTLY)
            "#]],
        );
        check(
            &changes(),
            &Options::online("5s"),
            expect![[r#"
                CreateTable: []
                CreateIndex: []
                CreateIndex: [may-fail-on-existing-rows app.old_a]
                SetNotNull: []
            "#]],
        );
    }
}

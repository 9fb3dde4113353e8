//! The revision graph that the `parents` pointers make: parents, children, heads, bases, merge
//! and branch points, one deterministic topological order (ties broken by revision id), and the
//! ancestors and descendants of a revision.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::Error;
use crate::id::RevisionId;

/// A checked revision graph: every parent exists and there is no cycle.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Graph {
    parents: BTreeMap<RevisionId, Vec<RevisionId>>,
    /// Children of each revision, in id order.
    children: BTreeMap<RevisionId, Vec<RevisionId>>,
    order: Vec<RevisionId>,
    position: BTreeMap<RevisionId, usize>,
}

/// Why the pointers do not make a graph; the caller adds files and lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum GraphError {
    MissingParent {
        revision: RevisionId,
        parent: RevisionId,
    },
    /// Each revision is a parent of the next, the last one of the first; the smallest id first.
    Cycle(Vec<RevisionId>),
}

impl Graph {
    /// Builds the graph of `parents` (each revision with its parents). The first missing parent
    /// is reported, in revision order; then the cycle through the smallest revision that is on
    /// or below a cycle.
    pub(crate) fn build(
        parents: BTreeMap<RevisionId, Vec<RevisionId>>,
    ) -> Result<Graph, GraphError> {
        for (revision, its_parents) in &parents {
            if let Some(parent) = its_parents.iter().find(|p| !parents.contains_key(*p)) {
                return Err(GraphError::MissingParent {
                    revision: revision.clone(),
                    parent: parent.clone(),
                });
            }
        }
        let mut children: BTreeMap<RevisionId, Vec<RevisionId>> = parents
            .keys()
            .map(|revision| (revision.clone(), Vec::new()))
            .collect();
        for (revision, its_parents) in &parents {
            for parent in its_parents {
                if let Some(list) = children.get_mut(parent) {
                    list.push(revision.clone());
                }
            }
        }

        // Kahn's algorithm, always taking the smallest ready id.
        let mut waiting_on: BTreeMap<&RevisionId, usize> =
            parents.iter().map(|(r, ps)| (r, ps.len())).collect();
        let mut ready: BTreeSet<&RevisionId> = waiting_on
            .iter()
            .filter(|(_, n)| **n == 0)
            .map(|(r, _)| *r)
            .collect();
        let mut order = Vec::with_capacity(parents.len());
        while let Some(revision) = ready.pop_first() {
            order.push(revision.clone());
            for child in &children[revision] {
                if let Some(n) = waiting_on.get_mut(child) {
                    *n -= 1;
                    if *n == 0 {
                        ready.insert(child);
                    }
                }
            }
        }
        if order.len() < parents.len() {
            let placed: BTreeSet<&RevisionId> = order.iter().collect();
            return Err(GraphError::Cycle(find_cycle(&parents, &placed)));
        }

        let position = order
            .iter()
            .enumerate()
            .map(|(i, r)| (r.clone(), i))
            .collect();
        Ok(Graph {
            parents,
            children,
            order,
            position,
        })
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    pub fn contains(&self, revision: &RevisionId) -> bool {
        self.parents.contains_key(revision)
    }

    /// The parents of `revision` as its file lists them; `None` if it is not in the graph.
    pub fn parents(&self, revision: &RevisionId) -> Option<&[RevisionId]> {
        self.parents.get(revision).map(Vec::as_slice)
    }

    /// The revisions that list `revision` as a parent, in id order; `None` if it is not in the
    /// graph.
    pub fn children(&self, revision: &RevisionId) -> Option<&[RevisionId]> {
        self.children.get(revision).map(Vec::as_slice)
    }

    /// What `history` and `show` print after `revision`: ` (head)`, ` (mergepoint)`,
    /// ` (branchpoint)` as they apply, in that order; empty if it is not in the graph.
    pub fn tags(&self, revision: &RevisionId) -> String {
        let children = self.children(revision);
        let mut out = String::new();
        if children.is_some_and(<[_]>::is_empty) {
            out.push_str(" (head)");
        }
        if self.parents(revision).is_some_and(|p| p.len() >= 2) {
            out.push_str(" (mergepoint)");
        }
        if children.is_some_and(|c| c.len() >= 2) {
            out.push_str(" (branchpoint)");
        }
        out
    }

    /// Revisions without children, in id order. More than one means parallel branches to merge.
    pub fn heads(&self) -> Vec<&RevisionId> {
        self.children
            .iter()
            .filter(|(_, children)| children.is_empty())
            .map(|(r, _)| r)
            .collect()
    }

    /// The single head: `None` for an empty graph, an error naming them if there are several.
    pub fn head(&self) -> Result<Option<&RevisionId>, Error> {
        match self.heads().as_slice() {
            [] => Ok(None),
            [head] => Ok(Some(head)),
            heads => Err(Error::MultipleHeads {
                heads: heads.iter().map(|&h| h.clone()).collect(),
            }),
        }
    }

    /// Revisions without parents (the first revision; several when histories were joined), in id
    /// order.
    pub fn bases(&self) -> Vec<&RevisionId> {
        self.parents
            .iter()
            .filter(|(_, parents)| parents.is_empty())
            .map(|(r, _)| r)
            .collect()
    }

    /// Revisions with two or more parents, in id order.
    pub fn merge_points(&self) -> Vec<&RevisionId> {
        self.parents
            .iter()
            .filter(|(_, parents)| parents.len() >= 2)
            .map(|(r, _)| r)
            .collect()
    }

    /// Revisions with two or more children, in id order.
    pub fn branch_points(&self) -> Vec<&RevisionId> {
        self.children
            .iter()
            .filter(|(_, children)| children.len() >= 2)
            .map(|(r, _)| r)
            .collect()
    }

    /// Every revision, parents before children; among revisions whose parents are all placed,
    /// the smallest id comes first. This is the order of replay and of `--sql`.
    pub fn topological_order(&self) -> &[RevisionId] {
        &self.order
    }

    /// The revisions `revision` descends from (not itself), in topological order; `None` if it
    /// is not in the graph.
    pub fn ancestors(&self, revision: &RevisionId) -> Option<Vec<&RevisionId>> {
        self.reachable(revision, &self.parents)
    }

    /// The revisions that descend from `revision` (not itself), in topological order; `None` if
    /// it is not in the graph.
    pub fn descendants(&self, revision: &RevisionId) -> Option<Vec<&RevisionId>> {
        self.reachable(revision, &self.children)
    }

    fn reachable<'a>(
        &'a self,
        start: &RevisionId,
        edges: &'a BTreeMap<RevisionId, Vec<RevisionId>>,
    ) -> Option<Vec<&'a RevisionId>> {
        let mut stack: Vec<&RevisionId> = edges.get(start)?.iter().collect();
        let mut seen: BTreeSet<&RevisionId> = BTreeSet::new();
        while let Some(revision) = stack.pop() {
            if seen.insert(revision) {
                stack.extend(edges.get(revision).into_iter().flatten());
            }
        }
        let mut found: Vec<&RevisionId> = seen.into_iter().collect();
        found.sort_by_key(|r| self.position.get(*r));
        Some(found)
    }
}

/// A cycle among the revisions that Kahn's algorithm could not place. Each of them waits on a
/// parent that is not placed either, so following such parents must come back to a revision
/// already seen.
fn find_cycle(
    parents: &BTreeMap<RevisionId, Vec<RevisionId>>,
    placed: &BTreeSet<&RevisionId>,
) -> Vec<RevisionId> {
    let unplaced = |r: &&RevisionId| !placed.contains(r);
    let Some(mut current) = parents.keys().find(unplaced) else {
        return Vec::new();
    };
    let mut path: Vec<&RevisionId> = Vec::new();
    loop {
        if let Some(start) = path.iter().position(|r| *r == current) {
            // `path` runs child to parent; a cycle is shown parent to child.
            let mut cycle: Vec<RevisionId> =
                path[start..].iter().rev().map(|&r| r.clone()).collect();
            if let Some(min) = cycle
                .iter()
                .enumerate()
                .min_by_key(|(_, r)| *r)
                .map(|(i, _)| i)
            {
                cycle.rotate_left(min);
            }
            return cycle;
        }
        path.push(current);
        match parents[current].iter().filter(unplaced).min() {
            Some(parent) => current = parent,
            None => return path.into_iter().cloned().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use expect_test::{Expect, expect};

    use super::*;

    const PREFIX: &str = "20260101000000_";

    /// `a` stands for `20260101000000_a`; a full id is taken as it is.
    fn id(name: &str) -> RevisionId {
        RevisionId::parse(name)
            .or_else(|_| RevisionId::parse(&format!("{PREFIX}{name}")))
            .unwrap()
    }

    fn short(revision: &RevisionId) -> &str {
        revision
            .as_str()
            .strip_prefix(PREFIX)
            .unwrap_or(revision.as_str())
    }

    fn list<'a>(revisions: impl IntoIterator<Item = &'a RevisionId>) -> String {
        let names: Vec<&str> = revisions.into_iter().map(short).collect();
        format!("[{}]", names.join(", "))
    }

    /// Builds a graph from lines `name: parent parent ...` and renders its shape and, for each
    /// revision in topological order, its relatives; or the error.
    fn check(spec: &str, expect: Expect) {
        let mut parents = BTreeMap::new();
        for line in spec.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let (name, its_parents) = line.split_once(':').unwrap();
            parents.insert(id(name), its_parents.split_whitespace().map(id).collect());
        }
        let mut out = String::new();
        match Graph::build(parents) {
            Ok(graph) => {
                let head = match graph.head() {
                    Ok(head) => list(head),
                    Err(e) => format!("error: {e}"),
                };
                let _ = writeln!(out, "order: {}", list(graph.topological_order()));
                let _ = writeln!(out, "heads: {}", list(graph.heads()));
                let _ = writeln!(out, "head: {head}");
                let _ = writeln!(out, "bases: {}", list(graph.bases()));
                let _ = writeln!(out, "merge points: {}", list(graph.merge_points()));
                let _ = writeln!(out, "branch points: {}", list(graph.branch_points()));
                for r in graph.topological_order() {
                    let _ = writeln!(
                        out,
                        "{}{}: parents {} children {} ancestors {} descendants {}",
                        short(r),
                        graph.tags(r),
                        list(graph.parents(r).unwrap()),
                        list(graph.children(r).unwrap()),
                        list(graph.ancestors(r).unwrap()),
                        list(graph.descendants(r).unwrap()),
                    );
                }
            }
            Err(GraphError::MissingParent { revision, parent }) => {
                let _ = writeln!(
                    out,
                    "missing parent {} of {}",
                    short(&parent),
                    short(&revision)
                );
            }
            Err(GraphError::Cycle(cycle)) => {
                let _ = writeln!(out, "cycle {}", list(&cycle));
            }
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn empty() {
        check(
            "",
            expect![[r#"
                order: []
                heads: []
                head: []
                bases: []
                merge points: []
                branch points: []
            "#]],
        );
    }

    #[test]
    fn linear() {
        check(
            "c: b\na:\nb: a",
            expect![[r#"
                order: [a, b, c]
                heads: [c]
                head: [c]
                bases: [a]
                merge points: []
                branch points: []
                a: parents [] children [b] ancestors [] descendants [b, c]
                b: parents [a] children [c] ancestors [a] descendants [c]
                c (head): parents [b] children [] ancestors [a, b] descendants []
            "#]],
        );
    }

    #[test]
    fn branch() {
        check(
            "a:\nb: a\nc: a\nd: c",
            expect![[r#"
                order: [a, b, c, d]
                heads: [b, d]
                head: error: the migrations have several heads: 20260101000000_b, 20260101000000_d
                bases: [a]
                merge points: []
                branch points: [a]
                a (branchpoint): parents [] children [b, c] ancestors [] descendants [b, c, d]
                b (head): parents [a] children [] ancestors [a] descendants []
                c: parents [a] children [d] ancestors [a] descendants [d]
                d (head): parents [c] children [] ancestors [a, c] descendants []
            "#]],
        );
    }

    #[test]
    fn merge() {
        check(
            "a:\nb: a\nc: a\nm: c b\ne: m",
            expect![[r#"
                order: [a, b, c, m, e]
                heads: [e]
                head: [e]
                bases: [a]
                merge points: [m]
                branch points: [a]
                a (branchpoint): parents [] children [b, c] ancestors [] descendants [b, c, m, e]
                b: parents [a] children [m] ancestors [a] descendants [m, e]
                c: parents [a] children [m] ancestors [a] descendants [m, e]
                m (mergepoint): parents [c, b] children [e] ancestors [a, b, c] descendants [e]
                e (head): parents [m] children [] ancestors [a, b, c, m] descendants []
            "#]],
        );
    }

    #[test]
    fn topological_ties_are_broken_by_revision_id() {
        // Depth does not matter, only readiness then id: after `a`, both `b1` (on the long
        // branch) and `z` are ready, and `b1` < `z`; then `b2` < `z`; `m` waits for `z`.
        check(
            "a:\nz: a\nb1: a\nb2: b1\nm: z b2",
            expect![[r#"
                order: [a, b1, b2, z, m]
                heads: [m]
                head: [m]
                bases: [a]
                merge points: [m]
                branch points: [a]
                a (branchpoint): parents [] children [b1, z] ancestors [] descendants [b1, b2, z, m]
                b1: parents [a] children [b2] ancestors [a] descendants [b2, m]
                b2: parents [b1] children [m] ancestors [a, b1] descendants [m]
                z: parents [a] children [m] ancestors [a] descendants [m]
                m (head) (mergepoint): parents [z, b2] children [] ancestors [a, b1, b2, z] descendants []
            "#]],
        );
    }

    #[test]
    fn ties_follow_ids_not_file_order_or_timestamps_alone() {
        // Two branches made in the same second: the slug decides. A later timestamp on one
        // branch comes after an earlier one on the other.
        check(
            "20260101000000_base:\n20260102000000_zeta: 20260101000000_base\n20260102000000_alpha: 20260101000000_base\n20260101120000_late_parent: 20260101000000_base\n20260103000000_child: 20260101120000_late_parent",
            expect![[r#"
                order: [base, 20260101120000_late_parent, 20260102000000_alpha, 20260102000000_zeta, 20260103000000_child]
                heads: [20260102000000_alpha, 20260102000000_zeta, 20260103000000_child]
                head: error: the migrations have several heads: 20260102000000_alpha, 20260102000000_zeta, 20260103000000_child
                bases: [base]
                merge points: []
                branch points: [base]
                base (branchpoint): parents [] children [20260101120000_late_parent, 20260102000000_alpha, 20260102000000_zeta] ancestors [] descendants [20260101120000_late_parent, 20260102000000_alpha, 20260102000000_zeta, 20260103000000_child]
                20260101120000_late_parent: parents [base] children [20260103000000_child] ancestors [base] descendants [20260103000000_child]
                20260102000000_alpha (head): parents [base] children [] ancestors [base] descendants []
                20260102000000_zeta (head): parents [base] children [] ancestors [base] descendants []
                20260103000000_child (head): parents [20260101120000_late_parent] children [] ancestors [base, 20260101120000_late_parent] descendants []
            "#]],
        );
    }

    #[test]
    fn several_bases() {
        check(
            "a:\nb:\nm: a b",
            expect![[r#"
                order: [a, b, m]
                heads: [m]
                head: [m]
                bases: [a, b]
                merge points: [m]
                branch points: []
                a: parents [] children [m] ancestors [] descendants [m]
                b: parents [] children [m] ancestors [] descendants [m]
                m (head) (mergepoint): parents [a, b] children [] ancestors [a, b] descendants []
            "#]],
        );
    }

    #[test]
    fn missing_parent() {
        check(
            "a:\nc: a b\nd: x",
            expect![[r#"
                missing parent b of c
            "#]],
        );
    }

    #[test]
    fn cycles() {
        check(
            "a:\nb: a d\nc: b\nd: c\ne: d",
            expect![[r#"
                cycle [b, c, d]
            "#]],
        );
        check(
            "a: a",
            expect![[r#"
                cycle [a]
            "#]],
        );
        // Everything waits on the cycle; the cycle itself is still found.
        check(
            "a: z\ny: z\nz: y",
            expect![[r#"
                cycle [y, z]
            "#]],
        );
    }

    #[test]
    fn unknown_revisions_have_no_relatives() {
        let graph = Graph::build(BTreeMap::from([(id("a"), vec![])])).unwrap();
        let unknown = id("b");
        assert!(!graph.contains(&unknown));
        assert!(graph.contains(&id("a")));
        assert_eq!(graph.parents(&unknown), None);
        assert_eq!(graph.children(&unknown), None);
        assert_eq!(graph.ancestors(&unknown), None);
        assert_eq!(graph.descendants(&unknown), None);
        assert_eq!(graph.len(), 1);
        assert!(!graph.is_empty());
    }
}

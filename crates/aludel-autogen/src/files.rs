//! The changes of one autogen run as migration files: one file, or, when some statements cannot
//! run inside a transaction, a chain of files alternating between `per-migration` and
//! `transaction none`, each with its own downgrade.

use aludel_migrations::{HazardLine, Migration, RevisionId, TransactionMode};
use aludel_render::{
    HazardPolicy, Options, Statement, render, render_downgrade, render_in, script,
};
use aludel_schema::{Change, HazardNote};

/// A run of consecutive changes that share a transaction mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    pub changes: Vec<Change>,
    pub transactional: bool,
}

/// Whether every statement of the change, both ways, may run inside a transaction.
fn transactional(change: &Change, options: &Options) -> bool {
    let one = std::slice::from_ref(change);
    render(one, options)
        .iter()
        .chain(render_downgrade(one, options).iter())
        .all(|s| s.transactional)
}

/// Groups consecutive changes by whether they can share a transaction. A change that does
/// nothing in the upgrade (a rebuild only the downgrade needs) stays with its neighbours: its
/// downgrade belongs with theirs.
pub(crate) fn split(changes: &[Change], options: &Options) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::new();
    let mut waiting: Vec<Change> = Vec::new();
    for change in changes {
        if !change.is_active() {
            match parts.last_mut() {
                Some(p) => p.changes.push(change.clone()),
                None => waiting.push(change.clone()),
            }
            continue;
        }
        let t = transactional(change, options);
        match parts.last_mut() {
            Some(p) if p.transactional == t => p.changes.push(change.clone()),
            _ => parts.push(Part {
                changes: std::mem::take(&mut waiting)
                    .into_iter()
                    .chain([change.clone()])
                    .collect(),
                transactional: t,
            }),
        }
    }
    if let Some(p) = parts.last_mut() {
        p.changes.append(&mut waiting);
    } else if !waiting.is_empty() {
        parts.push(Part {
            changes: waiting,
            transactional: true,
        });
    }
    parts
}

/// The migration files for `parts`, chained after `parent`, made at `unix_seconds`; hazards
/// follow the policy of the whole list of changes, both ways.
pub(crate) fn migrations(
    parts: &[Part],
    parent: Option<&RevisionId>,
    message: &str,
    unix_seconds: u64,
    options: &Options,
) -> Result<Vec<Migration>, aludel_migrations::Error> {
    let all: Vec<Change> = parts.iter().flat_map(|p| p.changes.clone()).collect();
    let up_policy = HazardPolicy::new(&all, options);
    let down_policy = HazardPolicy::new(&aludel_render::reversed(&all), options);
    let mut out: Vec<Migration> = Vec::new();
    let total = parts.len();
    for (i, part) in parts.iter().enumerate() {
        let (revision, message) = if total == 1 {
            (
                RevisionId::generate(unix_seconds, message),
                message.to_owned(),
            )
        } else {
            let n = i + 1;
            let mode = if part.transactional {
                "in a transaction"
            } else {
                "each statement committed on its own"
            };
            (
                RevisionId::generate(unix_seconds, &format!("{message} {n}")),
                format!("{message} (part {n} of {total}, {mode})"),
            )
        };
        let parent = out.last().map(|m| m.revision().clone()).or(parent.cloned());
        let up = render_in(&part.changes, options, &up_policy);
        let down = render_in(
            &aludel_render::reversed(&part.changes),
            options,
            &down_policy,
        );
        let mut m = Migration::new(revision, parent, &message);
        if !part.transactional {
            m = m.with_transaction(TransactionMode::None);
        }
        for h in hazards(&up) {
            m = m.with_hazard(HazardLine::new(h.hazard, &h.object));
        }
        m = m
            .with_upgrade(&script(&up))?
            .with_downgrade(&script(&down))?;
        out.push(m);
    }
    Ok(out)
}

/// Every hazard of the statements, once each, in order of appearance.
fn hazards(statements: &[Statement]) -> Vec<HazardNote> {
    let mut out: Vec<HazardNote> = Vec::new();
    for h in statements.iter().flat_map(|s| &s.hazards) {
        if !out.contains(h) {
            out.push(h.clone());
        }
    }
    out
}

//! Standalone sequences: renames, create, drop, options and type, owner, comment.

use aludel_schema::{Change, CommentTarget, Sequence};

use crate::{Cx, DiffError, resolve_hints};

pub(crate) fn renames(cx: &mut Cx) -> Result<(), DiffError> {
    let hints = cx
        .des
        .sequences
        .values()
        .filter_map(|s| s.renamed_from.clone().map(|old| (s.name.clone(), old)))
        .collect();
    let pairs = resolve_hints("sequence", hints, |k| cx.cur.sequences.contains_key(k))?;
    for (to, from) in pairs {
        cx.emit_applied(Change::RenameSequence { from, to })?;
    }
    Ok(())
}

fn unowned(s: &Sequence) -> Sequence {
    let mut s = s.clone();
    s.owned_by = None;
    s.renamed_from = None;
    s
}

pub(crate) fn diff(cx: &mut Cx) {
    let mut out = Vec::new();
    for (name, d) in &cx.des.sequences {
        let Some(c) = cx.cur.sequences.get(name) else {
            out.push(Change::CreateSequence(unowned(d)));
            if d.owned_by.is_some() {
                out.push(Change::SetSequenceOwner {
                    name: name.clone(),
                    old: None,
                    new: d.owned_by.clone(),
                });
            }
            continue;
        };
        out.extend(alter(c, d));
        if c.owned_by != d.owned_by {
            out.push(Change::SetSequenceOwner {
                name: name.clone(),
                old: c.owned_by.clone(),
                new: d.owned_by.clone(),
            });
        }
        if c.comment != d.comment {
            out.push(Change::SetComment {
                target: CommentTarget::Sequence(name.clone()),
                old: c.comment.clone(),
                new: d.comment.clone(),
            });
        }
    }
    for (name, c) in &cx.cur.sequences {
        if !cx.des.sequences.contains_key(name) {
            if c.owned_by.is_some() {
                out.push(Change::SetSequenceOwner {
                    name: name.clone(),
                    old: c.owned_by.clone(),
                    new: None,
                });
            }
            out.push(Change::DropSequence(unowned(c)));
        }
    }
    cx.out.extend(out);
}

/// `ALTER SEQUENCE` for a change of type or options (same name), if any.
pub(crate) fn alter(c: &Sequence, d: &Sequence) -> Option<Change> {
    (c.data_type != d.data_type || c.options != d.options).then(|| Change::AlterSequence {
        name: c.name.clone(),
        old_type: c.data_type.clone(),
        old: c.options.clone(),
        new_type: d.data_type.clone(),
        new: d.options.clone(),
    })
}

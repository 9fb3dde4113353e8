//! Columns: renames, added and dropped columns (rename candidates are `candidates.rs`'s), and every property
//! of a kept column: type and collation, nullability, default, identity, generated expression,
//! owned sequence, comment. Physical order is not compared.

use std::collections::BTreeSet;

use aludel_schema::{
    Change, Column, CommentTarget, QualifiedName, Table, TypeSpec, cast_using,
    identity_sequence_name,
};

use crate::enum_type::uses_enum;
use crate::{Cx, DiffError, resolve_hints, sequence};

pub(crate) fn renames(cx: &mut Cx) -> Result<(), DiffError> {
    let names: Vec<QualifiedName> = cx
        .des
        .tables
        .values()
        .filter(|t| t.columns.iter().any(|c| c.renamed_from.is_some()))
        .map(|t| t.name.clone())
        .collect();
    for name in names {
        let Some(cur) = cx.cur.tables.get(&name) else {
            continue;
        };
        let hints = cx.des.tables[&name]
            .columns
            .iter()
            .filter_map(|c| c.renamed_from.clone().map(|old| (c.name.clone(), old)))
            .collect();
        let pairs = resolve_hints("column", hints, |c| cur.column(c).is_some())?;
        for (to, from) in pairs {
            cx.emit_applied(Change::RenameColumn {
                table: name.clone(),
                from,
                to,
            })?;
        }
    }
    Ok(())
}

/// Sequences of kept columns whose names differ (PostgreSQL keeps an identity or serial
/// sequence's name when its table or column is renamed): renamed to the desired name.
pub(crate) fn sequence_renames(cx: &mut Cx) -> Result<(), DiffError> {
    let mut renames = Vec::new();
    for name in &cx.changed {
        let (Some(c), Some(d)) = (cx.cur.tables.get(name), cx.des.tables.get(name)) else {
            continue;
        };
        for dc in &d.columns {
            let Some(cc) = c.column(&dc.name) else {
                continue;
            };
            if let (Some(ci), Some(di)) = (&cc.identity, &dc.identity) {
                let from = identity_sequence_name(name, &cc.name, ci.sequence_name.as_ref());
                let to = identity_sequence_name(name, &dc.name, di.sequence_name.as_ref());
                if from != to {
                    renames.push(Change::RenameSequence { from, to });
                }
            }
            if let (Some(cs), Some(ds)) = (&cc.owned_sequence, &dc.owned_sequence)
                && cs.name != ds.name
            {
                renames.push(Change::RenameSequence {
                    from: cs.name.clone(),
                    to: ds.name.clone(),
                });
            }
        }
    }
    for r in renames {
        cx.emit_applied(r)?;
    }
    Ok(())
}

fn strip(c: &Column) -> Column {
    let mut c = c.clone();
    c.renamed_from = None;
    c
}

/// Diffs the columns of a kept table (what depends on a replaced column is rebuilt by
/// `rebuild.rs`).
pub(crate) fn diff(
    ct: &Table,
    dt: &Table,
    touched_enums: &BTreeSet<QualifiedName>,
    out: &mut Vec<Change>,
) {
    let table = &dt.name;
    // generated columns are dropped first and added last: they read the others
    let mut dropped: Vec<&Column> = ct
        .columns
        .iter()
        .filter(|c| dt.column(&c.name).is_none())
        .collect();
    dropped.sort_by_key(|c| c.generated.is_none());
    let mut added: Vec<&Column> = dt
        .columns
        .iter()
        .filter(|c| ct.column(&c.name).is_none())
        .collect();
    added.sort_by_key(|c| c.generated.is_some());
    for c in &dropped {
        out.push(Change::DropColumn {
            table: table.clone(),
            column: strip(c),
        });
    }
    for c in &added {
        out.push(Change::AddColumn {
            table: table.clone(),
            column: strip(c),
        });
    }
    for d in &dt.columns {
        if let Some(c) = ct.column(&d.name) {
            alter(table, c, d, touched_enums, out);
        }
    }
}

fn alter(
    table: &QualifiedName,
    c: &Column,
    d: &Column,
    touched_enums: &BTreeSet<QualifiedName>,
    out: &mut Vec<Change>,
) {
    // every property of a column is compared below (a new one is a compile error here)
    let Column {
        name,
        ty: _,
        nullable: _,
        default: _,
        identity: _,
        generated: _,
        collation: _,
        owned_sequence: _,
        comment: _,
        renamed_from: _, // renames()
    } = d;
    if c.generated != d.generated {
        out.push(Change::ReplaceColumn {
            table: table.clone(),
            old: strip(c),
            new: strip(d),
        });
        return;
    }
    let retyped = c.ty != d.ty || c.collation != d.collation;
    let enum_touched = touched_enums
        .iter()
        .any(|e| uses_enum(&c.ty, e).is_some() || uses_enum(&d.ty, e).is_some());
    let identity_added = c.identity.is_none() && d.identity.is_some();
    // a default is dropped before and set after a change it would not survive
    let split_default = (retyped && c.default.is_some())
        || (c.default != d.default && (enum_touched || identity_added));
    let set_default = |old: Option<_>, new: Option<_>| Change::SetDefault {
        table: table.clone(),
        column: name.clone(),
        old,
        new,
    };
    if split_default && c.default.is_some() {
        out.push(set_default(c.default.clone(), None));
    }
    if let (Some(ci), None) = (&c.identity, &d.identity) {
        out.push(Change::DropIdentity {
            table: table.clone(),
            column: name.clone(),
            identity: ci.clone(),
        });
    }
    match (&c.owned_sequence, &d.owned_sequence) {
        (None, None) => {}
        (Some(cs), Some(ds)) => {
            out.extend(sequence::alter(cs, ds));
            if cs.comment != ds.comment {
                out.push(Change::SetComment {
                    target: CommentTarget::Sequence(ds.name.clone()),
                    old: cs.comment.clone(),
                    new: ds.comment.clone(),
                });
            }
        }
        (old, new) => out.push(Change::SetOwnedSequence {
            table: table.clone(),
            column: name.clone(),
            old: old.clone(),
            new: new.clone(),
        }),
    }
    if retyped {
        out.push(Change::AlterColumnType {
            table: table.clone(),
            column: name.clone(),
            old: TypeSpec {
                ty: c.ty.clone(),
                collation: c.collation.clone(),
                using: cast_using(name, &d.ty, &c.ty),
            },
            new: TypeSpec {
                ty: d.ty.clone(),
                collation: d.collation.clone(),
                using: cast_using(name, &c.ty, &d.ty),
            },
        });
    }
    if c.nullable && !d.nullable {
        out.push(Change::SetNotNull {
            table: table.clone(),
            column: name.clone(),
        });
    } else if !c.nullable && d.nullable {
        out.push(Change::DropNotNull {
            table: table.clone(),
            column: name.clone(),
        });
    }
    if split_default {
        if d.default.is_some() {
            out.push(set_default(None, d.default.clone()));
        }
    } else if c.default != d.default {
        out.push(set_default(c.default.clone(), d.default.clone()));
    }
    match (&c.identity, &d.identity) {
        (None, Some(di)) => out.push(Change::AddIdentity {
            table: table.clone(),
            column: name.clone(),
            identity: di.clone(),
        }),
        (Some(ci), Some(di)) if ci.kind != di.kind || ci.options != di.options => {
            out.push(Change::AlterIdentity {
                table: table.clone(),
                column: name.clone(),
                old: ci.clone(),
                new: di.clone(),
            })
        }
        _ => {}
    }
    if c.comment != d.comment {
        out.push(Change::SetComment {
            target: CommentTarget::Column(table.clone(), name.clone()),
            old: c.comment.clone(),
            new: d.comment.clone(),
        });
    }
}

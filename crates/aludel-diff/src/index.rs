//! Indexes: renames of indexes whose definition is unchanged, create, drop; any changed
//! property but the comment recreates the index.

use std::collections::BTreeSet;

use aludel_schema::{Change, CommentTarget, Index, Table};

use crate::{Cx, DiffError};

fn same_but_name(a: &Index, b: &Index) -> bool {
    let mut a = a.clone();
    a.name = b.name.clone();
    a.comment = b.comment.clone();
    a == *b
}

pub(crate) fn renames(cx: &mut Cx) -> Result<(), DiffError> {
    let mut renames = Vec::new();
    for name in &cx.changed {
        let (Some(c), Some(d)) = (cx.cur.tables.get(name), cx.des.tables.get(name)) else {
            continue;
        };
        let mut taken = BTreeSet::new();
        for o in c
            .indexes
            .iter()
            .filter(|o| !d.indexes.iter().any(|n| n.name == o.name))
        {
            let found = d.indexes.iter().find(|n| {
                !c.indexes.iter().any(|x| x.name == n.name)
                    && !taken.contains(&n.name)
                    && same_but_name(o, n)
            });
            if let Some(n) = found {
                taken.insert(n.name.clone());
                renames.push(Change::RenameIndex {
                    table: name.clone(),
                    from: o.name.clone(),
                    to: n.name.clone(),
                });
            }
        }
    }
    for r in renames {
        cx.emit_applied(r)?;
    }
    Ok(())
}

pub(crate) fn diff(ct: &Table, dt: &Table, out: &mut Vec<Change>) {
    diff_lists(&dt.name, &ct.indexes, &dt.indexes, out);
}

/// The index changes between two index lists of one table or materialized view.
pub(crate) fn diff_lists(
    table: &aludel_schema::QualifiedName,
    cur: &[Index],
    des: &[Index],
    out: &mut Vec<Change>,
) {
    for o in cur {
        let drop = Change::DropIndex {
            table: table.clone(),
            index: o.clone(),
        };
        match des.iter().find(|n| n.name == o.name) {
            None => out.push(drop),
            Some(n) if !same_but_name(o, n) => {
                out.push(drop);
                out.push(Change::CreateIndex {
                    table: table.clone(),
                    index: n.clone(),
                });
            }
            Some(n) if n.comment != o.comment => out.push(Change::SetComment {
                target: CommentTarget::Index(table.clone(), n.name.clone()),
                old: o.comment.clone(),
                new: n.comment.clone(),
            }),
            Some(_) => {}
        }
    }
    for n in des {
        if !cur.iter().any(|o| o.name == n.name) {
            out.push(Change::CreateIndex {
                table: table.clone(),
                index: n.clone(),
            });
        }
    }
}

//! Enum types: renames (type and values), create, drop, values added at their position, and
//! removal or reordering by recreating the type around its columns.

use aludel_schema::{
    Change, ColumnType, CommentTarget, EnumColumn, EnumType, EnumUsage, EnumValue, EnumValueAdd,
    QualifiedName,
};

use crate::{Cx, DiffError, resolve_hints};

pub(crate) fn renames(cx: &mut Cx) -> Result<(), DiffError> {
    let hints = cx
        .des
        .enums
        .values()
        .filter_map(|e| e.renamed_from.clone().map(|old| (e.name.clone(), old)))
        .collect();
    let pairs = resolve_hints("type", hints, |k| cx.cur.enums.contains_key(k))?;
    for (to, from) in pairs {
        cx.emit_applied(Change::RenameEnum { from, to })?;
    }
    let names: Vec<QualifiedName> = cx.des.enums.keys().cloned().collect();
    for name in names {
        let Some(cur) = cx.cur.enums.get(&name) else {
            continue;
        };
        let hints = cx.des.enums[&name]
            .values
            .iter()
            .filter_map(|v| v.renamed_from.clone().map(|old| (v.name.clone(), old)))
            .collect();
        let pairs = resolve_hints("enum value", hints, |v| {
            cur.values.iter().any(|x| &x.name == v)
        })?;
        for (to, from) in pairs {
            cx.emit_applied(Change::RenameEnumValue {
                enum_name: name.clone(),
                from,
                to,
            })?;
        }
    }
    Ok(())
}

fn bare(e: &EnumType) -> EnumType {
    EnumType {
        name: e.name.clone(),
        values: e
            .values
            .iter()
            .map(|v| EnumValue::new(v.name.clone()))
            .collect(),
        comment: e.comment.clone(),
        renamed_from: None,
    }
}

fn is_subsequence(small: &[String], big: &[String]) -> bool {
    let mut it = big.iter();
    small.iter().all(|s| it.any(|b| b == s))
}

pub(crate) fn diff(cx: &mut Cx) {
    let mut out = Vec::new();
    for (name, d) in &cx.des.enums {
        let Some(c) = cx.cur.enums.get(name) else {
            out.push(Change::CreateEnum(bare(d)));
            continue;
        };
        let cv: Vec<String> = c.values.iter().map(|v| v.name.clone()).collect();
        let dv: Vec<String> = d.values.iter().map(|v| v.name.clone()).collect();
        if cv != dv {
            values(&mut out, cx, name, c, d, &cv, &dv);
        }
        if c.comment != d.comment {
            out.push(Change::SetComment {
                target: CommentTarget::Type(name.clone()),
                old: c.comment.clone(),
                new: d.comment.clone(),
            });
        }
    }
    for (name, c) in &cx.cur.enums {
        if !cx.des.enums.contains_key(name) {
            out.push(Change::DropEnum(bare(c)));
        }
    }
    for c in &out {
        if let Change::AddEnumValue(EnumValueAdd { enum_name, .. })
        | Change::RecreateEnum {
            new: EnumType {
                name: enum_name, ..
            },
            ..
        } = c
        {
            cx.touched_enums.insert(enum_name.clone());
        }
    }
    cx.out.extend(out);
}

/// Values added in place, or the type recreated when values go away or move.
fn values(
    out: &mut Vec<Change>,
    cx: &Cx,
    name: &QualifiedName,
    c: &EnumType,
    d: &EnumType,
    cv: &[String],
    dv: &[String],
) {
    let usage = usage(cx, name);
    if is_subsequence(cv, dv) {
        let mut vals = cv.to_vec();
        for (i, v) in dv.iter().enumerate() {
            if cv.contains(v) {
                continue;
            }
            let at = if i == 0 {
                0
            } else {
                vals.iter()
                    .position(|x| *x == dv[i - 1])
                    .map_or(vals.len(), |p| p + 1)
            };
            vals.insert(at, v.clone());
            out.push(Change::AddEnumValue(EnumValueAdd {
                enum_name: name.clone(),
                value: v.clone(),
                values: vals.clone(),
                usage: usage.clone(),
            }));
        }
    } else {
        let mut old = bare(c);
        let mut new = bare(d);
        old.comment = None;
        new.comment = None;
        out.push(Change::RecreateEnum { old, new, usage });
    }
}

/// Whether `ty` is the enum `name` or an array of it; `Some(is_array)`.
pub(crate) fn uses_enum(ty: &ColumnType, name: &QualifiedName) -> Option<bool> {
    match ty {
        ColumnType::Enum { name: n } if n == name => Some(false),
        ColumnType::Array { element } => uses_enum(element, name).map(|_| true),
        _ => None,
    }
}

/// The columns that stay the same across the diff and must be cast around a recreation of the
/// enum `name`: every column of the type (or an array of it). Checks and indexes whose
/// expressions name the type are rebuilt around it (`rebuild.rs`).
fn usage(cx: &Cx, name: &QualifiedName) -> EnumUsage {
    let mut u = EnumUsage {
        comment: cx.cur.enums.get(name).and_then(|e| e.comment.clone()),
        ..EnumUsage::default()
    };
    for (tn, ct) in &cx.cur.tables {
        let Some(dt) = cx.des.tables.get(tn) else {
            continue;
        };
        for c in &ct.columns {
            let Some(array) = uses_enum(&c.ty, name) else {
                continue;
            };
            let Some(dc) = dt.column(&c.name) else {
                continue;
            };
            if dc.ty != c.ty || dc.generated != c.generated {
                continue;
            }
            u.columns.push(EnumColumn {
                table: tn.clone(),
                column: c.name.clone(),
                array,
                default: if dc.default == c.default {
                    c.default.clone()
                } else {
                    None
                },
            });
        }
    }
    u
}

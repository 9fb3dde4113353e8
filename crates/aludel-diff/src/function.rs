//! Functions and procedures: renames (hints only; the argument types stay), create, drop,
//! alter (`CREATE OR REPLACE` or drop and create, which the renderer decides from
//! `Function::replaceable_by`). A function whose `BEGIN ATOMIC` body uses an object renamed by
//! the same diff is dropped before the rename and created after it. A new table whose default
//! calls a new function that needs the table (a SQL body PostgreSQL checks against it, a result of
//! the table's row type) is created without that default, set once the function exists.

use aludel_schema::expr::{definition_names, mentions_function};
use aludel_schema::{Change, Dependency, Function, FunctionId, Table};

use crate::{Cx, DiffError, renamed, resolve_hints};

pub(crate) fn renames(cx: &mut Cx) -> Result<(), DiffError> {
    let hints = cx
        .des
        .functions
        .values()
        .filter_map(|f| {
            let old = f.renamed_from.clone()?;
            Some((f.id.clone(), FunctionId::new(old, f.id.args.clone())))
        })
        .collect();
    let pairs = resolve_hints("function", hints, |k| cx.cur.functions.contains_key(k))?;
    for (to, from) in pairs {
        let kind = cx.cur.functions[&from].kind;
        cx.emit_applied(Change::RenameFunction {
            from,
            to: to.name,
            kind,
        })?;
    }
    Ok(())
}

pub(crate) fn bare(f: &Function) -> Function {
    let mut f = f.clone();
    f.renamed_from = None;
    f
}

pub(crate) fn diff(cx: &mut Cx) {
    let renamed = renamed::Renamed::of(&cx.out);
    let mut out = Vec::new();
    for (id, d) in &cx.des.functions {
        match cx.cur.functions.get(id) {
            None => out.push(Change::CreateFunction(bare(d))),
            Some(c) if renamed.touches(&c.depends_on) => {
                out.push(Change::DropFunction(bare(c)));
                out.push(Change::CreateFunction(bare(d)));
            }
            Some(c) if !same(c, d) => out.push(Change::AlterFunction {
                old: bare(c),
                new: bare(d),
            }),
            Some(_) => {}
        }
    }
    for (id, c) in &cx.cur.functions {
        if !cx.des.functions.contains_key(id) {
            out.push(Change::DropFunction(bare(c)));
        }
    }
    let created: Vec<&Function> = out
        .iter()
        .filter_map(|c| match c {
            Change::CreateFunction(f) => Some(f),
            _ => None,
        })
        .collect();
    let mut split = Vec::new();
    for c in &mut cx.out {
        if let Change::CreateTable(t) = c {
            split_defaults(t, &created, &mut split);
        }
    }
    cx.out.extend(split);
    cx.out.extend(out);
}

/// Equal but for the rename hint (the current side never has one), without copying.
fn same(c: &Function, d: &Function) -> bool {
    if d.renamed_from.is_none() && c.renamed_from.is_none() {
        c == d
    } else {
        bare(c) == bare(d)
    }
}

/// Takes out of the new table `t` the defaults that call a function of `created` that needs `t`
/// (a cycle: create the table, then the function, then `SET DEFAULT`), as `SetDefault` changes.
/// PostgreSQL checks SQL bodies written as strings against the catalog without recording what
/// they read, so a SQL function whose definition names `t` needs it; the others when
/// `pg_depend` says so (a result of its row type, a `BEGIN ATOMIC` body reading it).
fn split_defaults(t: &mut Table, created: &[&Function], out: &mut Vec<Change>) {
    for c in &mut t.columns {
        let Some(default) = &c.default else { continue };
        let cycle = created.iter().any(|f| {
            mentions_function(default.as_str(), &f.id.name)
                && ((!f.body_unchecked() && definition_names(&f.definition, &t.name.name))
                    || f.depends_on.iter().any(
                        |d| matches!(d, Dependency::Table(q) | Dependency::Column(q, _) if *q == t.name),
                    ))
        });
        if cycle {
            out.push(Change::SetDefault {
                table: t.name.clone(),
                column: c.name.clone(),
                old: None,
                new: c.default.take(),
            });
        }
    }
}

//! Functions and procedures: create (the definition PostgreSQL printed, with the comment), drop,
//! rename, and alter: `CREATE OR REPLACE` where PostgreSQL keeps the identity, else drop and
//! create.

use aludel_schema::{Change, Function, QualifiedName};

use crate::{Statement, comment};

fn comment(f: &Function, text: Option<&str>) -> Statement {
    comment::on(f.kind.keyword(), &f.signature(), text)
}

fn create(f: &Function, out: &mut Vec<Statement>) {
    // `pg_get_functiondef` prints `CREATE OR REPLACE`, which creates as well
    out.push(Statement::new(f.definition.clone()));
    if let Some(text) = &f.comment {
        out.push(comment(f, Some(text)));
    }
}

fn drop(f: &Function, out: &mut Vec<Statement>) {
    out.push(Statement::new(format!(
        "DROP {} {}",
        f.kind.keyword(),
        f.signature()
    )));
}

fn alter(old: &Function, new: &Function, out: &mut Vec<Statement>) {
    if !old.replaceable_by(new) {
        drop(old, out);
        create(new, out);
        return;
    }
    if old.definition != new.definition {
        out.push(Statement::new(new.definition.clone()));
    }
    if old.comment != new.comment {
        out.push(comment(new, new.comment.as_deref()));
    }
}

pub(crate) fn render(c: &Change, out: &mut Vec<Statement>) {
    match c {
        Change::CreateFunction(f) => create(f, out),
        Change::DropFunction(f) => drop(f, out),
        Change::AlterFunction { old, new } => alter(old, new, out),
        Change::RenameFunction { from, to, kind } => {
            let kw = kind.keyword();
            let args = &from.args;
            if from.name.name != to.name {
                out.push(Statement::new(format!(
                    "ALTER {kw} {}({args}) RENAME TO {}",
                    from.name, to.name
                )));
            }
            if from.name.schema != to.schema {
                let renamed = QualifiedName::new(from.name.schema.clone(), to.name.clone());
                out.push(Statement::new(format!(
                    "ALTER {kw} {renamed}({args}) SET SCHEMA {}",
                    to.schema
                )));
            }
        }
        _ => unreachable!("not a function change: {c:?}"),
    }
}

//! Schemas: `CREATE SCHEMA`, `DROP SCHEMA`, `ALTER SCHEMA ... RENAME TO`.

use aludel_schema::{Change, CommentTarget};

use crate::{Statement, comment};

pub(crate) fn render(c: &Change, out: &mut Vec<Statement>) {
    match c {
        Change::CreateSchema(ns) => {
            out.push(Statement::new(format!("CREATE SCHEMA {}", ns.name)));
            if let Some(text) = &ns.comment {
                out.push(comment::set(
                    &CommentTarget::Schema(ns.name.clone()),
                    Some(text),
                ));
            }
        }
        Change::DropSchema(ns) => out.push(Statement::new(format!("DROP SCHEMA {}", ns.name))),
        Change::RenameSchema { from, to } => out.push(Statement::new(format!(
            "ALTER SCHEMA {from} RENAME TO {to}"
        ))),
        _ => {}
    }
}

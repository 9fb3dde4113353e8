//! Indexes: create and drop (online: `CONCURRENTLY`, outside a transaction), rename, comment.

use aludel_schema::{Change, CommentTarget, QualifiedName, display};

use crate::{Options, Statement, comment};

pub(crate) fn render(c: &Change, o: &Options, out: &mut Vec<Statement>) {
    match c {
        Change::CreateIndex { table, index } => {
            let sql = display::create_index(table, index);
            out.push(if o.online {
                let sql = sql
                    .replacen(
                        "CREATE UNIQUE INDEX ",
                        "CREATE UNIQUE INDEX CONCURRENTLY ",
                        1,
                    )
                    .replacen("CREATE INDEX ", "CREATE INDEX CONCURRENTLY ", 1);
                Statement::alone(sql)
            } else {
                Statement::new(sql)
            });
            if let Some(text) = &index.comment {
                out.push(comment::set(
                    &CommentTarget::Index(table.clone(), index.name.clone()),
                    Some(text),
                ));
            }
        }
        Change::DropIndex { table, index } => {
            let q = QualifiedName::new(table.schema.clone(), index.name.clone());
            out.push(if o.online {
                Statement::alone(format!("DROP INDEX CONCURRENTLY {q}"))
            } else {
                Statement::new(format!("DROP INDEX {q}"))
            });
        }
        Change::RenameIndex { table, from, to } => {
            let q = QualifiedName::new(table.schema.clone(), from.clone());
            out.push(Statement::new(format!("ALTER INDEX {q} RENAME TO {to}")));
        }
        _ => {}
    }
}

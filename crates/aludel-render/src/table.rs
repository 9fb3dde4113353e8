//! Tables: `CREATE TABLE` (with the sequences its columns own and its comments), `DROP TABLE`,
//! rename and `SET SCHEMA`.

use aludel_schema::{Change, CommentTarget, display};

use crate::{Statement, comment, rename_qualified, sequence};

pub(crate) fn render(c: &Change, out: &mut Vec<Statement>) {
    match c {
        Change::CreateTable(t) => {
            for col in &t.columns {
                if let Some(s) = &col.owned_sequence {
                    sequence::create(s, out);
                }
            }
            out.push(Statement::new(display::create_table(t)));
            for s in display::row_security_clauses(Default::default(), t.row_security) {
                out.push(Statement::new(format!("ALTER TABLE {} {s}", t.name)));
            }
            for col in &t.columns {
                if let Some(s) = &col.owned_sequence {
                    out.push(Statement::new(format!(
                        "ALTER SEQUENCE {} OWNED BY {}.{}",
                        s.name, t.name, col.name
                    )));
                }
            }
            if let Some(text) = &t.comment {
                out.push(comment::set(
                    &CommentTarget::Table(t.name.clone()),
                    Some(text),
                ));
            }
            for col in &t.columns {
                if let Some(text) = &col.comment {
                    out.push(comment::set(
                        &CommentTarget::Column(t.name.clone(), col.name.clone()),
                        Some(text),
                    ));
                }
            }
        }
        Change::DropTable(t) => out.push(Statement::new(format!("DROP TABLE {}", t.name))),
        Change::RenameTable { from, to } => rename_qualified("TABLE", from, to, out),
        _ => {}
    }
}

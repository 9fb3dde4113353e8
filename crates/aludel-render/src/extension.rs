//! Extensions: `CREATE EXTENSION ... WITH SCHEMA`, `DROP EXTENSION`.

use aludel_schema::Change;

use crate::Statement;

pub(crate) fn render(c: &Change, out: &mut Vec<Statement>) {
    match c {
        Change::CreateExtension(e) => out.push(Statement::new(format!(
            "CREATE EXTENSION {} WITH SCHEMA {}",
            e.name, e.schema
        ))),
        Change::DropExtension(e) => out.push(Statement::new(format!("DROP EXTENSION {}", e.name))),
        _ => {}
    }
}

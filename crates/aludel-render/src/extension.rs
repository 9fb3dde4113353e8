//! Extensions: `CREATE EXTENSION ... WITH SCHEMA`, `DROP EXTENSION`, `ALTER EXTENSION ... SET SCHEMA`.

use aludel_schema::Change;

use crate::Statement;

pub(crate) fn render(c: &Change, out: &mut Vec<Statement>) {
    match c {
        Change::CreateExtension(e) => out.push(Statement::new(format!(
            "CREATE EXTENSION {} WITH SCHEMA {}",
            e.name, e.schema
        ))),
        Change::DropExtension(e) => out.push(Statement::new(format!("DROP EXTENSION {}", e.name))),
        Change::SetExtensionSchema { name, to, .. } => out.push(Statement::new(format!(
            "ALTER EXTENSION {name} SET SCHEMA {to}"
        ))),
        _ => {}
    }
}

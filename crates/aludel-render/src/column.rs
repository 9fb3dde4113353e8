//! Columns: add (with an owned sequence and comment), drop, rename, drop and re-add, type with
//! `USING`, nullability (online: through a validated check), default, identity.

use aludel_schema::{Change, Column, CommentTarget, QualifiedName, display, naming, quote_literal};

use crate::{Options, Statement, comment, sequence};

pub(crate) fn render(c: &Change, o: &Options, out: &mut Vec<Statement>) {
    match c {
        Change::AddColumn { table, column } => add(table, column, out),
        Change::DropColumn { table, column } => drop(table, column, out),
        Change::RenameColumn { table, from, to } => out.push(Statement::new(format!(
            "ALTER TABLE {table} RENAME COLUMN {from} TO {to}"
        ))),
        Change::ReplaceColumn { table, old, new } => {
            drop(table, old, out);
            add(table, new, out);
        }
        Change::AlterColumnType {
            table, column, new, ..
        } => {
            let mut s = format!("ALTER TABLE {table} ALTER COLUMN {column} TYPE {}", new.ty);
            if let Some(coll) = &new.collation {
                s.push_str(&format!(" COLLATE {coll}"));
            }
            if let Some(u) = &new.using {
                s.push_str(&format!(" USING {u}"));
            }
            out.push(Statement::new(s));
        }
        Change::SetNotNull { table, column } => {
            let set = Statement::new(format!(
                "ALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL"
            ));
            if !o.online {
                out.push(set);
                return;
            }
            // the scan happens under a weak lock; SET NOT NULL then uses the valid check
            let check = naming::on_columns(table.name.as_str(), &[column.as_str()], "not_null");
            let check = aludel_schema::Ident::new(check);
            out.push(Statement::new(format!(
                "ALTER TABLE {table} ADD CONSTRAINT {check} CHECK ({column} IS NOT NULL) NOT VALID"
            )));
            out.push(Statement::alone(format!(
                "ALTER TABLE {table} VALIDATE CONSTRAINT {check}"
            )));
            out.push(set);
            out.push(Statement::new(format!(
                "ALTER TABLE {table} DROP CONSTRAINT {check}"
            )));
        }
        Change::DropNotNull { table, column } => out.push(Statement::new(format!(
            "ALTER TABLE {table} ALTER COLUMN {column} DROP NOT NULL"
        ))),
        Change::SetDefault {
            table, column, new, ..
        } => out.push(Statement::new(match new {
            Some(d) => format!("ALTER TABLE {table} ALTER COLUMN {column} SET DEFAULT {d}"),
            None => format!("ALTER TABLE {table} ALTER COLUMN {column} DROP DEFAULT"),
        })),
        Change::AddIdentity {
            table,
            column,
            identity,
        } => {
            out.push(Statement::new(format!(
                "ALTER TABLE {table} ALTER COLUMN {column} ADD {}",
                display::identity_def(identity)
            )));
            // existing rows keep their values: move the sequence past them
            out.push(Statement::new(format!(
                "SELECT setval(pg_get_serial_sequence({}, {}), max({column})) FROM {table} HAVING max({column}) IS NOT NULL",
                quote_literal(&table.to_string()),
                quote_literal(column.as_str())
            )));
        }
        Change::DropIdentity { table, column, .. } => out.push(Statement::new(format!(
            "ALTER TABLE {table} ALTER COLUMN {column} DROP IDENTITY"
        ))),
        Change::AlterIdentity {
            table,
            column,
            old,
            new,
        } => {
            let mut parts = Vec::new();
            if old.kind != new.kind {
                parts.push(format!("SET GENERATED {}", new.kind.as_sql()));
            }
            // the identity's sequence type follows the column; bigint bounds are the widest
            let ty = aludel_schema::ColumnType::BigInt;
            parts.extend(
                sequence::option_delta(&ty, &ty, &old.options, &new.options)
                    .into_iter()
                    .map(|p| format!("SET {p}")),
            );
            if !parts.is_empty() {
                out.push(Statement::new(format!(
                    "ALTER TABLE {table} ALTER COLUMN {column} {}",
                    parts.join(" ")
                )));
            }
        }
        _ => {}
    }
}

fn add(table: &QualifiedName, column: &Column, out: &mut Vec<Statement>) {
    if let Some(s) = &column.owned_sequence {
        sequence::create(s, out);
    }
    out.push(Statement::new(format!(
        "ALTER TABLE {table} ADD COLUMN {}",
        display::column_def(column)
    )));
    if let Some(s) = &column.owned_sequence {
        out.push(Statement::new(format!(
            "ALTER SEQUENCE {} OWNED BY {table}.{}",
            s.name, column.name
        )));
    }
    if let Some(text) = &column.comment {
        out.push(comment::set(
            &CommentTarget::Column(table.clone(), column.name.clone()),
            Some(text),
        ));
    }
}

fn drop(table: &QualifiedName, column: &Column, out: &mut Vec<Statement>) {
    out.push(Statement::new(format!(
        "ALTER TABLE {table} DROP COLUMN {}",
        column.name
    )));
}

//! Enum types: create, drop, rename (and move), values added `BEFORE`/`AFTER` (each committed
//! on its own), value renames, and recreation of the type around its users for removals and
//! reorderings.

use aludel_schema::{
    Change, CommentTarget, EnumPosition, EnumUsage, QualifiedName, display, naming, quote_literal,
};

use crate::{Statement, comment, rename_qualified};

pub(crate) fn render(c: &Change, out: &mut Vec<Statement>) {
    match c {
        Change::CreateEnum(e) => {
            out.push(Statement::new(display::create_enum(e)));
            if let Some(text) = &e.comment {
                out.push(comment::set(
                    &CommentTarget::Type(e.name.clone()),
                    Some(text),
                ));
            }
        }
        Change::DropEnum(e) => out.push(Statement::new(format!("DROP TYPE {}", e.name))),
        Change::RenameEnum { from, to } => rename_qualified("TYPE", from, to, out),
        Change::AddEnumValue(a) => {
            let pos = match a.position() {
                EnumPosition::After(v) => format!(" AFTER {}", quote_literal(&v)),
                EnumPosition::Before(v) => format!(" BEFORE {}", quote_literal(&v)),
                EnumPosition::Only => String::new(),
            };
            out.push(Statement::alone(format!(
                "ALTER TYPE {} ADD VALUE {}{pos}",
                a.enum_name,
                quote_literal(&a.value)
            )));
        }
        Change::RemoveEnumValue(a) => recreate(&a.enum_name, &a.values_without(), &a.usage, out),
        Change::RenameEnumValue {
            enum_name,
            from,
            to,
        } => out.push(Statement::new(format!(
            "ALTER TYPE {enum_name} RENAME VALUE {} TO {}",
            quote_literal(from),
            quote_literal(to)
        ))),
        Change::RecreateEnum { new, usage, .. } => {
            let values: Vec<String> = new.values.iter().map(|v| v.name.clone()).collect();
            recreate(&new.name, &values, usage, out);
        }
        _ => {}
    }
}

/// Rename the old type aside, create the new one, cast every column (its default dropped
/// before and set after), drop the old type.
fn recreate(name: &QualifiedName, values: &[String], usage: &EnumUsage, out: &mut Vec<Statement>) {
    let old = QualifiedName::new(
        name.schema.clone(),
        naming::make_object_name(name.name.as_str(), None, Some("old")),
    );
    out.push(Statement::new(format!(
        "ALTER TYPE {name} RENAME TO {}",
        old.name
    )));
    let list: Vec<String> = values.iter().map(|v| quote_literal(v)).collect();
    out.push(Statement::new(format!(
        "CREATE TYPE {name} AS ENUM ({})",
        list.join(", ")
    )));
    if let Some(text) = &usage.comment {
        out.push(comment::set(&CommentTarget::Type(name.clone()), Some(text)));
    }
    for c in &usage.columns {
        if c.default.is_some() {
            out.push(Statement::new(format!(
                "ALTER TABLE {} ALTER COLUMN {} DROP DEFAULT",
                c.table, c.column
            )));
        }
    }
    for c in &usage.columns {
        let (suffix, text) = if c.array {
            ("[]", "text[]")
        } else {
            ("", "text")
        };
        out.push(Statement::new(format!(
            "ALTER TABLE {} ALTER COLUMN {col} TYPE {name}{suffix} USING {col}::{text}::{name}{suffix}",
            c.table,
            col = c.column
        )));
    }
    for c in &usage.columns {
        if let Some(d) = &c.default {
            out.push(Statement::new(format!(
                "ALTER TABLE {} ALTER COLUMN {} SET DEFAULT {d}",
                c.table, c.column
            )));
        }
    }
    out.push(Statement::new(format!("DROP TYPE {old}")));
}

//! Constraints: add (online: `NOT VALID` then `VALIDATE` on its own, uniques and primary keys
//! from an index built concurrently), drop, rename, validate, and back to `NOT VALID`.

use aludel_schema::{Change, Constraint, QualifiedName, display};

use crate::{Options, Statement};

fn def(c: &Constraint) -> String {
    match c {
        Constraint::PrimaryKey(p) => display::primary_key_def(p),
        Constraint::Unique(u) => display::unique_def(u),
        Constraint::Check(k) => display::check_def(k),
        Constraint::ForeignKey(f) => display::foreign_key_def(f),
    }
}

pub(crate) fn render(c: &Change, o: &Options, out: &mut Vec<Statement>) {
    match c {
        Change::AddConstraint { table, constraint } => add(table, constraint, o, out),
        Change::DropConstraint { table, constraint } => out.push(Statement::new(format!(
            "ALTER TABLE {table} DROP CONSTRAINT {}",
            constraint.name()
        ))),
        Change::RenameConstraint { table, from, to } => out.push(Statement::new(format!(
            "ALTER TABLE {table} RENAME CONSTRAINT {from} TO {to}"
        ))),
        Change::ValidateConstraint { table, constraint } => {
            let sql = format!(
                "ALTER TABLE {table} VALIDATE CONSTRAINT {}",
                constraint.name()
            );
            out.push(if o.online {
                Statement::alone(sql)
            } else {
                Statement::new(sql)
            });
        }
        Change::InvalidateConstraint { table, constraint } => {
            out.push(Statement::new(format!(
                "ALTER TABLE {table} DROP CONSTRAINT {}",
                constraint.name()
            )));
            out.push(Statement::new(format!(
                "ALTER TABLE {table} ADD {}",
                def(&constraint.with_valid(false))
            )));
        }
        _ => {}
    }
}

fn add(table: &QualifiedName, c: &Constraint, o: &Options, out: &mut Vec<Statement>) {
    if !o.online {
        out.push(Statement::new(format!(
            "ALTER TABLE {table} ADD {}",
            def(c)
        )));
        return;
    }
    match c {
        Constraint::Check(_) | Constraint::ForeignKey(_) if c.is_valid() => {
            out.push(Statement::new(format!(
                "ALTER TABLE {table} ADD {}",
                def(&c.with_valid(false))
            )));
            out.push(Statement::alone(format!(
                "ALTER TABLE {table} VALIDATE CONSTRAINT {}",
                c.name()
            )));
        }
        Constraint::PrimaryKey(p) if p.include.is_empty() => {
            using_index(table, c, &p.columns, false, p.deferrable.sql(), out)
        }
        Constraint::Unique(u) if u.include.is_empty() => using_index(
            table,
            c,
            &u.columns,
            u.nulls_not_distinct,
            u.deferrable.sql(),
            out,
        ),
        _ => out.push(Statement::new(format!(
            "ALTER TABLE {table} ADD {}",
            def(c)
        ))),
    }
}

/// `CREATE UNIQUE INDEX CONCURRENTLY`, then the constraint `USING INDEX` (a short lock).
fn using_index(
    table: &QualifiedName,
    c: &Constraint,
    columns: &[aludel_schema::Ident],
    nulls_not_distinct: bool,
    deferrable: &str,
    out: &mut Vec<Statement>,
) {
    let name = c.name();
    let nnd = if nulls_not_distinct {
        " NULLS NOT DISTINCT"
    } else {
        ""
    };
    out.push(Statement::alone(format!(
        "CREATE UNIQUE INDEX CONCURRENTLY {name} ON {table} USING btree ({}){nnd}",
        display::ident_list(columns)
    )));
    let kind = match c {
        Constraint::PrimaryKey(_) => "PRIMARY KEY",
        _ => "UNIQUE",
    };
    out.push(Statement::new(format!(
        "ALTER TABLE {table} ADD CONSTRAINT {name} {kind} USING INDEX {name}{deferrable}"
    )));
}

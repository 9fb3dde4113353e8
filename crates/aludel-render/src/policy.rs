//! Row-level security: `ALTER TABLE ... ENABLE/DISABLE/FORCE/NO FORCE ROW LEVEL SECURITY`, and
//! policies: create (with comment), drop, rename, and alter: `ALTER POLICY` for roles and
//! replaced clauses, drop and create when the command or permissive/restrictive changes or a
//! clause goes away (which `ALTER POLICY` cannot do).

use aludel_schema::{Change, Policy, display};

use crate::{Statement, comment};

fn comment(p: &Policy, text: Option<&str>) -> Statement {
    comment::on("POLICY", &format!("{} ON {}", p.id.name, p.id.table), text)
}

fn create(p: &Policy, out: &mut Vec<Statement>) {
    out.push(Statement::new(display::create_policy(p)));
    if let Some(text) = &p.comment {
        out.push(comment(p, Some(text)));
    }
}

fn drop(p: &Policy, out: &mut Vec<Statement>) {
    out.push(Statement::new(format!(
        "DROP POLICY {} ON {}",
        p.id.name, p.id.table
    )));
}

fn alter(old: &Policy, new: &Policy, out: &mut Vec<Statement>) {
    if !old.alterable_to(new) {
        drop(old, out);
        create(new, out);
        return;
    }
    let mut clauses = String::new();
    if old.roles != new.roles {
        clauses.push_str(&format!(" TO {}", display::policy_roles(new)));
    }
    if old.using != new.using
        && let Some(e) = &new.using
    {
        clauses.push_str(&format!(" USING ({e})"));
    }
    if old.with_check != new.with_check
        && let Some(e) = &new.with_check
    {
        clauses.push_str(&format!(" WITH CHECK ({e})"));
    }
    if !clauses.is_empty() {
        out.push(Statement::new(format!(
            "ALTER POLICY {} ON {}{clauses}",
            new.id.name, new.id.table
        )));
    }
    if old.comment != new.comment {
        out.push(comment(new, new.comment.as_deref()));
    }
}

pub(crate) fn render(c: &Change, out: &mut Vec<Statement>) {
    match c {
        Change::CreatePolicy(p) => create(p, out),
        Change::DropPolicy(p) => drop(p, out),
        Change::AlterPolicy { old, new } => alter(old, new, out),
        Change::RenamePolicy { table, from, to } => out.push(Statement::new(format!(
            "ALTER POLICY {from} ON {table} RENAME TO {to}"
        ))),
        Change::SetRowSecurity { table, old, new } => {
            for s in display::row_security_clauses(*old, *new) {
                out.push(Statement::new(format!("ALTER TABLE {table} {s}")));
            }
        }
        _ => unreachable!("not a row-level security change: {c:?}"),
    }
}

//! Triggers: create (the definition PostgreSQL printed, then the enabled state and comment),
//! drop, rename, and alter: `CREATE OR REPLACE TRIGGER` (drop and create for constraint
//! triggers), `ALTER TABLE ... ENABLE/DISABLE TRIGGER`, `COMMENT`.

use aludel_schema::{Change, Trigger, TriggerEnabled};

use crate::{Statement, comment};

fn comment(t: &Trigger, text: Option<&str>) -> Statement {
    comment::on("TRIGGER", &format!("{} ON {}", t.id.name, t.id.table), text)
}

fn enabled(t: &Trigger) -> Statement {
    Statement::new(format!(
        "ALTER TABLE {} {} {}",
        t.id.table,
        t.enabled.clause(),
        t.id.name
    ))
}

fn create(t: &Trigger, out: &mut Vec<Statement>) {
    out.push(Statement::new(t.definition.clone()));
    if t.enabled != TriggerEnabled::Origin {
        out.push(enabled(t));
    }
    if let Some(text) = &t.comment {
        out.push(comment(t, Some(text)));
    }
}

fn drop(t: &Trigger, out: &mut Vec<Statement>) {
    out.push(Statement::new(format!(
        "DROP TRIGGER {} ON {}",
        t.id.name, t.id.table
    )));
}

fn alter(old: &Trigger, new: &Trigger, out: &mut Vec<Statement>) {
    if old.definition != new.definition || old.function != new.function {
        if old.replaceable_by(new) {
            let sql = new
                .definition
                .replacen("CREATE TRIGGER ", "CREATE OR REPLACE TRIGGER ", 1);
            out.push(Statement::new(sql));
            if new.enabled != TriggerEnabled::Origin || old.enabled != new.enabled {
                out.push(enabled(new));
            }
        } else {
            drop(old, out);
            out.push(Statement::new(new.definition.clone()));
            if new.enabled != TriggerEnabled::Origin {
                out.push(enabled(new));
            }
            if new.comment.is_some() {
                out.push(comment(new, new.comment.as_deref()));
            }
            return;
        }
    } else if old.enabled != new.enabled {
        out.push(enabled(new));
    }
    if old.comment != new.comment {
        out.push(comment(new, new.comment.as_deref()));
    }
}

pub(crate) fn render(c: &Change, out: &mut Vec<Statement>) {
    match c {
        Change::CreateTrigger(t) => create(t, out),
        Change::DropTrigger(t) => drop(t, out),
        Change::AlterTrigger { old, new } => alter(old, new, out),
        Change::RenameTrigger { table, from, to } => out.push(Statement::new(format!(
            "ALTER TRIGGER {from} ON {table} RENAME TO {to}"
        ))),
        _ => unreachable!("not a trigger change: {c:?}"),
    }
}

//! Extended statistics: create (definition, target, comment), drop, alter, rename.

use aludel_schema::{Change, Statistics};

use crate::{Statement, comment};

fn target(x: &Statistics) -> Statement {
    Statement::new(format!(
        "ALTER STATISTICS {} SET STATISTICS {}",
        x.name,
        x.target.unwrap_or(-1)
    ))
}

fn create(x: &Statistics, out: &mut Vec<Statement>) {
    out.push(Statement::new(x.definition.clone()));
    if x.target.is_some() {
        out.push(target(x));
    }
    if let Some(text) = &x.comment {
        out.push(comment::on("STATISTICS", &x.name.to_string(), Some(text)));
    }
}

pub(crate) fn render(c: &Change, out: &mut Vec<Statement>) {
    match c {
        Change::CreateStatistics(x) => create(x, out),
        Change::DropStatistics(x) => {
            out.push(Statement::new(format!("DROP STATISTICS {}", x.name)))
        }
        Change::AlterStatistics { old, new } => {
            if old.target != new.target {
                out.push(target(new));
            }
            if old.comment != new.comment {
                out.push(comment::on(
                    "STATISTICS",
                    &new.name.to_string(),
                    new.comment.as_deref(),
                ));
            }
        }
        Change::RenameStatistics { from, to } => {
            crate::rename_qualified("STATISTICS", from, to, out)
        }
        _ => unreachable!("not a statistics change: {c:?}"),
    }
}

//! Views and materialized views: create (with the comment), drop, rename, and alter in place
//! (`ALTER VIEW ... RENAME COLUMN`, `CREATE OR REPLACE VIEW`, `ALTER ... SET/RESET (...)`,
//! `COMMENT`) or, where PostgreSQL cannot, drop and create.

use aludel_schema::display::{create_view, create_view_as};
use aludel_schema::{Change, View};

use crate::{Statement, comment};

fn comment(v: &View, text: Option<&str>) -> Statement {
    comment::on(v.keyword(), &v.name.to_string(), text)
}

fn create(v: &View, out: &mut Vec<Statement>) {
    out.push(Statement::new(create_view(v)));
    if let Some(text) = &v.comment {
        out.push(comment(v, Some(text)));
    }
}

fn drop(v: &View, out: &mut Vec<Statement>) {
    out.push(Statement::new(format!("DROP {} {}", v.keyword(), v.name)));
}

/// `SET (...)` for options added or changed, `RESET (...)` for options removed.
fn options(old: &View, new: &View, out: &mut Vec<Statement>) {
    let head = format!("ALTER {} {}", new.keyword(), new.name);
    let reset: Vec<&str> = old
        .options
        .keys()
        .filter(|k| !new.options.contains_key(*k))
        .map(String::as_str)
        .collect();
    if !reset.is_empty() {
        out.push(Statement::new(format!(
            "{head} RESET ({})",
            reset.join(", ")
        )));
    }
    let set: Vec<String> = new
        .options
        .iter()
        .filter(|(k, v)| old.options.get(*k) != Some(v))
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    if !set.is_empty() {
        out.push(Statement::new(format!("{head} SET ({})", set.join(", "))));
    }
}

fn alter(old: &View, new: &View, out: &mut Vec<Statement>) {
    if !old.replaceable_by(new) {
        drop(old, out);
        create(new, out);
        return;
    }
    for (from, to) in old.column_renames(new) {
        out.push(Statement::new(format!(
            "ALTER {} {} RENAME COLUMN {from} TO {to}",
            new.keyword(),
            new.name
        )));
    }
    if old.definition != new.definition || old.columns != new.columns {
        // the statement sets every option: none is left to set or reset
        out.push(Statement::new(create_view_as(new, "CREATE OR REPLACE")));
    } else {
        options(old, new, out);
    }
    if old.comment != new.comment {
        out.push(comment(new, new.comment.as_deref()));
    }
}

pub(crate) fn render(c: &Change, out: &mut Vec<Statement>) {
    match c {
        Change::CreateView(v) => create(v, out),
        Change::DropView(v) => drop(v, out),
        Change::AlterView { old, new } => alter(old, new, out),
        Change::RenameView {
            from,
            to,
            materialized,
        } => {
            let kind = if *materialized {
                "MATERIALIZED VIEW"
            } else {
                "VIEW"
            };
            crate::rename_qualified(kind, from, to, out);
        }
        _ => unreachable!("not a view change: {c:?}"),
    }
}

//! Sequences: create, drop, `ALTER SEQUENCE` (type, options, owner), rename and move, and
//! sequences that appear or disappear under an existing column.

use aludel_schema::{
    Change, ColumnType, CommentTarget, Sequence, SequenceOptions, display, integer_range,
};

use crate::{Statement, comment, rename_qualified};

pub(crate) fn render(c: &Change, out: &mut Vec<Statement>) {
    match c {
        Change::CreateSequence(s) => create(s, out),
        Change::DropSequence(s) => out.push(Statement::new(format!("DROP SEQUENCE {}", s.name))),
        Change::AlterSequence {
            name,
            old_type,
            old,
            new_type,
            new,
        } => {
            let mut parts = Vec::new();
            if old_type != new_type {
                parts.push(format!("AS {new_type}"));
            }
            parts.extend(option_delta(new_type, old, new));
            if !parts.is_empty() {
                out.push(Statement::new(format!(
                    "ALTER SEQUENCE {name} {}",
                    parts.join(" ")
                )));
            }
        }
        Change::SetSequenceOwner { name, new, .. } => {
            let owner = match new {
                Some((t, c)) => format!("{t}.{c}"),
                None => "NONE".to_owned(),
            };
            out.push(Statement::new(format!(
                "ALTER SEQUENCE {name} OWNED BY {owner}"
            )));
        }
        Change::RenameSequence { from, to } => rename_qualified("SEQUENCE", from, to, out),
        Change::SetOwnedSequence {
            table,
            column,
            old,
            new,
        } => {
            if let Some(s) = old {
                out.push(Statement::new(format!("DROP SEQUENCE {}", s.name)));
            }
            if let Some(s) = new {
                create(s, out);
                out.push(Statement::new(format!(
                    "ALTER SEQUENCE {} OWNED BY {table}.{column}",
                    s.name
                )));
            }
        }
        _ => {}
    }
}

pub(crate) fn create(s: &Sequence, out: &mut Vec<Statement>) {
    out.push(Statement::new(display::create_sequence(s)));
    if let Some(text) = &s.comment {
        out.push(comment::set(
            &CommentTarget::Sequence(s.name.clone()),
            Some(text),
        ));
    }
}

/// The option clauses that turn `old` into `new` (for `ALTER SEQUENCE` and `ALTER COLUMN ...
/// SET` of an identity), resetting to defaults explicitly.
pub(crate) fn option_delta(
    ty: &ColumnType,
    old: &SequenceOptions,
    new: &SequenceOptions,
) -> Vec<String> {
    let mut out = Vec::new();
    let inc = new.increment.unwrap_or(1);
    if old.increment != new.increment {
        out.push(format!("INCREMENT BY {inc}"));
    }
    if old.min_value != new.min_value {
        out.push(
            new.min_value
                .map_or("NO MINVALUE".to_owned(), |v| format!("MINVALUE {v}")),
        );
    }
    if old.max_value != new.max_value {
        out.push(
            new.max_value
                .map_or("NO MAXVALUE".to_owned(), |v| format!("MAXVALUE {v}")),
        );
    }
    if old.start != new.start {
        let start = new.start.unwrap_or_else(|| {
            let (type_min, type_max) = integer_range(ty);
            if inc > 0 {
                new.min_value.unwrap_or(1)
            } else {
                new.max_value.unwrap_or(-1).min(type_max).max(type_min)
            }
        });
        out.push(format!("START WITH {start}"));
    }
    if old.cache != new.cache {
        out.push(format!("CACHE {}", new.cache.unwrap_or(1)));
    }
    if old.cycle != new.cycle {
        out.push(if new.cycle { "CYCLE" } else { "NO CYCLE" }.to_owned());
    }
    out
}

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
            parts.extend(option_delta(old_type, new_type, old, new));
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

/// A sequence's options as PostgreSQL stores them (no defaults left implicit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stored {
    start: i64,
    increment: i64,
    min: i64,
    max: i64,
    cache: i64,
    cycle: bool,
}

impl Stored {
    fn of(ty: &ColumnType, o: &SequenceOptions) -> Self {
        let (type_min, type_max) = integer_range(ty);
        let increment = o.increment.unwrap_or(1);
        let min = o
            .min_value
            .unwrap_or(if increment > 0 { 1 } else { type_min });
        let max = o
            .max_value
            .unwrap_or(if increment > 0 { type_max } else { -1 });
        Stored {
            start: o.start.unwrap_or(if increment > 0 { min } else { max }),
            increment,
            min,
            max,
            cache: o.cache.unwrap_or(1),
            cycle: o.cycle,
        }
    }
}

/// The option clauses of one `ALTER SEQUENCE`: `None` leaves an option alone; a bound of
/// `Some(None)` is `NO MINVALUE` / `NO MAXVALUE`.
#[derive(Debug, Clone, Default)]
struct Clauses {
    increment: Option<i64>,
    min: Option<Option<i64>>,
    max: Option<Option<i64>>,
    start: Option<i64>,
    cache: Option<i64>,
    cycle: Option<bool>,
}

/// What PostgreSQL 15 stores after `ALTER SEQUENCE [AS new_ty] <clauses>` on a sequence of
/// `old_ty` that stores `old` (`init_params` in `sequence.c`): a bound left alone stays, unless
/// the type changes and the bound was the old type's limit (then it becomes the new type's);
/// `NO MINVALUE` / `NO MAXVALUE` is the default for the new step, or the type's limit after such
/// a reset; the start changes only with `START WITH`.
fn altered(old_ty: &ColumnType, new_ty: &ColumnType, old: Stored, c: &Clauses) -> Stored {
    let ((old_min, old_max), (type_min, type_max)) = (integer_range(old_ty), integer_range(new_ty));
    let retyped = old_ty != new_ty;
    let (reset_min, reset_max) = (retyped && old.min == old_min, retyped && old.max == old_max);
    let increment = c.increment.unwrap_or(old.increment);
    let bound = |clause: Option<Option<i64>>, reset: bool, kept: i64, default: i64, limit: i64| {
        match clause {
            Some(Some(v)) => v,
            Some(None) | None if reset => limit,
            Some(None) => default,
            None => kept,
        }
    };
    let min_default = if increment < 0 { type_min } else { 1 };
    let max_default = if increment > 0 { type_max } else { -1 };
    Stored {
        start: c.start.unwrap_or(old.start),
        increment,
        min: bound(c.min, reset_min, old.min, min_default, type_min),
        max: bound(c.max, reset_max, old.max, max_default, type_max),
        cache: c.cache.unwrap_or(old.cache),
        cycle: c.cycle.unwrap_or(old.cycle),
    }
}

/// The option clauses that turn `old` into `new` (for `ALTER SEQUENCE` and `ALTER COLUMN ...
/// SET` of an identity, whose type does not change), resetting to defaults explicitly: one for
/// each option that differs, plus those PostgreSQL would otherwise leave at a value `new` does
/// not have (a bound or start that was the default for the old step or type).
pub(crate) fn option_delta(
    old_ty: &ColumnType,
    new_ty: &ColumnType,
    old: &SequenceOptions,
    new: &SequenceOptions,
) -> Vec<String> {
    let mut c = Clauses::default();
    if old.increment != new.increment {
        c.increment = Some(new.increment.unwrap_or(1));
    }
    if old.min_value != new.min_value {
        c.min = Some(new.min_value);
    }
    if old.max_value != new.max_value {
        c.max = Some(new.max_value);
    }
    let want = Stored::of(new_ty, new);
    if old.start != new.start {
        c.start = Some(want.start);
    }
    if old.cache != new.cache {
        c.cache = Some(want.cache);
    }
    if old.cycle != new.cycle {
        c.cycle = Some(new.cycle);
    }
    let old = Stored::of(old_ty, old);
    let got = altered(old_ty, new_ty, old, &c);
    if got.min != want.min {
        let no = Clauses {
            min: Some(None),
            ..c.clone()
        };
        let by_default = altered(old_ty, new_ty, old, &no).min == want.min;
        c.min = Some((!by_default).then_some(want.min));
    }
    if got.max != want.max {
        let no = Clauses {
            max: Some(None),
            ..c.clone()
        };
        let by_default = altered(old_ty, new_ty, old, &no).max == want.max;
        c.max = Some((!by_default).then_some(want.max));
    }
    if got.start != want.start {
        c.start = Some(want.start);
    }
    let mut out = Vec::new();
    if let Some(v) = c.increment {
        out.push(format!("INCREMENT BY {v}"));
    }
    if let Some(m) = c.min {
        out.push(m.map_or("NO MINVALUE".to_owned(), |v| format!("MINVALUE {v}")));
    }
    if let Some(m) = c.max {
        out.push(m.map_or("NO MAXVALUE".to_owned(), |v| format!("MAXVALUE {v}")));
    }
    if let Some(v) = c.start {
        out.push(format!("START WITH {v}"));
    }
    if let Some(v) = c.cache {
        out.push(format!("CACHE {v}"));
    }
    if let Some(cycle) = c.cycle {
        out.push(if cycle { "CYCLE" } else { "NO CYCLE" }.to_owned());
    }
    out
}

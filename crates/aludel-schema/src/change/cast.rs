//! Type conversions: which changes of a column type PostgreSQL does in place or cannot fail,
//! and the `USING` cast otherwise.

use crate::{ColumnType, Expr, Ident};

/// Whether PostgreSQL changes `from` into `to` without rewriting the table
/// (`varchar(n)` to a longer or unlimited `varchar` or `text`, `numeric(p,s)` to wider `p`, ...).
pub fn is_binary_coercible(from: &ColumnType, to: &ColumnType) -> bool {
    use ColumnType::*;
    match (from, to) {
        (Varchar { length: a }, Varchar { length: b }) => match (a, b) {
            (_, None) => true,
            (Some(a), Some(b)) => b >= a,
            (None, Some(_)) => false,
        },
        (Varchar { .. }, Text) | (Text, Varchar { length: None }) => true,
        (
            Numeric {
                precision: Some(p1),
                scale: s1,
            },
            Numeric {
                precision: p2,
                scale: s2,
            },
        ) => match p2 {
            None => true,
            Some(p2) => p2 >= p1 && s1 == s2,
        },
        (
            Timestamp {
                with_time_zone: a, ..
            },
            Timestamp {
                precision: None,
                with_time_zone: b,
            },
        ) => a == b,
        (Array { element: a }, Array { element: b }) => is_binary_coercible(a, b),
        _ => from == to,
    }
}

/// Whether every value of `from` fits `to`, so that the conversion cannot fail.
pub fn is_widening(from: &ColumnType, to: &ColumnType) -> bool {
    use ColumnType::*;
    if is_binary_coercible(from, to) {
        return true;
    }
    match (from, to) {
        (
            SmallInt,
            Integer
            | BigInt
            | Numeric {
                precision: None, ..
            },
        ) => true,
        (
            Integer,
            BigInt
            | Numeric {
                precision: None, ..
            },
        ) => true,
        (
            BigInt,
            Numeric {
                precision: None, ..
            },
        ) => true,
        (Real, DoublePrecision) => true,
        (Char { .. } | Varchar { .. } | Uuid | Enum { .. } | Json | Jsonb, Text) => true,
        (Json, Jsonb) | (Jsonb, Json) => true,
        (Timestamp { .. }, Timestamp { .. }) | (Time { .. }, Time { .. }) => true,
        (Char { length: a }, Varchar { length: b }) => match (a, b) {
            (_, None) => true,
            (Some(a), Some(b)) => b >= a,
            (None, Some(_)) => false,
        },
        _ => false,
    }
}

/// The `USING` expression that converts `column` from `from` to `to`: `None` when PostgreSQL
/// converts implicitly, `col::text::to` for enums, `col::to` otherwise.
pub fn cast_using(column: &Ident, from: &ColumnType, to: &ColumnType) -> Option<Expr> {
    if from == to || is_widening(from, to) {
        return None;
    }
    let via_text = |t: &ColumnType| matches!(t, ColumnType::Enum { .. });
    match (from, to) {
        (ColumnType::Array { element: a }, ColumnType::Array { element: b })
            if via_text(a) || via_text(b) =>
        {
            Some(Expr::new(format!("{column}::text[]::{to}")))
        }
        _ if via_text(from) || via_text(to) => Some(Expr::new(format!("{column}::text::{to}"))),
        _ => Some(Expr::new(format!("{column}::{to}"))),
    }
}

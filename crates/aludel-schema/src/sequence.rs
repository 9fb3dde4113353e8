//! Sequences and the options they share with identity columns.

use serde::{Deserialize, Serialize};

use crate::{ColumnType, Ident, QualifiedName};

/// Sequence options, each `None` when it has PostgreSQL's default value for the sequence's
/// type and direction, so equal sequences compare equal however they were declared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SequenceOptions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub increment: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_value: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_value: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache: Option<i64>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cycle: bool,
}

impl SequenceOptions {
    pub fn is_default(&self) -> bool {
        *self == SequenceOptions::default()
    }

    /// Builds normalised options from the values the catalog reports for a sequence of `ty`.
    pub fn from_catalog(
        ty: &ColumnType,
        start: i64,
        increment: i64,
        min: i64,
        max: i64,
        cache: i64,
        cycle: bool,
    ) -> Self {
        let (type_min, type_max) = integer_range(ty);
        let (default_min, default_max) = if increment > 0 {
            (1, type_max)
        } else {
            (type_min, -1)
        };
        let min_value = (min != default_min).then_some(min);
        let max_value = (max != default_max).then_some(max);
        let default_start = if increment > 0 { min } else { max };
        SequenceOptions {
            start: (start != default_start).then_some(start),
            increment: (increment != 1).then_some(increment),
            min_value,
            max_value,
            cache: (cache != 1).then_some(cache),
            cycle,
        }
    }

    /// The option clauses as SQL (`START WITH 10 INCREMENT BY 2 ...`), empty for defaults.
    pub fn clauses(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(v) = self.increment {
            out.push(format!("INCREMENT BY {v}"));
        }
        if let Some(v) = self.min_value {
            out.push(format!("MINVALUE {v}"));
        }
        if let Some(v) = self.max_value {
            out.push(format!("MAXVALUE {v}"));
        }
        if let Some(v) = self.start {
            out.push(format!("START WITH {v}"));
        }
        if let Some(v) = self.cache {
            out.push(format!("CACHE {v}"));
        }
        if self.cycle {
            out.push("CYCLE".to_owned());
        }
        out
    }
}

/// The range of an integer type, as sequences use it.
pub fn integer_range(ty: &ColumnType) -> (i64, i64) {
    match ty {
        ColumnType::SmallInt => (i16::MIN as i64, i16::MAX as i64),
        ColumnType::Integer => (i32::MIN as i64, i32::MAX as i64),
        _ => (i64::MIN, i64::MAX),
    }
}

/// A sequence: standalone (in `Schema::sequences`) or owned by a column (`Column::owned_sequence`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sequence {
    pub name: QualifiedName,
    /// `smallint`, `integer` or `bigint`.
    pub data_type: ColumnType,
    #[serde(default, skip_serializing_if = "SequenceOptions::is_default")]
    pub options: SequenceOptions,
    /// `OWNED BY table.column` for a standalone sequence tied to a column of another kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owned_by: Option<(QualifiedName, Ident)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<QualifiedName>,
}

impl Sequence {
    pub fn new(name: QualifiedName, data_type: ColumnType) -> Self {
        Sequence {
            name,
            data_type,
            options: SequenceOptions::default(),
            owned_by: None,
            comment: None,
            renamed_from: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_normalise_to_none() {
        let o = SequenceOptions::from_catalog(&ColumnType::BigInt, 1, 1, 1, i64::MAX, 1, false);
        assert!(o.is_default());
        let o =
            SequenceOptions::from_catalog(&ColumnType::Integer, 1, 1, 1, i32::MAX as i64, 1, false);
        assert!(o.is_default());
        let o = SequenceOptions::from_catalog(
            &ColumnType::Integer,
            -1,
            -1,
            i32::MIN as i64,
            -1,
            1,
            false,
        );
        assert_eq!(o.increment, Some(-1));
        assert_eq!((o.start, o.min_value, o.max_value), (None, None, None));
        let o = SequenceOptions::from_catalog(&ColumnType::BigInt, 100, 5, 10, 1000, 20, true);
        assert_eq!(
            o.clauses().join(" "),
            "INCREMENT BY 5 MINVALUE 10 MAXVALUE 1000 START WITH 100 CACHE 20 CYCLE"
        );
    }
}

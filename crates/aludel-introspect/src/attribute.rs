//! Column names by table oid and attribute number, for the catalog columns that hold attribute
//! numbers (constraint keys): taken from the columns query, plus one query for tables outside
//! the managed schemas that foreign keys reference.

use std::collections::{BTreeSet, HashMap};

use aludel_schema::Ident;
use sqlx::Row;
use sqlx::postgres::PgRow;

use crate::column::ColumnRow;

pub(crate) const QUERY: &str = include_str!("queries/attribute.sql");

/// `(table oid, attnum) -> name`.
#[derive(Default)]
pub(crate) struct AttNames {
    names: HashMap<(i64, i32), String>,
    tables: BTreeSet<i64>,
}

pub(crate) struct AttRow {
    table_oid: i64,
    num: i32,
    name: String,
}

pub(crate) fn decode(r: &PgRow) -> Result<AttRow, sqlx::Error> {
    Ok(AttRow {
        table_oid: r.try_get("table_oid")?,
        num: r.try_get("num")?,
        name: r.try_get("name")?,
    })
}

impl AttNames {
    pub(crate) fn from_columns(rows: &[ColumnRow]) -> AttNames {
        let mut n = AttNames::default();
        for r in rows {
            n.tables.insert(r.table_oid);
            n.names.insert((r.table_oid, r.num), r.name.clone());
        }
        n
    }

    /// Tables among `oids` whose columns are not known yet.
    pub(crate) fn missing(&self, oids: impl IntoIterator<Item = i64>) -> Vec<i64> {
        let set: BTreeSet<i64> = oids
            .into_iter()
            .filter(|o| *o != 0 && !self.tables.contains(o))
            .collect();
        set.into_iter().collect()
    }

    pub(crate) fn add(&mut self, rows: Vec<AttRow>) {
        for r in rows {
            self.tables.insert(r.table_oid);
            self.names.insert((r.table_oid, r.num), r.name);
        }
    }

    /// The names of `nums` in `table` (system columns and unknown numbers are skipped).
    pub(crate) fn of(&self, table: i64, nums: &[i16]) -> Vec<Ident> {
        nums.iter()
            .filter_map(|n| self.names.get(&(table, i32::from(*n))))
            .map(|s| Ident::new(s.as_str()))
            .collect()
    }
}

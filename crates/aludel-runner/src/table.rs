//! The version table: its name, its definition, and the statements that read and change it.
//! The statements that change it are plain SQL text (no bind parameters) so that `--sql` prints
//! exactly what [`crate::execute`] sends.

use std::fmt;

use aludel_migrations::{Checksum, RevisionId};
use aludel_sql::{force_quote_ident as quote_ident, quote_literal};

/// Where the version table lives; `public.aludel_migrations` by default.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VersionTable {
    pub schema: String,
    pub name: String,
}

/// A version table name that is neither `name` nor `schema.name`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid version table `{0}`")]
pub struct InvalidVersionTable(pub String);

impl InvalidVersionTable {
    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        "write `name` or `schema.name`, e.g. `ops.aludel_migrations`"
    }
}

/// `name` (in `public`) or `schema.name`, as `--version-table` and `aludel.toml` write it.
impl std::str::FromStr for VersionTable {
    type Err = InvalidVersionTable;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (schema, name) = text.split_once('.').unwrap_or(("public", text));
        if schema.is_empty() || name.is_empty() || name.contains('.') {
            return Err(InvalidVersionTable(text.to_owned()));
        }
        Ok(VersionTable {
            schema: schema.to_owned(),
            name: name.to_owned(),
        })
    }
}

impl Default for VersionTable {
    fn default() -> Self {
        VersionTable {
            schema: "public".to_owned(),
            name: "aludel_migrations".to_owned(),
        }
    }
}

impl fmt::Display for VersionTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.schema, self.name)
    }
}

/// Which section of a migration runs: `upgrade` or `downgrade`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Upgrade,
    Downgrade,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Upgrade => "upgrade",
            Direction::Downgrade => "downgrade",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Direction> {
        match s {
            "upgrade" => Some(Direction::Upgrade),
            "downgrade" => Some(Direction::Downgrade),
            _ => None,
        }
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The milliseconds since `since` (an SQL timestamp expression), on the server's clock.
fn elapsed_ms(since: &str) -> String {
    format!("(extract(epoch FROM clock_timestamp() - {since}) * 1000)::bigint")
}

impl VersionTable {
    /// `"schema"."name"`.
    pub fn qualified(&self) -> String {
        format!("{}.{}", quote_ident(&self.schema), quote_ident(&self.name))
    }

    /// The key of the session advisory lock that serialises runs on this table: a 64-bit FNV-1a
    /// hash of `aludel:<schema>.<name>`, kept non-negative.
    pub fn lock_key(&self) -> i64 {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in format!("aludel:{}.{}", self.schema, self.name).bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        i64::try_from(hash & 0x3fff_ffff_ffff_ffff).unwrap_or(0)
    }

    /// `CREATE SCHEMA` (unless the schema is `public`) and `CREATE TABLE`, both `IF NOT EXISTS`.
    pub fn create_sql(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.schema != "public" {
            out.push(format!(
                "CREATE SCHEMA IF NOT EXISTS {}",
                quote_ident(&self.schema)
            ));
        }
        out.push(format!(
            "CREATE TABLE IF NOT EXISTS {} (\n    \
             revision text PRIMARY KEY,\n    \
             parents text[] NOT NULL,\n    \
             checksum text NOT NULL,\n    \
             applied_at timestamptz NOT NULL,\n    \
             execution_ms bigint NOT NULL,\n    \
             success boolean NOT NULL,\n    \
             direction text NOT NULL,\n    \
             failed_line integer,\n    \
             failed_statement text,\n    \
             failed_error text,\n    \
             seq bigint GENERATED ALWAYS AS IDENTITY\n)",
            self.qualified()
        ));
        out
    }

    /// The rows, in the order they were applied.
    pub(crate) fn select_sql(&self) -> String {
        format!(
            "SELECT revision, parents, checksum, success, direction, failed_line, \
             failed_statement, failed_error FROM {} ORDER BY seq",
            self.qualified()
        )
    }

    /// A row for `revision`; `execution_ms` is measured from the start of the enclosing
    /// transaction when `success`, and is 0 for a row inserted before the migration runs.
    pub(crate) fn insert_sql(
        &self,
        revision: &RevisionId,
        parents: &[RevisionId],
        checksum: &Checksum,
        success: bool,
    ) -> String {
        let parents = parents
            .iter()
            .map(|p| quote_literal(p.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        let (applied_at, ms) = if success {
            ("now()".to_owned(), elapsed_ms("now()"))
        } else {
            ("clock_timestamp()".to_owned(), "0".to_owned())
        };
        format!(
            "INSERT INTO {} (revision, parents, checksum, applied_at, execution_ms, success, direction) \
             VALUES ({}, ARRAY[{parents}]::text[], {}, {applied_at}, {ms}, {success}, 'upgrade')",
            self.qualified(),
            quote_literal(revision.as_str()),
            quote_literal(checksum.as_str()),
        )
    }

    /// Marks a row successful, its execution time measured from `applied_at`.
    pub(crate) fn finish_sql(&self, revision: &RevisionId) -> String {
        format!(
            "UPDATE {} SET success = true, execution_ms = {} WHERE revision = {}",
            self.qualified(),
            elapsed_ms("applied_at"),
            quote_literal(revision.as_str())
        )
    }

    /// Marks a row unsuccessful while a non-transactional downgrade runs.
    pub(crate) fn start_downgrade_sql(&self, revision: &RevisionId) -> String {
        format!(
            "UPDATE {} SET success = false, direction = 'downgrade' WHERE revision = {}",
            self.qualified(),
            quote_literal(revision.as_str())
        )
    }

    pub(crate) fn delete_sql(&self, revisions: &[&RevisionId]) -> String {
        let list = revisions
            .iter()
            .map(|r| quote_literal(r.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        format!(
            "DELETE FROM {} WHERE revision IN ({list})",
            self.qualified()
        )
    }

    pub(crate) fn purge_sql(&self) -> String {
        format!("DELETE FROM {}", self.qualified())
    }

    pub(crate) fn rehash_sql(
        &self,
        revision: &RevisionId,
        parents: &[RevisionId],
        checksum: &Checksum,
    ) -> String {
        let parents = parents
            .iter()
            .map(|p| quote_literal(p.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        format!(
            "UPDATE {} SET checksum = {}, parents = ARRAY[{parents}]::text[] WHERE revision = {}",
            self.qualified(),
            quote_literal(checksum.as_str()),
            quote_literal(revision.as_str())
        )
    }

    /// Records that a dirty migration's effects are in place.
    pub(crate) fn repair_applied_sql(&self, revision: &RevisionId) -> String {
        format!(
            "UPDATE {} SET success = true, direction = 'upgrade', failed_line = NULL, \
             failed_statement = NULL, failed_error = NULL WHERE revision = {}",
            self.qualified(),
            quote_literal(revision.as_str())
        )
    }

    /// Records where a non-transactional migration failed (sent with bind parameters, never
    /// rendered: failures are not planned).
    pub(crate) fn record_failure_sql(&self) -> String {
        format!(
            "UPDATE {} SET failed_line = $1, failed_statement = $2, failed_error = $3 \
             WHERE revision = $4",
            self.qualified()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::VersionTable;

    #[test]
    fn version_table_names() {
        let t: VersionTable = "ops.versions".parse().unwrap();
        assert_eq!((t.schema.as_str(), t.name.as_str()), ("ops", "versions"));
        let t: VersionTable = "versions".parse().unwrap();
        assert_eq!((t.schema.as_str(), t.name.as_str()), ("public", "versions"));
        for bad in ["a.b.c", ".x", "x.", ""] {
            let e = bad.parse::<VersionTable>().unwrap_err();
            assert_eq!(e.to_string(), format!("invalid version table `{bad}`"));
        }
    }
}

//! The header vocabulary of a migration file: the `-- aludel: <name> <value>` directive line,
//! the transaction modes, the hazard lines and the two sections.

use std::fmt;

use aludel_sql::Hazard;

/// How the runner wraps a migration's statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TransactionMode {
    /// `per-migration`: all statements and the version row in one transaction.
    #[default]
    PerMigration,
    /// `none`: each statement committed on its own (for `CREATE INDEX CONCURRENTLY`, an enum
    /// value a later statement uses, an online `VALIDATE`).
    None,
}

impl TransactionMode {
    pub fn as_str(self) -> &'static str {
        match self {
            TransactionMode::PerMigration => "per-migration",
            TransactionMode::None => "none",
        }
    }

    pub(super) fn parse(value: &str) -> Option<TransactionMode> {
        match value {
            "per-migration" => Some(TransactionMode::PerMigration),
            "none" => Some(TransactionMode::None),
            _ => None,
        }
    }
}

impl fmt::Display for TransactionMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A `-- aludel: hazard <code> <object>` line: a dangerous statement of the migration and the
/// object it touches (such as `public.agents.legacy_flag`; may be empty).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HazardLine {
    pub(super) hazard: Hazard,
    pub(super) object: String,
}

impl HazardLine {
    /// The object is kept on one line (line breaks become spaces) and trimmed.
    pub fn new(hazard: Hazard, object: &str) -> HazardLine {
        HazardLine {
            hazard,
            object: one_line(object),
        }
    }

    pub fn hazard(&self) -> Hazard {
        self.hazard
    }

    pub fn object(&self) -> &str {
        &self.object
    }
}

/// `Some((name, value))` when `line` is an `-- aludel: <name> <value>` directive.
pub(super) fn directive(line: &str) -> Option<(&str, &str)> {
    let rest = line
        .trim_start()
        .strip_prefix("--")?
        .trim_start()
        .strip_prefix("aludel:")?;
    Some(split_word(rest))
}

/// The first word of `text` and the rest, both trimmed.
pub(super) fn split_word(text: &str) -> (&str, &str) {
    let text = text.trim();
    match text.split_once(char::is_whitespace) {
        Some((word, rest)) => (word, rest.trim()),
        None => (text, ""),
    }
}

/// `text` with line breaks turned into spaces, trimmed.
pub(super) fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ").trim().to_owned()
}

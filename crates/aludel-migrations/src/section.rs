//! The two sections of a migration file, `upgrade` and `downgrade` (named by errors and files
//! alike, so it sits below both).

use std::fmt;

/// One of the two sections of a migration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Upgrade,
    Downgrade,
}

impl Section {
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Upgrade => "upgrade",
            Section::Downgrade => "downgrade",
        }
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

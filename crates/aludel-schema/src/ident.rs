//! Identifiers: `Ident` (one SQL name) and `QualifiedName` (schema + name), with PostgreSQL quoting
//! (`aludel_sql::quote`).

use std::fmt;

use serde::{Deserialize, Serialize};

/// One SQL identifier, stored exactly as PostgreSQL stores it (case preserved, unquoted).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Ident(String);

impl Ident {
    pub fn new(name: impl Into<String>) -> Self {
        Ident(name.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the name must be written in double quotes to survive the SQL parser.
    pub fn needs_quotes(&self) -> bool {
        aludel_sql::needs_quotes(&self.0)
    }
}

impl From<&str> for Ident {
    fn from(s: &str) -> Self {
        Ident(s.to_owned())
    }
}

impl From<String> for Ident {
    fn from(s: String) -> Self {
        Ident(s)
    }
}

/// Writes the identifier as SQL: bare when that is unambiguous, double-quoted otherwise.
impl fmt::Display for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&aludel_sql::quote_ident(&self.0))
    }
}

/// A schema-qualified object name, such as `public.users`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct QualifiedName {
    pub schema: Ident,
    pub name: Ident,
}

impl QualifiedName {
    pub fn new(schema: impl Into<Ident>, name: impl Into<Ident>) -> Self {
        QualifiedName {
            schema: schema.into(),
            name: name.into(),
        }
    }
}

impl fmt::Display for QualifiedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.schema, self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_quotes_through_aludel_sql() {
        // the quoting rules themselves are tested in aludel-sql
        for raw in ["users", "Users", "user", "a\"b"] {
            assert_eq!(Ident::new(raw).to_string(), aludel_sql::quote_ident(raw));
        }
        let q = QualifiedName::new("My", "user");
        assert_eq!(q.to_string(), "\"My\".\"user\"");
    }
}

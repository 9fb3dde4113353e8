//! Quoting: identifiers written bare when PostgreSQL 15 reads them back unchanged (as its
//! `quote_ident()` does), double-quoted otherwise; string literals with quotes doubled.

use std::borrow::Cow;

/// Whether `name` must be written in double quotes to survive the SQL parser: it is empty, holds
/// anything but lower-case ASCII letters, digits, `_` and `$` (or starts with a digit or `$`), or
/// is a keyword that is not unreserved.
pub fn needs_quotes(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return true;
    };
    if !(first.is_ascii_lowercase() || first == '_') {
        return true;
    }
    if !chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '$') {
        return true;
    }
    KEYWORDS.binary_search(&name).is_ok()
}

/// `name` as SQL: bare when that is unambiguous, double-quoted (inner quotes doubled) otherwise.
pub fn quote_ident(name: &str) -> Cow<'_, str> {
    if needs_quotes(name) {
        Cow::Owned(force_quote_ident(name))
    } else {
        Cow::Borrowed(name)
    }
}

/// `"name"`, always double-quoted, inner quotes doubled.
pub fn force_quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `s` as a SQL string literal: single quotes doubled (`standard_conforming_strings` is on, the
/// default since PostgreSQL 9.1, so a backslash needs nothing).
pub fn quote_literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// PostgreSQL 15 keywords that are not `UNRESERVED_KEYWORD`
/// (`SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'`): these must be quoted as names.
const KEYWORDS: &[&str] = &[
    "all",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "authorization",
    "between",
    "bigint",
    "binary",
    "bit",
    "boolean",
    "both",
    "case",
    "cast",
    "char",
    "character",
    "check",
    "coalesce",
    "collate",
    "collation",
    "column",
    "concurrently",
    "constraint",
    "create",
    "cross",
    "current_catalog",
    "current_date",
    "current_role",
    "current_schema",
    "current_time",
    "current_timestamp",
    "current_user",
    "dec",
    "decimal",
    "default",
    "deferrable",
    "desc",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "exists",
    "extract",
    "false",
    "fetch",
    "float",
    "for",
    "foreign",
    "freeze",
    "from",
    "full",
    "grant",
    "greatest",
    "group",
    "grouping",
    "having",
    "ilike",
    "in",
    "initially",
    "inner",
    "inout",
    "int",
    "integer",
    "intersect",
    "interval",
    "into",
    "is",
    "isnull",
    "join",
    "lateral",
    "leading",
    "least",
    "left",
    "like",
    "limit",
    "localtime",
    "localtimestamp",
    "national",
    "natural",
    "nchar",
    "none",
    "normalize",
    "not",
    "notnull",
    "null",
    "nullif",
    "numeric",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "out",
    "outer",
    "overlaps",
    "overlay",
    "placing",
    "position",
    "precision",
    "primary",
    "real",
    "references",
    "returning",
    "right",
    "row",
    "select",
    "session_user",
    "setof",
    "similar",
    "smallint",
    "some",
    "substring",
    "symmetric",
    "table",
    "tablesample",
    "then",
    "time",
    "timestamp",
    "to",
    "trailing",
    "treat",
    "trim",
    "true",
    "union",
    "unique",
    "user",
    "using",
    "values",
    "varchar",
    "variadic",
    "verbose",
    "when",
    "where",
    "window",
    "with",
    "xmlattributes",
    "xmlconcat",
    "xmlelement",
    "xmlexists",
    "xmlforest",
    "xmlnamespaces",
    "xmlparse",
    "xmlpi",
    "xmlroot",
    "xmlserialize",
    "xmltable",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_sorted_for_binary_search() {
        assert!(KEYWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn quoting() {
        let cases = [
            ("users", "users"),
            ("Users", "\"Users\""),
            ("user", "\"user\""),
            ("my table", "\"my table\""),
            ("a\"b", "\"a\"\"b\""),
            ("_x1$", "_x1$"),
            ("1abc", "\"1abc\""),
            ("", "\"\""),
            ("name", "name"),
        ];
        for (raw, sql) in cases {
            assert_eq!(quote_ident(raw), sql, "{raw}");
        }
        assert_eq!(force_quote_ident("users"), "\"users\"");
        assert_eq!(force_quote_ident("a\"b"), "\"a\"\"b\"");
        assert_eq!(quote_literal("it's"), "'it''s'");
    }
}

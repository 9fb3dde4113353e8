//! PostgreSQL's default object names, computed at compile time so that duplicate names are
//! compile errors, plus the numbering PostgreSQL adds when a default name is taken
//! (`t_check`, `t_check1`). The truncation rules are `aludel_sql::naming`, and check
//! expressions are read with `aludel_sql::lex`.

use std::collections::BTreeSet;

use aludel_sql::lex::{self, Token};
pub use aludel_sql::naming::MAX_IDENT_BYTES;
use aludel_sql::naming::make_object_name;

/// The names given so far in one table, so that default names avoid them as PostgreSQL's
/// `ChooseConstraintName` / `ChooseRelationName` do.
#[derive(Default)]
pub struct Names {
    used: BTreeSet<String>,
}

impl Names {
    /// Records an explicit name; returns false if it was already taken.
    pub fn claim(&mut self, name: &str) -> bool {
        self.used.insert(name.to_owned())
    }

    /// `<table>_<columns>_<label>`, numbered (`label1`, `label2`, ...) when taken.
    pub fn choose(&mut self, table: &str, columns: &[&str], label: &str) -> String {
        let joined = columns.join("_");
        let name2 = (!joined.is_empty()).then_some(joined.as_str());
        let mut pass = 0;
        loop {
            let l = if pass == 0 {
                label.to_owned()
            } else {
                format!("{label}{pass}")
            };
            let name = make_object_name(table, name2, Some(&l));
            if self.used.insert(name.clone()) {
                return name;
            }
            pass += 1;
        }
    }
}

/// The column a check expression names, when it names exactly one of `columns`: PostgreSQL
/// calls such a check `<table>_<column>_check` and any other `<table>_check`, whether it was
/// written on a column or on the table (it looks at the expression's variables, not at where
/// the constraint was written). Skips string literals, function names (`lower(`), type names
/// after `::` and qualifiers before `.`; unquoted names fold to lower case.
pub fn check_column<'a>(
    expr: &str,
    columns: impl IntoIterator<Item = &'a String>,
) -> Option<&'a str> {
    let columns: Vec<&'a String> = columns.into_iter().collect();
    let toks: Vec<Token<'_>> = lex::significant(expr).collect();
    let mut found: BTreeSet<&'a str> = BTreeSet::new();
    for (i, t) in toks.iter().enumerate() {
        let Some(name) = t.ident() else {
            continue;
        };
        let is_type = i > 0 && toks[i - 1].is("::");
        let is_call_or_qualifier = toks.get(i + 1).is_some_and(|n| n.is("(") || n.is("."));
        if !is_type
            && !is_call_or_qualifier
            && let Some(col) = columns.iter().find(|c| ***c == name)
        {
            found.insert(col.as_str());
        }
    }
    match found.len() {
        1 => found.pop_first(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_names() {
        let mut n = Names::default();
        assert_eq!(n.choose("users", &[], "pkey"), "users_pkey");
        assert_eq!(
            n.choose("users", &["account_id"], "fkey"),
            "users_account_id_fkey"
        );
        assert_eq!(n.choose("users", &[], "check"), "users_check");
        assert_eq!(n.choose("users", &[], "check"), "users_check1");
        let long = "a".repeat(60);
        let name = n.choose(&long, &["column_name"], "fkey");
        assert_eq!(name.len(), 63);
        assert!(name.ends_with("_column_name_fkey"));
    }

    #[test]
    fn the_one_column_of_a_check() {
        let cols: Vec<String> = ["lo", "hi", "Mixed", "text"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let one = |e: &str| check_column(e, &cols);
        assert_eq!(one("lo >= 0"), Some("lo"));
        assert_eq!(one("LO >= 0 AND lo < 10"), Some("lo"));
        assert_eq!(one("lo <= hi"), None);
        assert_eq!(one("true"), None);
        assert_eq!(one("lower(hi::text) <> 'lo''s'"), Some("hi"));
        assert_eq!(one(r#""Mixed" > 0"#), Some("Mixed"));
        assert_eq!(one("mixed > 0"), None);
        assert_eq!(one("pg_catalog.length(text) > 2"), Some("text"));
        assert_eq!(one("hi :: text <> ''"), Some("hi"));
        // comments and escape strings are not names
        assert_eq!(one("lo > 0 /* hi */ -- hi"), Some("lo"));
        assert_eq!(one("lo <> E'\\' hi'"), Some("lo"));
    }
}

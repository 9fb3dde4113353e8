//! PostgreSQL's default object names, computed at compile time so that duplicate names are
//! compile errors. Mirrors `aludel_schema::naming` (this crate depends on syn and quote only),
//! plus the numbering PostgreSQL adds when a default name is taken (`t_check`, `t_check1`).

use std::collections::BTreeSet;

/// Longest identifier PostgreSQL keeps, in bytes (`NAMEDATALEN - 1`).
pub const MAX_IDENT_BYTES: usize = 63;

/// `makeObjectName`: shortens the longer of `name1` and `name2` until `name1_name2_label` fits.
pub fn make_object_name(name1: &str, name2: Option<&str>, label: &str) -> String {
    let mut overhead = label.len() + 1;
    if name2.is_some() {
        overhead += 1;
    }
    let avail = MAX_IDENT_BYTES.saturating_sub(overhead);
    let mut n1 = name1.len();
    let mut n2 = name2.map_or(0, str::len);
    while n1 + n2 > avail {
        if n1 > n2 {
            n1 -= 1;
        } else {
            n2 -= 1;
        }
    }
    let mut out = clip(name1, n1).to_owned();
    if let Some(n) = name2 {
        out.push('_');
        out.push_str(clip(n, n2));
    }
    out.push('_');
    out.push_str(label);
    out
}

fn clip(s: &str, len: usize) -> &str {
    let mut end = len.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

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
            let name = make_object_name(table, name2, &l);
            if self.used.insert(name.clone()) {
                return name;
            }
            pass += 1;
        }
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
}

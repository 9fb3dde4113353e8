//! PostgreSQL's default object names, computed at compile time so that duplicate names are
//! compile errors, plus the numbering PostgreSQL adds when a default name is taken
//! (`t_check`, `t_check1`). The truncation rules are `aludel_schema::naming` itself, compiled
//! into this crate from the same source file (this crate depends on syn and quote only).

use std::collections::BTreeSet;

#[path = "../../aludel-schema/src/naming.rs"]
#[allow(dead_code)]
mod naming;

pub use naming::MAX_IDENT_BYTES;
use naming::make_object_name;

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

//! PostgreSQL's default object names (`<table>_pkey`, `<table>_<col>_fkey`, ...), truncated as
//! PostgreSQL truncates them to fit `NAMEDATALEN`.

/// Longest identifier PostgreSQL keeps, in bytes (`NAMEDATALEN - 1`).
pub const MAX_IDENT_BYTES: usize = 63;

/// The name PostgreSQL chooses for `name1`, the `_`-joined `name2` parts and `label`,
/// as `makeObjectName` does: the longer of the two names is shortened until the whole fits.
pub fn make_object_name(name1: &str, name2: Option<&str>, label: Option<&str>) -> String {
    let mut overhead = 0;
    if name2.is_some() {
        overhead += 1;
    }
    if let Some(l) = label {
        overhead += l.len() + 1;
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
    let mut out = String::new();
    out.push_str(clip(name1, n1));
    if let Some(n) = name2 {
        out.push('_');
        out.push_str(clip(n, n2));
    }
    if let Some(l) = label {
        out.push('_');
        out.push_str(l);
    }
    out
}

/// Cuts `s` to at most `len` bytes without splitting a character.
fn clip(s: &str, len: usize) -> &str {
    let mut end = len.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `<table>_pkey`.
pub fn primary_key(table: &str) -> String {
    make_object_name(table, None, Some("pkey"))
}

/// `<table>_<col>_<col>_<label>` for constraints and indexes on columns
/// (`fkey`, `key`, `check`, `idx`, `excl`); PostgreSQL joins the column names with `_`.
pub fn on_columns(table: &str, columns: &[&str], label: &str) -> String {
    let joined = columns.join("_");
    let cols = if joined.is_empty() {
        None
    } else {
        Some(joined.as_str())
    };
    make_object_name(table, cols, Some(label))
}

/// `<table>_<column>_seq`, the sequence of an identity or serial column.
pub fn sequence(table: &str, column: &str) -> String {
    make_object_name(table, Some(column), Some("seq"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_names() {
        assert_eq!(primary_key("users"), "users_pkey");
        assert_eq!(
            on_columns("users", &["account_id"], "fkey"),
            "users_account_id_fkey"
        );
        assert_eq!(on_columns("t", &["a", "b"], "key"), "t_a_b_key");
        assert_eq!(sequence("users", "id"), "users_id_seq");
        let long = "a".repeat(60);
        let name = on_columns(&long, &["column_name"], "fkey");
        assert_eq!(name.len(), 63);
        assert!(name.ends_with("_column_name_fkey"));
    }
}

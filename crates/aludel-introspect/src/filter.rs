//! Which tables are managed: `schema.table` glob patterns (`*`, `?`) and the version table.

use std::str::FromStr;

use aludel_schema::QualifiedName;

use crate::Options;

/// A glob over `schema.table` (`public.*`, `*.audit_?`); a pattern without a dot matches the
/// table name in any schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern(String);

impl FromStr for Pattern {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Pattern(s.to_owned()))
    }
}

impl Pattern {
    pub fn matches(&self, name: &QualifiedName) -> bool {
        if self.0.contains('.') {
            glob(
                &self.0,
                &format!("{}.{}", name.schema.as_str(), name.name.as_str()),
            )
        } else {
            glob(&self.0, name.name.as_str())
        }
    }
}

pub(crate) fn keep_table(name: &QualifiedName, opts: &Options) -> bool {
    if opts.version_table.as_ref() == Some(name) {
        return false;
    }
    if !opts.include.is_empty() && !opts.include.iter().any(|p| p.matches(name)) {
        return false;
    }
    !opts.exclude.iter().any(|p| p.matches(name))
}

fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        let t = QualifiedName::new("public", "audit_log");
        for (p, m) in [
            ("public.*", true),
            ("*.audit_*", true),
            ("audit_?og", true),
            ("audit", false),
            ("app.*", false),
            ("*", true),
        ] {
            assert_eq!(p.parse::<Pattern>().unwrap().matches(&t), m, "{p}");
        }
        let opts = Options::default();
        assert!(!keep_table(
            &QualifiedName::new("public", "aludel_migrations"),
            &opts
        ));
        assert!(keep_table(&t, &opts));
    }
}

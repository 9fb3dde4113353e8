//! The second oracle: `pg_dump --schema-only` of a database, normalised so that two databases
//! with the same schema print the same text whatever aludel's introspection thinks of them.
//! Normalising drops only what is not schema (comments, `SET` lines, `set_config` calls, the
//! `\restrict` / `\unrestrict` guard lines and blank lines) and what is physical rather than
//! semantic: the order of a table's columns (see [`normalise`]).

use std::sync::OnceLock;

/// The key `pg_dump --restrict-key` writes into its `\restrict` guard lines, when this
/// `pg_dump` has the option (15.14 and later); without it the key is random on every run, and
/// [`normalise`] drops those lines either way.
const RESTRICT_KEY: &str = "aludeltests";

/// `pg_dump --schema-only` of the database at `url`, as printed.
pub async fn raw(url: &str) -> Result<String, String> {
    let bin = aludel_pg::find_bin("pg_dump");
    let mut cmd = tokio::process::Command::new(&bin);
    cmd.args(["--schema-only", "--no-password"]);
    if restrict_key_supported() {
        cmd.arg(format!("--restrict-key={RESTRICT_KEY}"));
    }
    let out = cmd
        .arg(format!("--dbname={url}"))
        .kill_on_drop(true)
        .output()
        .await
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    if !out.status.success() {
        return Err(format!(
            "pg_dump failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("pg_dump printed non-UTF-8: {e}"))
}

/// The normalised schema dump of the database at `url`.
pub async fn dump(url: &str) -> Result<String, String> {
    raw(url).await.map(|s| normalise(&s))
}

fn restrict_key_supported() -> bool {
    static SUPPORTED: OnceLock<bool> = OnceLock::new();
    *SUPPORTED.get_or_init(|| {
        std::process::Command::new(aludel_pg::find_bin("pg_dump"))
            .arg("--help")
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("--restrict-key"))
    })
}

/// Whether a line of the dump is not schema: a `--` comment, a `SET` of pg_dump's session, the
/// `set_config('search_path', …)` call, a psql `\restrict`/`\unrestrict` guard, or blank.
fn is_noise(line: &str) -> bool {
    line.trim().is_empty()
        || line.starts_with("--")
        || line.starts_with("SET ")
        || line.starts_with("SELECT pg_catalog.set_config(")
        || line.starts_with("\\restrict")
        || line.starts_with("\\unrestrict")
}

/// Normalises a schema dump: noise lines dropped ([`is_noise`]), then, because aludel treats a
/// table's physical column order as not semantic (it adds a column at the end where the target
/// database was created with it in the middle):
/// - the lines between `CREATE TABLE … (` and its closing `)` (columns, and the checks pg_dump
///   prints inline) sorted, each without its trailing comma;
/// - every run of consecutive `COMMENT ON COLUMN` statements sorted (pg_dump prints a table's
///   column comments right after it, in column order).
///
/// Nothing else moves: statement order, and every character of every statement, stay.
pub fn normalise(dump: &str) -> String {
    let lines: Vec<&str> = dump.lines().filter(|l| !is_noise(l)).collect();
    // statements: lines up to one that ends with `;`
    let mut statements: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for l in lines {
        current.push(l.to_owned());
        if l.ends_with(';') {
            statements.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        statements.push(current);
    }
    for s in &mut statements {
        sort_table_elements(s);
    }
    let mut i = 0;
    while i < statements.len() {
        let is_comment = |s: &Vec<String>| s[0].starts_with("COMMENT ON COLUMN ");
        if !is_comment(&statements[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < statements.len() && is_comment(&statements[i]) {
            i += 1;
        }
        statements[start..i].sort();
    }
    let mut out = String::new();
    for s in statements {
        for l in s {
            out.push_str(&l);
            out.push('\n');
        }
    }
    out
}

/// Sorts the element lines of a `CREATE TABLE name (` statement (commas dropped).
fn sort_table_elements(s: &mut [String]) {
    if !(s[0].starts_with("CREATE TABLE ") || s[0].starts_with("CREATE UNLOGGED TABLE "))
        || !s[0].ends_with(" (")
    {
        return;
    }
    let Some(close) = s.iter().rposition(|l| l.starts_with(')')) else {
        return;
    };
    let body = &mut s[1..close];
    for l in body.iter_mut() {
        if let Some(stripped) = l.strip_suffix(',') {
            *l = stripped.to_owned();
        }
    }
    body.sort();
}

/// `Ok` when two normalised dumps are equal, else a readable difference.
pub fn compare(what: &str, got: &str, want: &str) -> Result<(), String> {
    if got == want {
        return Ok(());
    }
    Err(format!(
        "{what}: pg_dump --schema-only differs ([-expected-] {{+actual+}}):\n{}",
        line_diff(want, got)
    ))
}

/// The lines that differ, each with its neighbours for context.
fn line_diff(want: &str, got: &str) -> String {
    let mut out = String::new();
    for chunk in dissimilar::diff(want, got) {
        match chunk {
            dissimilar::Chunk::Equal(s) => {
                // keep the differing lines readable: a line of context on each side
                let lines: Vec<&str> = s.split_inclusive('\n').collect();
                if lines.len() <= 4 {
                    out.push_str(s);
                } else {
                    out.push_str(&lines[..2].concat());
                    out.push_str("…\n");
                    out.push_str(&lines[lines.len() - 2..].concat());
                }
            }
            dissimilar::Chunk::Delete(s) => out.push_str(&format!("[-{s}-]")),
            dissimilar::Chunk::Insert(s) => out.push_str(&format!("{{+{s}+}}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DUMP: &str = "--
-- PostgreSQL database dump
--

\\restrict 8fJq0aZ1

SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);

CREATE TABLE public.t (
    id bigint NOT NULL,
    b text COLLATE pg_catalog.\"C\",
    a integer,
    CONSTRAINT t_a_check CHECK ((a > 0)) NO INHERIT
);


ALTER TABLE public.t OWNER TO postgres;

COMMENT ON TABLE public.t IS 'the
table';
COMMENT ON COLUMN public.t.b IS 'b';
COMMENT ON COLUMN public.t.a IS 'a';

CREATE INDEX t_b_idx ON public.t USING btree (b);

\\unrestrict 8fJq0aZ1
";

    #[test]
    fn normalise_drops_noise_and_sorts_columns_and_their_comments_only() {
        expect_test::expect![[r#"
            CREATE TABLE public.t (
                CONSTRAINT t_a_check CHECK ((a > 0)) NO INHERIT
                a integer
                b text COLLATE pg_catalog."C"
                id bigint NOT NULL
            );
            ALTER TABLE public.t OWNER TO postgres;
            COMMENT ON TABLE public.t IS 'the
            table';
            COMMENT ON COLUMN public.t.a IS 'a';
            COMMENT ON COLUMN public.t.b IS 'b';
            CREATE INDEX t_b_idx ON public.t USING btree (b);
        "#]]
        .assert_eq(&normalise(DUMP));
    }

    #[test]
    fn column_order_is_all_that_normalising_forgives() {
        let reordered = DUMP
            .replace(
                "    b text COLLATE pg_catalog.\"C\",\n    a integer,\n",
                "    a integer,\n    b text COLLATE pg_catalog.\"C\",\n",
            )
            .replace("\\restrict 8fJq0aZ1", "\\restrict other")
            .replace("\\unrestrict 8fJq0aZ1", "\\unrestrict other");
        assert_eq!(normalise(&reordered), normalise(DUMP));
        // a lost collation, a lost NO INHERIT, a changed comment or a statement moved are not
        for changed in [
            DUMP.replace(" COLLATE pg_catalog.\"C\"", ""),
            DUMP.replace(" NO INHERIT", ""),
            DUMP.replace("IS 'b'", "IS 'B'"),
            DUMP.replace("ALTER TABLE public.t OWNER TO postgres;\n", "")
                + "ALTER TABLE public.t OWNER TO postgres;\n",
        ] {
            assert_ne!(normalise(&changed), normalise(DUMP), "{changed}");
        }
        assert!(compare("x", &normalise(&reordered), &normalise(DUMP)).is_ok());
        let e = compare(
            "after",
            &normalise(&DUMP.replace(" NO INHERIT", "")),
            &normalise(DUMP),
        )
        .unwrap_err();
        assert!(e.contains("[- NO INHERIT-]"), "{e}");
    }
}

//! Shared helpers of the CLI tests: a project directory (a `migrations/` folder and a scratch
//! database on the test server), the CLI run in-process or as the real `aludel` binary, and
//! masking of what varies between runs (paths, port, durations).

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use aludel_pg::testing::TestDb;
use tempfile::TempDir;

pub const BASE: &str = "20260101000000_base";
pub const A: &str = "20260102000000_a";
pub const B: &str = "20260102000000_b";
pub const MERGE: &str = "20260103000000_merge";
pub const AFTER: &str = "20260104000000_after";

/// What a run of the CLI printed.
#[derive(Debug)]
pub struct Out {
    pub code: u8,
    pub out: String,
    pub err: String,
}

/// A temporary project directory with a scratch database.
pub struct Project {
    pub dir: TempDir,
    pub db: TestDb,
    pub rt: tokio::runtime::Runtime,
}

impl Project {
    pub fn new() -> Project {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let db = rt.block_on(TestDb::new());
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("migrations")).unwrap();
        Project { dir, db, rt }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn migrations(&self) -> PathBuf {
        self.dir.path().join("migrations")
    }

    pub fn url(&self) -> &str {
        self.db.url()
    }

    /// Writes `migrations/<revision>.sql` with the given header and sections.
    pub fn write(
        &self,
        revision: &str,
        parents: &[&str],
        transaction: &str,
        upgrade: &str,
        downgrade: &str,
    ) {
        let mut text = format!("-- aludel: revision {revision}\n");
        if !parents.is_empty() {
            let _ = writeln!(text, "-- aludel: parents {}", parents.join(" "));
        }
        let _ = write!(
            text,
            "-- aludel: message {}\n-- aludel: transaction {transaction}\n\n\
             -- aludel: upgrade\n{upgrade}\n\n-- aludel: downgrade\n{downgrade}\n",
            &revision[15..]
        );
        self.write_raw(&format!("{revision}.sql"), &text);
    }

    pub fn write_raw(&self, name: &str, content: &str) {
        std::fs::write(self.migrations().join(name), content).unwrap();
    }

    /// base ─┬─ a ─┬─ merge ── after      (b is `transaction none`, with a concurrent index)
    ///       └─ b ─┘
    pub fn write_history(&self) {
        self.write(
            BASE,
            &[],
            "per-migration",
            "CREATE TABLE base (id int);",
            "DROP TABLE base;",
        );
        self.write(
            A,
            &[BASE],
            "per-migration",
            "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);",
            "DROP TABLE a;",
        );
        self.write(
            B,
            &[BASE],
            "none",
            "CREATE TABLE b (id int);\nCREATE INDEX CONCURRENTLY b_id ON b (id);",
            "DROP TABLE b;",
        );
        self.write(
            MERGE,
            &[A, B],
            "per-migration",
            "CREATE TABLE merge (id int);",
            "DROP TABLE merge;",
        );
        self.write(
            AFTER,
            &[MERGE],
            "per-migration",
            "CREATE TABLE after (id int);",
            "DROP TABLE after;",
        );
    }

    /// The CLI in-process with `--dir` and `--database-url` of this project.
    pub fn cli(&self, args: &[&str]) -> Out {
        let dir = self.migrations();
        let mut argv: Vec<String> = vec!["aludel".into()];
        argv.extend(args.iter().map(|a| a.to_string()));
        argv.extend([
            "--dir".into(),
            dir.display().to_string(),
            "--database-url".into(),
            self.url().to_owned(),
        ]);
        self.run_argv(argv)
    }

    /// The CLI in-process with exactly `args`.
    pub fn run_argv(&self, argv: Vec<String>) -> Out {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let code = aludel_cli::run_code(argv, &mut out, &mut err);
        Out {
            code,
            out: self.mask(&String::from_utf8(out).unwrap()),
            err: self.mask(&String::from_utf8(err).unwrap()),
        }
    }

    /// The real binary, run in the project directory with `DATABASE_URL` set.
    pub fn bin(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_aludel"));
        cmd.args(args)
            .current_dir(self.path())
            .env("DATABASE_URL", self.url())
            .env_remove("ALUDEL_TEST_URL");
        cmd
    }

    /// Runs the binary to the end.
    pub fn bin_out(&self, args: &[&str]) -> Out {
        let output = self.bin(args).output().unwrap();
        Out {
            code: u8::try_from(output.status.code().unwrap_or(-1)).unwrap_or(255),
            out: self.mask(&String::from_utf8(output.stdout).unwrap()),
            err: self.mask(&String::from_utf8(output.stderr).unwrap()),
        }
    }

    /// Runs the binary without `DATABASE_URL` in its environment (for `.env` and missing-url
    /// cases).
    pub fn bin_out_without_env(&self, args: &[&str]) -> Out {
        let mut cmd = self.bin(args);
        cmd.env_remove("DATABASE_URL");
        let output = cmd.output().unwrap();
        Out {
            code: u8::try_from(output.status.code().unwrap_or(-1)).unwrap_or(255),
            out: self.mask(&String::from_utf8(output.stdout).unwrap()),
            err: self.mask(&String::from_utf8(output.stderr).unwrap()),
        }
    }

    /// Replaces the project path with `DIR`, the database name with `DB`, the port with `PORT`
    /// and durations with `N ms`.
    pub fn mask(&self, text: &str) -> String {
        let mut s = text.replace(&self.path().display().to_string(), "DIR");
        s = s.replace(&self.db.db.name, "DB");
        if let Some(port) = port() {
            s = s.replace(&format!(":{port}"), ":PORT");
        }
        mask_durations(&s)
    }

    /// Runs a script on the database.
    pub fn execute(&self, sql: &str) {
        self.rt.block_on(self.db.execute(sql));
    }

    /// One text value from the database (NULL as `NULL`).
    pub fn scalar(&self, sql: &str) -> String {
        self.rt.block_on(async {
            let mut conn = self.db.connect().await;
            let v: Option<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
                .fetch_one(&mut conn)
                .await
                .unwrap_or_else(|e| panic!("{sql}: {e}"));
            v.unwrap_or_else(|| "NULL".to_owned())
        })
    }

    /// The tables of `public` (without the version table) and the version rows, one line.
    pub fn state(&self) -> String {
        let tables = self.scalar(
            "SELECT coalesce(string_agg(relname, ' ' ORDER BY relname), '') FROM pg_class \
             WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace \
             AND relname <> 'aludel_migrations'",
        );
        let rows = if self.scalar("SELECT to_regclass('public.aludel_migrations')::text") == "NULL"
        {
            "(no version table)".to_owned()
        } else {
            self.scalar(
                "SELECT coalesce(string_agg(revision || CASE WHEN success THEN '' ELSE '(dirty)' END, ' ' \
                 ORDER BY seq), '') FROM aludel_migrations",
            )
        };
        format!("tables: [{tables}] applied: [{rows}]")
    }
}

fn port() -> Option<String> {
    let url = std::env::var("ALUDEL_TEST_URL").ok()?;
    let after_host = url.rsplit('@').next()?;
    let port = after_host.split(':').nth(1)?.split('/').next()?;
    (!port.is_empty()).then(|| port.to_owned())
}

/// `(12 ms)` → `(N ms)`.
pub fn mask_durations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('(') {
        out.push_str(&rest[..=i]);
        rest = &rest[i + 1..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(" ms)") {
            out.push('N');
            rest = &rest[digits..];
        }
    }
    out.push_str(rest);
    out
}

/// Runs `script` with `psql` on `url`, stopping at the first error (as a user applies what
/// `aludel diff` prints).
pub fn psql(url: &str, script: &str) {
    let bin = aludel_pg::find_bin("psql");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("script.sql");
    std::fs::write(&file, script).unwrap();
    let out = Command::new(bin)
        .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "psql failed: {}\n{script}",
        String::from_utf8_lossy(&out.stderr)
    );
}

//! Why autogen, check or verify could not do their job, each with a hint (exit code 2).

/// A failure of autogen, check or verify; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Pg(#[from] aludel_pg::Error),
    #[error("no throwaway PostgreSQL server: {0}")]
    NoServer(aludel_pg::Error),
    #[error(
        "the throwaway server runs PostgreSQL {throwaway} but the target runs PostgreSQL {target}"
    )]
    VersionMismatch { throwaway: u32, target: u32 },
    #[error(transparent)]
    Migrations(#[from] aludel_migrations::Error),
    #[error(transparent)]
    Introspect(#[from] aludel_introspect::Error),
    #[error(transparent)]
    Diff(#[from] aludel_diff::DiffError),
    #[error(transparent)]
    Rename(#[from] aludel_schema::RenameHintError),
    #[error("the migration history does not replay: {0}")]
    Replay(aludel_runner::Error),
    #[error("{origin}: the external SQL failed: {message}")]
    External { origin: String, message: String },
    #[error("the models cannot be created: {0}")]
    Create(aludel_testing::Error),
    #[error("the models cannot be created: `{statement}` failed: {message}")]
    Models { statement: String, message: String },
    /// A statement of the declared SQL (`.sql(...)` in the Schema) failed; `aludel_testing`'s
    /// error names its file, line and statement.
    #[error("the declared SQL cannot be created: {0}")]
    DeclaredSql(aludel_testing::Error),
    #[error("the migration history has {} heads: {}", heads.len(), heads.join(", "))]
    SeveralHeads { heads: Vec<String> },
    #[error(
        "the models no longer declare {}, which the migration history creates; refusing to drop",
        tables.join(", ")
    )]
    WouldDrop { tables: Vec<String> },
    #[error("the database at {url} is not at head: {} not applied", missing.join(", "))]
    DatabaseBehind { url: String, missing: Vec<String> },
    #[error("the database at {url} has {} that this migrations directory does not know", unknown.join(", "))]
    DatabaseAhead { url: String, unknown: Vec<String> },
    #[error("the generated migration failed its proof: {step}\n{detail}")]
    ProofFailed { step: String, detail: String },
    #[error("revision {revision} {step}: {detail}")]
    Verify {
        revision: String,
        step: &'static str,
        detail: String,
    },
}

const EXTENSION_MISSING: [&str; 2] = ["could not open extension control file", "is not available"];

impl Error {
    /// What the user can do about it.
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            Error::Pg(e) => return e.hint(),
            Error::NoServer(_) => "install the PostgreSQL server binaries (Debian/Ubuntu: \
                 `apt-get install postgresql`) or pass `--dev-url` / set `ALUDEL_DEV_URL` to a \
                 server where aludel may create and drop databases"
                .to_owned(),
            Error::VersionMismatch { target, .. } => format!(
                "expressions print differently across major versions; point `--dev-url` at a \
                 PostgreSQL {target} server or put PostgreSQL {target} binaries first (ALUDEL_PG_BIN)"
            ),
            Error::Migrations(e) => return e.hint(),
            Error::Introspect(e) => return e.hint(),
            Error::Diff(e) => return e.hint(),
            Error::Rename(_) => "name the new object as the second database (`--to`) has it, \
                 and so the table or type of a column or enum value"
                .to_owned(),
            Error::Create(_) => return None,
            Error::Replay(e) => {
                return e.hint().or_else(|| {
                    Some("fix the migration named above; `verify` replays the history step by step".into())
                });
            }
            Error::External { message, .. } if is_missing_extension(message) => {
                "the extension is not installed on the throwaway server: install its package \
                 there (for contrib extensions `postgresql-contrib`), or use `--dev-url` with a \
                 server that has it"
                    .to_owned()
            }
            Error::External { .. } => "fix the `external` SQL in aludel.toml".to_owned(),
            Error::Models { message, .. } if is_missing_extension(message) => {
                "the extension is not installed on the throwaway server: install its package \
                 there, or declare it in aludel.toml's `external` SQL if the platform provides it"
                    .to_owned()
            }
            Error::Models { message, .. } if message.contains("does not exist") => {
                "a model refers to an object nobody declares: register its model in the Schema, \
                 or create it in aludel.toml's `external` SQL if another service owns it"
                    .to_owned()
            }
            Error::Models { .. } => "fix the model declaration named above".to_owned(),
            Error::DeclaredSql(e) => declared_sql_hint(e),
            Error::SeveralHeads { .. } => {
                "join the branches first with `merge -m <message>`, then run autogen again"
                    .to_owned()
            }
            Error::WouldDrop { .. } => "if the tables were removed on purpose, declare them \
                 with `.dropped(\"schema.table\")` in the Schema or pass `--allow-drop`; if not, \
                 register their models"
                .to_owned(),
            Error::DatabaseBehind { .. } => {
                "run `upgrade head` on that database first, or leave out `--database-url` to \
                 compare with the replayed history"
                    .to_owned()
            }
            Error::DatabaseAhead { .. } => {
                "restore the missing migration files (from version control or the branch that made them)"
                    .to_owned()
            }
            Error::ProofFailed { .. } => "nothing was written; this is a bug in aludel's diff \
                 or renderer: please report it with the two schemas"
                .to_owned(),
            Error::Verify { revision, .. } => {
                format!("fix the upgrade or downgrade section of `{revision}.sql`")
            }
        })
    }
}

/// What to do about a declared SQL statement that failed, by the kind of failure.
fn declared_sql_hint(e: &aludel_testing::Error) -> String {
    let code = match e {
        aludel_testing::Error::Declared { code, .. } => code.as_deref(),
        aludel_testing::Error::DeclaredSplit { .. } => {
            return "close the quote, dollar quote or comment that opens on the line named above"
                .to_owned();
        }
        aludel_testing::Error::DeclaredHint { .. } => {
            return "write the hint as `-- aludel: renamed_from schema.old_name` on the line \
                    above the object's CREATE statement"
                .to_owned();
        }
        _ => None,
    };
    match code {
        Some("42P01" | "42883" | "42704" | "3F000" | "42703") => {
            "the statement names an object nobody declares: declare it (a model or another \
             `.sql(...)` source), or create it in aludel.toml's `external` SQL if another \
             service owns it"
                .to_owned()
        }
        Some("42723" | "42P07" | "42710" | "42P06") => {
            "two declarations create the same object (for a function: the same name and \
             argument types): remove or rename one"
                .to_owned()
        }
        Some(c) if c.starts_with("42") => {
            "fix the statement at the file and line named above (function bodies are checked \
             too: `check_function_bodies` is on)"
                .to_owned()
        }
        _ => "fix the declared SQL at the file and line named above".to_owned(),
    }
}

fn is_missing_extension(message: &str) -> bool {
    EXTENSION_MISSING.iter().any(|m| message.contains(m))
}

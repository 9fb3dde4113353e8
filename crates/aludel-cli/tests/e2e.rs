//! End to end through the CLI library as a user's xtask runs it: models → `autogen` → `upgrade`
//! → `check`, a model change, `downgrade -1`, and two branches joined by `merge`; all on a live
//! server, generated files as snapshots (revision timestamps and paths filtered).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use aludel::{Model, PgEnum};
use aludel_pg::testing::TestDb;
use expect_test::expect;

mod v1 {
    use super::*;

    #[derive(PgEnum)]
    pub enum Plan {
        Free,
        Pro,
    }

    /// A customer.
    #[derive(Model)]
    #[aludel(table = "accounts")]
    pub struct Account {
        #[aludel(primary_key, identity = "always")]
        id: i64,
        #[aludel(unique)]
        name: String,
        plan: Plan,
    }

    #[derive(Model)]
    #[aludel(table = "users", index(columns(account_id, email)))]
    pub struct User {
        #[aludel(primary_key, identity = "by default")]
        id: i64,
        #[aludel(references = "accounts(id)", on_delete = "cascade")]
        account_id: i64,
        email: String,
    }

    pub fn schema() -> aludel::Schema {
        aludel::Schema::builder()
            .model::<Account>()
            .model::<User>()
            .build()
            .unwrap()
    }
}

mod v2 {
    use super::*;
    pub use v1::Account;

    #[derive(Model)]
    #[aludel(table = "users", index(columns(account_id, login)))]
    pub struct User {
        #[aludel(primary_key, identity = "by default")]
        id: i64,
        #[aludel(references = "accounts(id)", on_delete = "cascade")]
        account_id: i64,
        #[aludel(renamed_from = "email")]
        login: String,
        nickname: Option<String>,
    }

    pub fn builder() -> aludel::SchemaBuilder {
        aludel::Schema::builder().model::<Account>().model::<User>()
    }

    pub fn schema() -> aludel::Schema {
        builder().build().unwrap()
    }
}

mod v3 {
    use super::*;

    #[derive(Model)]
    #[aludel(table = "teams")]
    pub struct Team {
        #[aludel(primary_key)]
        id: i32,
        #[aludel(references = "accounts(id)")]
        account_id: i64,
    }

    #[derive(Model)]
    #[aludel(table = "projects")]
    pub struct Project {
        #[aludel(primary_key)]
        id: i32,
        title: String,
    }

    pub fn with_team() -> aludel::Schema {
        v2::builder().model::<Team>().build().unwrap()
    }

    pub fn with_project() -> aludel::Schema {
        v2::builder().model::<Project>().build().unwrap()
    }

    pub fn with_both() -> aludel::Schema {
        v2::builder()
            .model::<Team>()
            .model::<Project>()
            .build()
            .unwrap()
    }
}

struct Run {
    code: u8,
    out: String,
    err: String,
}

struct Project {
    dir: tempfile::TempDir,
    live: TestDb,
}

impl Project {
    fn new() -> Project {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        Project {
            dir: tempfile::tempdir().unwrap(),
            live: rt.block_on(TestDb::new()),
        }
    }

    fn migrations(&self) -> PathBuf {
        self.dir.path().join("migrations")
    }

    /// Runs `xtask <args>` with `models`, the project's directory and the test server as dev
    /// server; `{live}` in an argument is the live database's URL.
    fn run(&self, models: &aludel::Schema, args: &[&str]) -> Run {
        let dir = self.migrations();
        let mut argv: Vec<String> = vec!["xtask".into()];
        argv.extend(args.iter().map(|a| a.replace("{live}", self.live.url())));
        argv.extend(["--dir".into(), dir.display().to_string()]);
        if ["autogen", "check", "verify"].contains(&args[0]) {
            argv.push("--no-cache".into());
        }
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = aludel_cli::run_code_with_models(models, argv, &mut out, &mut err);
        Run {
            code,
            out: self.filter(&String::from_utf8(out).unwrap()),
            err: self.filter(&String::from_utf8(err).unwrap()),
        }
    }

    fn filter(&self, text: &str) -> String {
        let text = text
            .replace(&self.dir.path().display().to_string(), "<dir>")
            .replace(&aludel_pg::redact(self.live.url()), "<live>");
        let mut out = String::new();
        let mut digits = 0;
        for c in text.chars() {
            if c.is_ascii_digit() {
                digits += 1;
                out.push(c);
                if digits == 14 {
                    out.truncate(out.len() - 14);
                    out.push_str("<ts>");
                }
            } else {
                digits = 0;
                out.push(c);
            }
        }
        out
    }

    fn files(&self) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(self.migrations())
            .map(|rd| rd.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default();
        v.sort();
        v
    }

    fn read(&self, p: &Path) -> String {
        self.filter(&std::fs::read_to_string(p).unwrap())
    }
}

fn dev() -> String {
    aludel_pg::testing::server().url().to_owned()
}

#[test]
fn a_user_session_from_models_to_a_merged_history() {
    let p = Project::new();
    let dev = dev();
    let dev = dev.as_str();
    let ok = |r: &Run, want: u8| assert_eq!(r.code, want, "stdout:\n{}\nstderr:\n{}", r.out, r.err);

    // 1. The first migration, as the tool writes it.
    let r = p.run(
        &v1::schema(),
        &["autogen", "-m", "initial schema", "--dev-url", dev],
    );
    ok(&r, 0);
    expect!["wrote <dir>/migrations/<ts>_initial_schema.sql\n"].assert_eq(&r.out);
    let files = p.files();
    expect![[r#"
        -- aludel: revision <ts>_initial_schema
        -- aludel: message initial schema
        -- aludel: transaction per-migration

        -- aludel: upgrade
        CREATE TYPE public.plan AS ENUM ('Free', 'Pro');
        CREATE TABLE public.accounts (
            id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
            name text NOT NULL,
            plan public.plan NOT NULL,
            CONSTRAINT accounts_pkey PRIMARY KEY (id),
            CONSTRAINT accounts_name_key UNIQUE (name)
        );
        COMMENT ON TABLE public.accounts IS 'A customer.';
        CREATE TABLE public.users (
            id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
            account_id bigint NOT NULL,
            email text NOT NULL,
            CONSTRAINT users_pkey PRIMARY KEY (id)
        );
        CREATE INDEX users_account_id_email_idx ON public.users USING btree (account_id, email);
        ALTER TABLE public.users ADD CONSTRAINT users_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts (id) ON DELETE CASCADE;

        -- aludel: downgrade
        ALTER TABLE public.users DROP CONSTRAINT users_account_id_fkey;
        DROP INDEX public.users_account_id_email_idx;
        -- hazard: data-loss public.users
        DROP TABLE public.users;
        -- hazard: data-loss public.accounts
        DROP TABLE public.accounts;
        DROP TYPE public.plan;
    "#]]
    .assert_eq(&p.read(&files[0]));

    // 2. Applied, everything agrees.
    ok(
        &p.run(&v1::schema(), &["upgrade", "--database-url", "{live}"]),
        0,
    );
    let r = p.run(
        &v1::schema(),
        &["check", "--dev-url", dev, "--database-url", "{live}"],
    );
    ok(&r, 0);

    // 3. A model changes: check fails with the diff.
    let r = p.run(&v2::schema(), &["check", "--dev-url", dev]);
    ok(&r, 1);
    expect![[r#"
        the models differ from the migration history; `autogen` would write:

            ALTER TABLE public.users RENAME COLUMN email TO login;
            ALTER INDEX public.users_account_id_email_idx RENAME TO users_account_id_login_idx;
            ALTER TABLE public.users ADD COLUMN nickname text;

        --- migrations
        +++ models
        @@ -11,11 +11,12 @@
         CREATE TABLE public.users (
             id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
             account_id bigint NOT NULL,
        -    email text NOT NULL,
        +    login text NOT NULL,
        +    nickname text,
             CONSTRAINT users_pkey PRIMARY KEY (id)
         );
 
        -CREATE INDEX users_account_id_email_idx ON public.users USING btree (account_id, email);
        +CREATE INDEX users_account_id_login_idx ON public.users USING btree (account_id, login);
 
         ALTER TABLE public.users ADD CONSTRAINT users_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts (id) ON DELETE CASCADE;
 
        hint: run `autogen -m <message>` and commit the migration it writes

    "#]]
    .assert_eq(&r.out);

    // 4. autogen again, upgrade, all agree.
    let r = p.run(
        &v2::schema(),
        &["autogen", "-m", "rename email", "--dev-url", dev],
    );
    ok(&r, 0);
    expect![[r#"
        -- aludel: revision <ts>_rename_email
        -- aludel: parents <ts>_initial_schema
        -- aludel: message rename email
        -- aludel: transaction per-migration

        -- aludel: upgrade
        ALTER TABLE public.users RENAME COLUMN email TO login;
        ALTER INDEX public.users_account_id_email_idx RENAME TO users_account_id_login_idx;
        ALTER TABLE public.users ADD COLUMN nickname text;

        -- aludel: downgrade
        -- hazard: data-loss public.users.nickname
        ALTER TABLE public.users DROP COLUMN nickname;
        ALTER INDEX public.users_account_id_login_idx RENAME TO users_account_id_email_idx;
        ALTER TABLE public.users RENAME COLUMN login TO email;
    "#]]
    .assert_eq(&p.read(&p.files()[1]));
    ok(
        &p.run(&v2::schema(), &["upgrade", "--database-url", "{live}"]),
        0,
    );
    ok(
        &p.run(
            &v2::schema(),
            &["check", "--dev-url", dev, "--database-url", "{live}"],
        ),
        0,
    );
    // Convergence: nothing more to write.
    let r = p.run(
        &v2::schema(),
        &["autogen", "-m", "nothing", "--dev-url", dev],
    );
    ok(&r, 0);
    assert!(r.err.contains("nothing to do"), "{}", r.err);
    assert_eq!(p.files().len(), 2);

    // 5. One step back: the live database is behind.
    ok(
        &p.run(
            &v2::schema(),
            &["downgrade", "-1", "--database-url", "{live}"],
        ),
        0,
    );
    let r = p.run(
        &v2::schema(),
        &["check", "--dev-url", dev, "--database-url", "{live}"],
    );
    ok(&r, 1);
    expect![[r#"
        database <live>: not applied: <ts>_rename_email
        hint: run `upgrade head` on it
    "#]]
    .assert_eq(&r.out);
    ok(
        &p.run(&v2::schema(), &["upgrade", "--database-url", "{live}"]),
        0,
    );

    // 6. Two branches each add a revision on the same head.
    let r = p.run(
        &v3::with_team(),
        &["autogen", "-m", "add teams", "--dev-url", dev],
    );
    ok(&r, 0);
    let team = p.files()[2].clone();
    let aside = p.dir.path().join("team.sql");
    std::fs::rename(&team, &aside).unwrap();
    ok(
        &p.run(
            &v3::with_project(),
            &["autogen", "-m", "add projects", "--dev-url", dev],
        ),
        0,
    );
    std::fs::rename(&aside, &team).unwrap();
    // Two heads: autogen refuses, check reports them, merge joins them.
    let r = p.run(
        &v3::with_both(),
        &["autogen", "-m", "more", "--dev-url", dev],
    );
    ok(&r, 2);
    assert!(
        r.err
            .starts_with("error: the migration history has 2 heads: ")
            && r.err.contains("<ts>_add_teams")
            && r.err.contains("<ts>_add_projects")
            && r.err.ends_with(
                "hint: join the branches first with `merge -m <message>`, then run autogen again\n"
            ),
        "{}",
        r.err
    );
    assert_eq!(p.files().len(), 4, "nothing written");
    let r = p.run(&v3::with_both(), &["check", "--dev-url", dev]);
    ok(&r, 1);
    assert!(r.out.contains("2 heads"), "{}", r.out);
    ok(
        &p.run(
            &v3::with_both(),
            &["merge", "-m", "join teams and projects"],
        ),
        0,
    );
    let r = p.run(&v3::with_both(), &["check", "--dev-url", dev]);
    ok(&r, 0);
    ok(
        &p.run(&v3::with_both(), &["upgrade", "--database-url", "{live}"]),
        0,
    );
    ok(
        &p.run(
            &v3::with_both(),
            &["check", "--dev-url", dev, "--database-url", "{live}"],
        ),
        0,
    );
    let r = p.run(
        &v3::with_both(),
        &["autogen", "-m", "nothing", "--dev-url", dev],
    );
    ok(&r, 0);
    assert!(r.err.contains("nothing to do"), "{}", r.err);
    let r = p.run(&v3::with_both(), &["verify", "--dev-url", dev]);
    ok(&r, 0);
    expect![[r#"
        ok: 5 revision(s) upgraded one at a time, downgraded to base and upgraded again
    "#]]
    .assert_eq(&r.out);
}

#[test]
fn the_model_commands_need_the_models() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = aludel_cli::run_code(["aludel", "autogen", "-m", "x"], &mut out, &mut err);
    assert_eq!(code, 2);
    expect![[r#"
        error: `autogen` needs the application's models
        hint: run it through your project's xtask, which hands its models to aludel_cli::main_with_models (see the README)
    "#]]
    .assert_eq(&String::from_utf8(err).unwrap());
}

#[test]
fn a_model_that_disappeared_and_a_missing_extension_are_refused_with_nothing_written() {
    let p = Project::new();
    let dev = dev();
    let dev = dev.as_str();
    let r = p.run(
        &v2::schema(),
        &["autogen", "-m", "initial", "--dev-url", dev],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    // `users` is no longer registered.
    let only_accounts = aludel::Schema::builder()
        .model::<v1::Account>()
        .build()
        .unwrap();
    let r = p.run(&only_accounts, &["autogen", "-m", "oops", "--dev-url", dev]);
    assert_eq!(r.code, 2);
    expect![[r#"
        error: the models no longer declare public.users, which the migration history creates; refusing to drop
        hint: if the tables were removed on purpose, declare them with `.dropped("schema.table")` in the Schema or pass `--allow-drop`; if not, register their models
    "#]]
    .assert_eq(&r.err);
    assert_eq!(p.files().len(), 1);
    // An extension the throwaway server does not have, from aludel.toml.
    let config = p.dir.path().join("aludel.toml");
    std::fs::write(
        &config,
        "[external]\nsql = \"CREATE EXTENSION no_such_extension\"\n",
    )
    .unwrap();
    let cfg = config.display().to_string();
    let r = p.run(
        &v2::schema(),
        &["autogen", "-m", "x", "--dev-url", dev, "--config", &cfg],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.err
            .starts_with("error: <dir>/aludel.toml [external] sql: the external SQL failed: ")
            && r.err.contains("no_such_extension")
            && r.err.contains("hint: the extension is not installed"),
        "{}",
        r.err
    );
    assert_eq!(p.files().len(), 1);
}

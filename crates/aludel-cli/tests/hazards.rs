//! One hazard policy for `aludel diff` and `autogen`: the same change (an index on a table that
//! has rows, and a new table with its index) gets the same hazards from both, the new table's
//! quiet, and both say what `--online` would avoid. On a live server.

#![allow(dead_code)]

use aludel::Model;
use aludel_pg::testing::TestDb;
use expect_test::expect;

mod v1 {
    use super::*;

    #[derive(Model)]
    #[aludel(table = "items")]
    pub struct Item {
        #[aludel(primary_key)]
        id: i64,
        name: String,
    }

    pub fn schema() -> aludel::Schema {
        aludel::Schema::builder().model::<Item>().build().unwrap()
    }
}

mod v2 {
    use super::*;

    #[derive(Model)]
    #[aludel(table = "items", index(columns(name)))]
    pub struct Item {
        #[aludel(primary_key)]
        id: i64,
        #[aludel(unique)]
        name: String,
    }

    #[derive(Model)]
    #[aludel(table = "tags", index(columns(label)))]
    pub struct Tag {
        #[aludel(primary_key)]
        id: i64,
        #[aludel(unique)]
        label: String,
    }

    pub fn schema() -> aludel::Schema {
        aludel::Schema::builder()
            .model::<Item>()
            .model::<Tag>()
            .build()
            .unwrap()
    }
}

struct Run {
    code: u8,
    out: String,
    err: String,
}

fn run(models: &aludel::Schema, args: &[&str]) -> Run {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = aludel_cli::run_code_with_models(models, args, &mut out, &mut err);
    Run {
        code,
        out: String::from_utf8(out).unwrap(),
        err: String::from_utf8(err).unwrap(),
    }
}

/// The lines of `text` that start with `prefix`, without it, sorted.
fn lines(text: &str, prefix: &str) -> Vec<String> {
    let mut v: Vec<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix(prefix))
        .map(str::to_owned)
        .collect();
    v.sort();
    v
}

#[test]
fn diff_and_autogen_report_the_same_hazards_and_online_hints() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (before, after) = (rt.block_on(TestDb::new()), rt.block_on(TestDb::new()));
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().join("migrations");
    let dir = dir.to_str().unwrap();
    let dev = aludel_pg::testing::server().url().to_owned();
    let ok = |r: &Run| assert_eq!(r.code, 0, "stdout:\n{}\nstderr:\n{}", r.out, r.err);
    let autogen = |models: &aludel::Schema, m: &str| {
        run(
            models,
            &[
                "xtask",
                "autogen",
                "-m",
                m,
                "--dev-url",
                &dev,
                "--no-cache",
                "--dir",
                dir,
            ],
        )
    };
    let upgrade = |db: &TestDb| {
        run(
            &v2::schema(),
            &["xtask", "upgrade", "--database-url", db.url(), "--dir", dir],
        )
    };

    ok(&autogen(&v1::schema(), "items"));
    ok(&upgrade(&before));
    rt.block_on(before.execute("INSERT INTO items VALUES (1, 'a')"));
    let generated = autogen(&v2::schema(), "indexes");
    ok(&generated);
    ok(&upgrade(&after));

    let diff = run(
        &v2::schema(),
        &[
            "xtask",
            "diff",
            "--from",
            before.url(),
            "--to",
            after.url(),
            "--schema",
            "public",
        ],
    );
    assert_eq!(diff.code, 1, "{}", diff.err);
    let hazards = lines(&generated.err, "hazard: ");
    expect![[r#"
        [
            "blocks-writes public.items",
            "may-fail-on-existing-rows public.items.items_name_key",
        ]
    "#]]
    .assert_debug_eq(&hazards);
    assert_eq!(lines(&diff.out, "--   "), hazards, "{}", diff.out);
    let hints = lines(&generated.err, "hint: ");
    expect![[r#"
        [
            "--online avoids blocks-writes public.items (CREATE INDEX CONCURRENTLY)",
        ]
    "#]]
    .assert_debug_eq(&hints);
    assert_eq!(lines(&diff.err, "hint: "), hints, "{}", diff.err);
}

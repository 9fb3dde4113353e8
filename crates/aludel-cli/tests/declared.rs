//! Declared SQL that PostgreSQL refuses, through the CLI: `autogen` and `check` exit 2 with one
//! line naming the file and line, a `hint:`, and write nothing. On a live server.

#![allow(dead_code)]

use aludel::Model;
use expect_test::expect;

#[derive(Debug, Model)]
#[aludel(table = "items")]
pub struct Item {
    #[aludel(primary_key)]
    id: i64,
    name: String,
}

/// A function whose PL/pgSQL body has a syntax error on line 4 of its file.
const BAD: &str = "-- counts the items\nCREATE FUNCTION public.item_count() RETURNS bigint LANGUAGE plpgsql AS $$\nBEGIN\n    RETURN (SELECT count(*) FROM public.items;\nEND\n$$;\n";

fn models() -> aludel::Schema {
    aludel::Schema::builder()
        .model::<Item>()
        .sql("sql/item_count.sql", BAD)
        .build()
        .unwrap()
}

struct Run {
    code: u8,
    err: String,
}

fn run(args: &[&str]) -> Run {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = aludel_cli::run_code_with_models(&models(), args, &mut out, &mut err);
    Run {
        code,
        err: String::from_utf8(err).unwrap(),
    }
}

#[test]
fn a_declared_function_with_a_syntax_error_stops_autogen_and_check_with_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let migrations = dir.path().join("migrations");
    std::fs::create_dir_all(&migrations).unwrap();
    let migrations = migrations.to_str().unwrap();
    let dev = aludel_pg::testing::server().url().to_owned();
    let autogen = run(&[
        "xtask",
        "autogen",
        "-m",
        "count",
        "--dev-url",
        &dev,
        "--no-cache",
        "--dir",
        migrations,
    ]);
    assert_eq!(autogen.code, 2, "{}", autogen.err);
    expect![[r#"
        error: the declared SQL cannot be created: sql/item_count.sql:2: `CREATE FUNCTION public.item_count() RETURNS bigint LANGUAGE plpgsql AS $$ ...` failed at line 4: mismatched parentheses at or near ";" (sqlstate 42601)
        hint: fix the statement at the file and line named above (function bodies are checked too: `check_function_bodies` is on)
    "#]].assert_eq(&autogen.err);
    assert_eq!(
        std::fs::read_dir(migrations).unwrap().count(),
        0,
        "autogen wrote nothing"
    );
    let check = run(&[
        "xtask",
        "check",
        "--dev-url",
        &dev,
        "--no-cache",
        "--dir",
        migrations,
    ]);
    assert_eq!(check.code, 2, "{}", check.err);
    assert_eq!(check.err, autogen.err, "check reports it as autogen does");
}

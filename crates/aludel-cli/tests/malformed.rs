//! Malformed migration directories: each mistake is one `error:` line naming the file (and the
//! line where there is one) with a `hint:`, exit 2, and the database untouched.

mod common;

use common::Project;
use expect_test::{Expect, expect};

/// Writes `files` into a fresh project, runs `upgrade`, and checks the one-line error.
fn check(files: &[(&str, &str)], expect: Expect) {
    let p = Project::new();
    for (name, content) in files {
        p.write_raw(name, content);
    }
    let out = p.cli(&["upgrade"]);
    assert_eq!((out.code, out.out.as_str()), (2, ""), "{out:?}");
    let lines: Vec<&str> = out.err.lines().collect();
    assert!(
        lines.len() == 2 && lines[0].starts_with("error: ") && lines[1].starts_with("hint: "),
        "{}",
        out.err
    );
    expect.assert_eq(&out.err);
    assert_eq!(p.state(), "tables: [] applied: [(no version table)]");
}

const GOOD_BASE: &str = "-- aludel: revision 20260101000000_base\n\n-- aludel: upgrade\nCREATE TABLE base (id int);\n\n-- aludel: downgrade\nDROP TABLE base;\n";

#[test]
fn no_sections() {
    check(
        &[(
            "20260101000000_base.sql",
            "-- aludel: revision 20260101000000_base\nCREATE TABLE t (id int);\n",
        )],
        expect![[r#"
            error: DIR/migrations/20260101000000_base.sql:2: sql before the upgrade section
            hint: put statements below `-- aludel: upgrade` or `-- aludel: downgrade`
        "#]],
    );
}

#[test]
fn only_a_header() {
    check(
        &[(
            "20260101000000_base.sql",
            "-- aludel: revision 20260101000000_base\n",
        )],
        expect![[r#"
            error: DIR/migrations/20260101000000_base.sql: no upgrade section
            hint: add a line `-- aludel: upgrade` above the statements that apply the revision
        "#]],
    );
}

#[test]
fn unknown_directive() {
    check(
        &[(
            "20260101000000_base.sql",
            "-- aludel: revision 20260101000000_base\n-- aludel: transactions none\n\n-- aludel: upgrade\n\n-- aludel: downgrade\n",
        )],
        expect![[r#"
            error: DIR/migrations/20260101000000_base.sql:2: unknown directive `-- aludel: transactions`
            hint: known directives are revision, parents, message, transaction, hazard, upgrade and downgrade; write `--` without `aludel:` for a plain comment
        "#]],
    );
}

#[test]
fn missing_parent() {
    check(
        &[
            ("20260101000000_base.sql", GOOD_BASE),
            (
                "20260102000000_next.sql",
                "-- aludel: revision 20260102000000_next\n-- aludel: parents 20260101000000_gone\n\n-- aludel: upgrade\n\n-- aludel: downgrade\n",
            ),
        ],
        expect![[r#"
            error: DIR/migrations/20260102000000_next.sql:2: parent `20260101000000_gone` of revision `20260102000000_next` is not in the migrations
            hint: restore `20260101000000_gone.sql` from version control, or fix the `parents` directive
        "#]],
    );
}

#[test]
fn cycle() {
    check(
        &[
            (
                "20260101000000_x.sql",
                "-- aludel: revision 20260101000000_x\n-- aludel: parents 20260102000000_y\n\n-- aludel: upgrade\n\n-- aludel: downgrade\n",
            ),
            (
                "20260102000000_y.sql",
                "-- aludel: revision 20260102000000_y\n-- aludel: parents 20260101000000_x\n\n-- aludel: upgrade\n\n-- aludel: downgrade\n",
            ),
        ],
        expect![[r#"
            error: DIR/migrations/20260101000000_x.sql:2: revisions form a cycle: 20260101000000_x -> 20260102000000_y -> 20260101000000_x
            hint: a revision cannot descend from itself; fix the `parents` directive of one of them
        "#]],
    );
}

#[test]
fn a_copied_file_that_keeps_the_old_revision_id() {
    // Ids are file names, so a duplicate id shows as a file whose directive names another.
    check(
        &[
            ("20260101000000_base.sql", GOOD_BASE),
            ("20260101000000_other.sql", GOOD_BASE),
        ],
        expect![[r#"
            error: DIR/migrations/20260101000000_other.sql:1: revision `20260101000000_base` does not match the file name `20260101000000_other.sql`
            hint: rename the file to `20260101000000_base.sql`, or fix the directive; the file name is the revision id
        "#]],
    );
}

#[test]
fn unterminated_dollar_quote() {
    check(
        &[(
            "20260101000000_base.sql",
            "-- aludel: revision 20260101000000_base\n\n-- aludel: upgrade\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; \n\n-- aludel: downgrade\n",
        )],
        expect![[r#"
            error: DIR/migrations/20260101000000_base.sql:4: unterminated dollar-quoted string `$body$` in the upgrade section
            hint: close the body with `$body$`
        "#]],
    );
}

#[test]
fn a_bad_settings_file() {
    let p = Project::new();
    p.write_raw("20260101000000_base.sql", GOOD_BASE);
    std::fs::write(
        p.path().join("aludel.toml"),
        "[migrations]\ndir = \"migrations\"\nversion_tabel = \"x\"\n",
    )
    .unwrap();
    let out = p.bin_out(&["upgrade"]);
    assert_eq!((out.code, out.out.as_str()), (2, ""), "{out:?}");
    expect![[r#"
        error: aludel.toml:3: unknown field `version_tabel`, expected one of `dir`, `version_table`, `lock_timeout`, `role`
        hint: the [migrations] table takes dir, version_table, lock_timeout (seconds) and role
    "#]].assert_eq(&out.err);
    std::fs::write(
        p.path().join("aludel.toml"),
        "[migrations]\ndir = \"migrations\"\nversion_table = \"ops.versions\"\n",
    )
    .unwrap();
    let out = p.bin_out(&["upgrade"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        p.scalar("SELECT string_agg(revision, ' ') FROM ops.versions"),
        "20260101000000_base"
    );
}

//! What the database and the directory disagree on: an applied migration edited afterwards
//! (reported by `upgrade` and `history` with revision and file, accepted by `rehash`), and a
//! revision applied to the database that the directory does not have (refused, nothing
//! changed).

mod common;

use common::{A, B, BASE, Project};
use expect_test::expect;

#[test]
fn an_edited_applied_migration_is_reported_and_rehash_accepts_it() {
    let p = Project::new();
    p.write_history();
    assert_eq!(p.cli(&["upgrade", A]).code, 0);
    // Edit the applied revision `a`.
    p.write(
        A,
        &[BASE],
        "per-migration",
        "CREATE TABLE a (id int);\nINSERT INTO a VALUES (2);",
        "DROP TABLE a;",
    );
    let before = p.state();

    let out = p.cli(&["upgrade"]);
    assert_eq!((out.code, out.out.as_str()), (2, ""));
    expect![[r#"
        error: DIR/migrations/20260102000000_a.sql: migration `20260102000000_a` was edited after it was applied
        hint: restore the file as it was applied, or accept its new content with `rehash 20260102000000_a`
    "#]]
    .assert_eq(&out.err);
    assert_eq!(p.state(), before, "nothing changed");

    let out = p.cli(&["history"]);
    assert_eq!((out.code, out.err.as_str()), (0, ""));
    expect![[r#"
        pending  20260104000000_after (head) - after
        pending  20260103000000_merge (mergepoint) - merge
        pending  20260102000000_b - b
        modified 20260102000000_a - a
                 DIR/migrations/20260102000000_a.sql was edited after it was applied; restore it, or accept it with `rehash 20260102000000_a`
        applied  20260101000000_base (branchpoint) - base
    "#]]
    .assert_eq(&out.out);
    let out = p.cli(&["current"]);
    expect![[r#"
        20260102000000_a (modified)
    "#]]
    .assert_eq(&out.out);

    let out = p.cli(&["rehash", B]);
    assert_eq!(out.code, 2);
    expect![[r#"
        error: DIR/migrations/20260102000000_a.sql: migration `20260102000000_a` was edited after it was applied
        hint: restore the file as it was applied, or accept its new content with `rehash 20260102000000_a`
    "#]]
    .assert_eq(&out.err);

    let out = p.cli(&["rehash", A]);
    assert_eq!((out.code, out.err.as_str()), (0, ""), "{out:?}");
    expect![[r#"
        rehash 20260102000000_a to 750d7637ffe25c4e84ca8e05351dc0305910ab0e25c9bb5b345109404af99065
    "#]]
    .assert_eq(&out.out);
    assert_eq!(
        p.scalar("SELECT string_agg(id::text, ',') FROM a"),
        "1",
        "rehash runs nothing"
    );
    let out = p.cli(&["upgrade"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.out.lines().count(), 3, "{}", out.out);
}

#[test]
fn a_revision_unknown_to_the_directory_is_refused_with_nothing_changed() {
    let p = Project::new();
    p.write_history();
    assert_eq!(p.cli(&["upgrade", A]).code, 0);
    p.execute(
        "INSERT INTO aludel_migrations (revision, parents, checksum, applied_at, execution_ms, \
         success, direction) VALUES ('20260105000000_elsewhere', ARRAY['20260102000000_a'], 'x', \
         now(), 0, true, 'upgrade')",
    );
    let before = p.state();
    for args in [&["upgrade"][..], &["downgrade", "-1"], &["stamp", B]] {
        let out = p.cli(args);
        assert_eq!((out.code, out.out.as_str()), (2, ""), "{args:?}");
        expect![[r#"
            error: the database has revision `20260105000000_elsewhere` applied, which is not in the migrations
            hint: restore `20260105000000_elsewhere.sql` into the migrations directory (from version control or the branch that made it), or point at the right directory
        "#]]
        .assert_eq(&out.err);
        assert_eq!(p.state(), before, "{args:?} changed nothing");
    }
    let out = p.cli(&["history"]);
    expect![[r#"
        unknown  20260105000000_elsewhere
                 applied to the database but not in DIR/migrations
        pending  20260104000000_after (head) - after
        pending  20260103000000_merge (mergepoint) - merge
        pending  20260102000000_b - b
        applied  20260102000000_a - a
        applied  20260101000000_base (branchpoint) - base
    "#]]
    .assert_eq(&out.out);
    let out = p.cli(&["current"]);
    expect![[r#"
        20260105000000_elsewhere (unknown to DIR/migrations)
        20260102000000_a
    "#]]
    .assert_eq(&out.out);
    // `stamp --purge` is the way out when the history was rewritten on purpose.
    let out = p.cli(&["stamp", "--purge"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(p.state(), "tables: [a base] applied: []");
}

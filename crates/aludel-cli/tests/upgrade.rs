//! `upgrade`, `downgrade`, `stamp`, `current`, `heads`, `history`, `show`, `merge` and
//! `revision` on a live server, through a history with a branch and a merge, to every kind of
//! target; each step's output and the database state as one transcript snapshot.

mod common;

use common::{A, AFTER, B, BASE, MERGE, Project};
use expect_test::{Expect, expect};

/// Runs each command in turn and writes `$ aludel ARGS`, its exit code and output, and the
/// database state after it.
fn transcript(p: &Project, commands: &[&[&str]], expect: Expect) {
    let mut text = String::new();
    for args in commands {
        let out = p.cli(args);
        text.push_str(&format!("$ aludel {} -> {}\n", args.join(" "), out.code));
        text.push_str(&out.out);
        if !out.err.is_empty() {
            text.push_str(&format!("stderr: {}", out.err));
        }
        text.push_str(&format!("  => {}\n", p.state()));
    }
    expect.assert_eq(&text);
}

#[test]
fn every_target_through_a_branch_and_a_merge() {
    let p = Project::new();
    p.write_history();
    transcript(
        &p,
        &[
            &["current"],
            &["upgrade", "+1"],
            &["current"],
            &["upgrade", A],
            &["current"],
            &["upgrade", "+2"],
            &["current"],
            &["upgrade"],
            &["current"],
            &["upgrade", "head"],
            &["downgrade", "-1"],
            &["downgrade", A],
            &["current"],
            &["upgrade", "heads"],
            &["downgrade", "base"],
            &["upgrade", "+9"],
            &["downgrade", "-9"],
            &["downgrade", "nope"],
        ],
        expect![[r#"
            $ aludel current -> 0
              => tables: [] applied: [(no version table)]
            $ aludel upgrade +1 -> 0
            upgrade 20260101000000_base (N ms)
              => tables: [base] applied: [20260101000000_base]
            $ aludel current -> 0
            20260101000000_base
              => tables: [base] applied: [20260101000000_base]
            $ aludel upgrade 20260102000000_a -> 0
            upgrade 20260102000000_a (N ms)
              => tables: [a base] applied: [20260101000000_base 20260102000000_a]
            $ aludel current -> 0
            20260102000000_a
              => tables: [a base] applied: [20260101000000_base 20260102000000_a]
            $ aludel upgrade +2 -> 0
            upgrade 20260102000000_b (transaction none) (N ms)
            upgrade 20260103000000_merge (N ms)
              => tables: [a b base merge] applied: [20260101000000_base 20260102000000_a 20260102000000_b 20260103000000_merge]
            $ aludel current -> 0
            20260103000000_merge
              => tables: [a b base merge] applied: [20260101000000_base 20260102000000_a 20260102000000_b 20260103000000_merge]
            $ aludel upgrade -> 0
            upgrade 20260104000000_after (N ms)
              => tables: [a after b base merge] applied: [20260101000000_base 20260102000000_a 20260102000000_b 20260103000000_merge 20260104000000_after]
            $ aludel current -> 0
            20260104000000_after (head)
              => tables: [a after b base merge] applied: [20260101000000_base 20260102000000_a 20260102000000_b 20260103000000_merge 20260104000000_after]
            $ aludel upgrade head -> 0
            nothing to do
              => tables: [a after b base merge] applied: [20260101000000_base 20260102000000_a 20260102000000_b 20260103000000_merge 20260104000000_after]
            $ aludel downgrade -1 -> 0
            downgrade 20260104000000_after (N ms)
              => tables: [a b base merge] applied: [20260101000000_base 20260102000000_a 20260102000000_b 20260103000000_merge]
            $ aludel downgrade 20260102000000_a -> 0
            downgrade 20260103000000_merge (N ms)
            downgrade 20260102000000_b (transaction none) (N ms)
              => tables: [a base] applied: [20260101000000_base 20260102000000_a]
            $ aludel current -> 0
            20260102000000_a
              => tables: [a base] applied: [20260101000000_base 20260102000000_a]
            $ aludel upgrade heads -> 0
            upgrade 20260102000000_b (transaction none) (N ms)
            upgrade 20260103000000_merge (N ms)
            upgrade 20260104000000_after (N ms)
              => tables: [a after b base merge] applied: [20260101000000_base 20260102000000_a 20260102000000_b 20260103000000_merge 20260104000000_after]
            $ aludel downgrade base -> 0
            downgrade 20260104000000_after (N ms)
            downgrade 20260103000000_merge (N ms)
            downgrade 20260102000000_b (transaction none) (N ms)
            downgrade 20260102000000_a (N ms)
            downgrade 20260101000000_base (N ms)
              => tables: [] applied: []
            $ aludel upgrade +9 -> 2
            stderr: error: cannot upgrade by 9: only 5 revisions can be
              => tables: [] applied: []
            $ aludel downgrade -9 -> 2
            stderr: error: cannot downgrade by 9: only 0 revisions can be
              => tables: [] applied: []
            $ aludel downgrade nope -> 2
            stderr: error: unknown revision `nope`
            hint: `heads` and `history` list the revisions of this directory
              => tables: [] applied: []
        "#]],
    );
}

#[test]
fn history_heads_show_and_stamp_on_two_branches() {
    let p = Project::new();
    p.write_history();
    std::fs::remove_file(p.migrations().join(format!("{MERGE}.sql"))).unwrap();
    std::fs::remove_file(p.migrations().join(format!("{AFTER}.sql"))).unwrap();
    transcript(
        &p,
        &[
            &["heads"],
            &["upgrade"],
            &["upgrade", B],
            &["history"],
            &["current"],
            &["stamp", A],
            &["current"],
            &["stamp", "--purge"],
            &["stamp", BASE],
            &["history", "--verbose"],
            &["show", A],
        ],
        expect![[r#"
            $ aludel heads -> 0
            20260102000000_a - a
            20260102000000_b - b
              => tables: [] applied: [(no version table)]
            $ aludel upgrade -> 2
            stderr: error: the migrations have several heads: 20260102000000_a, 20260102000000_b
            hint: upgrade to `heads` to apply every branch, or join them with `merge -m <message>`
              => tables: [] applied: [(no version table)]
            $ aludel upgrade 20260102000000_b -> 0
            upgrade 20260101000000_base (N ms)
            upgrade 20260102000000_b (transaction none) (N ms)
              => tables: [b base] applied: [20260101000000_base 20260102000000_b]
            $ aludel history -> 0
            applied  20260102000000_b (head) - b
            pending  20260102000000_a (head) - a
            applied  20260101000000_base (branchpoint) - base
              => tables: [b base] applied: [20260101000000_base 20260102000000_b]
            $ aludel current -> 0
            20260102000000_b (head)
              => tables: [b base] applied: [20260101000000_base 20260102000000_b]
            $ aludel stamp 20260102000000_a -> 0
            stamp -20260102000000_b +20260102000000_a
              => tables: [b base] applied: [20260101000000_base 20260102000000_a]
            $ aludel current -> 0
            20260102000000_a (head)
              => tables: [b base] applied: [20260101000000_base 20260102000000_a]
            $ aludel stamp --purge -> 0
            purge the version table
              => tables: [b base] applied: []
            $ aludel stamp 20260101000000_base -> 0
            stamp +20260101000000_base
              => tables: [b base] applied: [20260101000000_base]
            $ aludel history --verbose -> 0
            pending  20260102000000_b (head) - b
                     parents: 20260101000000_base
                     file: DIR/migrations/20260102000000_b.sql
                     transaction: none
                     checksum: ca16f6dde5eccef93e6a2fb8f333e1c2a9a39336eb8d12c5ca728035a20a01d6
            pending  20260102000000_a (head) - a
                     parents: 20260101000000_base
                     file: DIR/migrations/20260102000000_a.sql
                     transaction: per-migration
                     checksum: 626e16171db30cc3a7508a0a43f628cd4545aea0eeb8df5b2be358ce32e989a6
            applied  20260101000000_base (branchpoint) - base
                     parents: (none)
                     file: DIR/migrations/20260101000000_base.sql
                     transaction: per-migration
                     checksum: 186df65528b63be07f18aaff2ea399051a84d132eedb4dd046262ea2401901b4
              => tables: [b base] applied: [20260101000000_base]
            $ aludel show 20260102000000_a -> 0
            revision:    20260102000000_a
            parents:     20260101000000_base
            children:    (none)
            file:        DIR/migrations/20260102000000_a.sql
            message:     a
            transaction: per-migration
            checksum:    626e16171db30cc3a7508a0a43f628cd4545aea0eeb8df5b2be358ce32e989a6

            -- aludel: revision 20260102000000_a
            -- aludel: parents 20260101000000_base
            -- aludel: message a
            -- aludel: transaction per-migration

            -- aludel: upgrade
            CREATE TABLE a (id int);
            INSERT INTO a VALUES (1);

            -- aludel: downgrade
            DROP TABLE a;
              => tables: [b base] applied: [20260101000000_base]
        "#]],
    );
}

#[test]
fn merge_and_revision_write_files_that_upgrade_applies() {
    let p = Project::new();
    p.write_history();
    std::fs::remove_file(p.migrations().join(format!("{MERGE}.sql"))).unwrap();
    std::fs::remove_file(p.migrations().join(format!("{AFTER}.sql"))).unwrap();

    let out = p.cli(&["revision", "-m", "on one branch"]);
    assert_eq!(out.code, 2, "{out:?}");
    expect![[r#"
        error: the migrations have several heads: 20260102000000_a, 20260102000000_b
        hint: join them with `merge -m <message>`
    "#]]
    .assert_eq(&out.err);

    let out = p.cli(&["merge", "-m", "join a and b"]);
    assert_eq!((out.code, out.err.as_str()), (0, ""), "{out:?}");
    let merge_path = out
        .out
        .trim()
        .replace("DIR", &p.path().display().to_string());
    let merge_text = std::fs::read_to_string(&merge_path).unwrap();
    let merge_rev = merge_path
        .rsplit('/')
        .next()
        .unwrap()
        .trim_end_matches(".sql")
        .to_owned();
    assert!(merge_rev.ends_with("_join_a_and_b"), "{merge_rev}");
    expect![[r#"
        -- aludel: revision REV
        -- aludel: parents 20260102000000_a 20260102000000_b
        -- aludel: message join a and b
        -- aludel: transaction per-migration

        -- aludel: upgrade

        -- aludel: downgrade
    "#]]
    .assert_eq(&merge_text.replace(&merge_rev, "REV"));

    let out = p.cli(&["merge", "-m", "again"]);
    assert_eq!(out.code, 2);
    expect![[r#"
        error: there is only one head, nothing to merge
        hint: `heads` lists the heads
    "#]]
    .assert_eq(&out.err);

    let out = p.cli(&["revision", "-m", "Add the widgets!"]);
    assert_eq!((out.code, out.err.as_str()), (0, ""), "{out:?}");
    let path = out
        .out
        .trim()
        .replace("DIR", &p.path().display().to_string());
    let rev = path
        .rsplit('/')
        .next()
        .unwrap()
        .trim_end_matches(".sql")
        .to_owned();
    assert!(
        rev.ends_with("_add_the_widgets") && rev > merge_rev,
        "{rev}"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(&format!("-- aludel: parents {merge_rev}\n")),
        "{text}"
    );
    std::fs::write(
        &path,
        text.replace(
            "-- aludel: upgrade\n",
            "-- aludel: upgrade\nCREATE TABLE widgets (id int);\n",
        )
        .replace(
            "-- aludel: downgrade\n",
            "-- aludel: downgrade\nDROP TABLE widgets;\n",
        ),
    )
    .unwrap();

    let out = p.cli(&["upgrade"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.out.lines().count(), 5, "{}", out.out);
    assert_eq!(
        p.scalar("SELECT string_agg(relname, ' ' ORDER BY relname) FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"),
        "a aludel_migrations b base widgets"
    );
    let out = p.cli(&["current"]);
    assert_eq!(out.out, format!("{rev} (head)\n"));
}

#[test]
fn a_database_that_is_not_local_needs_yes_without_a_terminal() {
    let p = Project::new();
    p.write_history();
    // The machine's host name resolves to this machine, but only names and addresses that are
    // visibly local count as local.
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .unwrap()
        .trim()
        .to_owned();
    assert!(!host.is_empty() && host != "localhost");
    let url = p
        .url()
        .replacen("127.0.0.1", &host, 1)
        .replacen("localhost", &host, 1);
    assert!(url.contains(&host), "{url}");
    let dir = p.migrations().display().to_string();
    let argv = |extra: &[&str]| {
        let mut v: Vec<String> = [
            "aludel",
            "upgrade",
            "+1",
            "--dir",
            &dir,
            "--database-url",
            &url,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        v.extend(extra.iter().map(|s| s.to_string()));
        v
    };
    let out = p.run_argv(argv(&[]));
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(out.out, "");
    let err = out.err.replace(&host, "HOST");
    expect![[r#"
        plan for postgres://postgres@HOST:PORT/DB:
          upgrade 20260101000000_base
        error: postgres://postgres@HOST:PORT/DB is not on this machine and there is no terminal to confirm on; nothing was changed
        hint: review the plan above (or print its SQL with --sql) and pass --yes
    "#]]
    .assert_eq(&err);
    assert_eq!(p.state(), "tables: [] applied: [(no version table)]");

    let out = p.run_argv(argv(&["--yes"]));
    assert_eq!(
        (out.code, out.out.as_str()),
        (0, "upgrade 20260101000000_base (N ms)\n"),
        "{out:?}"
    );
}

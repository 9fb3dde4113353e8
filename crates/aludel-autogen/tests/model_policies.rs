//! Row-level security and policies declared on a model (`#[aludel(row_level_security,
//! policy(...))]`) and one on a table the application does not own (`.policy(...)` on an
//! external table), through autogen on a live server: the first migration converges (a
//! second autogen has nothing to do and `check` agrees, although the models' text is not
//! PostgreSQL's: both sides are read back from a database), and a changed `using` is an
//! `ALTER POLICY`, a `renamed_from` a rename.

#![allow(dead_code)]

mod common;

use common::{env, opts, upgrade_section};

use aludel::ir::PolicyCommand;
use aludel::{Model, PolicyBuilder};
use aludel_autogen::{CheckOptions, Models, Outcome, Project, autogen, check};
use expect_test::expect;

const T0: u64 = 1_797_000_000;

/// The platform's table, which the application protects but never migrates.
const EXTERNAL: &str = "
CREATE SCHEMA files;
CREATE TABLE files.objects (id bigint PRIMARY KEY, bucket text NOT NULL);
ALTER TABLE files.objects ENABLE ROW LEVEL SECURITY;
";

// written as people write it: lower case, no parentheses, no casts
#[derive(Model)]
#[aludel(
    table = "notes",
    row_level_security,
    policy(
        name = "notes_owner",
        using = "owner = current_user",
        with_check = "owner = current_user"
    ),
    policy(name = "notes_monitor", command = "select", to = ["pg_monitor"], using = "published")
)]
struct Note {
    #[aludel(primary_key)]
    id: i64,
    owner: String,
    published: bool,
}

// the owner policy's `using` changed
#[derive(Model)]
#[aludel(
    table = "notes",
    row_level_security,
    policy(
        name = "notes_owner",
        using = "owner = current_user or published",
        with_check = "owner = current_user"
    ),
    policy(name = "notes_monitor", command = "select", to = ["pg_monitor"], using = "published")
)]
struct NoteShared {
    #[aludel(primary_key)]
    id: i64,
    owner: String,
    published: bool,
}

// the owner policy renamed, with its hint
#[derive(Model)]
#[aludel(
    table = "notes",
    row_level_security,
    policy(
        name = "notes_mine",
        renamed_from = "notes_owner",
        using = "owner = current_user or published",
        with_check = "owner = current_user"
    ),
    policy(name = "notes_monitor", command = "select", to = ["pg_monitor"], using = "published")
)]
struct NoteRenamed {
    #[aludel(primary_key)]
    id: i64,
    owner: String,
    published: bool,
}

fn models<M: Model>() -> Models {
    let schema = aludel::Schema::builder()
        .model::<M>()
        .external_table("files.objects")
        .policy(
            PolicyBuilder::new("files.objects", "objects_avatars")
                .command(PolicyCommand::Select)
                .using("bucket = 'avatars'"),
        )
        .build()
        .expect("the models build");
    Models {
        schema: schema.ir().clone(),
        dropped: Default::default(),
    }
}

#[tokio::test]
async fn model_policies_converge_and_a_changed_using_is_altered() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = Project::new(models::<Note>(), dir.path().join("migrations"));
    project.external_sql = vec![("external.sql".to_owned(), EXTERNAL.to_owned())];

    let Outcome::Written { files, .. } =
        autogen(&project, &env(), &opts("notes", T0)).await.unwrap()
    else {
        panic!("expected the first migration");
    };
    expect![[r#"
        -- aludel: upgrade
        CREATE TABLE public.notes (
            id bigint NOT NULL,
            owner text NOT NULL,
            published boolean NOT NULL,
            CONSTRAINT notes_pkey PRIMARY KEY (id)
        );
        ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
        CREATE POLICY objects_avatars ON files.objects AS PERMISSIVE FOR SELECT TO PUBLIC USING ((bucket = 'avatars'::text));
        CREATE POLICY notes_monitor ON public.notes AS PERMISSIVE FOR SELECT TO pg_monitor USING (published);
        CREATE POLICY notes_owner ON public.notes AS PERMISSIVE FOR ALL TO PUBLIC USING ((owner = CURRENT_USER)) WITH CHECK ((owner = CURRENT_USER));

        -- aludel: downgrade
        DROP POLICY notes_owner ON public.notes;
        DROP POLICY notes_monitor ON public.notes;
        DROP POLICY objects_avatars ON files.objects;
        -- hazard: data-loss public.notes
        DROP TABLE public.notes;
    "#]].assert_eq(&upgrade_section(&files[0]));

    assert_eq!(
        autogen(&project, &env(), &opts("again", T0 + 1))
            .await
            .unwrap(),
        Outcome::NothingToDo
    );
    let report = check(&project, &env(), &CheckOptions::default())
        .await
        .unwrap();
    assert!(report.agrees(), "{}", report.text());

    project.models = models::<NoteShared>();
    let Outcome::Written { files, .. } = autogen(&project, &env(), &opts("shared", T0 + 2))
        .await
        .unwrap()
    else {
        panic!("expected the ALTER POLICY migration");
    };
    expect![[r#"
        -- aludel: upgrade
        ALTER POLICY notes_owner ON public.notes USING (((owner = CURRENT_USER) OR published));

        -- aludel: downgrade
        ALTER POLICY notes_owner ON public.notes USING ((owner = CURRENT_USER));
    "#]]
    .assert_eq(&upgrade_section(&files[0]));
    assert_eq!(
        autogen(&project, &env(), &opts("again", T0 + 3))
            .await
            .unwrap(),
        Outcome::NothingToDo
    );

    // `renamed_from` renames in place
    project.models = models::<NoteRenamed>();
    let Outcome::Written { files, .. } = autogen(&project, &env(), &opts("rename", T0 + 4))
        .await
        .unwrap()
    else {
        panic!("expected the rename migration");
    };
    expect![[r#"
        -- aludel: upgrade
        ALTER POLICY notes_owner ON public.notes RENAME TO notes_mine;

        -- aludel: downgrade
        ALTER POLICY notes_mine ON public.notes RENAME TO notes_owner;
    "#]]
    .assert_eq(&upgrade_section(&files[0]));
}

//! A trigger declared on its model (`#[aludel(trigger(...))]`) against the same trigger written
//! as SQL, on a live server: after a migration from the SQL form, the attribute form has
//! nothing to migrate and `check` agrees (both are PostgreSQL's `pg_get_triggerdef`), and the
//! attribute's `renamed_from` renames the trigger in place.

#![allow(dead_code)]

mod common;

use common::{env, opts, upgrade_section};

use aludel::Model;
use aludel_autogen::{CheckOptions, Models, Outcome, Project, autogen, check};
use expect_test::expect;

const T0: u64 = 1_796_000_000;

const FUNCTION: &str = "\
CREATE FUNCTION public.set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
";

/// The trigger as SQL, written as people write it (lower case, the old `PROCEDURE` spelling).
const TRIGGER: &str = "\
create trigger accounts_updated_at
    before update of name, active on accounts
    for each row
    when (old.* is distinct from new.*)
    execute procedure public.set_updated_at('stamp');
comment on trigger accounts_updated_at on accounts is 'keeps updated_at current';
";

// The table alone; the trigger comes from `TRIGGER` (plain comments: a doc comment would be
// the table's comment).
#[derive(Model)]
#[aludel(table = "accounts")]
struct Plain {
    #[aludel(primary_key, identity = "always")]
    id: i64,
    name: String,
    active: bool,
    #[aludel(sql_type = "timestamptz", default = "now()")]
    updated_at: String,
}

// The same table with the same trigger as an attribute.
#[derive(Model)]
#[aludel(
    table = "accounts",
    trigger(
        function = "public.set_updated_at",
        before = "update of name, active",
        when = "OLD.* IS DISTINCT FROM NEW.*",
        args = ["stamp"],
        name = "accounts_updated_at",
        comment = "keeps updated_at current"
    )
)]
struct WithTrigger {
    #[aludel(primary_key, identity = "always")]
    id: i64,
    name: String,
    active: bool,
    #[aludel(sql_type = "timestamptz", default = "now()")]
    updated_at: String,
}

// The attribute trigger renamed, with its hint.
#[derive(Model)]
#[aludel(
    table = "accounts",
    trigger(
        function = "public.set_updated_at",
        before = "update of name, active",
        when = "OLD.* IS DISTINCT FROM NEW.*",
        args = ["stamp"],
        name = "accounts_touch",
        renamed_from = "accounts_updated_at",
        comment = "keeps updated_at current"
    )
)]
struct Renamed {
    #[aludel(primary_key, identity = "always")]
    id: i64,
    name: String,
    active: bool,
    #[aludel(sql_type = "timestamptz", default = "now()")]
    updated_at: String,
}

fn models(builder: aludel::SchemaBuilder) -> Models {
    let schema = builder
        .sql("sql/set_updated_at.sql", FUNCTION)
        .build()
        .expect("the models build");
    Models {
        schema: schema.ir().clone(),
        dropped: Default::default(),
    }
}

#[tokio::test]
async fn the_attribute_and_the_sql_give_the_same_trigger() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = Project::new(
        models(
            aludel::Schema::builder()
                .model::<Plain>()
                .sql("sql/trigger.sql", TRIGGER),
        ),
        dir.path().join("migrations"),
    );
    let first = autogen(&project, &env(), &opts("sql form", T0))
        .await
        .unwrap();
    assert!(
        matches!(first, Outcome::Written { .. }),
        "the first migration: {first:?}"
    );

    // the attribute form of the same trigger: nothing to migrate
    project.models = models(aludel::Schema::builder().model::<WithTrigger>());
    assert_eq!(
        autogen(&project, &env(), &opts("attribute form", T0 + 1))
            .await
            .unwrap(),
        Outcome::NothingToDo
    );
    let report = check(&project, &env(), &CheckOptions::default())
        .await
        .unwrap();
    assert!(report.agrees(), "{}", report.text());

    // `renamed_from` on the attribute renames it in place
    project.models = models(aludel::Schema::builder().model::<Renamed>());
    let Outcome::Written { files, .. } = autogen(&project, &env(), &opts("rename", T0 + 2))
        .await
        .unwrap()
    else {
        panic!("expected the rename migration");
    };
    expect![[r#"
        -- aludel: upgrade
        ALTER TRIGGER accounts_updated_at ON public.accounts RENAME TO accounts_touch;

        -- aludel: downgrade
        ALTER TRIGGER accounts_touch ON public.accounts RENAME TO accounts_updated_at;
    "#]]
    .assert_eq(&upgrade_section(&files[0]));
}

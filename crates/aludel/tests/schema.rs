//! The `Schema` builder: registration, enums gathered from models, and every whole-schema check.

#![allow(dead_code)]

use aludel::ir::{ColumnType, QualifiedName, Sequence};
use aludel::{Model, PgEnum, Schema, SchemaBuilder};
use expect_test::{Expect, expect};

fn check_err(builder: SchemaBuilder, want: Expect) {
    let err = builder.build().expect_err("the schema is inconsistent");
    want.assert_eq(&err.to_string());
}

#[derive(PgEnum)]
#[aludel(rename_all = "lowercase")]
enum Plan {
    Free,
    Pro,
}

#[derive(PgEnum)]
#[aludel(schema = "app")]
enum Unused {
    A,
}

#[derive(Model)]
#[aludel(table = "accounts")]
struct Account {
    #[aludel(primary_key, identity = "always")]
    id: i64,
    #[aludel(unique)]
    slug: String,
    plan: Plan,
    #[aludel(references = "accounts(id)")]
    parent_id: Option<i64>,
}

#[derive(Model)]
#[aludel(table = "users", schema = "app")]
struct User {
    #[aludel(primary_key)]
    id: uuid_like::Id,
    #[aludel(references = "public.accounts(id)", on_delete = "cascade")]
    account_id: i64,
    #[aludel(references = "auth.users(id)")]
    auth_id: i64,
    plans: Vec<Plan>,
}

mod uuid_like {
    pub type Id = i64;
}

#[test]
fn builds_a_schema() {
    let schema = Schema::builder()
        .model::<Account>()
        .model::<User>()
        .enum_type::<Unused>()
        .extension("pgcrypto")
        .extension_in("pg_trgm", "extensions")
        .sequence(Sequence::new(
            QualifiedName::new("public", "invoice_numbers"),
            ColumnType::BigInt,
        ))
        .external_table("auth.users(id)")
        .dropped("public.legacy")
        .build()
        .expect("consistent");
    expect![[r#"
        CREATE SCHEMA IF NOT EXISTS app;

        CREATE SCHEMA IF NOT EXISTS extensions;

        CREATE SCHEMA IF NOT EXISTS public;

        CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;

        CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;

        CREATE TYPE app.unused AS ENUM ('A');

        CREATE TYPE public.plan AS ENUM ('free', 'pro');

        CREATE SEQUENCE public.invoice_numbers AS bigint;

        CREATE TABLE app.users (
            id bigint NOT NULL,
            account_id bigint NOT NULL,
            auth_id bigint NOT NULL,
            plans public.plan[] NOT NULL,
            CONSTRAINT users_pkey PRIMARY KEY (id)
        );

        CREATE TABLE public.accounts (
            id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
            slug text NOT NULL,
            plan public.plan NOT NULL,
            parent_id bigint,
            CONSTRAINT accounts_pkey PRIMARY KEY (id),
            CONSTRAINT accounts_slug_key UNIQUE (slug)
        );

        ALTER TABLE app.users ADD CONSTRAINT users_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts (id) ON DELETE CASCADE;

        ALTER TABLE app.users ADD CONSTRAINT users_auth_id_fkey FOREIGN KEY (auth_id) REFERENCES auth.users (id);

        ALTER TABLE public.accounts ADD CONSTRAINT accounts_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.accounts (id);
    "#]]
    .assert_eq(&schema.ir().to_string());
    let dropped: Vec<String> = schema.dropped().iter().map(ToString::to_string).collect();
    assert_eq!(dropped, ["public.legacy"]);
    let external: Vec<String> = schema
        .external_tables()
        .keys()
        .map(ToString::to_string)
        .collect();
    assert_eq!(external, ["auth.users"]);
}

#[test]
fn foreign_key_to_an_undeclared_table() {
    check_err(
        Schema::builder()
            .model::<User>()
            .external_table("auth.users"),
        expect![[r#"
            foreign key users_account_id_fkey of app.users (declared by `schema::User`) references public.accounts, which no model declares
            hint: register its model with `.model::<...>()`, or declare a table the application does not own with `.external_table("public.accounts(...)")`"#]],
    );
}

#[test]
fn foreign_key_to_an_unknown_column() {
    check_err(
        Schema::builder()
            .model::<Account>()
            .model::<User>()
            .external_table("auth.users(uid)"),
        expect![[r#"
            foreign key users_auth_id_fkey of app.users (declared by `schema::User`) references column id of auth.users (declared by `.external_table(...)`), which has no such column
            hint: reference one of its columns: uid"#]],
    );
}

#[derive(Model)]
#[aludel(table = "accounts")]
struct OtherAccount {
    #[aludel(primary_key)]
    id: i64,
}

#[test]
fn two_models_with_one_table_name() {
    check_err(
        Schema::builder().model::<Account>().model::<OtherAccount>(),
        expect![[r#"
            table public.accounts is declared twice, by `schema::Account` and by `schema::OtherAccount`
            hint: give one of them another name with `#[aludel(table = "...")]`"#]],
    );
}

#[derive(Model)]
#[aludel(table = "orders")]
struct Order {
    #[aludel(primary_key)]
    id: i64,
    #[aludel(references = "accounts(slug)")]
    account_slug: String,
    #[aludel(references = "accounts(plan)")]
    plan: Plan,
    #[aludel(references = "accounts(nope)")]
    other: i64,
}

#[test]
fn several_problems_are_reported_together() {
    check_err(
        Schema::builder()
            .model::<Account>()
            .model::<Order>()
            .dropped("public.orders")
            .external_table("public.accounts")
            .external_table("a.b.c"),
        expect![[r#"
            5 problems in the declared schema
            - external table "a.b.c" is malformed: a table name has at most one `.`
              hint: write it as `.external_table("auth.users(id)")`
            - table public.orders is declared dropped, but `schema::Order` declares it
              hint: remove the `.dropped("public.orders")` declaration or the model
            - table public.accounts is declared external, but `schema::Account` declares it as a model
              hint: remove the `.external_table(...)` declaration or the model
            - foreign key orders_other_fkey of public.orders (declared by `schema::Order`) references column nope of public.accounts (declared by `schema::Account`), which has no such column
              hint: reference one of its columns: id, slug, plan, parent_id
            - foreign key orders_plan_fkey of public.orders (declared by `schema::Order`) references (plan) of public.accounts (declared by `schema::Account`), which is neither its primary key nor unique
              hint: reference the primary key, or add `unique` to the referenced column(s)"#]],
    );
}

#[derive(Model)]
#[aludel(table = "accounts_pkey")]
struct Clash {
    #[aludel(primary_key)]
    id: i64,
}

#[derive(PgEnum)]
#[aludel(name = "plan")]
enum OtherPlan {
    Gold,
}

#[derive(Model)]
#[aludel(renamed_from = "accounts")]
struct Renamed {
    other: OtherPlan,
}

#[test]
fn name_clashes_and_conflicting_hints() {
    check_err(
        Schema::builder()
            .model::<Account>()
            .model::<Clash>()
            .model::<Renamed>(),
        expect![[r#"
            3 problems in the declared schema
            - enum type public.plan is declared twice with different values, by `schema::Account` and by `schema::Renamed`
              hint: give one of them another name with `#[aludel(name = "...")]`
            - table public.renamed (declared by `schema::Renamed`) is renamed from public.accounts, which `schema::Account` still declares
              hint: remove the `renamed_from` hint, or the declaration of public.accounts
            - primary key accounts_pkey of public.accounts (declared by `schema::Account`) is named public.accounts_pkey, like table public.accounts_pkey (declared by `schema::Clash`); tables, indexes, constraint indexes and sequences share one namespace per schema
              hint: rename one of them (`name = "..."` on the index or constraint)"#]],
    );
}

#[test]
fn hand_built_tables_are_checked_too() {
    let mut t = aludel::ir::Table::new(QualifiedName::new("public", "t"));
    t.columns.push(aludel::ir::Column::new(
        "a",
        ColumnType::Enum {
            name: QualifiedName::new("public", "nope"),
        },
    ));
    t.indexes.push(aludel::ir::Index {
        name: "t_b_idx".into(),
        unique: false,
        nulls_not_distinct: false,
        method: "btree".into(),
        keys: vec![aludel::ir::IndexKey::column("b")],
        include: vec![],
        predicate: None,
        comment: None,
    });
    check_err(
        Schema::builder().table(t),
        expect![[r#"
        2 problems in the declared schema
        - index t_b_idx of public.t (declared by `.table(public.t)`) names column b, which the table does not have
          hint: use one of its columns: a
        - column a of public.t (declared by `.table(public.t)`) has enum type public.nope, which no model or `.enum_type::<...>()` declares
          hint: register the enum with `.enum_type::<...>()`"#]],
    );
}

#[test]
fn the_same_model_twice_is_one_table() {
    let s = Schema::builder()
        .model::<Account>()
        .model::<Account>()
        .build()
        .expect("consistent");
    assert_eq!(s.ir().tables.len(), 1);
}

#[derive(Model)]
#[aludel(
    table = "events",
    trigger(function = "public.stamp", before = "insert or update"),
    trigger(
        function = "public.audit",
        after = "delete",
        renamed_from = "events_log"
    )
)]
struct Event {
    #[aludel(primary_key)]
    id: i64,
}

#[test]
fn a_models_triggers_follow_the_sql_files_once_each() {
    let s = Schema::builder()
        .model::<Event>()
        .sql("sql/functions.sql", "CREATE FUNCTION public.stamp() ...")
        .model::<Event>()
        .build()
        .expect("consistent");
    let sources: Vec<String> = s
        .ir()
        .declared_sql
        .iter()
        .map(|d| format!("{}:{}: {}", d.origin, d.line, d.sql))
        .collect();
    // the file is the model's, the line that of `trigger(` (one before it for the hint's
    // comment line, so that the `CREATE` is on the attribute's line)
    expect![[r#"
        sql/functions.sql:1: CREATE FUNCTION public.stamp() ...
        crates/aludel/tests/schema.rs:281: CREATE TRIGGER events_stamp BEFORE INSERT OR UPDATE ON public.events FOR EACH ROW EXECUTE FUNCTION public.stamp();
        crates/aludel/tests/schema.rs:281: -- aludel: renamed_from events_log
        CREATE TRIGGER events_audit AFTER DELETE ON public.events FOR EACH ROW EXECUTE FUNCTION public.audit();"#]]
    .assert_eq(&sources.join("\n"));
}

#[test]
fn declared_sql_keeps_its_order() {
    let s = Schema::builder()
        .sql("sql/b.sql", "CREATE VIEW public.b AS SELECT 1 AS one")
        .model::<Account>()
        .sql("sql/a.sql", "CREATE VIEW public.a AS SELECT 1 AS one")
        .build()
        .expect("consistent");
    let origins: Vec<&str> = s
        .ir()
        .declared_sql
        .iter()
        .map(|d| d.origin.as_str())
        .collect();
    assert_eq!(origins, ["sql/b.sql", "sql/a.sql"]);
    assert!(
        s.ir().declared_sql[1]
            .sql
            .starts_with("CREATE VIEW public.a")
    );
}

#[test]
fn one_sql_source_declared_twice() {
    check_err(
        Schema::builder()
            .sql("sql/v.sql", "CREATE VIEW public.v AS SELECT 1 AS one")
            .sql("sql/v.sql", "CREATE VIEW public.v AS SELECT 1 AS one"),
        expect![[r#"
            SQL source sql/v.sql is declared twice
            hint: declare each file once with `.sql(...)`, or give the sources distinct origins"#]],
    );
}

#[derive(Model)]
#[aludel(
    table = "docs",
    row_level_security,
    policy(name = "docs_read", command = "select", using = "true")
)]
struct Doc {
    #[aludel(primary_key)]
    id: i64,
}

// the same table and policy name from another model
#[derive(Model)]
#[aludel(table = "docs", policy(name = "docs_read", using = "false"))]
struct OtherDoc {
    #[aludel(primary_key)]
    id: i64,
}

// policies without `row_level_security`: allowed (PostgreSQL keeps them, unenforced)
#[derive(Model)]
#[aludel(table = "drafts", policy(name = "drafts_all", using = "true"))]
struct Draft {
    #[aludel(primary_key)]
    id: i64,
}

#[test]
fn a_models_policies_are_in_the_ir_once() {
    use aludel::PolicyBuilder;
    use aludel::ir::PolicyCommand;
    let s = Schema::builder()
        .model::<Doc>()
        .model::<Doc>()
        .model::<Draft>()
        .external_table("storage.objects")
        .policy(
            PolicyBuilder::new("storage.objects", "avatars_insert")
                .command(PolicyCommand::Insert)
                .to(["authenticated", "PUBLIC"])
                .with_check("bucket_id = 'avatars'")
                .restrictive()
                .comment("uploads")
                .renamed_from("avatars_upload"),
        )
        .build()
        .expect("consistent");
    let names: Vec<String> = s.ir().policies.keys().map(|id| id.to_string()).collect();
    expect![[r#"
        policy docs_read on public.docs
        policy drafts_all on public.drafts
        policy avatars_insert on storage.objects"#]]
    .assert_eq(&names.join("\n"));
    let p = s.ir().policies.values().last().unwrap();
    expect![[r#"CREATE POLICY avatars_insert ON storage.objects AS RESTRICTIVE FOR INSERT TO authenticated, PUBLIC WITH CHECK (bucket_id = 'avatars')"#]]
        .assert_eq(&aludel::ir::display::create_policy(p));
    assert_eq!(p.comment.as_deref(), Some("uploads"));
    assert_eq!(
        p.renamed_from.as_ref().map(|n| n.as_str()),
        Some("avatars_upload")
    );
    assert!(
        s.ir().tables[&QualifiedName::new("public", "docs")]
            .row_security
            .enabled
    );
    assert!(
        s.ir().tables[&QualifiedName::new("public", "drafts")]
            .row_security
            .is_default()
    );
    // the external table is not declared, nor its schema
    assert!(!s.ir().namespaces.keys().any(|n| n.as_str() == "storage"));
}

#[test]
fn a_policy_declared_twice() {
    use aludel::PolicyBuilder;
    check_err(
        Schema::builder()
            .model::<Doc>()
            .policy(PolicyBuilder::new("docs", "docs_read").using("true")),
        expect![[r#"
            policy docs_read on public.docs is declared twice, by `schema::Doc` and by `.policy(docs_read)`
            hint: give one of them another name"#]],
    );
    // two models of one table: the table's problem, the policy is not reported again
    check_err(
        Schema::builder().model::<Doc>().model::<OtherDoc>(),
        expect![[r#"
            table public.docs is declared twice, by `schema::Doc` and by `schema::OtherDoc`
            hint: give one of them another name with `#[aludel(table = "...")]`"#]],
    );
}

#[test]
fn a_policy_on_a_table_nobody_declares() {
    use aludel::PolicyBuilder;
    check_err(
        Schema::builder()
            .external_table("auth.users")
            .dropped("public.old")
            .policy(PolicyBuilder::new("storage.objects", "avatars_read").using("true"))
            .policy(PolicyBuilder::new("old", "old_read").using("true")),
        expect![[r#"
            2 problems in the declared schema
            - policy avatars_read on storage.objects (declared by `.policy(avatars_read)`) is on storage.objects, which neither a model nor `.external_table(...)` declares
              hint: register its model with `.model::<...>()`, or declare a table the application does not own with `.external_table("storage.objects")`
            - policy old_read on public.old (declared by `.policy(old_read)`) is on public.old, which neither a model nor `.external_table(...)` declares
              hint: register its model with `.model::<...>()`, or declare a table the application does not own with `.external_table("public.old")`"#]],
    );
}

#[test]
fn a_built_policy_breaks_the_clause_rules() {
    use aludel::PolicyBuilder;
    use aludel::ir::PolicyCommand;
    let on = |name: &str| PolicyBuilder::new("storage.objects", name);
    check_err(
        Schema::builder()
            .external_table("storage.objects")
            .policy(on("a").command(PolicyCommand::Insert).using("true"))
            .policy(on("b").command(PolicyCommand::Delete).with_check("true"))
            .policy(on("c"))
            .policy(on("d").to(Vec::<String>::new()).using("true"))
            .policy(on(&"x".repeat(64)).using("true"))
            .policy(PolicyBuilder::new("a.b.c", "e").using("true")),
        expect![[r#"
            6 problems in the declared schema
            - policy table "a.b.c" is malformed: a table name has at most one `.`
              hint: write it as `PolicyBuilder::new("storage.objects", "avatars_read")`
            - policy a on storage.objects (declared by `.policy(a)`) is FOR INSERT with a USING clause, which INSERT policies do not take
              hint: an INSERT policy checks new rows only: give the condition as WITH CHECK (`.with_check(...)`)
            - policy b on storage.objects (declared by `.policy(b)`) is FOR DELETE with a WITH CHECK clause, which DELETE policies do not take
              hint: a SELECT or DELETE policy sees existing rows only: give the condition as USING (`.using(...)`)
            - policy c on storage.objects (declared by `.policy(c)`) has neither USING nor WITH CHECK
              hint: give the condition (`.using("true")` for every row)
            - policy d on storage.objects (declared by `.policy(d)`) applies to no role
              hint: name its roles, or leave them out for every role (PUBLIC)
            - policy xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx on storage.objects (declared by `.policy(xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx)`) has an empty name or one longer than PostgreSQL's 63 bytes
              hint: choose a name of 1 to 63 bytes"#]],
    );
}

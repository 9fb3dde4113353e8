//! Derived models produce the expected IR: snapshots of the DDL `aludel_schema::display` prints.

#![allow(dead_code)]

use aludel::ir::display;
use aludel::{Model, PgEnum, SqlType};
use expect_test::{Expect, expect};

fn check<M: Model>(want: Expect) {
    let t = M::table();
    let mut out = display::create_table(&t);
    out.push_str(";\n");
    for ix in &t.indexes {
        out.push_str(&display::create_index(&t.name, ix));
        out.push_str(";\n");
    }
    for fk in &t.foreign_keys {
        out.push_str(&format!(
            "ALTER TABLE {} ADD {};\n",
            t.name,
            display::foreign_key_def(fk)
        ));
    }
    if let Some(c) = &t.comment {
        out.push_str(&format!("-- table comment: {c:?}\n"));
    }
    for c in &t.columns {
        if let Some(comment) = &c.comment {
            out.push_str(&format!("-- column {} comment: {comment:?}\n", c.name));
        }
        if let Some(old) = &c.renamed_from {
            out.push_str(&format!("-- column {} renamed from {old}\n", c.name));
        }
    }
    if let Some(old) = &t.renamed_from {
        out.push_str(&format!("-- renamed from {old}\n"));
    }
    want.assert_eq(&out);
}

/// A person who logs in.
#[derive(Model)]
struct User {
    #[aludel(primary_key, identity = "always")]
    id: i64,
    /// Login address, lower-cased.
    #[aludel(unique, max_length = 320)]
    email: String,
    display_name: Option<String>,
    #[aludel(default = "now()", sql_type = "timestamptz")]
    created_at: String,
    #[aludel(skip)]
    _cache: Vec<u8>,
}

#[test]
fn minimal_user() {
    check::<User>(expect![[r#"
        CREATE TABLE public."user" (
            id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
            email character varying(320) NOT NULL,
            display_name text,
            created_at timestamp with time zone DEFAULT now() NOT NULL,
            CONSTRAINT user_pkey PRIMARY KEY (id),
            CONSTRAINT user_email_key UNIQUE (email)
        );
        -- table comment: "A person who logs in."
        -- column email comment: "Login address, lower-cased."
    "#]]);
}

/// How an agent feels.
#[derive(PgEnum)]
#[aludel(
    schema = "app",
    rename_all = "SCREAMING_SNAKE_CASE",
    renamed_from = "public.feeling"
)]
enum Mood {
    Happy,
    #[aludel(renamed_from = "GLUM")]
    Sad,
    #[aludel(name = "so-so")]
    SoSo,
}

#[derive(PgEnum)]
enum ConnectionType {
    PowerBi,
    Db,
}

#[test]
fn enums() {
    let e = Mood::enum_type();
    expect![[r#"
        CREATE TYPE app.mood AS ENUM ('HAPPY', 'SAD', 'so-so')
        -- renamed from Some("public.feeling")
        -- values renamed from [None, Some("GLUM"), None]
        -- comment Some("How an agent feels.")"#]]
    .assert_eq(&format!(
        "{}\n-- renamed from {:?}\n-- values renamed from {:?}\n-- comment {:?}",
        display::create_enum(&e),
        e.renamed_from.as_ref().map(ToString::to_string),
        e.values
            .iter()
            .map(|v| v.renamed_from.clone())
            .collect::<Vec<_>>(),
        e.comment,
    ));
    expect!["CREATE TYPE public.connection_type AS ENUM ('PowerBi', 'Db')"]
        .assert_eq(&display::create_enum(&ConnectionType::enum_type()));
}

/// Agents run workflows.
#[derive(Model)]
#[aludel(
    schema = "app",
    table = "agents",
    renamed_from = "bots",
    unique(account_id, slug, nulls_not_distinct),
    check(name = "agents_budget_sane", expr = "budget >= 0 AND budget < 1000000"),
    check(expr = "length(slug) > 2"),
    index(
        columns(account_id, created_at(desc, nulls_last)),
        where = "deleted_at IS NULL"
    ),
    index(expr = "lower(slug)", unique, name = "agents_slug_lower_key"),
    index(columns(tags), method = "gin"),
    index(
        columns(slug(opclass = "text_pattern_ops", collation = "C")),
        include(mood)
    ),
    foreign_key(
        columns(account_id, owner_id),
        references = "public.memberships(account_id, user_id)",
        on_delete = "cascade",
        on_update = "restrict",
        deferrable,
        initially_deferred,
        name = "agents_membership_fkey"
    )
)]
struct Agent {
    #[aludel(primary_key(name = "agents_pk"), identity = "by default")]
    id: i32,
    #[aludel(references = "public.accounts(id)", on_delete = "cascade")]
    account_id: i64,
    #[aludel(foreign_key(references = "public.user(id)", on_delete = "set null", deferrable))]
    owner_id: Option<i64>,
    #[aludel(foreign_key(references = "agents(id)", name = "agents_parent_fkey"))]
    parent_id: Option<i32>,
    #[aludel(
        name = "handle",
        renamed_from = "nick",
        collation = "C",
        index(desc, nulls_first)
    )]
    slug: String,
    mood: Mood,
    moods: Option<Vec<Mood>>,
    tags: Vec<String>,
    #[aludel(check = "budget >= 0", sql_type = "numeric(10,2)")]
    budget: f64,
    #[aludel(generated = "budget * 2", sql_type = "numeric")]
    double_budget: Option<f64>,
    #[aludel(
        sql_type = "jsonb",
        default = "'{}'::jsonb",
        comment = "free-form settings"
    )]
    config: String,
    #[aludel(sql_type = "timestamptz", default = "now()")]
    created_at: String,
    #[aludel(sql_type = "timestamptz")]
    deleted_at: Option<String>,
    #[aludel(
        unique(nulls_not_distinct, name = "agents_token_uq"),
        check(name = "agents_token_len", expr = "length(token) = 32")
    )]
    token: Option<String>,
    payload: Vec<u8>,
    #[aludel(max_length = 8)]
    codes: Vec<String>,
    r#type: i16,
}

#[test]
fn every_option() {
    check::<Agent>(expect![[r#"
        CREATE TABLE app.agents (
            id integer GENERATED BY DEFAULT AS IDENTITY NOT NULL,
            account_id bigint NOT NULL,
            owner_id bigint,
            parent_id integer,
            handle text COLLATE pg_catalog."C" NOT NULL,
            mood app.mood NOT NULL,
            moods app.mood[],
            tags text[] NOT NULL,
            budget numeric(10,2) NOT NULL,
            double_budget numeric GENERATED ALWAYS AS (budget * 2) STORED,
            config jsonb DEFAULT '{}'::jsonb NOT NULL,
            created_at timestamp with time zone DEFAULT now() NOT NULL,
            deleted_at timestamp with time zone,
            token text,
            payload bytea NOT NULL,
            codes character varying(8)[] NOT NULL,
            type smallint NOT NULL,
            CONSTRAINT agents_pk PRIMARY KEY (id),
            CONSTRAINT agents_token_uq UNIQUE NULLS NOT DISTINCT (token),
            CONSTRAINT agents_account_id_handle_key UNIQUE NULLS NOT DISTINCT (account_id, handle),
            CONSTRAINT agents_budget_check CHECK (budget >= 0),
            CONSTRAINT agents_token_len CHECK (length(token) = 32),
            CONSTRAINT agents_budget_sane CHECK (budget >= 0 AND budget < 1000000),
            CONSTRAINT agents_check CHECK (length(slug) > 2)
        );
        CREATE INDEX agents_handle_idx ON app.agents USING btree (handle DESC);
        CREATE INDEX agents_account_id_created_at_idx ON app.agents USING btree (account_id, created_at DESC NULLS LAST) WHERE deleted_at IS NULL;
        CREATE UNIQUE INDEX agents_slug_lower_key ON app.agents USING btree ((lower(slug)));
        CREATE INDEX agents_tags_idx ON app.agents USING gin (tags);
        CREATE INDEX agents_handle_mood_idx ON app.agents USING btree (handle COLLATE pg_catalog."C" pg_catalog.text_pattern_ops) INCLUDE (mood);
        ALTER TABLE app.agents ADD CONSTRAINT agents_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts (id) ON DELETE CASCADE;
        ALTER TABLE app.agents ADD CONSTRAINT agents_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public."user" (id) ON DELETE SET NULL DEFERRABLE;
        ALTER TABLE app.agents ADD CONSTRAINT agents_parent_fkey FOREIGN KEY (parent_id) REFERENCES app.agents (id);
        ALTER TABLE app.agents ADD CONSTRAINT agents_membership_fkey FOREIGN KEY (account_id, owner_id) REFERENCES public.memberships (account_id, user_id) ON UPDATE RESTRICT ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
        -- table comment: "Agents run workflows."
        -- column handle renamed from nick
        -- column config comment: "free-form settings"
        -- renamed from app.bots
    "#]]);
    let enums: Vec<String> = Agent::enum_types()
        .iter()
        .map(|e| e.name.to_string())
        .collect();
    assert_eq!(enums, ["app.mood"]);
}

/// A newtype maps through its own `SqlType` impl.
struct Email(String);

impl SqlType for Email {
    fn column_type() -> aludel::ir::ColumnType {
        aludel::ir::ColumnType::Other {
            sql: "public.citext".into(),
        }
    }
}

#[derive(Model)]
#[aludel(primary_key(tenant, id))]
struct Member {
    tenant: i32,
    id: i64,
    email: Email,
    nick: Option<Email>,
}

#[test]
fn composite_key_and_newtype() {
    check::<Member>(expect![[r#"
        CREATE TABLE public.member (
            tenant integer NOT NULL,
            id bigint NOT NULL,
            email public.citext NOT NULL,
            nick public.citext,
            CONSTRAINT member_pkey PRIMARY KEY (tenant, id)
        );
    "#]]);
}

#[cfg(all(
    feature = "uuid",
    feature = "chrono",
    feature = "rust_decimal",
    feature = "json",
    feature = "time"
))]
mod features {
    use super::*;

    #[derive(Model)]
    struct Invoice {
        #[aludel(primary_key, default = "gen_random_uuid()")]
        id: uuid::Uuid,
        #[aludel(precision = 12, scale = 2)]
        amount: rust_decimal::Decimal,
        #[aludel(precision = 3)]
        issued_at: chrono::DateTime<chrono::Utc>,
        due: Option<chrono::NaiveDate>,
        paid_at: Option<time::OffsetDateTime>,
        lines: serde_json::Value,
    }

    #[test]
    fn feature_types() {
        check::<Invoice>(expect![[r#"
            CREATE TABLE public.invoice (
                id uuid DEFAULT gen_random_uuid() NOT NULL,
                amount numeric(12,2) NOT NULL,
                issued_at timestamp(3) with time zone NOT NULL,
                due date,
                paid_at timestamp with time zone,
                lines jsonb NOT NULL,
                CONSTRAINT invoice_pkey PRIMARY KEY (id)
            );
        "#]]);
    }
}

// On a struct, `name` and `include` without a value are fields of those names, in `unique`
// as in `primary_key`.
#[derive(Model)]
#[aludel(
    primary_key(name, include),
    unique(include, name, nulls_not_distinct, name = "tags_uq", include(id))
)]
struct Tag {
    id: i64,
    name: String,
    include: String,
}

#[test]
fn fields_named_like_options() {
    check::<Tag>(expect![[r#"
        CREATE TABLE public.tag (
            id bigint NOT NULL,
            name text NOT NULL,
            include text NOT NULL,
            CONSTRAINT tag_pkey PRIMARY KEY (name, include),
            CONSTRAINT tags_uq UNIQUE NULLS NOT DISTINCT (include, name) INCLUDE (id)
        );
    "#]]);
}

/// Notes only their owner reads and writes; admins see all, nobody outside the tenant does.
#[derive(Model)]
#[aludel(
    table = "notes",
    row_level_security,
    force_row_level_security,
    policy(
        name = "notes_owner",
        to = ["authenticated", "service_role"],
        using = "owner = current_user",
        with_check = "owner = current_user",
        comment = "owners only"
    ),
    policy(name = "notes_read", command = "SELECT", to = ["Public"], using = "true"),
    policy(name = "notes_insert", command = "insert", with_check = "owner IS NOT NULL"),
    policy(
        name = "notes_tenant",
        restrictive,
        to = ["service_role", "authenticated"],
        using = "tenant = 'a'",
        renamed_from = "tenant_only"
    )
)]
struct Note {
    #[aludel(primary_key)]
    id: i64,
    owner: String,
    tenant: String,
}

#[test]
fn row_level_security_and_policies() {
    let t = Note::table();
    let mut out: Vec<String> = display::row_security_clauses(Default::default(), t.row_security)
        .into_iter()
        .map(|s| format!("ALTER TABLE {} {s};", t.name))
        .collect();
    for p in Note::policies() {
        out.push(format!("{};", display::create_policy(&p)));
        if let Some(c) = &p.comment {
            out.push(format!("-- comment: {c:?}"));
        }
        if let Some(old) = &p.renamed_from {
            out.push(format!("-- renamed from {old}"));
        }
    }
    // roles sorted as the IR keeps them, `Public` is PUBLIC, `command` in any case
    expect![[r#"
        ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
        ALTER TABLE public.notes FORCE ROW LEVEL SECURITY;
        CREATE POLICY notes_owner ON public.notes AS PERMISSIVE FOR ALL TO authenticated, service_role USING (owner = current_user) WITH CHECK (owner = current_user);
        -- comment: "owners only"
        CREATE POLICY notes_read ON public.notes AS PERMISSIVE FOR SELECT TO PUBLIC USING (true);
        CREATE POLICY notes_insert ON public.notes AS PERMISSIVE FOR INSERT TO PUBLIC WITH CHECK (owner IS NOT NULL);
        CREATE POLICY notes_tenant ON public.notes AS RESTRICTIVE FOR ALL TO authenticated, service_role USING (tenant = 'a');
        -- renamed from tenant_only"#]]
    .assert_eq(&out.join("\n"));
}

/// Without the flags, a table has no row-level security and a model no policies.
#[test]
fn no_row_level_security_by_default() {
    assert!(User::table().row_security.is_default());
    assert!(User::policies().is_empty());
}

/// `force_row_level_security` alone forces without enabling, as PostgreSQL allows.
#[derive(Model)]
#[aludel(table = "forced", force_row_level_security)]
struct Forced {
    #[aludel(primary_key)]
    id: i64,
}

#[test]
fn force_does_not_enable() {
    let rs = Forced::table().row_security;
    assert!(rs.forced && !rs.enabled);
}

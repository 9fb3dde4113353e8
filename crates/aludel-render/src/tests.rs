//! Rendering snapshots: upgrade and downgrade of hand-built changes, through one `check` helper.

use aludel_schema::{
    Change, Check, Column, ColumnType, CommentTarget, Constraint, EnumColumn, EnumType, EnumUsage,
    EnumValue, EnumValueAdd, Expr, FkAction, ForeignKey, Ident, Identity, IdentityKind, Index,
    IndexKey, PrimaryKey, QualifiedName, Sequence, SequenceOptions, Table, TypeSpec, Unique,
};
use expect_test::{Expect, expect};

use crate::{Options, Statement, render, render_downgrade};

fn qn(s: &str) -> QualifiedName {
    let (a, b) = s.split_once('.').unwrap_or(("public", s));
    QualifiedName::new(a, b)
}

fn show(stmts: &[Statement]) -> String {
    let mut s = String::new();
    for st in stmts {
        if !st.transactional {
            s.push_str("-- (runs and commits on its own)\n");
        }
        s.push_str(&st.to_string());
        s.push('\n');
    }
    s
}

/// Renders the upgrade and the downgrade of `changes`.
fn check(changes: &[Change], options: &Options, expect: Expect) {
    let up = render(changes, options);
    let down = render_downgrade(changes, options);
    expect.assert_eq(&format!(
        "-- upgrade\n{}-- downgrade\n{}",
        show(&up),
        show(&down)
    ));
}

fn users() -> Table {
    let mut t = Table::new(qn("app.User"));
    let mut id = Column::new("id", ColumnType::BigInt);
    id.nullable = false;
    id.identity = Some(Identity {
        kind: IdentityKind::Always,
        sequence_name: None,
        options: SequenceOptions::default(),
    });
    let mut n = Column::new("n", ColumnType::Integer);
    n.nullable = false;
    n.default = Some(Expr::new("nextval('app.\"User_n_seq\"'::regclass)"));
    n.owned_sequence = Some(Sequence::new(qn("app.User_n_seq"), ColumnType::Integer));
    let mut email = Column::new("email", ColumnType::Text);
    email.comment = Some("it's the login".into());
    t.columns = vec![id, n, email, Column::new("select", ColumnType::Jsonb)];
    t.primary_key = Some(PrimaryKey {
        name: Ident::new("User_pkey"),
        columns: vec![Ident::new("id")],
        include: vec![],
        deferrable: Default::default(),
    });
    t.comment = Some("users".into());
    t
}

#[test]
fn create_and_drop_table() {
    check(
        &[
            Change::CreateTable(users()),
            Change::RenameTable {
                from: qn("app.User"),
                to: qn("public.people"),
            },
        ],
        &Options::default(),
        expect![[r#"
            -- upgrade
            CREATE SEQUENCE app."User_n_seq" AS integer;
            CREATE TABLE app."User" (
                id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                n integer DEFAULT nextval('app."User_n_seq"'::regclass) NOT NULL,
                email text,
                "select" jsonb,
                CONSTRAINT "User_pkey" PRIMARY KEY (id)
            );
            ALTER SEQUENCE app."User_n_seq" OWNED BY app."User".n;
            COMMENT ON TABLE app."User" IS 'users';
            COMMENT ON COLUMN app."User".email IS 'it''s the login';
            ALTER TABLE app."User" RENAME TO people;
            ALTER TABLE app.people SET SCHEMA public;
            -- downgrade
            ALTER TABLE public.people RENAME TO "User";
            ALTER TABLE public."User" SET SCHEMA app;
            -- hazard: data-loss app."User"
            DROP TABLE app."User";
        "#]],
    );
}

fn fk() -> ForeignKey {
    ForeignKey {
        name: Ident::new("posts_user_id_fkey"),
        columns: vec![Ident::new("user_id")],
        ref_table: qn("app.User"),
        ref_columns: vec![Ident::new("id")],
        on_delete: FkAction::SetNull { columns: vec![] },
        on_update: FkAction::NoAction,
        match_type: Default::default(),
        deferrable: aludel_schema::Deferrable::InitiallyDeferred,
        valid: true,
    }
}

fn columns_and_constraints() -> Vec<Change> {
    let t = qn("posts");
    let mut partial = Index {
        name: Ident::new("posts_title_idx"),
        unique: true,
        nulls_not_distinct: false,
        method: Ident::new("btree"),
        keys: vec![IndexKey::column("title")],
        include: vec![],
        predicate: Some(Expr::new("(deleted_at IS NULL)")),
        comment: Some("live titles".into()),
    };
    partial.keys[0].descending = true;
    vec![
        Change::AddColumn {
            table: t.clone(),
            column: Column::new("title", ColumnType::Varchar { length: Some(200) }),
        },
        Change::AlterColumnType {
            table: t.clone(),
            column: Ident::new("views"),
            old: TypeSpec {
                ty: ColumnType::Text,
                collation: None,
                using: Some(Expr::new("views::text")),
            },
            new: TypeSpec {
                ty: ColumnType::BigInt,
                collation: None,
                using: Some(Expr::new("views::bigint")),
            },
        },
        Change::SetNotNull {
            table: t.clone(),
            column: Ident::new("title"),
        },
        Change::SetDefault {
            table: t.clone(),
            column: Ident::new("views"),
            old: None,
            new: Some(Expr::new("0")),
        },
        Change::AddIdentity {
            table: t.clone(),
            column: Ident::new("id"),
            identity: Identity {
                kind: IdentityKind::ByDefault,
                sequence_name: None,
                options: SequenceOptions {
                    start: Some(10),
                    ..Default::default()
                },
            },
        },
        Change::AddConstraint {
            table: t.clone(),
            constraint: Constraint::ForeignKey(fk()),
        },
        Change::AddConstraint {
            table: t.clone(),
            constraint: Constraint::Check(Check {
                name: Ident::new("posts_views_check"),
                expr: Expr::new("(views >= 0)"),
                no_inherit: false,
                valid: true,
            }),
        },
        Change::AddConstraint {
            table: t.clone(),
            constraint: Constraint::Unique(Unique {
                name: Ident::new("posts_slug_key"),
                columns: vec![Ident::new("slug")],
                nulls_not_distinct: true,
                include: vec![],
                deferrable: Default::default(),
            }),
        },
        Change::CreateIndex {
            table: t.clone(),
            index: partial,
        },
        Change::DropColumn {
            table: t.clone(),
            column: Column::new("legacy", ColumnType::Boolean),
        },
        Change::SetComment {
            target: CommentTarget::Table(t),
            old: Some("old".into()),
            new: None,
        },
    ]
}

#[test]
fn columns_constraints_indexes() {
    check(
        &columns_and_constraints(),
        &Options::default(),
        expect![[r#"
            -- upgrade
            ALTER TABLE public.posts ADD COLUMN title character varying(200);
            -- hazard: rewrites-table public.posts
            -- hazard: may-fail-on-existing-rows public.posts.views
            ALTER TABLE public.posts ALTER COLUMN views TYPE bigint USING views::bigint;
            -- hazard: blocks-writes public.posts
            -- hazard: may-fail-on-existing-rows public.posts.title
            ALTER TABLE public.posts ALTER COLUMN title SET NOT NULL;
            ALTER TABLE public.posts ALTER COLUMN views SET DEFAULT 0;
            -- hazard: blocks-writes public.posts
            ALTER TABLE public.posts ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (START WITH 10);
            SELECT setval(pg_get_serial_sequence('public.posts', 'id'), max(id)) FROM public.posts HAVING max(id) IS NOT NULL;
            -- hazard: blocks-writes public.posts
            -- hazard: may-fail-on-existing-rows public.posts.posts_user_id_fkey
            ALTER TABLE public.posts ADD CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES app."User" (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
            -- hazard: blocks-writes public.posts
            -- hazard: may-fail-on-existing-rows public.posts.posts_views_check
            ALTER TABLE public.posts ADD CONSTRAINT posts_views_check CHECK ((views >= 0));
            -- hazard: blocks-writes public.posts
            -- hazard: may-fail-on-existing-rows public.posts.posts_slug_key
            ALTER TABLE public.posts ADD CONSTRAINT posts_slug_key UNIQUE NULLS NOT DISTINCT (slug);
            -- hazard: blocks-writes public.posts
            -- hazard: may-fail-on-existing-rows public.posts_title_idx
            CREATE UNIQUE INDEX posts_title_idx ON public.posts USING btree (title DESC NULLS LAST) WHERE (deleted_at IS NULL);
            COMMENT ON INDEX public.posts_title_idx IS 'live titles';
            -- hazard: data-loss public.posts.legacy
            ALTER TABLE public.posts DROP COLUMN legacy;
            COMMENT ON TABLE public.posts IS NULL;
            -- downgrade
            COMMENT ON TABLE public.posts IS 'old';
            ALTER TABLE public.posts ADD COLUMN legacy boolean;
            DROP INDEX public.posts_title_idx;
            ALTER TABLE public.posts DROP CONSTRAINT posts_slug_key;
            ALTER TABLE public.posts DROP CONSTRAINT posts_views_check;
            ALTER TABLE public.posts DROP CONSTRAINT posts_user_id_fkey;
            ALTER TABLE public.posts ALTER COLUMN id DROP IDENTITY;
            ALTER TABLE public.posts ALTER COLUMN views DROP DEFAULT;
            ALTER TABLE public.posts ALTER COLUMN title DROP NOT NULL;
            -- hazard: rewrites-table public.posts
            -- hazard: may-fail-on-existing-rows public.posts.views
            ALTER TABLE public.posts ALTER COLUMN views TYPE text USING views::text;
            -- hazard: data-loss public.posts.title
            ALTER TABLE public.posts DROP COLUMN title;
        "#]],
    );
}

#[test]
fn online_forms() {
    check(
        &columns_and_constraints(),
        &Options::online("5s"),
        expect![[r#"
            -- upgrade
            SET LOCAL lock_timeout = '5s';
            ALTER TABLE public.posts ADD COLUMN title character varying(200);
            -- hazard: rewrites-table public.posts
            -- hazard: may-fail-on-existing-rows public.posts.views
            ALTER TABLE public.posts ALTER COLUMN views TYPE bigint USING views::bigint;
            -- hazard: blocks-writes public.posts
            -- hazard: may-fail-on-existing-rows public.posts.title
            ALTER TABLE public.posts ADD CONSTRAINT posts_title_not_null CHECK (title IS NOT NULL) NOT VALID;
            -- (runs and commits on its own)
            ALTER TABLE public.posts VALIDATE CONSTRAINT posts_title_not_null;
            SET LOCAL lock_timeout = '5s';
            ALTER TABLE public.posts ALTER COLUMN title SET NOT NULL;
            ALTER TABLE public.posts DROP CONSTRAINT posts_title_not_null;
            ALTER TABLE public.posts ALTER COLUMN views SET DEFAULT 0;
            -- hazard: blocks-writes public.posts
            ALTER TABLE public.posts ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (START WITH 10);
            SELECT setval(pg_get_serial_sequence('public.posts', 'id'), max(id)) FROM public.posts HAVING max(id) IS NOT NULL;
            -- hazard: blocks-writes public.posts
            -- hazard: may-fail-on-existing-rows public.posts.posts_user_id_fkey
            ALTER TABLE public.posts ADD CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES app."User" (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED NOT VALID;
            -- (runs and commits on its own)
            ALTER TABLE public.posts VALIDATE CONSTRAINT posts_user_id_fkey;
            SET LOCAL lock_timeout = '5s';
            -- hazard: blocks-writes public.posts
            -- hazard: may-fail-on-existing-rows public.posts.posts_views_check
            ALTER TABLE public.posts ADD CONSTRAINT posts_views_check CHECK ((views >= 0)) NOT VALID;
            -- (runs and commits on its own)
            ALTER TABLE public.posts VALIDATE CONSTRAINT posts_views_check;
            -- (runs and commits on its own)
            -- hazard: blocks-writes public.posts
            -- hazard: may-fail-on-existing-rows public.posts.posts_slug_key
            CREATE UNIQUE INDEX CONCURRENTLY posts_slug_key ON public.posts USING btree (slug) NULLS NOT DISTINCT;
            SET LOCAL lock_timeout = '5s';
            ALTER TABLE public.posts ADD CONSTRAINT posts_slug_key UNIQUE USING INDEX posts_slug_key;
            -- (runs and commits on its own)
            -- hazard: may-fail-on-existing-rows public.posts_title_idx
            CREATE UNIQUE INDEX CONCURRENTLY posts_title_idx ON public.posts USING btree (title DESC NULLS LAST) WHERE (deleted_at IS NULL);
            SET LOCAL lock_timeout = '5s';
            COMMENT ON INDEX public.posts_title_idx IS 'live titles';
            -- hazard: data-loss public.posts.legacy
            ALTER TABLE public.posts DROP COLUMN legacy;
            COMMENT ON TABLE public.posts IS NULL;
            -- downgrade
            SET LOCAL lock_timeout = '5s';
            COMMENT ON TABLE public.posts IS 'old';
            ALTER TABLE public.posts ADD COLUMN legacy boolean;
            -- (runs and commits on its own)
            DROP INDEX CONCURRENTLY public.posts_title_idx;
            SET LOCAL lock_timeout = '5s';
            ALTER TABLE public.posts DROP CONSTRAINT posts_slug_key;
            ALTER TABLE public.posts DROP CONSTRAINT posts_views_check;
            ALTER TABLE public.posts DROP CONSTRAINT posts_user_id_fkey;
            ALTER TABLE public.posts ALTER COLUMN id DROP IDENTITY;
            ALTER TABLE public.posts ALTER COLUMN views DROP DEFAULT;
            ALTER TABLE public.posts ALTER COLUMN title DROP NOT NULL;
            -- hazard: rewrites-table public.posts
            -- hazard: may-fail-on-existing-rows public.posts.views
            ALTER TABLE public.posts ALTER COLUMN views TYPE text USING views::text;
            -- hazard: data-loss public.posts.title
            ALTER TABLE public.posts DROP COLUMN title;
        "#]],
    );
}

fn mood(values: &[&str]) -> EnumType {
    EnumType {
        name: qn("mood"),
        values: values.iter().map(|v| EnumValue::new(*v)).collect(),
        comment: None,
        renamed_from: None,
    }
}

fn usage() -> EnumUsage {
    EnumUsage {
        columns: vec![
            EnumColumn {
                table: qn("t"),
                column: Ident::new("m"),
                array: false,
                default: Some(Expr::new("'ok'::mood")),
            },
            EnumColumn {
                table: qn("t"),
                column: Ident::new("ms"),
                array: true,
                default: None,
            },
        ],
        comment: Some("feelings".into()),
    }
}

#[test]
fn enums() {
    check(
        &[
            Change::CreateEnum(mood(&["sad", "ok"])),
            Change::AddEnumValue(EnumValueAdd {
                enum_name: qn("mood"),
                value: "it's fine".into(),
                values: vec!["sad".into(), "it's fine".into(), "ok".into()],
                usage: EnumUsage::default(),
            }),
            Change::RenameEnumValue {
                enum_name: qn("mood"),
                from: "ok".into(),
                to: "good".into(),
            },
            Change::RenameEnum {
                from: qn("mood"),
                to: qn("app.feeling"),
            },
        ],
        &Options::default(),
        expect![[r#"
            -- upgrade
            CREATE TYPE public.mood AS ENUM ('sad', 'ok');
            -- (runs and commits on its own)
            ALTER TYPE public.mood ADD VALUE 'it''s fine' AFTER 'sad';
            ALTER TYPE public.mood RENAME VALUE 'ok' TO 'good';
            ALTER TYPE public.mood RENAME TO feeling;
            ALTER TYPE public.feeling SET SCHEMA app;
            -- downgrade
            ALTER TYPE app.feeling RENAME TO mood;
            ALTER TYPE app.mood SET SCHEMA public;
            ALTER TYPE public.mood RENAME VALUE 'good' TO 'ok';
            -- hazard: data-loss public.mood.it's fine
            -- hazard: rewrites-table public.mood
            -- hazard: may-fail-on-existing-rows public.mood
            ALTER TYPE public.mood RENAME TO mood_old;
            CREATE TYPE public.mood AS ENUM ('sad', 'ok');
            DROP TYPE public.mood_old;
            DROP TYPE public.mood;
        "#]],
    );
}

#[test]
fn enum_recreated_around_its_users() {
    check(
        &[Change::RecreateEnum {
            old: mood(&["sad", "ok", "happy"]),
            new: mood(&["ok", "sad"]),
            usage: usage(),
        }],
        &Options::default(),
        expect![[r#"
            -- upgrade
            -- hazard: data-loss public.mood.happy
            -- hazard: rewrites-table public.mood
            -- hazard: may-fail-on-existing-rows public.mood
            ALTER TYPE public.mood RENAME TO mood_old;
            CREATE TYPE public.mood AS ENUM ('ok', 'sad');
            COMMENT ON TYPE public.mood IS 'feelings';
            ALTER TABLE public.t ALTER COLUMN m DROP DEFAULT;
            ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::text::public.mood;
            ALTER TABLE public.t ALTER COLUMN ms TYPE public.mood[] USING ms::text[]::public.mood[];
            ALTER TABLE public.t ALTER COLUMN m SET DEFAULT 'ok'::mood;
            DROP TYPE public.mood_old;
            -- downgrade
            -- hazard: rewrites-table public.mood
            ALTER TYPE public.mood RENAME TO mood_old;
            CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
            COMMENT ON TYPE public.mood IS 'feelings';
            ALTER TABLE public.t ALTER COLUMN m DROP DEFAULT;
            ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::text::public.mood;
            ALTER TABLE public.t ALTER COLUMN ms TYPE public.mood[] USING ms::text[]::public.mood[];
            ALTER TABLE public.t ALTER COLUMN m SET DEFAULT 'ok'::mood;
            DROP TYPE public.mood_old;
        "#]],
    );
}

#[test]
fn sequences_and_identity() {
    let mut s = Sequence::new(qn("counter"), ColumnType::Integer);
    s.options.increment = Some(2);
    check(
        &[
            Change::CreateSequence(s),
            Change::AlterSequence {
                name: qn("counter"),
                old_type: ColumnType::Integer,
                old: SequenceOptions {
                    increment: Some(2),
                    ..Default::default()
                },
                new_type: ColumnType::BigInt,
                new: SequenceOptions {
                    max_value: Some(1000),
                    cycle: true,
                    ..Default::default()
                },
            },
            Change::SetSequenceOwner {
                name: qn("counter"),
                old: None,
                new: Some((qn("t"), Ident::new("n"))),
            },
            Change::AlterIdentity {
                table: qn("t"),
                column: Ident::new("id"),
                old: Identity {
                    kind: IdentityKind::ByDefault,
                    sequence_name: None,
                    options: SequenceOptions::default(),
                },
                new: Identity {
                    kind: IdentityKind::Always,
                    sequence_name: None,
                    options: SequenceOptions {
                        cache: Some(20),
                        ..Default::default()
                    },
                },
            },
            Change::ValidateConstraint {
                table: qn("t"),
                constraint: Constraint::ForeignKey(ForeignKey {
                    valid: false,
                    ..fk()
                }),
            },
        ],
        &Options::default(),
        expect![[r#"
            -- upgrade
            CREATE SEQUENCE public.counter AS integer INCREMENT BY 2;
            ALTER SEQUENCE public.counter AS bigint INCREMENT BY 1 MAXVALUE 1000 CYCLE;
            ALTER SEQUENCE public.counter OWNED BY public.t.n;
            ALTER TABLE public.t ALTER COLUMN id SET GENERATED ALWAYS SET CACHE 20;
            -- hazard: may-fail-on-existing-rows public.t.posts_user_id_fkey
            ALTER TABLE public.t VALIDATE CONSTRAINT posts_user_id_fkey;
            -- downgrade
            ALTER TABLE public.t DROP CONSTRAINT posts_user_id_fkey;
            ALTER TABLE public.t ADD CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES app."User" (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED NOT VALID;
            ALTER TABLE public.t ALTER COLUMN id SET GENERATED BY DEFAULT SET CACHE 1;
            ALTER SEQUENCE public.counter OWNED BY NONE;
            ALTER SEQUENCE public.counter AS integer INCREMENT BY 2 NO MAXVALUE NO CYCLE;
            DROP SEQUENCE public.counter;
        "#]],
    );
}

/// `ALTER SEQUENCE` leaves a bound or start alone unless told: the clauses say what PostgreSQL
/// would otherwise keep at the old step's or type's default.
#[test]
fn sequence_options_that_postgres_would_keep() {
    let alter = |old_type, old, new_type, new| Change::AlterSequence {
        name: qn("s"),
        old_type,
        old,
        new_type,
        new,
    };
    check(
        &[
            // the start was the old minimum's default: it stays 5 without START WITH
            alter(
                ColumnType::Integer,
                SequenceOptions {
                    min_value: Some(5),
                    ..Default::default()
                },
                ColumnType::Integer,
                SequenceOptions::default(),
            ),
            // a descending smallint sequence turned ascending integer: the minimum was the old
            // type's limit, so `AS integer` would reset it to the new type's
            alter(
                ColumnType::SmallInt,
                SequenceOptions {
                    increment: Some(-1),
                    start: Some(20),
                    max_value: Some(1000),
                    ..Default::default()
                },
                ColumnType::Integer,
                SequenceOptions {
                    increment: Some(3),
                    start: Some(20),
                    max_value: Some(1000),
                    ..Default::default()
                },
            ),
        ],
        &Options::default(),
        expect![[r#"
            -- upgrade
            ALTER SEQUENCE public.s NO MINVALUE START WITH 1;
            ALTER SEQUENCE public.s AS integer INCREMENT BY 3 MINVALUE 1;
            -- downgrade
            ALTER SEQUENCE public.s AS smallint INCREMENT BY -1 NO MINVALUE;
            ALTER SEQUENCE public.s MINVALUE 5 START WITH 5;
        "#]],
    );
}

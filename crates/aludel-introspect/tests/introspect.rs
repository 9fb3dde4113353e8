//! Introspection on a live server: one test per object kind and option (DDL in, canonical DDL
//! out), each also proving the fixed point (the printed DDL replayed into an empty database
//! introspects to the same text).

use aludel_introspect::{Error, Options, Pattern, introspect};
use aludel_pg::testing::TestDb;
use aludel_schema::{QualifiedName, Schema};
use expect_test::{Expect, expect};

async fn read(db: &TestDb, opts: &Options) -> Schema {
    let mut conn = db.connect().await;
    let out = introspect(&mut conn, opts).await.expect("introspection");
    // One query per kind, plus one for the columns of tables outside the read schemas that
    // foreign keys reference, when there are such tables.
    assert!(
        matches!(out.queries, 14 | 15),
        "a fixed number of catalog queries, not {}",
        out.queries
    );
    // The parallel reader (three sessions on one snapshot) must read exactly the same.
    let parallel = aludel_introspect::introspect_url(db.url(), opts)
        .await
        .expect("parallel introspection");
    assert_eq!(
        parallel.schema, out.schema,
        "introspect_url and introspect differ"
    );
    out.schema
}

/// Applies `ddl`, introspects, compares the printed schema with `expect`, then replays the
/// printed schema into an empty database and requires the same text and the same IR.
async fn check_with(ddl: &str, opts: Options, expect: Expect) {
    let db = TestDb::new().await;
    db.execute(ddl).await;
    let schema = read(&db, &opts).await;
    let printed = schema.to_string();
    expect.assert_eq(&printed);

    let replay = TestDb::new().await;
    replay.execute(&printed).await;
    let again = read(&replay, &opts).await;
    assert_eq!(
        again.to_string(),
        printed,
        "inspect -> replay -> inspect is a fixed point"
    );
    assert_eq!(again, schema);

    let json = serde_json::to_string(&schema).unwrap();
    let back: Schema = serde_json::from_str(&json).unwrap();
    assert_eq!(back, schema, "the JSON form round-trips");
}

async fn check(ddl: &str, expect: Expect) {
    check_with(ddl, Options::default(), expect).await
}

#[tokio::test]
async fn schemas_and_comments() {
    check(
        r#"CREATE SCHEMA app; COMMENT ON SCHEMA app IS 'the app''s schema';
           CREATE SCHEMA "Other Schema";"#,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS "Other Schema";

            CREATE SCHEMA IF NOT EXISTS app;

            CREATE SCHEMA IF NOT EXISTS public;

            COMMENT ON SCHEMA app IS 'the app''s schema';
            COMMENT ON SCHEMA public IS 'standard public schema';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn column_types() {
    check(
        r#"CREATE TABLE public.types (
             a smallint, b integer, c bigint, d real, e double precision,
             f numeric, g numeric(10,2), h numeric(5), i boolean, j text,
             k varchar, l varchar(20), m char, n char(3), o bytea, p uuid, q json, r jsonb,
             s date, t time, u time(3) with time zone, v timestamp, w timestamptz, x timestamp(0),
             y interval, z interval day to second(2), aa inet, ab cidr, ac macaddr, ad money,
             ae xml, af tsvector, ag tsquery, ah oid, ai integer[], aj text[][], ak varchar(5)[],
             am point, an bit(3), ao varbit(8), ap int4range, aq numeric(4,-2)
           );"#,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS public;

            CREATE TABLE public.types (
                a smallint,
                b integer,
                c bigint,
                d real,
                e double precision,
                f numeric,
                g numeric(10,2),
                h numeric(5,0),
                i boolean,
                j text,
                k character varying,
                l character varying(20),
                m character(1),
                n character(3),
                o bytea,
                p uuid,
                q json,
                r jsonb,
                s date,
                t time without time zone,
                u time(3) with time zone,
                v timestamp without time zone,
                w timestamp with time zone,
                x timestamp(0) without time zone,
                y interval,
                z interval day to second(2),
                aa inet,
                ab cidr,
                ac macaddr,
                ad money,
                ae xml,
                af tsvector,
                ag tsquery,
                ah oid,
                ai integer[],
                aj text[],
                ak character varying(5)[],
                am point,
                an bit(3),
                ao bit varying(8),
                ap int4range,
                aq numeric(4,-2)
            );

            COMMENT ON SCHEMA public IS 'standard public schema';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn nullability_and_defaults() {
    check(
        r#"CREATE TABLE public.d (
             a integer NOT NULL DEFAULT 0,
             b text DEFAULT 'it''s',
             c varchar(10) DEFAULT 'x',
             d timestamptz NOT NULL DEFAULT now(),
             e boolean DEFAULT false,
             f jsonb DEFAULT '{}'::jsonb,
             g numeric(10,2) DEFAULT 1.5,
             h text[] DEFAULT '{}'::text[],
             i integer DEFAULT (1 + 2) * 3
           );"#,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS public;

            CREATE TABLE public.d (
                a integer DEFAULT 0 NOT NULL,
                b text DEFAULT 'it''s'::text,
                c character varying(10) DEFAULT 'x'::character varying,
                d timestamp with time zone DEFAULT now() NOT NULL,
                e boolean DEFAULT false,
                f jsonb DEFAULT '{}'::jsonb,
                g numeric(10,2) DEFAULT 1.5,
                h text[] DEFAULT '{}'::text[],
                i integer DEFAULT ((1 + 2) * 3)
            );

            COMMENT ON SCHEMA public IS 'standard public schema';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn identity_columns() {
    check(
        r#"CREATE TABLE public.ids (
             a bigint GENERATED ALWAYS AS IDENTITY,
             b integer GENERATED BY DEFAULT AS IDENTITY (START WITH 100 INCREMENT BY 5 CACHE 10),
             c smallint GENERATED ALWAYS AS IDENTITY (MINVALUE -10 MAXVALUE 1000 START WITH 0 CYCLE),
             d bigint GENERATED BY DEFAULT AS IDENTITY (INCREMENT BY -1),
             e integer GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME public.custom_seq)
           );"#,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS public;

            CREATE TABLE public.ids (
                a bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                b integer GENERATED BY DEFAULT AS IDENTITY (INCREMENT BY 5 START WITH 100 CACHE 10) NOT NULL,
                c smallint GENERATED ALWAYS AS IDENTITY (MINVALUE -10 MAXVALUE 1000 START WITH 0 CYCLE) NOT NULL,
                d bigint GENERATED BY DEFAULT AS IDENTITY (INCREMENT BY -1) NOT NULL,
                e integer GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME public.custom_seq) NOT NULL
            );

            COMMENT ON SCHEMA public IS 'standard public schema';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn serial_columns_own_their_sequence() {
    check(
        r#"CREATE TABLE public.s (id serial PRIMARY KEY, big bigserial, small smallserial);"#,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS public;

            CREATE SEQUENCE public.s_id_seq AS integer;
            CREATE SEQUENCE public.s_big_seq AS bigint;
            CREATE SEQUENCE public.s_small_seq AS smallint;
            CREATE TABLE public.s (
                id integer DEFAULT nextval('public.s_id_seq'::regclass) NOT NULL,
                big bigint DEFAULT nextval('public.s_big_seq'::regclass) NOT NULL,
                small smallint DEFAULT nextval('public.s_small_seq'::regclass) NOT NULL,
                CONSTRAINT s_pkey PRIMARY KEY (id)
            );
            ALTER SEQUENCE public.s_id_seq OWNED BY public.s.id;
            ALTER SEQUENCE public.s_big_seq OWNED BY public.s.big;
            ALTER SEQUENCE public.s_small_seq OWNED BY public.s.small;

            COMMENT ON SCHEMA public IS 'standard public schema';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn generated_columns() {
    check(
        r#"CREATE TABLE public.g (
             a integer, b integer,
             total integer GENERATED ALWAYS AS (a + b) STORED,
             label text GENERATED ALWAYS AS (lower('X' || a::text)) STORED
           );"#,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS public;

            CREATE TABLE public.g (
                a integer,
                b integer,
                total integer GENERATED ALWAYS AS ((a + b)) STORED,
                label text GENERATED ALWAYS AS (lower(('X'::text || (a)::text))) STORED
            );

            COMMENT ON SCHEMA public IS 'standard public schema';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn collations() {
    check(
        r#"CREATE TABLE public.c (a text COLLATE "C", b varchar(10) COLLATE "POSIX", c text);"#,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS public;

            CREATE TABLE public.c (
                a text COLLATE pg_catalog."C",
                b character varying(10) COLLATE pg_catalog."POSIX",
                c text
            );

            COMMENT ON SCHEMA public IS 'standard public schema';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn table_and_column_comments() {
    check(
        r#"CREATE TABLE public.t (a integer, b text);
           COMMENT ON TABLE public.t IS 'a table';
           COMMENT ON COLUMN public.t.a IS 'multi
line';"#,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS public;

            CREATE TABLE public.t (
                a integer,
                b text
            );

            COMMENT ON SCHEMA public IS 'standard public schema';
            COMMENT ON TABLE public.t IS 'a table';
            COMMENT ON COLUMN public.t.a IS 'multi
            line';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn primary_keys() {
    check(
        r#"CREATE TABLE public.one (id integer PRIMARY KEY);
           CREATE TABLE public.two (a integer, b text, c text, CONSTRAINT two_custom PRIMARY KEY (b, a) INCLUDE (c));
           CREATE TABLE public.def (id integer, CONSTRAINT def_pkey PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED);"#,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS public;

            CREATE TABLE public.def (
                id integer NOT NULL,
                CONSTRAINT def_pkey PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED
            );

            CREATE TABLE public.one (
                id integer NOT NULL,
                CONSTRAINT one_pkey PRIMARY KEY (id)
            );

            CREATE TABLE public.two (
                a integer NOT NULL,
                b text NOT NULL,
                c text,
                CONSTRAINT two_custom PRIMARY KEY (b, a) INCLUDE (c)
            );

            COMMENT ON SCHEMA public IS 'standard public schema';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn unique_constraints() {
    check(
        r#"CREATE TABLE public.u (
             a integer UNIQUE, b integer, c integer, d integer,
             UNIQUE (b, c),
             CONSTRAINT u_nnd UNIQUE NULLS NOT DISTINCT (d),
             CONSTRAINT u_incl UNIQUE (c) INCLUDE (d) DEFERRABLE
           );"#,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS public;

            CREATE TABLE public.u (
                a integer,
                b integer,
                c integer,
                d integer,
                CONSTRAINT u_a_key UNIQUE (a),
                CONSTRAINT u_b_c_key UNIQUE (b, c),
                CONSTRAINT u_incl UNIQUE (c) INCLUDE (d) DEFERRABLE,
                CONSTRAINT u_nnd UNIQUE NULLS NOT DISTINCT (d)
            );

            COMMENT ON SCHEMA public IS 'standard public schema';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn check_constraints() {
    check(
        r#"CREATE TABLE public.c (
             a integer CHECK (a > 0),
             b text,
             CONSTRAINT b_len CHECK (char_length(b) BETWEEN 1 AND 10),
             CONSTRAINT ni CHECK (a < 100) NO INHERIT
           );
           ALTER TABLE public.c ADD CONSTRAINT later CHECK (b <> '') NOT VALID;"#,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS public;

            CREATE TABLE public.c (
                a integer,
                b text,
                CONSTRAINT b_len CHECK (((char_length(b) >= 1) AND (char_length(b) <= 10))),
                CONSTRAINT c_a_check CHECK ((a > 0)),
                CONSTRAINT ni CHECK ((a < 100)) NO INHERIT
            );

            ALTER TABLE public.c ADD CONSTRAINT later CHECK ((b <> ''::text)) NOT VALID;

            COMMENT ON SCHEMA public IS 'standard public schema';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn foreign_keys() {
    check(
        r#"CREATE SCHEMA other;
           CREATE TABLE other.parent (id integer PRIMARY KEY, a integer, b integer, UNIQUE (a, b));
           CREATE TABLE public.child (
             id integer PRIMARY KEY,
             parent_id integer REFERENCES other.parent ON DELETE CASCADE ON UPDATE RESTRICT,
             a integer, b integer,
             manager_id integer REFERENCES public.child (id) ON DELETE SET NULL,
             x integer,
             FOREIGN KEY (a, b) REFERENCES other.parent (a, b) MATCH FULL ON DELETE SET NULL (a) DEFERRABLE INITIALLY DEFERRED,
             CONSTRAINT child_x_fk FOREIGN KEY (x) REFERENCES other.parent (id) ON DELETE SET DEFAULT DEFERRABLE
           );
           ALTER TABLE public.child ADD CONSTRAINT lazy FOREIGN KEY (x) REFERENCES public.child (id) NOT VALID;"#,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS other;

            CREATE SCHEMA IF NOT EXISTS public;

            CREATE TABLE other.parent (
                id integer NOT NULL,
                a integer,
                b integer,
                CONSTRAINT parent_pkey PRIMARY KEY (id),
                CONSTRAINT parent_a_b_key UNIQUE (a, b)
            );

            CREATE TABLE public.child (
                id integer NOT NULL,
                parent_id integer,
                a integer,
                b integer,
                manager_id integer,
                x integer,
                CONSTRAINT child_pkey PRIMARY KEY (id)
            );

            ALTER TABLE public.child ADD CONSTRAINT child_a_b_fkey FOREIGN KEY (a, b) REFERENCES other.parent (a, b) MATCH FULL ON DELETE SET NULL (a) DEFERRABLE INITIALLY DEFERRED;

            ALTER TABLE public.child ADD CONSTRAINT child_manager_id_fkey FOREIGN KEY (manager_id) REFERENCES public.child (id) ON DELETE SET NULL;

            ALTER TABLE public.child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES other.parent (id) ON UPDATE RESTRICT ON DELETE CASCADE;

            ALTER TABLE public.child ADD CONSTRAINT child_x_fk FOREIGN KEY (x) REFERENCES other.parent (id) ON DELETE SET DEFAULT DEFERRABLE;

            ALTER TABLE public.child ADD CONSTRAINT lazy FOREIGN KEY (x) REFERENCES public.child (id) NOT VALID;

            COMMENT ON SCHEMA public IS 'standard public schema';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn indexes() {
    check(
        r#"CREATE TABLE public.i (a integer, b text, c jsonb, d text COLLATE "C", e integer);
           CREATE INDEX i_a ON public.i (a);
           CREATE UNIQUE INDEX i_multi ON public.i (a DESC, b NULLS FIRST, e DESC NULLS LAST);
           CREATE INDEX i_partial ON public.i (b) WHERE a > 0 AND b IS NOT NULL;
           CREATE INDEX i_expr ON public.i (lower(b), (a + e));
           CREATE INDEX i_gin ON public.i USING gin (c jsonb_path_ops);
           CREATE INDEX i_hash ON public.i USING hash (b);
           CREATE INDEX i_brin ON public.i USING brin (a);
           CREATE INDEX i_incl ON public.i (a) INCLUDE (b, e);
           CREATE INDEX i_opclass ON public.i (b text_pattern_ops);
           CREATE INDEX i_coll ON public.i (b COLLATE "C", d COLLATE "POSIX");
           CREATE UNIQUE INDEX i_nnd ON public.i (e) NULLS NOT DISTINCT;
           COMMENT ON INDEX public.i_a IS 'by a';"#,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS public;

            CREATE TABLE public.i (
                a integer,
                b text,
                c jsonb,
                d text COLLATE pg_catalog."C",
                e integer
            );

            CREATE INDEX i_a ON public.i USING btree (a);

            CREATE INDEX i_brin ON public.i USING brin (a);

            CREATE INDEX i_coll ON public.i USING btree (b COLLATE pg_catalog."C", d COLLATE pg_catalog."POSIX");

            CREATE INDEX i_expr ON public.i USING btree ((lower(b)), (((a + e))));

            CREATE INDEX i_gin ON public.i USING gin (c pg_catalog.jsonb_path_ops);

            CREATE INDEX i_hash ON public.i USING hash (b);

            CREATE INDEX i_incl ON public.i USING btree (a) INCLUDE (b, e);

            CREATE UNIQUE INDEX i_multi ON public.i USING btree (a DESC, b NULLS FIRST, e DESC NULLS LAST);

            CREATE UNIQUE INDEX i_nnd ON public.i USING btree (e) NULLS NOT DISTINCT;

            CREATE INDEX i_opclass ON public.i USING btree (b pg_catalog.text_pattern_ops);

            CREATE INDEX i_partial ON public.i USING btree (b) WHERE ((a > 0) AND (b IS NOT NULL));

            COMMENT ON SCHEMA public IS 'standard public schema';
            COMMENT ON INDEX public.i_a IS 'by a';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn enums() {
    check(
        r#"CREATE SCHEMA app;
           CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
           ALTER TYPE app.mood ADD VALUE 'meh' BEFORE 'ok';
           CREATE TYPE public."Connection Type" AS ENUM ('POWERBI', 'DB', 'it''s');
           COMMENT ON TYPE app.mood IS 'how it feels';
           CREATE TABLE app.e (m app.mood DEFAULT 'ok', ms app.mood[], c public."Connection Type" NOT NULL);"#,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS app;

            CREATE SCHEMA IF NOT EXISTS public;

            CREATE TYPE app.mood AS ENUM ('sad', 'meh', 'ok', 'happy');

            CREATE TYPE public."Connection Type" AS ENUM ('POWERBI', 'DB', 'it''s');

            CREATE TABLE app.e (
                m app.mood DEFAULT 'ok'::app.mood,
                ms app.mood[],
                c public."Connection Type" NOT NULL
            );

            COMMENT ON SCHEMA public IS 'standard public schema';
            COMMENT ON TYPE app.mood IS 'how it feels';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn sequences() {
    check(
        r#"CREATE SEQUENCE public.plain;
           CREATE SEQUENCE public.opts AS integer INCREMENT BY 10 MINVALUE 5 MAXVALUE 500 START WITH 50 CACHE 3 CYCLE;
           CREATE SEQUENCE public.down INCREMENT BY -1;
           COMMENT ON SEQUENCE public.plain IS 'counter';
           CREATE TABLE public.t (n bigint DEFAULT nextval('public.plain'), m integer);
           CREATE SEQUENCE public.owned OWNED BY public.t.m;"#,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS public;

            CREATE SEQUENCE public.down AS bigint INCREMENT BY -1;

            CREATE SEQUENCE public.opts AS integer INCREMENT BY 10 MINVALUE 5 MAXVALUE 500 START WITH 50 CACHE 3 CYCLE;

            CREATE SEQUENCE public.owned AS bigint;

            CREATE SEQUENCE public.plain AS bigint;

            CREATE TABLE public.t (
                n bigint DEFAULT nextval('public.plain'::regclass),
                m integer
            );

            ALTER SEQUENCE public.owned OWNED BY public.t.m;

            COMMENT ON SCHEMA public IS 'standard public schema';
            COMMENT ON SEQUENCE public.plain IS 'counter';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn extensions_and_their_objects_are_not_managed() {
    check(
        r#"CREATE EXTENSION citext WITH SCHEMA public;
           CREATE EXTENSION hstore WITH SCHEMA public;
           CREATE TABLE public.x (email public.citext NOT NULL, h public.hstore);"#,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS public;

            CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;

            CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA public;

            CREATE TABLE public.x (
                email public.citext NOT NULL,
                h public.hstore
            );

            COMMENT ON SCHEMA public IS 'standard public schema';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn version_table_and_patterns_are_excluded() {
    let opts = Options {
        exclude: vec!["*.tmp_*".parse::<Pattern>().unwrap()],
        ..Options::default()
    };
    check_with(
        r#"CREATE TABLE public.aludel_migrations (revision text PRIMARY KEY);
           CREATE TABLE public.keep (id integer PRIMARY KEY);
           CREATE TABLE public.tmp_scratch (id integer PRIMARY KEY);
           CREATE INDEX tmp_idx ON public.tmp_scratch (id);"#,
        opts,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS public;

            CREATE TABLE public.keep (
                id integer NOT NULL,
                CONSTRAINT keep_pkey PRIMARY KEY (id)
            );

            COMMENT ON SCHEMA public IS 'standard public schema';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn schema_selection() {
    let db = TestDb::new().await;
    db.execute("CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t (id int PRIMARY KEY); CREATE TABLE b.t (id int REFERENCES a.t (id));")
        .await;
    let opts = Options {
        schemas: vec!["b".into()],
        ..Options::default()
    };
    let s = read(&db, &opts).await;
    assert_eq!(
        s.tables.keys().collect::<Vec<_>>(),
        [&QualifiedName::new("b", "t")]
    );
    assert_eq!(s.namespaces.len(), 1);

    let mut conn = db.connect().await;
    let opts = Options {
        schemas: vec!["b".into(), "nope".into(), "Nope".into()],
        ..Options::default()
    };
    let err = introspect(&mut conn, &opts).await.unwrap_err();
    assert!(matches!(err, Error::SchemaNotFound { .. }));
    expect!["schema `nope`, `Nope` does not exist"].assert_eq(&err.to_string());
}

/// Every object kind together, with identifiers that need quoting, two schemas and a foreign
/// key across them.
#[tokio::test]
async fn everything_together_is_a_fixed_point() {
    check(
        r#"CREATE SCHEMA "My App";
           CREATE SCHEMA billing;
           CREATE EXTENSION citext WITH SCHEMA public;
           CREATE TYPE "My App"."Status" AS ENUM ('new', 'done', 'it''s "odd"');
           CREATE SEQUENCE billing."order" START WITH 1000;
           CREATE TABLE "My App"."User Accounts" (
             "ID" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
             "select" text NOT NULL,
             "Email Address" public.citext UNIQUE,
             "quote""d" integer CHECK ("quote""d" >= 0),
             status "My App"."Status" NOT NULL DEFAULT 'new',
             manager bigint REFERENCES "My App"."User Accounts" ("ID") ON DELETE SET NULL,
             created_at timestamptz NOT NULL DEFAULT now()
           );
           CREATE TABLE billing.invoice (
             id integer PRIMARY KEY DEFAULT nextval('billing."order"'),
             "user" bigint NOT NULL REFERENCES "My App"."User Accounts" ON DELETE CASCADE,
             amount numeric(12,2) NOT NULL CHECK (amount > 0),
             meta jsonb NOT NULL DEFAULT '{}'
           );
           CREATE INDEX "Invoice By User" ON billing.invoice ("user", amount DESC) WHERE amount > 100;
           CREATE INDEX ON billing.invoice USING gin (meta);
           COMMENT ON TABLE "My App"."User Accounts" IS 'people';
           COMMENT ON COLUMN billing.invoice."user" IS 'who pays';"#,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS "My App";

            CREATE SCHEMA IF NOT EXISTS billing;

            CREATE SCHEMA IF NOT EXISTS public;

            CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;

            CREATE TYPE "My App"."Status" AS ENUM ('new', 'done', 'it''s "odd"');

            CREATE SEQUENCE billing."order" AS bigint START WITH 1000;

            CREATE TABLE "My App"."User Accounts" (
                "ID" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "select" text NOT NULL,
                "Email Address" public.citext,
                "quote""d" integer,
                status "My App"."Status" DEFAULT 'new'::"My App"."Status" NOT NULL,
                manager bigint,
                created_at timestamp with time zone DEFAULT now() NOT NULL,
                CONSTRAINT "User Accounts_pkey" PRIMARY KEY ("ID"),
                CONSTRAINT "User Accounts_Email Address_key" UNIQUE ("Email Address"),
                CONSTRAINT "User Accounts_quote""d_check" CHECK (("quote""d" >= 0))
            );

            CREATE TABLE billing.invoice (
                id integer DEFAULT nextval('billing."order"'::regclass) NOT NULL,
                "user" bigint NOT NULL,
                amount numeric(12,2) NOT NULL,
                meta jsonb DEFAULT '{}'::jsonb NOT NULL,
                CONSTRAINT invoice_pkey PRIMARY KEY (id),
                CONSTRAINT invoice_amount_check CHECK ((amount > (0)::numeric))
            );

            CREATE INDEX "Invoice By User" ON billing.invoice USING btree ("user", amount DESC) WHERE (amount > (100)::numeric);

            CREATE INDEX invoice_meta_idx ON billing.invoice USING gin (meta);

            ALTER TABLE "My App"."User Accounts" ADD CONSTRAINT "User Accounts_manager_fkey" FOREIGN KEY (manager) REFERENCES "My App"."User Accounts" ("ID") ON DELETE SET NULL;

            ALTER TABLE billing.invoice ADD CONSTRAINT invoice_user_fkey FOREIGN KEY ("user") REFERENCES "My App"."User Accounts" ("ID") ON DELETE CASCADE;

            COMMENT ON SCHEMA public IS 'standard public schema';
            COMMENT ON TABLE "My App"."User Accounts" IS 'people';
            COMMENT ON COLUMN billing.invoice."user" IS 'who pays';
        "#]],
    )
    .await;
}

/// Views (on views, with options), a materialized view with its index, functions (overloads,
/// a procedure, a `BEGIN ATOMIC` body and its uses), triggers (disabled, constraint, `WHEN`),
/// extended statistics, each with comments; extension members are not read.
#[tokio::test]
async fn views_functions_triggers_statistics_and_what_they_use() {
    let ddl = r#"CREATE EXTENSION pg_trgm;
        CREATE TABLE public.t (id integer PRIMARY KEY, n integer NOT NULL, s text);
        CREATE FUNCTION public.f(a integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT a $$;
        CREATE FUNCTION public.f(a text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN a; END $$;
        CREATE FUNCTION public.total() RETURNS bigint LANGUAGE sql STABLE
          BEGIN ATOMIC SELECT sum(t.n) FROM public.t; END;
        CREATE PROCEDURE public.p(x integer) LANGUAGE sql AS $$ SELECT x $$;
        CREATE FUNCTION public.trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        COMMENT ON FUNCTION public.f(integer) IS 'identity';
        CREATE VIEW public.b AS SELECT id, public.f(n) AS n FROM public.t;
        CREATE VIEW public.a WITH (security_barrier=true) AS SELECT id FROM public.b;
        COMMENT ON VIEW public.a IS 'on b';
        CREATE MATERIALIZED VIEW public.m AS SELECT n, count(*) AS c FROM public.t GROUP BY n;
        CREATE UNIQUE INDEX m_n ON public.m (n);
        CREATE TRIGGER t_upd BEFORE UPDATE OF n ON public.t FOR EACH ROW
          WHEN (OLD.n IS DISTINCT FROM NEW.n) EXECUTE FUNCTION public.trg();
        ALTER TABLE public.t DISABLE TRIGGER t_upd;
        CREATE CONSTRAINT TRIGGER t_c AFTER INSERT ON public.t DEFERRABLE INITIALLY DEFERRED
          FOR EACH ROW EXECUTE FUNCTION public.trg();
        COMMENT ON TRIGGER t_c ON public.t IS 'deferred';
        CREATE STATISTICS public.t_stats (ndistinct) ON n, s FROM public.t;"#;
    let db = TestDb::new().await;
    db.execute(ddl).await;
    let schema = read(&db, &Options::default()).await;
    let deps = |v: &[aludel_schema::Dependency]| {
        v.iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let q = |n: &str| QualifiedName::new("public", n);
    expect!["public.t.id, public.t.n, public.f(integer)"]
        .assert_eq(&deps(&schema.views[&q("b")].depends_on));
    expect![["public.b"]].assert_eq(&deps(&schema.views[&q("a")].depends_on));
    let total = aludel_schema::FunctionId::new(q("total"), "");
    expect!["public.t.n"].assert_eq(&deps(&schema.functions[&total].depends_on));
    assert_eq!(
        schema.functions.len(),
        5,
        "overloads are distinct; pg_trgm's are not ours"
    );
    let upd = schema
        .triggers
        .values()
        .find(|t| t.id.name.as_str() == "t_upd")
        .expect("trigger t_upd");
    expect![["public.t.n, public.trg()"]].assert_eq(&deps(&upd.depends_on));
    check(
        ddl,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS public;

            CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

            SET check_function_bodies = false;

            CREATE OR REPLACE FUNCTION public.f(a integer)
             RETURNS integer
             LANGUAGE sql
             IMMUTABLE
            AS $function$ SELECT a $function$;

            CREATE OR REPLACE FUNCTION public.f(a text)
             RETURNS text
             LANGUAGE plpgsql
            AS $function$ BEGIN RETURN a; END $function$;

            CREATE OR REPLACE PROCEDURE public.p(IN x integer)
             LANGUAGE sql
            AS $procedure$ SELECT x $procedure$;

            CREATE OR REPLACE FUNCTION public.trg()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$ BEGIN RETURN NEW; END $function$;

            CREATE TABLE public.t (
                id integer NOT NULL,
                n integer NOT NULL,
                s text,
                CONSTRAINT t_pkey PRIMARY KEY (id)
            );

            CREATE VIEW public.b AS
             SELECT t.id,
                public.f(t.n) AS n
               FROM public.t;

            CREATE MATERIALIZED VIEW public.m AS
             SELECT t.n,
                count(*) AS c
               FROM public.t
              GROUP BY t.n;
            CREATE UNIQUE INDEX m_n ON public.m USING btree (n);

            CREATE OR REPLACE FUNCTION public.total()
             RETURNS bigint
             LANGUAGE sql
             STABLE
            BEGIN ATOMIC
             SELECT sum(t.n) AS sum
                FROM public.t;
            END;

            CREATE VIEW public.a WITH (security_barrier=true) AS
             SELECT b.id
               FROM public.b;

            CREATE STATISTICS public.t_stats (ndistinct) ON n, s FROM public.t;

            CREATE CONSTRAINT TRIGGER t_c AFTER INSERT ON public.t DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.trg();

            CREATE TRIGGER t_upd BEFORE UPDATE OF n ON public.t FOR EACH ROW WHEN ((old.n IS DISTINCT FROM new.n)) EXECUTE FUNCTION public.trg();
            ALTER TABLE public.t DISABLE TRIGGER t_upd;

            COMMENT ON SCHEMA public IS 'standard public schema';
            COMMENT ON VIEW public.a IS 'on b';
            COMMENT ON FUNCTION public.f(a integer) IS 'identity';
            COMMENT ON TRIGGER t_c ON public.t IS 'deferred';
        "#]],
    )
    .await;
}

#[tokio::test]
async fn row_level_security_and_policies_and_what_they_use() {
    let ddl = r#"CREATE FUNCTION public.is_owner(o text) RETURNS boolean LANGUAGE sql STABLE
          AS $$ SELECT o = current_user $$;
        CREATE TABLE public.notes (id bigint PRIMARY KEY, owner text NOT NULL, shared boolean NOT NULL);
        ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
        ALTER TABLE public.notes FORCE ROW LEVEL SECURITY;
        CREATE TABLE public.open (id bigint PRIMARY KEY);
        CREATE POLICY own ON public.notes USING (public.is_owner(owner)) WITH CHECK (owner = current_user);
        CREATE POLICY peek ON public.notes AS RESTRICTIVE FOR SELECT TO pg_read_all_data, pg_monitor
          USING (shared);
        CREATE POLICY add ON public.notes FOR INSERT WITH CHECK (NOT shared);
        COMMENT ON POLICY own ON public.notes IS 'owners only';"#;
    let db = TestDb::new().await;
    db.execute(ddl).await;
    let schema = read(&db, &Options::default()).await;
    let q = |n: &str| QualifiedName::new("public", n);
    let own = aludel_schema::PolicyId {
        table: q("notes"),
        name: aludel_schema::Ident::new("own"),
    };
    let deps: Vec<String> = schema.policies[&own]
        .depends_on
        .iter()
        .map(|d| d.to_string())
        .collect();
    expect![[r#"["public.notes.owner", "public.is_owner(text)"]"#]].assert_eq(&format!("{deps:?}"));
    assert!(schema.tables[&q("open")].row_security.is_default());
    check(
        ddl,
        expect![[r#"
            CREATE SCHEMA IF NOT EXISTS public;

            SET check_function_bodies = false;

            CREATE OR REPLACE FUNCTION public.is_owner(o text)
             RETURNS boolean
             LANGUAGE sql
             STABLE
            AS $function$ SELECT o = current_user $function$;

            CREATE TABLE public.notes (
                id bigint NOT NULL,
                owner text NOT NULL,
                shared boolean NOT NULL,
                CONSTRAINT notes_pkey PRIMARY KEY (id)
            );

            CREATE TABLE public.open (
                id bigint NOT NULL,
                CONSTRAINT open_pkey PRIMARY KEY (id)
            );

            ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;

            ALTER TABLE public.notes FORCE ROW LEVEL SECURITY;

            CREATE POLICY add ON public.notes AS PERMISSIVE FOR INSERT TO PUBLIC WITH CHECK ((NOT shared));

            CREATE POLICY own ON public.notes AS PERMISSIVE FOR ALL TO PUBLIC USING (public.is_owner(owner)) WITH CHECK ((owner = CURRENT_USER));

            CREATE POLICY peek ON public.notes AS RESTRICTIVE FOR SELECT TO pg_monitor, pg_read_all_data USING (shared);

            COMMENT ON SCHEMA public IS 'standard public schema';
            COMMENT ON POLICY own ON public.notes IS 'owners only';
        "#]],
    )
    .await;
}

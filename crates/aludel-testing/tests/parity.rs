//! Model parity on a live server: for each feature of the derives, the derived models created
//! with `create_all` and the equivalent hand-written DDL introspect to the same IR. One test per
//! feature, all through [`check`]; a mismatch prints a line diff of the two schemas.

#![allow(dead_code)]
// clippy reads `#[aludel(...)]` as a tree of shared prefixes and calls `unique` or
// `columns(a)` in two indexes duplicates (rust-lang/rust-clippy#13238, a false positive)
#![allow(clippy::duplicated_attributes)]

use aludel::{Model, PgEnum, Schema, SchemaBuilder, SqlType};
use aludel_introspect::{Options, introspect};
use aludel_pg::testing::TestDb;

/// Creates `models` in one empty database and runs `ddl` in another, after `setup` in both
/// (what the models reference but do not own), and requires the same introspected IR.
async fn check_with(setup: &str, models: SchemaBuilder, ddl: &str) {
    let schema = models.build().unwrap_or_else(|e| panic!("the models: {e}"));
    let from_models = TestDb::new().await;
    from_models.execute(setup).await;
    aludel_testing::create_all(from_models.url(), schema.ir())
        .await
        .unwrap_or_else(|e| panic!("create_all: {e}"));
    let from_ddl = TestDb::new().await;
    from_ddl.execute(setup).await;
    from_ddl.execute(ddl).await;

    let (a, b) = (read(&from_models).await, read(&from_ddl).await);
    if a != b {
        let (ta, tb) = (a.to_string(), b.to_string());
        if ta == tb {
            panic!("same DDL text, different IR:\nmodels: {a:#?}\nddl: {b:#?}");
        }
        panic!(
            "the models and the DDL differ (- models, + ddl):\n{}",
            similar::TextDiff::from_lines(&ta, &tb)
                .unified_diff()
                .header("models", "ddl")
        );
    }
}

async fn check(models: SchemaBuilder, ddl: &str) {
    check_with("", models, ddl).await
}

async fn read(db: &TestDb) -> aludel::ir::Schema {
    let mut conn = db.connect().await;
    introspect(&mut conn, &Options::default())
        .await
        .expect("introspection")
        .schema
}

// ---- table name, schema, comments ------------------------------------------------------

/// Things to do.
#[derive(Model)]
#[aludel(schema = "app", table = "todo_items")]
struct TodoItem {
    /// What to do.
    title: String,
    #[aludel(comment = "when it is due")]
    due: Option<i64>,
}

#[tokio::test]
async fn table_name_schema_and_comments() {
    check(
        Schema::builder().model::<TodoItem>(),
        "CREATE SCHEMA app;
         CREATE TABLE app.todo_items (title text NOT NULL, due bigint);
         COMMENT ON TABLE app.todo_items IS 'Things to do.';
         COMMENT ON COLUMN app.todo_items.title IS 'What to do.';
         COMMENT ON COLUMN app.todo_items.due IS 'when it is due';",
    )
    .await;
}

/// A default table name is the struct name in snake_case.
#[derive(Model)]
struct LineItem {
    qty: i32,
}

#[tokio::test]
async fn default_table_name() {
    check(
        Schema::builder().model::<LineItem>(),
        "CREATE TABLE line_item (qty integer NOT NULL);
         COMMENT ON TABLE line_item IS 'A default table name is the struct name in snake_case.';",
    )
    .await;
}

// ---- types -----------------------------------------------------------------------------

#[derive(Model)]
struct Scalars {
    a: i16,
    b: i32,
    c: i64,
    d: f32,
    e: f64,
    f: bool,
    g: String,
    h: Vec<u8>,
    i: Option<i32>,
    j: Box<str>,
}

#[tokio::test]
async fn std_types_and_null() {
    check(
        Schema::builder().model::<Scalars>(),
        "CREATE TABLE scalars (a smallint NOT NULL, b int NOT NULL, c int8 NOT NULL,
           d real NOT NULL, e float8 NOT NULL, f bool NOT NULL, g text NOT NULL,
           h bytea NOT NULL, i integer, j text NOT NULL)",
    )
    .await;
}

#[derive(Model)]
struct Arrays {
    ints: Vec<i32>,
    names: Option<Vec<String>>,
    #[aludel(max_length = 10)]
    codes: Vec<String>,
}

#[tokio::test]
async fn arrays() {
    check(
        Schema::builder().model::<Arrays>(),
        "CREATE TABLE arrays (ints integer[] NOT NULL, names text[], codes varchar(10)[] NOT NULL)",
    )
    .await;
}

#[derive(Model)]
struct Features {
    id: uuid::Uuid,
    at: chrono::DateTime<chrono::Utc>,
    local: chrono::NaiveDateTime,
    day: chrono::NaiveDate,
    clock: chrono::NaiveTime,
    span: chrono::TimeDelta,
    t_at: time::OffsetDateTime,
    t_day: Option<time::Date>,
    amount: rust_decimal::Decimal,
    doc: serde_json::Value,
}

#[tokio::test]
async fn feature_types() {
    check(
        Schema::builder().model::<Features>(),
        "CREATE TABLE features (id uuid NOT NULL, at timestamptz NOT NULL,
           local timestamp NOT NULL, day date NOT NULL, clock time NOT NULL,
           span interval NOT NULL, t_at timestamptz NOT NULL, t_day date,
           amount numeric NOT NULL, doc jsonb NOT NULL)",
    )
    .await;
}

#[derive(Model)]
struct Sized_ {
    #[aludel(max_length = 80)]
    name: String,
    #[aludel(precision = 10, scale = 2)]
    price: rust_decimal::Decimal,
    #[aludel(precision = 7)]
    ratio: Option<rust_decimal::Decimal>,
    #[aludel(precision = 3)]
    at: chrono::DateTime<chrono::Utc>,
    #[aludel(precision = 0)]
    local: time::PrimitiveDateTime,
}

#[tokio::test]
async fn length_precision_scale() {
    check(
        Schema::builder().model::<Sized_>(),
        r#"CREATE TABLE "sized_" (name varchar(80) NOT NULL, price numeric(10,2) NOT NULL,
           ratio numeric(7), at timestamptz(3) NOT NULL, local timestamp(0) NOT NULL)"#,
    )
    .await;
}

#[derive(Model)]
struct Overrides {
    #[aludel(sql_type = "inet")]
    ip: String,
    #[aludel(sql_type = "tsvector")]
    search: Option<String>,
    #[aludel(sql_type = "numeric(8,3)")]
    weight: f64,
    #[aludel(sql_type = "int4range[]")]
    ranges: Vec<String>,
}

#[tokio::test]
async fn sql_type_override() {
    check(
        Schema::builder().model::<Overrides>(),
        "CREATE TABLE overrides (ip inet NOT NULL, search tsvector,
           weight numeric(8,3) NOT NULL, ranges int4range[] NOT NULL)",
    )
    .await;
}

/// A newtype maps through its own `SqlType` impl; an alias through its target's.
struct Email(String);

impl SqlType for Email {
    fn column_type() -> aludel::ir::ColumnType {
        aludel::ir::ColumnType::Other {
            sql: "public.citext".into(),
        }
    }
}

type Cents = i64;

#[derive(Model)]
struct Contacts {
    email: Email,
    backup: Option<Email>,
    balance: Cents,
}

#[tokio::test]
async fn newtypes_aliases_and_an_extension() {
    check(
        Schema::builder().model::<Contacts>().extension("citext"),
        "CREATE EXTENSION citext;
         CREATE TABLE contacts (email citext NOT NULL, backup citext, balance bigint NOT NULL)",
    )
    .await;
}

#[derive(Model)]
struct Collated {
    #[aludel(collation = "C")]
    code: String,
    #[aludel(collation = "pg_catalog.POSIX")]
    label: Option<String>,
}

#[tokio::test]
async fn collation() {
    check(
        Schema::builder().model::<Collated>(),
        r#"CREATE TABLE collated (code text COLLATE "C" NOT NULL, label text COLLATE "POSIX")"#,
    )
    .await;
}

// ---- enums -----------------------------------------------------------------------------

/// How it went.
#[derive(PgEnum)]
#[aludel(schema = "app", name = "outcome", rename_all = "snake_case")]
enum RunOutcome {
    Succeeded,
    TimedOut,
    #[aludel(name = "gave up")]
    GaveUp,
    #[aludel(renamed_from = "crashed")]
    Failed,
}

#[derive(PgEnum)]
enum Level {
    Low,
    High,
}

#[derive(Model)]
#[aludel(schema = "app")]
struct Run {
    outcome: RunOutcome,
    history: Vec<RunOutcome>,
    #[aludel(default = "'Low'")]
    level: Option<Level>,
}

#[tokio::test]
async fn enums() {
    check(
        Schema::builder().model::<Run>(),
        "CREATE SCHEMA app;
         CREATE TYPE app.outcome AS ENUM ('succeeded', 'timed_out', 'gave up', 'failed');
         COMMENT ON TYPE app.outcome IS 'How it went.';
         CREATE TYPE level AS ENUM ('Low', 'High');
         CREATE TABLE app.run (outcome app.outcome NOT NULL, history app.outcome[] NOT NULL,
           level level DEFAULT 'Low')",
    )
    .await;
}

// ---- keys, identity, defaults, generated -----------------------------------------------

#[derive(Model)]
struct Single {
    #[aludel(primary_key)]
    id: i64,
}

#[derive(Model)]
#[aludel(primary_key(tenant, id, name = "composite_pk"))]
struct Composite {
    tenant: i32,
    id: i64,
}

#[derive(Model)]
struct NamedPk {
    #[aludel(primary_key(name = "named_pk_is_here"))]
    id: i32,
}

#[tokio::test]
async fn primary_keys() {
    check(
        Schema::builder()
            .model::<Single>()
            .model::<Composite>()
            .model::<NamedPk>(),
        "CREATE TABLE single (id bigint PRIMARY KEY);
         CREATE TABLE composite (tenant int, id bigint,
           CONSTRAINT composite_pk PRIMARY KEY (tenant, id));
         CREATE TABLE named_pk (id int CONSTRAINT named_pk_is_here PRIMARY KEY)",
    )
    .await;
}

#[derive(Model)]
struct Identities {
    #[aludel(primary_key, identity = "always")]
    id: i64,
    #[aludel(identity = "by default")]
    seq: i32,
}

#[tokio::test]
async fn identity() {
    check(
        Schema::builder().model::<Identities>(),
        "CREATE TABLE identities (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
           seq int GENERATED BY DEFAULT AS IDENTITY)",
    )
    .await;
}

#[derive(Model)]
struct Defaults {
    #[aludel(default = "now()")]
    at: chrono::DateTime<chrono::Utc>,
    #[aludel(default = "'{}'::jsonb")]
    doc: serde_json::Value,
    #[aludel(default = "42")]
    n: i32,
    #[aludel(default = "'x'")]
    s: Option<String>,
    #[aludel(default = "gen_random_uuid()")]
    id: uuid::Uuid,
    #[aludel(default = "ARRAY['a', 'b']")]
    tags: Vec<String>,
}

#[tokio::test]
async fn server_defaults() {
    check(
        Schema::builder().model::<Defaults>(),
        "CREATE TABLE defaults (at timestamptz NOT NULL DEFAULT now(),
           doc jsonb NOT NULL DEFAULT '{}', n integer NOT NULL DEFAULT 42,
           s text DEFAULT 'x'::text, id uuid NOT NULL DEFAULT gen_random_uuid(),
           tags text[] NOT NULL DEFAULT ARRAY['a', 'b'])",
    )
    .await;
}

#[derive(Model)]
struct Generated {
    price: i32,
    qty: i32,
    #[aludel(generated = "price * qty")]
    total: Option<i32>,
    #[aludel(generated = "lower(name)")]
    name_key: Option<String>,
    name: String,
}

#[tokio::test]
async fn generated_columns() {
    check(
        Schema::builder().model::<Generated>(),
        "CREATE TABLE generated (price int NOT NULL, qty int NOT NULL,
           total int GENERATED ALWAYS AS (price * qty) STORED,
           name_key text GENERATED ALWAYS AS (lower(name)) STORED, name text NOT NULL)",
    )
    .await;
}

#[derive(Model)]
struct Skipping {
    kept: i32,
    #[aludel(skip)]
    cache: std::collections::HashMap<String, String>,
    #[aludel(name = "renamed", renamed_from = "old_name")]
    field: i32,
}

#[tokio::test]
async fn skip_column_name_and_rename_hint() {
    check(
        Schema::builder().model::<Skipping>(),
        "CREATE TABLE skipping (kept int NOT NULL, renamed int NOT NULL)",
    )
    .await;
}

// ---- unique, check ---------------------------------------------------------------------

#[derive(Model)]
#[aludel(
    unique(a, b),
    unique(b, c, nulls_not_distinct, name = "uniques_bc"),
    unique(c, include(a))
)]
struct Uniques {
    #[aludel(unique)]
    a: i32,
    b: i32,
    #[aludel(unique(nulls_not_distinct, name = "uniques_c_nnd"))]
    c: Option<i32>,
}

#[tokio::test]
async fn unique_constraints() {
    check(
        Schema::builder().model::<Uniques>(),
        "CREATE TABLE uniques (a int NOT NULL UNIQUE, b int NOT NULL, c int,
           UNIQUE (a, b),
           CONSTRAINT uniques_bc UNIQUE NULLS NOT DISTINCT (b, c),
           UNIQUE (c) INCLUDE (a),
           CONSTRAINT uniques_c_nnd UNIQUE NULLS NOT DISTINCT (c))",
    )
    .await;
}

#[derive(Model)]
#[aludel(
    check(expr = "lo <= hi"),
    check(expr = "hi < 1000"),
    check(expr = "lo > -1000", name = "checks_lo_floor")
)]
struct Checks {
    #[aludel(check = "lo >= 0")]
    lo: i32,
    #[aludel(check(expr = "hi <> 13", name = "checks_not_13"))]
    hi: i32,
}

#[tokio::test]
async fn check_constraints() {
    check(
        Schema::builder().model::<Checks>(),
        "CREATE TABLE checks (lo int NOT NULL CHECK (lo >= 0),
           hi int NOT NULL CONSTRAINT checks_not_13 CHECK (hi <> 13),
           CHECK (lo <= hi), CHECK (hi < 1000),
           CONSTRAINT checks_lo_floor CHECK (lo > -1000))",
    )
    .await;
}

// ---- foreign keys ----------------------------------------------------------------------

#[derive(Model)]
#[aludel(table = "parents", primary_key(a, b))]
struct Parent {
    #[aludel(unique)]
    id: i64,
    a: i32,
    b: i32,
}

#[derive(Model)]
#[aludel(
    table = "children",
    foreign_key(
        columns(pa, pb),
        references = "parents(a, b)",
        on_update = "cascade",
        on_delete = "set null",
        name = "children_parent_ab_fkey"
    )
)]
struct Child {
    #[aludel(references = "parents(id)", on_delete = "cascade")]
    parent_id: i64,
    #[aludel(foreign_key(references = "parents(id)", on_delete = "restrict", deferrable))]
    other_id: Option<i64>,
    #[aludel(foreign_key(
        references = "parents(id)",
        on_delete = "set default",
        initially_deferred,
        name = "children_late_fkey"
    ))]
    late_id: Option<i64>,
    pa: Option<i32>,
    pb: Option<i32>,
}

#[tokio::test]
async fn foreign_keys() {
    check(
        Schema::builder().model::<Parent>().model::<Child>(),
        "CREATE TABLE parents (id bigint NOT NULL UNIQUE, a int, b int, PRIMARY KEY (a, b));
         CREATE TABLE children (
           parent_id bigint NOT NULL REFERENCES parents (id) ON DELETE CASCADE,
           other_id bigint REFERENCES parents (id) ON DELETE RESTRICT DEFERRABLE,
           late_id bigint,
           pa int, pb int,
           CONSTRAINT children_parent_ab_fkey FOREIGN KEY (pa, pb) REFERENCES parents (a, b)
             ON UPDATE CASCADE ON DELETE SET NULL,
           CONSTRAINT children_late_fkey FOREIGN KEY (late_id) REFERENCES parents (id)
             ON DELETE SET DEFAULT DEFERRABLE INITIALLY DEFERRED)",
    )
    .await;
}

#[derive(Model)]
#[aludel(table = "nodes")]
struct Node {
    #[aludel(primary_key)]
    id: i64,
    #[aludel(references = "nodes(id)", on_delete = "cascade")]
    parent_id: Option<i64>,
}

#[derive(Model)]
#[aludel(table = "left_side")]
struct LeftSide {
    #[aludel(primary_key)]
    id: i32,
    #[aludel(foreign_key(references = "right_side(id)", deferrable, initially_deferred))]
    right_id: Option<i32>,
}

#[derive(Model)]
#[aludel(table = "right_side")]
struct RightSide {
    #[aludel(primary_key)]
    id: i32,
    #[aludel(references = "left_side(id)")]
    left_id: i32,
}

#[tokio::test]
async fn self_reference_and_a_cycle() {
    check(
        Schema::builder()
            .model::<Node>()
            .model::<LeftSide>()
            .model::<RightSide>(),
        "CREATE TABLE nodes (id bigint PRIMARY KEY,
           parent_id bigint REFERENCES nodes ON DELETE CASCADE);
         CREATE TABLE left_side (id int PRIMARY KEY, right_id int);
         CREATE TABLE right_side (id int PRIMARY KEY, left_id int NOT NULL REFERENCES left_side);
         ALTER TABLE left_side ADD FOREIGN KEY (right_id) REFERENCES right_side
           DEFERRABLE INITIALLY DEFERRED;",
    )
    .await;
}

#[derive(Model)]
#[aludel(schema = "app", table = "profiles")]
struct Profile {
    #[aludel(primary_key, references = "auth.users(id)", on_delete = "cascade")]
    id: uuid::Uuid,
}

#[tokio::test]
async fn foreign_key_to_an_external_table() {
    check_with(
        "CREATE SCHEMA auth; CREATE TABLE auth.users (id uuid PRIMARY KEY);",
        Schema::builder()
            .model::<Profile>()
            .external_table("auth.users(id)"),
        "CREATE SCHEMA app;
         CREATE TABLE app.profiles (id uuid PRIMARY KEY REFERENCES auth.users ON DELETE CASCADE)",
    )
    .await;
}

// ---- indexes ---------------------------------------------------------------------------

#[derive(Model)]
#[aludel(
    index(columns(a, b)),
    index(
        columns(b(desc, nulls_last), a(nulls_first)),
        name = "indexed_order_idx"
    ),
    index(columns(a), unique, where = "flag", name = "indexed_partial_key"),
    index(expr = "lower(name)", expr = "(a + b)"),
    index(columns(tags), method = "gin"),
    index(
        columns(name(opclass = "text_pattern_ops", collation = "C")),
        include(a, b)
    ),
    index(columns(maybe), unique, nulls_not_distinct),
    index(
        columns(doc(opclass = "jsonb_path_ops")),
        method = "gin",
        name = "indexed_doc_paths"
    )
)]
struct Indexed {
    #[aludel(index)]
    a: i32,
    #[aludel(index(desc, nulls_first, name = "indexed_b_desc"))]
    b: i32,
    #[aludel(index(unique, where = "name <> ''", opclass = "varchar_pattern_ops"))]
    name: String,
    tags: Vec<String>,
    flag: bool,
    maybe: Option<i32>,
    #[aludel(index(method = "hash"))]
    doc: serde_json::Value,
}

#[tokio::test]
async fn indexes() {
    check(
        Schema::builder().model::<Indexed>(),
        r#"CREATE TABLE indexed (a int NOT NULL, b int NOT NULL, name text NOT NULL,
             tags text[] NOT NULL, flag bool NOT NULL, maybe int, doc jsonb NOT NULL);
           CREATE INDEX ON indexed (a);
           CREATE INDEX indexed_b_desc ON indexed (b DESC NULLS FIRST);
           CREATE UNIQUE INDEX ON indexed (name varchar_pattern_ops) WHERE name <> '';
           CREATE INDEX ON indexed USING hash (doc);
           CREATE INDEX ON indexed (a, b);
           CREATE INDEX indexed_order_idx ON indexed (b DESC NULLS LAST, a NULLS FIRST);
           CREATE UNIQUE INDEX indexed_partial_key ON indexed (a) WHERE flag;
           CREATE INDEX ON indexed (lower(name), (a + b));
           CREATE INDEX ON indexed USING gin (tags);
           CREATE INDEX ON indexed (name COLLATE "C" text_pattern_ops) INCLUDE (a, b);
           CREATE UNIQUE INDEX ON indexed (maybe) NULLS NOT DISTINCT;
           CREATE INDEX indexed_doc_paths ON indexed USING gin (doc jsonb_path_ops);"#,
    )
    .await;
}

// ---- schema-level declarations ---------------------------------------------------------

#[derive(Model)]
#[aludel(schema = "billing")]
struct Invoice {
    #[aludel(primary_key, default = "nextval('billing.invoice_no'::regclass)")]
    no: i64,
}

#[tokio::test]
async fn extensions_and_sequences() {
    let mut seq = aludel::ir::Sequence::new(
        aludel::ir::QualifiedName::new("billing", "invoice_no"),
        aludel::ir::ColumnType::BigInt,
    );
    seq.options.start = Some(1000);
    seq.options.increment = Some(10);
    check(
        Schema::builder()
            .model::<Invoice>()
            .sequence(seq)
            .extension_in("pg_trgm", "billing"),
        "CREATE SCHEMA billing;
         CREATE EXTENSION pg_trgm WITH SCHEMA billing;
         CREATE SEQUENCE billing.invoice_no START 1000 INCREMENT 10;
         CREATE TABLE billing.invoice (no bigint PRIMARY KEY DEFAULT nextval('billing.invoice_no'))",
    )
    .await;
}

//! aludel's facade for applications: the `Model` and `PgEnum` derives and traits, the Rust-to-SQL
//! type mapping (`SqlType`), and the declared [`Schema`] with its whole-schema checks.
//!
//! ```
//! use aludel::{Model, PgEnum};
//!
//! #[derive(PgEnum)]
//! #[aludel(rename_all = "lowercase")]
//! enum Plan {
//!     Free,
//!     Pro,
//! }
//!
//! /// A customer account.
//! #[derive(Model)]
//! #[aludel(table = "accounts")]
//! struct Account {
//!     #[aludel(primary_key, identity = "always")]
//!     id: i64,
//!     #[aludel(unique, max_length = 80)]
//!     name: String,
//!     plan: Plan,
//!     #[aludel(references = "auth.users(id)", on_delete = "cascade")]
//!     owner_id: i64,
//! }
//!
//! let schema = aludel::Schema::builder()
//!     .model::<Account>()
//!     .extension("pgcrypto")
//!     .external_table("auth.users(id)")
//!     .dropped("public.legacy_sessions")
//!     .build()?;
//! assert_eq!(schema.ir().tables.len(), 1);
//! assert_eq!(schema.ir().enums.len(), 1);
//! # Ok::<(), aludel::SchemaError>(())
//! ```
//!
//! # Attributes
//!
//! Everything goes in `#[aludel(...)]`; doc comments become table, column and type comments.
//!
//! On a `#[derive(Model)]` struct:
//!
//! | attribute | meaning |
//! | --- | --- |
//! | `table = "users"` | table name (default: the struct name in snake_case) |
//! | `schema = "app"` | schema (default `public`) |
//! | `comment = "..."` | table comment (default: the doc comment) |
//! | `renamed_from = "old"` / `"schema.old"` | rename hint (unqualified: the table's schema) |
//! | `primary_key(a, b)` | composite primary key; `name = "..."` inside overrides `<table>_pkey` |
//! | `unique(a, b)` | unique constraint; inside also `nulls_not_distinct`, `include(c)`, `name = "..."` |
//! | `check(expr = "a < b", name = "...")` | check constraint (default name as PostgreSQL's, below) |
//! | `foreign_key(columns(a, b), references = "schema.table(x, y)", ...)` | foreign key, options below |
//! | `index(columns(a, b(desc, nulls_last)), ...)` | index, options below |
//! | `trigger(function = "public.set_updated_at", before = "update", ...)` | trigger, options below (repeatable) |
//! | `row_level_security` | `ALTER TABLE ... ENABLE ROW LEVEL SECURITY` |
//! | `force_row_level_security` | `ALTER TABLE ... FORCE ROW LEVEL SECURITY` (policies bind the table's owner too); independent of `row_level_security`, as in PostgreSQL, so write both to enforce policies on everyone |
//! | `policy(name = "own_rows", using = "owner_id = auth.uid()", ...)` | row-level security policy, options below (repeatable) |
//!
//! On a field:
//!
//! | attribute | meaning |
//! | --- | --- |
//! | `name = "col"` | column name (default: the field name) |
//! | `skip` | the field is not a column |
//! | `sql_type = "citext"` | the column's type, whatever the field's Rust type (NULL-able when written `Option<...>`) |
//! | `max_length = 80` | `character varying(80)` for a string type |
//! | `precision = 10, scale = 2` | `numeric(10,2)`; `precision` alone also on time and timestamp types |
//! | `collation = "C"` | collation (unqualified: `pg_catalog`) |
//! | `primary_key` | single-column primary key (`primary_key(name = "...")` to name it) |
//! | `identity = "always"` / `identity = "by default"` | identity column |
//! | `default = "now()"` | server default, a SQL expression |
//! | `generated = "a + b"` | `GENERATED ALWAYS AS (...) STORED` |
//! | `unique` / `unique(nulls_not_distinct, name = "...")` | single-column unique constraint |
//! | `check = "price > 0"` / `check(expr = "...", name = "...")` | check constraint (default name as PostgreSQL's, below) |
//! | `references = "accounts(id)"`, with `on_delete = "cascade"`, `on_update = ...` | foreign key (unqualified table: the model's schema) |
//! | `foreign_key(references = "...", on_delete = "...", deferrable, initially_deferred, name = "...")` | foreign key with every option |
//! | `index` / `index(unique, method = "gin", where = "...", desc, nulls_first, opclass = "...", include(c), name = "...")` | single-column index |
//! | `renamed_from = "old"` | rename hint |
//! | `comment = "..."` | column comment (default: the doc comment) |
//!
//! Foreign key options: `on_delete` / `on_update` take `"cascade"`, `"restrict"`, `"set null"`,
//! `"set default"`, `"no action"`; `deferrable`; `initially_deferred` (implies `deferrable`);
//! `name = "..."`.
//!
//! Index options: keys are `columns(a, b(desc), c(nulls_first), d(opclass = "text_pattern_ops"))`
//! and `expr = "lower(email)"` (repeatable, in order); `unique`, `nulls_not_distinct`,
//! `method = "gin"`, `where = "deleted_at IS NULL"`, `include(a, b)`, `name = "..."`
//! (default `<table>_<columns>_idx`, with `expr` or the function name for expression keys).
//! Per key: `desc`, `asc`, `nulls_first`, `nulls_last`, `opclass = "..."`, `collation = "..."`.
//!
//! Trigger options: `function = "schema.name"` (required; unqualified: the model's schema), the
//! trigger function it runs, with `args = ["a", "b"]` (string values, quoted for you); exactly
//! one of `before = "..."` and `after = "..."`, whose value lists the events `insert`, `update`,
//! `update of a, b` (column names, as SQL reads them), `delete` and `truncate`, joined by `or`
//! as in SQL (`after = "insert or update of status or delete"`); `for_each = "row"` (the
//! default, unlike SQL's) or `"statement"`; `when = "OLD.status IS DISTINCT FROM NEW.status"`
//! (row triggers only); `name = "..."` (default `<table>_<function>`, as `agents_set_updated_at`;
//! at most 63 bytes); `comment = "..."`; `renamed_from = "old_name"`. A `truncate` trigger is
//! per statement. The attribute stands for the SQL it writes (`CREATE TRIGGER ... ;` and
//! `COMMENT ON TRIGGER`), declared like [`SchemaBuilder::sql`]'s: the function is declared
//! there (a `.sql(...)` file), `create_all` creates the trigger once it exists, and an error
//! names the model's file and the attribute's line ([`Model::triggers`]).
//!
//! Policy options: `name = "..."` (required; at most 63 bytes; unique on the model);
//! `command = "all"` (the default), `"select"`, `"insert"`, `"update"` or `"delete"`;
//! `to = ["authenticated", "service_role"]` (default: every role, `PUBLIC`; `"public"` in any
//! case stands for it); `using = "<SQL>"` (the rows it lets commands see) and
//! `with_check = "<SQL>"` (the rows it lets them write), at least one of them, as `CREATE POLICY`
//! allows them: `select` and `delete` take only `using`, `insert` only `with_check`;
//! `restrictive` (default permissive); `comment = "..."`; `renamed_from = "old_name"`. The
//! clauses are SQL as you write it: autogen compares the policy as PostgreSQL prints it back
//! from a throwaway database (`using = "owner = current_user"` is read back as
//! `(owner = CURRENT_USER)`), so no spelling of yours is ever a change. A policy on a model
//! without `row_level_security` is allowed (PostgreSQL keeps it but enforces nothing until
//! row-level security is enabled). Role names are not checked yet: a role the server does not
//! have fails when the policy is created. Policies on tables the application does not own
//! (Supabase's `storage.objects`) are declared in the `Schema` with [`SchemaBuilder::policy`].
//!
//! Default names are PostgreSQL's: `<table>_pkey`; `<table>_<columns>_key` for a unique
//! constraint and `<table>_<columns>_idx` for an index, INCLUDE columns counted among the
//! columns; `<table>_<columns>_fkey`; `<table>_<column>_check` for a check whose expression
//! uses exactly one column, wherever it is written, else `<table>_check`; a taken name gets a
//! number (`_check1`, `_idx1`); everything cut to 63 bytes as PostgreSQL cuts it.
//!
//! Clippy's `duplicated_attributes` reads `#[aludel(...)]` as a tree and flags two indexes or
//! keys that share an option (`unique`, `columns(a)`), a false positive
//! (rust-lang/rust-clippy#13238): allow it on such a struct.
//!
//! On a `#[derive(PgEnum)]` enum: `name = "mood"` (default: the enum name in snake_case),
//! `schema = "app"`, `renamed_from = "old"` / `"schema.old"`, `comment = "..."`, and
//! `rename_all = "..."` for the labels, one of `"lowercase"`, `"UPPERCASE"`, `"snake_case"`,
//! `"SCREAMING_SNAKE_CASE"`, `"kebab-case"`, `"camelCase"`, `"PascalCase"` (default: the variant
//! name as written). On a variant: `name = "label"` and `renamed_from = "old label"`.
//!
//! # Cargo features
//!
//! `uuid`, `chrono`, `time`, `rust_decimal`, `json`: [`SqlType`] for those crates' types.
//! `testing`: `aludel::testing::create_all` / `drop_all`, a test database straight from the
//! models without migrations (this one brings a database driver: sqlx and tokio).

extern crate self as aludel;

mod error;
mod model;
mod policy;
mod schema;
pub mod sql_type;
#[cfg(feature = "testing")]
pub mod testing;
mod types;

#[doc(hidden)]
pub mod __private;

pub use aludel_derive::{Model, PgEnum};
/// The IR crate, `aludel-schema`.
pub use aludel_schema as ir;
pub use error::{Problem, SchemaError};
pub use model::{Model, PgEnum};
pub use policy::PolicyBuilder;
pub use schema::{Schema, SchemaBuilder};
pub use types::{SqlLength, SqlPrecision, SqlScale, SqlType};

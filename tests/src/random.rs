//! Random schemas for the live property test and `cargo xtask fuzz-diff`: a small universe of
//! names so that pairs overlap. Up to four tables of `public` (and one of schema `app`) with
//! columns of many types (each column name keeps to types PostgreSQL can cast between),
//! defaults, nullability, an enum and an array of it, foreign keys (self-references and cycles,
//! actions, deferrability) onto primary keys or unique constraints, plain, unique, partial and
//! expression indexes, checks, comments, a stored generated column, collations on text columns,
//! standalone sequences with their options, contrib extensions (in `public` or a schema of
//! their own), and other spellings of a table, a column and (off for now, see `schema_spec`) an
//! enum value, which the pair's desired side marks as renames. What each field means is `ddl`'s to say: it writes a spec's
//! SQL and the rename hints of a pair.

use proptest::prelude::*;

/// The enum's values a spec may hold.
pub const VALUES: [&str; 5] = ["a", "b", "c", "d", "e"];
/// The standalone sequences a spec may hold, by index (all in `public`).
pub const SEQUENCES: [&str; 2] = ["s0", "s1"];
/// The contrib extensions a spec may hold, by index (cheap to create, all relocatable).
pub const EXTENSIONS: [&str; 4] = ["pg_trgm", "citext", "hstore", "btree_gist"];
/// The tables a spec may hold, by index.
pub const TABLES: [(&str, &str); 5] = [
    ("public", "t0"),
    ("public", "t1"),
    ("public", "t2"),
    ("public", "t3"),
    ("app", "t4"),
];

/// One optional column: which type of its family, and its properties.
#[derive(Debug, Clone)]
pub struct ColSpec {
    pub ty: u8,
    pub nullable: bool,
    pub default: bool,
    pub comment: bool,
    /// A collation (which of three) when the column is of a text type.
    pub collation: Option<u8>,
}

#[derive(Debug, Clone)]
pub struct TableSpec {
    /// Columns `c0` … `c5`, each of its own type family (types PostgreSQL casts between).
    pub columns: Vec<Option<ColSpec>>,
    /// A foreign key onto each table (by index), with its options.
    pub refs: Vec<Option<u8>>,
    /// An index on `c0` (0 plain, 1 partial, 2 unique, 3 descending), on `lower(c1)`, on `c2`
    /// with a predicate naming an enum value.
    pub indexes: (Option<u8>, bool, bool),
    /// A check on `c1`, one naming an enum value.
    pub checks: (bool, bool),
    /// Unique constraint on `c0` (with `NULLS NOT DISTINCT` when 2).
    pub unique: u8,
    pub comment: bool,
    /// `id` is an identity column.
    pub identity: bool,
    /// A stored generated column `g` reading `id` (which expression of two).
    pub generated: Option<u8>,
    /// Column `c{j}` is spelt differently (renamed when the other side spells it plainly).
    pub column_spelling: Option<u8>,
    /// A view on the table (see `ddl::sql_objects`: plain on `id` and `c0`, with an option and
    /// a function call, materialized with a unique index, or a view with a view on it).
    pub view: Option<u8>,
    /// A trigger calling `public.touch()` (row-level, `UPDATE OF c0` with `WHEN`, or
    /// statement-level and disabled).
    pub trigger: Option<u8>,
    /// Row-level security: enabled, or enabled and forced.
    pub rls: Option<bool>,
    /// A policy on `id` and `c0` (for all commands, `SELECT` to two roles, restrictive
    /// `INSERT`, or `UPDATE` with both clauses).
    pub policy: Option<u8>,
}

/// A standalone sequence: its type (of three), step (of four, two descending), bounds (each
/// `None` for PostgreSQL's default or one of two values), start (of two), cache and cycle.
#[derive(Debug, Clone)]
pub struct SeqSpec {
    pub ty: u8,
    pub step: u8,
    pub min: Option<u8>,
    pub max: Option<u8>,
    pub start: u8,
    pub cache: bool,
    pub cycle: bool,
    pub comment: bool,
}

#[derive(Debug, Clone)]
pub struct SchemaSpec {
    pub tables: Vec<Option<TableSpec>>,
    pub values: Vec<&'static str>,
    pub enum_comment: bool,
    pub app_comment: bool,
    /// Sequences by index into [`SEQUENCES`].
    pub sequences: Vec<Option<SeqSpec>>,
    /// Extensions by index into [`EXTENSIONS`]: in schema `ext` when true, else in `public`.
    pub extensions: Vec<Option<bool>>,
    /// The table (by index) and the enum value (by index into [`VALUES`]) spelt differently.
    pub table_spelling: Option<u8>,
    pub value_spelling: Option<u8>,
    /// The body of the trigger function `public.touch()` (of two), there when a trigger is.
    pub touch_body: u8,
    /// `public.twice(bigint)`, which views call: its result type (of two; another one drops
    /// and creates it, and rebuilds its callers).
    pub twice: Option<u8>,
}

fn col_spec() -> impl Strategy<Value = Option<ColSpec>> {
    proptest::option::weighted(
        0.7,
        (
            0u8..4,
            any::<bool>(),
            any::<bool>(),
            proptest::bool::weighted(0.2),
            proptest::option::weighted(0.25, 0u8..3),
        )
            .prop_map(|(ty, nullable, default, comment, collation)| ColSpec {
                ty,
                nullable,
                default,
                comment,
                collation,
            }),
    )
}

fn table_spec() -> impl Strategy<Value = Option<TableSpec>> {
    proptest::option::weighted(
        0.75,
        (
            proptest::collection::vec(col_spec(), 6),
            proptest::collection::vec(proptest::option::weighted(0.25, 0u8..8), TABLES.len()),
            (
                proptest::option::of(0u8..4),
                any::<bool>(),
                proptest::bool::weighted(0.3),
            ),
            (any::<bool>(), proptest::bool::weighted(0.3)),
            0u8..3,
            proptest::bool::weighted(0.3),
            proptest::bool::weighted(0.3),
            proptest::option::weighted(0.3, 0u8..2),
            proptest::option::weighted(0.2, 0u8..6),
            (
                proptest::option::weighted(0.35, 0u8..4),
                proptest::option::weighted(0.25, 0u8..3),
                proptest::option::weighted(0.25, any::<bool>()),
                proptest::option::weighted(0.3, 0u8..4),
            ),
        )
            .prop_map(
                |(
                    columns,
                    refs,
                    indexes,
                    checks,
                    unique,
                    comment,
                    identity,
                    generated,
                    column_spelling,
                    (view, trigger, rls, policy),
                )| {
                    TableSpec {
                        columns,
                        refs,
                        indexes,
                        checks,
                        unique,
                        comment,
                        identity,
                        generated,
                        column_spelling,
                        view,
                        trigger,
                        rls,
                        policy,
                    }
                },
            ),
    )
}

fn seq_spec() -> impl Strategy<Value = Option<SeqSpec>> {
    proptest::option::weighted(
        0.3,
        (
            0u8..3,
            0u8..4,
            proptest::option::weighted(0.3, 0u8..2),
            proptest::option::weighted(0.3, 0u8..2),
            0u8..2,
            proptest::bool::weighted(0.3),
            proptest::bool::weighted(0.2),
            proptest::bool::weighted(0.1),
        )
            .prop_map(
                |(ty, step, min, max, start, cache, cycle, comment)| SeqSpec {
                    ty,
                    step,
                    min,
                    max,
                    start,
                    cache,
                    cycle,
                    comment,
                },
            ),
    )
}

/// The strategy for one schema.
pub fn schema_spec() -> impl Strategy<Value = SchemaSpec> {
    (
        proptest::collection::vec(table_spec(), TABLES.len()),
        proptest::sample::subsequence(VALUES.to_vec(), 0..=5).prop_shuffle(),
        proptest::bool::weighted(0.2),
        proptest::bool::weighted(0.2),
        proptest::collection::vec(seq_spec(), SEQUENCES.len()),
        proptest::collection::vec(
            proptest::option::weighted(0.08, any::<bool>()),
            EXTENSIONS.len(),
        ),
        proptest::option::weighted(0.3, 0u8..TABLES.len() as u8),
        proptest::option::weighted(0.3, 0u8..5),
        (0u8..2, proptest::option::weighted(0.5, 0u8..2)),
    )
        .prop_map(
            |(
                tables,
                values,
                enum_comment,
                app_comment,
                sequences,
                extensions,
                table_spelling,
                value_spelling,
                (touch_body, twice),
            )| SchemaSpec {
                tables,
                values,
                enum_comment,
                app_comment,
                sequences,
                extensions,
                table_spelling,
                value_spelling,
                touch_body,
                twice,
            },
        )
}

/// The strategy for a pair of schemas.
pub fn pair() -> impl Strategy<Value = (SchemaSpec, SchemaSpec)> {
    (schema_spec(), schema_spec())
}

//! Random schemas for the live property test and `cargo xtask fuzz-diff`: a small universe of
//! names so that pairs overlap. Up to four tables of `public` (and one of schema `app`) with
//! columns of many types (each column name keeps to types PostgreSQL can cast between),
//! defaults, nullability, an enum and an array of it, foreign keys (self-references and cycles,
//! actions, deferrability) onto primary keys or unique constraints, plain, unique, partial and
//! expression indexes, checks, comments, a stored generated column. What each field means is
//! `ddl`'s to say: it writes a spec's SQL.

use proptest::prelude::*;

const VALUES: [&str; 5] = ["a", "b", "c", "d", "e"];
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
}

#[derive(Debug, Clone)]
pub struct SchemaSpec {
    pub tables: Vec<Option<TableSpec>>,
    pub values: Vec<&'static str>,
    pub enum_comment: bool,
    pub app_comment: bool,
}

fn col_spec() -> impl Strategy<Value = Option<ColSpec>> {
    proptest::option::weighted(
        0.7,
        (
            0u8..4,
            any::<bool>(),
            any::<bool>(),
            proptest::bool::weighted(0.2),
        )
            .prop_map(|(ty, nullable, default, comment)| ColSpec {
                ty,
                nullable,
                default,
                comment,
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
        )
            .prop_map(
                |(columns, refs, indexes, checks, unique, comment, identity, generated)| {
                    TableSpec {
                        columns,
                        refs,
                        indexes,
                        checks,
                        unique,
                        comment,
                        identity,
                        generated,
                    }
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
    )
        .prop_map(|(tables, values, enum_comment, app_comment)| SchemaSpec {
            tables,
            values,
            enum_comment,
            app_comment,
        })
}

/// The strategy for a pair of schemas.
pub fn pair() -> impl Strategy<Value = (SchemaSpec, SchemaSpec)> {
    (schema_spec(), schema_spec())
}

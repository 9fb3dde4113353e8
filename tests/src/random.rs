//! Random schemas for the live property test and `cargo xtask fuzz-diff`: a small universe of
//! names so that pairs overlap. Up to four tables of `public` (and one of schema `app`) with
//! columns of many types (each column name keeps to types PostgreSQL can cast between),
//! defaults, nullability, an enum and an array of it, foreign keys (self-references and cycles,
//! actions, deferrability) onto primary keys or unique constraints, plain, unique, partial and
//! expression indexes, checks, comments.

use aludel_schema::{
    Check, Column, ColumnType, Deferrable, EnumType, EnumValue, Expr, FkAction, ForeignKey, Ident,
    Index, IndexKey, IndexTarget, Namespace, PrimaryKey, QualifiedName, Schema, Table, Unique,
    naming,
};
use proptest::prelude::*;

const VALUES: [&str; 5] = ["a", "b", "c", "d", "e"];
const TABLES: [(&str, &str); 5] = [
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
        )
            .prop_map(
                |(columns, refs, indexes, checks, unique, comment, identity)| TableSpec {
                    columns,
                    refs,
                    indexes,
                    checks,
                    unique,
                    comment,
                    identity,
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

fn qn(schema: &str, name: &str) -> QualifiedName {
    QualifiedName::new(schema, name)
}

fn mood() -> ColumnType {
    ColumnType::Enum {
        name: qn("public", "mood"),
    }
}

/// The column `c{j}` with family `j` and variant `ty`, and its default.
fn column(j: usize, ty: u8, values: &[&str]) -> Option<(ColumnType, Option<String>)> {
    let first = values.first();
    Some(match (j, ty % 4) {
        (0, 0) => (ColumnType::Integer, Some("0".into())),
        (0, 1) => (ColumnType::BigInt, Some("1".into())),
        (0, 2) => (ColumnType::SmallInt, Some("2".into())),
        (0, _) => (
            ColumnType::Numeric {
                precision: Some(12),
                scale: Some(2),
            },
            Some("0.5".into()),
        ),
        (1, 0) => (ColumnType::Text, Some("'x'::text".into())),
        (1, 1) => (ColumnType::Varchar { length: Some(10) }, Some("'y'".into())),
        (1, 2) => (ColumnType::Varchar { length: Some(20) }, Some("'y'".into())),
        (1, _) => (ColumnType::Uuid, None),
        (2, 0 | 1) if first.is_some() => (mood(), first.map(|v| format!("'{v}'::public.mood"))),
        (2, _) => (ColumnType::Text, Some("'z'::text".into())),
        (3, _) if first.is_some() => (
            ColumnType::Array {
                element: Box::new(mood()),
            },
            first.map(|v| format!("ARRAY['{v}'::public.mood]")),
        ),
        (3, _) => return None,
        (4, 0) => (
            ColumnType::Timestamp {
                precision: None,
                with_time_zone: true,
            },
            Some("now()".into()),
        ),
        (4, 1) => (
            ColumnType::Timestamp {
                precision: None,
                with_time_zone: false,
            },
            None,
        ),
        (4, 2) => (ColumnType::Date, Some("CURRENT_DATE".into())),
        (4, _) => (
            ColumnType::Timestamp {
                precision: Some(3),
                with_time_zone: true,
            },
            None,
        ),
        (_, 0 | 1) => (ColumnType::Jsonb, Some("'{}'::jsonb".into())),
        (_, 2) => (ColumnType::Json, Some("'[]'::json".into())),
        (_, _) => (ColumnType::Jsonb, None),
    })
}

fn action(code: u8) -> FkAction {
    match code % 4 {
        0 => FkAction::NoAction,
        1 => FkAction::Cascade,
        2 => FkAction::SetNull { columns: vec![] },
        _ => FkAction::Restrict,
    }
}

/// Builds the schema a spec describes (not yet canonical: materialise it to compare).
pub fn build(spec: &SchemaSpec) -> Schema {
    let mut s = Schema::new();
    let values = &spec.values;
    let uses_app = spec.tables.get(4).is_some_and(Option::is_some);
    if uses_app {
        s.add_namespace(Namespace {
            name: Ident::new("app"),
            comment: spec.app_comment.then(|| "the app".to_owned()),
            renamed_from: None,
        });
    }
    s.add_enum(EnumType {
        name: qn("public", "mood"),
        values: values.iter().map(|v| EnumValue::new(*v)).collect(),
        comment: spec.enum_comment.then(|| "how it feels".to_owned()),
        renamed_from: None,
    });
    for (i, t) in spec.tables.iter().enumerate() {
        let Some(t) = t else { continue };
        let (schema, name) = TABLES[i];
        let mut table = Table::new(qn(schema, name));
        let mut id = Column::new("id", ColumnType::BigInt);
        id.nullable = false;
        if t.identity {
            id.identity = Some(aludel_schema::Identity {
                kind: aludel_schema::IdentityKind::ByDefault,
                sequence_name: None,
                options: Default::default(),
            });
        }
        table.columns.push(id);
        table.primary_key = Some(PrimaryKey {
            name: Ident::new(naming::primary_key(name)),
            columns: vec![Ident::new("id")],
            include: vec![],
            deferrable: Deferrable::NotDeferrable,
        });
        for (j, c) in t.columns.iter().enumerate() {
            let Some(c) = c else { continue };
            let Some((ty, default)) = column(j, c.ty, values) else {
                continue;
            };
            let mut col = Column::new(format!("c{j}"), ty);
            col.nullable = c.nullable;
            if c.default {
                col.default = default.map(Expr::new);
            }
            if c.comment {
                col.comment = Some(format!("column {j}"));
            }
            table.columns.push(col);
        }
        let has = |table: &Table, c: &str| table.column(&Ident::new(c)).cloned();
        let c0 = has(&table, "c0");
        if t.unique > 0 && c0.is_some() {
            table.uniques.push(Unique {
                name: Ident::new(naming::on_columns(name, &["c0"], "key")),
                columns: vec![Ident::new("c0")],
                nulls_not_distinct: t.unique == 2,
                include: vec![],
                deferrable: Deferrable::NotDeferrable,
            });
        }
        if let Some(kind) = t.indexes.0
            && c0.is_some()
        {
            let mut ix = Index {
                name: Ident::new(naming::on_columns(name, &["c0"], "idx")),
                unique: kind == 2,
                nulls_not_distinct: false,
                method: Ident::new("btree"),
                keys: vec![IndexKey::column("c0")],
                include: vec![],
                predicate: (kind == 1).then(|| Expr::new("(c0 IS NOT NULL)")),
                comment: None,
            };
            if kind == 3 {
                ix.keys[0].descending = true;
                ix.keys[0].nulls_first = true;
            }
            table.indexes.push(ix);
        }
        if t.indexes.1 && has(&table, "c1").is_some() {
            table.indexes.push(Index {
                name: Ident::new(format!("{name}_lower_c1_idx")),
                unique: false,
                nulls_not_distinct: false,
                method: Ident::new("btree"),
                keys: vec![IndexKey {
                    target: IndexTarget::Expression(Expr::new("lower((c1)::text)")),
                    ..IndexKey::column("x")
                }],
                include: vec![],
                predicate: None,
                comment: None,
            });
        }
        let c2_mood = has(&table, "c2").is_some_and(|c| c.ty == mood());
        if let Some(v) = values.last()
            && t.indexes.2
            && c2_mood
        {
            table.indexes.push(Index {
                name: Ident::new(format!("{name}_c2_partial_idx")),
                unique: false,
                nulls_not_distinct: false,
                method: Ident::new("btree"),
                keys: vec![IndexKey::column("id")],
                include: vec![],
                predicate: Some(Expr::new(format!("(c2 <> '{v}'::public.mood)"))),
                comment: None,
            });
        }
        if t.checks.0 && has(&table, "c1").is_some() {
            table.checks.push(Check {
                name: Ident::new(naming::on_columns(name, &["c1"], "check")),
                expr: Expr::new("(c1 IS NOT NULL)"),
                no_inherit: false,
                valid: true,
            });
        }
        if let Some(v) = values.first()
            && t.checks.1
            && c2_mood
        {
            table.checks.push(Check {
                name: Ident::new(naming::on_columns(name, &["c2"], "check")),
                expr: Expr::new(format!("(c2 >= '{v}'::public.mood)")),
                no_inherit: false,
                valid: true,
            });
        }
        for (k, r) in t.refs.iter().enumerate() {
            let (Some(code), Some(Some(target))) = (r, spec.tables.get(k)) else {
                continue;
            };
            let (ts, tn) = TABLES[k];
            // onto the target's unique c0 when it has one and the code says so
            let onto_c0 = code % 2 == 1
                && target.unique > 0
                && target.columns[0].as_ref().is_some_and(|c| c.ty % 4 == 1);
            let (ref_col, ty) = if onto_c0 {
                ("c0", ColumnType::BigInt)
            } else {
                ("id", ColumnType::BigInt)
            };
            let cname = format!("ref_{tn}");
            table.columns.push(Column::new(cname.as_str(), ty));
            table.foreign_keys.push(ForeignKey {
                name: Ident::new(naming::on_columns(name, &[&cname], "fkey")),
                columns: vec![Ident::new(cname.as_str())],
                ref_table: qn(ts, tn),
                ref_columns: vec![Ident::new(ref_col)],
                on_delete: action(code / 2),
                on_update: FkAction::NoAction,
                match_type: Default::default(),
                deferrable: if *code >= 6 {
                    Deferrable::InitiallyDeferred
                } else {
                    Deferrable::NotDeferrable
                },
                valid: true,
            });
        }
        if t.comment {
            table.comment = Some(format!("table {name}"));
        }
        s.add_table(table);
    }
    s
}

//! The Rust-to-SQL type mapping: `SqlType` and its impls for std types and, behind cargo
//! features, for the uuid, chrono, time, rust_decimal and serde_json types.

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

use aludel_schema::{ColumnType, EnumType};

/// The SQL type of a column whose field has this Rust type.
///
/// Implemented for `i16`, `i32`, `i64`, `f32`, `f64`, `bool`, `char`, `String`, `str`,
/// `Vec<u8>` (`bytea`), `Vec<T>` (arrays), `Option<T>` (NULL-able), references and smart
/// pointers, every `#[derive(PgEnum)]` type, and the types of the optional crates
/// enabled by the features `uuid`, `chrono`, `time`, `rust_decimal` and `json`.
/// Implement it for a newtype to give the newtype a column type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no SQL column type",
    label = "no `aludel::SqlType` implementation for `{Self}`",
    note = "give the column its type with `#[aludel(sql_type = \"...\")]`, enable the `aludel` feature of the crate that defines `{Self}` (`uuid`, `chrono`, `time`, `rust_decimal`, `json`), or implement `aludel::SqlType` for `{Self}`"
)]
pub trait SqlType {
    /// Whether a column of this type is NULL-able (`Option<T>`).
    const NULLABLE: bool = false;

    /// The column's type.
    fn column_type() -> ColumnType;

    /// Adds the enum types this type needs (a `PgEnum` adds itself), so that a model's
    /// enums are registered with the model.
    fn enum_types(out: &mut Vec<EnumType>) {
        let _ = out;
    }
}

/// Types whose column takes `max_length` (`character varying(n)`): strings and arrays of them.
#[diagnostic::on_unimplemented(
    message = "`max_length` does not apply to `{Self}`",
    label = "not a string type",
    note = "`max_length = N` makes a string column `character varying(N)`; for other types write the type with `sql_type = \"...\"`"
)]
pub trait SqlLength: SqlType {}

/// Types whose column takes `precision = P` (`numeric(P)`, `timestamp(P)`, `time(P)`).
#[diagnostic::on_unimplemented(
    message = "`precision` does not apply to `{Self}`",
    label = "not a numeric, time or timestamp type",
    note = "`precision = P` applies to decimal, time and timestamp types; for other types write the type with `sql_type = \"...\"`"
)]
pub trait SqlPrecision: SqlType {}

/// Types whose column takes `scale = S` (`numeric(P, S)`).
#[diagnostic::on_unimplemented(
    message = "`scale` does not apply to `{Self}`",
    label = "not a decimal type",
    note = "`precision = P, scale = S` applies to decimal types (`numeric(P, S)`); for other types write the type with `sql_type = \"...\"`"
)]
pub trait SqlScale: SqlPrecision {}

macro_rules! scalar {
    ($($ty:ty => $ct:expr),* $(,)?) => {
        $(
            impl SqlType for $ty {
                fn column_type() -> ColumnType {
                    $ct
                }
            }
        )*
    };
}

scalar! {
    i16 => ColumnType::SmallInt,
    i32 => ColumnType::Integer,
    i64 => ColumnType::BigInt,
    f32 => ColumnType::Real,
    f64 => ColumnType::DoublePrecision,
    bool => ColumnType::Boolean,
    char => ColumnType::Char { length: Some(1) },
    String => ColumnType::Text,
    str => ColumnType::Text,
    Vec<u8> => ColumnType::Bytea,
    [u8] => ColumnType::Bytea,
}

impl SqlLength for String {}
impl SqlLength for str {}

/// An array of `element`; PostgreSQL arrays have no fixed dimension, so an array of arrays
/// is the same array type.
pub(crate) fn array_of(element: ColumnType) -> ColumnType {
    match element {
        ColumnType::Array { .. } => element,
        other => ColumnType::Array {
            element: Box::new(other),
        },
    }
}

impl<T: SqlType> SqlType for Vec<T> {
    fn column_type() -> ColumnType {
        array_of(T::column_type())
    }
    fn enum_types(out: &mut Vec<EnumType>) {
        T::enum_types(out);
    }
}

impl<T: SqlType> SqlType for [T] {
    fn column_type() -> ColumnType {
        array_of(T::column_type())
    }
    fn enum_types(out: &mut Vec<EnumType>) {
        T::enum_types(out);
    }
}

impl<T: SqlType, const N: usize> SqlType for [T; N] {
    fn column_type() -> ColumnType {
        array_of(T::column_type())
    }
    fn enum_types(out: &mut Vec<EnumType>) {
        T::enum_types(out);
    }
}

impl<T: SqlLength> SqlLength for Vec<T> {}
impl<T: SqlPrecision> SqlPrecision for Vec<T> {}
impl<T: SqlScale> SqlScale for Vec<T> {}

impl<T: SqlType> SqlType for Option<T> {
    const NULLABLE: bool = true;
    fn column_type() -> ColumnType {
        T::column_type()
    }
    fn enum_types(out: &mut Vec<EnumType>) {
        T::enum_types(out);
    }
}

impl<T: SqlLength> SqlLength for Option<T> {}
impl<T: SqlPrecision> SqlPrecision for Option<T> {}
impl<T: SqlScale> SqlScale for Option<T> {}

macro_rules! transparent {
    ($($wrapper:ty),* $(,)?) => {
        $(
            impl<T: SqlType + ?Sized> SqlType for $wrapper {
                const NULLABLE: bool = T::NULLABLE;
                fn column_type() -> ColumnType {
                    T::column_type()
                }
                fn enum_types(out: &mut Vec<EnumType>) {
                    T::enum_types(out);
                }
            }
            impl<T: SqlLength + ?Sized> SqlLength for $wrapper {}
            impl<T: SqlPrecision + ?Sized> SqlPrecision for $wrapper {}
            impl<T: SqlScale + ?Sized> SqlScale for $wrapper {}
        )*
    };
}

transparent!(&T, Box<T>, Rc<T>, Arc<T>);

impl<T: SqlType + ToOwned + ?Sized> SqlType for Cow<'_, T> {
    const NULLABLE: bool = T::NULLABLE;
    fn column_type() -> ColumnType {
        T::column_type()
    }
    fn enum_types(out: &mut Vec<EnumType>) {
        T::enum_types(out);
    }
}

impl<T: SqlLength + ToOwned + ?Sized> SqlLength for Cow<'_, T> {}

#[cfg(feature = "uuid")]
scalar! {
    uuid::Uuid => ColumnType::Uuid,
}

#[cfg(feature = "json")]
scalar! {
    serde_json::Value => ColumnType::Jsonb,
    serde_json::Map<String, serde_json::Value> => ColumnType::Jsonb,
}

#[cfg(feature = "rust_decimal")]
mod decimal {
    use super::*;

    scalar! {
        rust_decimal::Decimal => ColumnType::Numeric { precision: None, scale: None },
    }
    impl SqlPrecision for rust_decimal::Decimal {}
    impl SqlScale for rust_decimal::Decimal {}
}

#[cfg(any(feature = "chrono", feature = "time"))]
const fn time_of_day(with_time_zone: bool) -> ColumnType {
    ColumnType::Time {
        precision: None,
        with_time_zone,
    }
}

#[cfg(any(feature = "chrono", feature = "time"))]
const fn timestamp(with_time_zone: bool) -> ColumnType {
    ColumnType::Timestamp {
        precision: None,
        with_time_zone,
    }
}

#[cfg(feature = "chrono")]
mod chrono_types {
    use super::*;

    scalar! {
        chrono::NaiveDate => ColumnType::Date,
        chrono::NaiveTime => time_of_day(false),
        chrono::NaiveDateTime => timestamp(false),
        chrono::TimeDelta => ColumnType::Interval,
    }
    impl SqlPrecision for chrono::NaiveTime {}
    impl SqlPrecision for chrono::NaiveDateTime {}

    impl<Tz: chrono::TimeZone> SqlType for chrono::DateTime<Tz> {
        fn column_type() -> ColumnType {
            timestamp(true)
        }
    }
    impl<Tz: chrono::TimeZone> SqlPrecision for chrono::DateTime<Tz> {}
}

#[cfg(feature = "time")]
mod time_types {
    use super::*;

    scalar! {
        time::Date => ColumnType::Date,
        time::Time => time_of_day(false),
        time::PrimitiveDateTime => timestamp(false),
        time::OffsetDateTime => timestamp(true),
        time::Duration => ColumnType::Interval,
    }
    impl SqlPrecision for time::Time {}
    impl SqlPrecision for time::PrimitiveDateTime {}
    impl SqlPrecision for time::OffsetDateTime {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sql<T: SqlType + ?Sized>() -> String {
        let null = if T::NULLABLE { " NULL" } else { "" };
        format!("{}{null}", T::column_type())
    }

    #[test]
    fn std_types() {
        let got = [
            sql::<i16>(),
            sql::<i32>(),
            sql::<i64>(),
            sql::<f32>(),
            sql::<f64>(),
            sql::<bool>(),
            sql::<char>(),
            sql::<String>(),
            sql::<&str>(),
            sql::<Vec<u8>>(),
            sql::<Vec<String>>(),
            sql::<Vec<Vec<i32>>>(),
            sql::<Option<i64>>(),
            sql::<Option<Vec<Option<bool>>>>(),
            sql::<Box<str>>(),
            sql::<Cow<'static, str>>(),
            sql::<Arc<Option<String>>>(),
        ];
        expect_test::expect![[r#"
            [
                "smallint",
                "integer",
                "bigint",
                "real",
                "double precision",
                "boolean",
                "character(1)",
                "text",
                "text",
                "bytea",
                "text[]",
                "integer[]",
                "bigint NULL",
                "boolean[] NULL",
                "text",
                "text",
                "text NULL",
            ]
        "#]]
        .assert_debug_eq(&got);
    }

    #[cfg(all(
        feature = "uuid",
        feature = "chrono",
        feature = "time",
        feature = "rust_decimal",
        feature = "json"
    ))]
    #[test]
    fn feature_types() {
        let got = [
            sql::<uuid::Uuid>(),
            sql::<chrono::NaiveDate>(),
            sql::<chrono::NaiveTime>(),
            sql::<chrono::NaiveDateTime>(),
            sql::<chrono::DateTime<chrono::Utc>>(),
            sql::<chrono::TimeDelta>(),
            sql::<time::Date>(),
            sql::<time::Time>(),
            sql::<time::PrimitiveDateTime>(),
            sql::<time::OffsetDateTime>(),
            sql::<time::Duration>(),
            sql::<rust_decimal::Decimal>(),
            sql::<serde_json::Value>(),
            sql::<Option<Vec<uuid::Uuid>>>(),
        ];
        expect_test::expect![[r#"
            [
                "uuid",
                "date",
                "time without time zone",
                "timestamp without time zone",
                "timestamp with time zone",
                "interval",
                "date",
                "time without time zone",
                "timestamp without time zone",
                "timestamp with time zone",
                "interval",
                "numeric",
                "jsonb",
                "uuid[] NULL",
            ]
        "#]]
        .assert_debug_eq(&got);
    }
}

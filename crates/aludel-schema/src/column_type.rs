//! `ColumnType`: the closed set of column types the IR knows, with `Other` for the rest.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::QualifiedName;

/// A column's type. Known built-ins are variants so that the diff can reason about them
/// (narrowing, casts); anything else keeps PostgreSQL's own `format_type` spelling in `Other`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ColumnType {
    SmallInt,
    Integer,
    BigInt,
    Real,
    DoublePrecision,
    /// `numeric`, `numeric(p)`, `numeric(p, s)`.
    Numeric {
        precision: Option<u16>,
        scale: Option<i16>,
    },
    Boolean,
    Text,
    /// `character varying` with an optional maximum length.
    Varchar {
        length: Option<u32>,
    },
    /// `character(n)` (blank-padded).
    Char {
        length: Option<u32>,
    },
    Bytea,
    Uuid,
    Json,
    Jsonb,
    Date,
    Time {
        precision: Option<u8>,
        with_time_zone: bool,
    },
    Timestamp {
        precision: Option<u8>,
        with_time_zone: bool,
    },
    /// `interval` without field restriction or precision (those go to `Other`).
    Interval,
    Inet,
    Cidr,
    MacAddr,
    Money,
    Xml,
    TsVector,
    TsQuery,
    Oid,
    /// A user-defined enum type.
    Enum {
        name: QualifiedName,
    },
    /// An array of the element type (PostgreSQL does not enforce dimensions).
    Array {
        element: Box<ColumnType>,
    },
    /// Anything else, exactly as `format_type` prints it with an empty `search_path`
    /// (schema-qualified when outside `pg_catalog`): `public.citext`, `interval day`, domains, ...
    Other {
        sql: String,
    },
}

impl ColumnType {
    /// Lowers a catalog type: `schema` and `name` of the (element) type, its `typtype`,
    /// the attribute's `typmod`, whether the column is an array of it, and `format_type`'s text
    /// as the fallback spelling.
    pub fn from_catalog(
        schema: &str,
        name: &str,
        typtype: &str,
        typmod: i32,
        is_array: bool,
        formatted: &str,
    ) -> ColumnType {
        let element = if is_array {
            formatted.strip_suffix("[]").unwrap_or(formatted)
        } else {
            formatted
        };
        let base = Self::scalar_from_catalog(schema, name, typtype, typmod).unwrap_or_else(|| {
            ColumnType::Other {
                sql: element.to_owned(),
            }
        });
        if is_array {
            ColumnType::Array {
                element: Box::new(base),
            }
        } else {
            base
        }
    }

    fn scalar_from_catalog(
        schema: &str,
        name: &str,
        typtype: &str,
        typmod: i32,
    ) -> Option<ColumnType> {
        if typtype == "e" {
            return Some(ColumnType::Enum {
                name: QualifiedName::new(schema, name),
            });
        }
        if schema != "pg_catalog" {
            return None;
        }
        let len = (typmod >= 4).then(|| (typmod - 4) as u32);
        let prec = (typmod >= 0).then_some(typmod as u8);
        let t = match name {
            "int2" => ColumnType::SmallInt,
            "int4" => ColumnType::Integer,
            "int8" => ColumnType::BigInt,
            "float4" => ColumnType::Real,
            "float8" => ColumnType::DoublePrecision,
            "numeric" => {
                if typmod >= 4 {
                    let m = typmod - 4;
                    ColumnType::Numeric {
                        precision: Some(((m >> 16) & 0xffff) as u16),
                        // the scale is an 11-bit signed number in PostgreSQL 15
                        scale: Some((((m & 0x7ff) ^ 1024) - 1024) as i16),
                    }
                } else {
                    ColumnType::Numeric {
                        precision: None,
                        scale: None,
                    }
                }
            }
            "bool" => ColumnType::Boolean,
            "text" => ColumnType::Text,
            "varchar" => ColumnType::Varchar { length: len },
            "bpchar" => ColumnType::Char { length: len },
            "bytea" => ColumnType::Bytea,
            "uuid" => ColumnType::Uuid,
            "json" => ColumnType::Json,
            "jsonb" => ColumnType::Jsonb,
            "date" => ColumnType::Date,
            "time" | "timetz" => ColumnType::Time {
                precision: prec,
                with_time_zone: name == "timetz",
            },
            "timestamp" | "timestamptz" => ColumnType::Timestamp {
                precision: prec,
                with_time_zone: name == "timestamptz",
            },
            "interval" if typmod < 0 => ColumnType::Interval,
            "inet" => ColumnType::Inet,
            "cidr" => ColumnType::Cidr,
            "macaddr" => ColumnType::MacAddr,
            "money" => ColumnType::Money,
            "xml" => ColumnType::Xml,
            "tsvector" => ColumnType::TsVector,
            "tsquery" => ColumnType::TsQuery,
            "oid" => ColumnType::Oid,
            _ => return None,
        };
        Some(t)
    }

    /// The integer types a sequence or identity column can have.
    pub fn is_integer(&self) -> bool {
        matches!(
            self,
            ColumnType::SmallInt | ColumnType::Integer | ColumnType::BigInt
        )
    }
}

/// Writes the type as `format_type` does, so printed DDL reads like PostgreSQL's own.
impl fmt::Display for ColumnType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ColumnType::SmallInt => f.write_str("smallint"),
            ColumnType::Integer => f.write_str("integer"),
            ColumnType::BigInt => f.write_str("bigint"),
            ColumnType::Real => f.write_str("real"),
            ColumnType::DoublePrecision => f.write_str("double precision"),
            ColumnType::Numeric { precision, scale } => match (precision, scale) {
                (Some(p), Some(s)) => write!(f, "numeric({p},{s})"),
                (Some(p), None) => write!(f, "numeric({p})"),
                _ => f.write_str("numeric"),
            },
            ColumnType::Boolean => f.write_str("boolean"),
            ColumnType::Text => f.write_str("text"),
            ColumnType::Varchar { length: Some(n) } => write!(f, "character varying({n})"),
            ColumnType::Varchar { length: None } => f.write_str("character varying"),
            ColumnType::Char { length: Some(n) } => write!(f, "character({n})"),
            ColumnType::Char { length: None } => f.write_str("bpchar"),
            ColumnType::Bytea => f.write_str("bytea"),
            ColumnType::Uuid => f.write_str("uuid"),
            ColumnType::Json => f.write_str("json"),
            ColumnType::Jsonb => f.write_str("jsonb"),
            ColumnType::Date => f.write_str("date"),
            ColumnType::Time {
                precision,
                with_time_zone,
            } => write_datetime(f, "time", *precision, *with_time_zone),
            ColumnType::Timestamp {
                precision,
                with_time_zone,
            } => write_datetime(f, "timestamp", *precision, *with_time_zone),
            ColumnType::Interval => f.write_str("interval"),
            ColumnType::Inet => f.write_str("inet"),
            ColumnType::Cidr => f.write_str("cidr"),
            ColumnType::MacAddr => f.write_str("macaddr"),
            ColumnType::Money => f.write_str("money"),
            ColumnType::Xml => f.write_str("xml"),
            ColumnType::TsVector => f.write_str("tsvector"),
            ColumnType::TsQuery => f.write_str("tsquery"),
            ColumnType::Oid => f.write_str("oid"),
            ColumnType::Enum { name } => write!(f, "{name}"),
            ColumnType::Array { element } => write!(f, "{element}[]"),
            ColumnType::Other { sql } => f.write_str(sql),
        }
    }
}

fn write_datetime(
    f: &mut fmt::Formatter<'_>,
    base: &str,
    precision: Option<u8>,
    tz: bool,
) -> fmt::Result {
    f.write_str(base)?;
    if let Some(p) = precision {
        write!(f, "({p})")?;
    }
    f.write_str(if tz {
        " with time zone"
    } else {
        " without time zone"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_lowering_matches_format_type() {
        // (typname, typmod, format_type output) as PostgreSQL 15 reports them
        let cases = [
            ("int4", -1, "integer"),
            ("numeric", 655366, "numeric(10,2)"),
            ("numeric", 655364, "numeric(10,0)"),
            ("numeric", -1, "numeric"),
            ("varchar", 24, "character varying(20)"),
            ("varchar", -1, "character varying"),
            ("bpchar", 5, "character(1)"),
            ("timestamptz", 3, "timestamp(3) with time zone"),
            ("timestamp", -1, "timestamp without time zone"),
            ("timetz", 2, "time(2) with time zone"),
        ];
        for (name, typmod, formatted) in cases {
            let t = ColumnType::from_catalog("pg_catalog", name, "b", typmod, false, formatted);
            assert_eq!(t.to_string(), formatted, "{name} {typmod}");
        }
        let arr = ColumnType::from_catalog("pg_catalog", "text", "b", -1, true, "text[]");
        assert_eq!(arr.to_string(), "text[]");
        let other = ColumnType::from_catalog("public", "citext", "b", -1, true, "public.citext[]");
        assert_eq!(other.to_string(), "public.citext[]");
        let e = ColumnType::from_catalog("app", "Mood", "e", -1, false, "app.\"Mood\"");
        assert_eq!(e.to_string(), "app.\"Mood\"");
    }
}

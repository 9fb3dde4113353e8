//! Reads a `sql_type = "..."` override into a `ColumnType`: built-in spellings become their
//! variant (`varchar(20)`, `timestamptz`, `int8[]`, ...), anything else stays verbatim in `Other`.

use aludel_schema::ColumnType;

/// Parses a SQL type as a user writes it in `#[aludel(sql_type = "...")]`.
pub fn parse(sql: &str) -> ColumnType {
    let trimmed = sql.trim();
    if let Some(element) = trimmed.strip_suffix("[]") {
        return crate::types::array_of(parse(element));
    }
    scalar(trimmed).unwrap_or_else(|| ColumnType::Other {
        sql: trimmed.to_owned(),
    })
}

fn scalar(sql: &str) -> Option<ColumnType> {
    let lower = sql.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let joined = words.join(" ");
    let (base, args) = match joined.find('(') {
        Some(open) => {
            let close = joined.rfind(')')?;
            let args: Option<Vec<i64>> = joined[open + 1..close]
                .split(',')
                .map(|a| a.trim().parse().ok())
                .collect();
            let rest = joined[close + 1..].trim();
            let base = format!("{} {rest}", joined[..open].trim());
            (base.trim().to_owned(), args?)
        }
        None => (joined, Vec::new()),
    };
    let one = |args: &[i64]| match args {
        [] => Some(None),
        [n] => Some(Some(*n)),
        _ => None,
    };
    let precision = |args: &[i64]| one(args).map(|p| p.map(|p| p as u8));
    let t = match base.as_str() {
        "smallint" | "int2" if args.is_empty() => ColumnType::SmallInt,
        "integer" | "int" | "int4" if args.is_empty() => ColumnType::Integer,
        "bigint" | "int8" if args.is_empty() => ColumnType::BigInt,
        "real" | "float4" if args.is_empty() => ColumnType::Real,
        "double precision" | "float8" if args.is_empty() => ColumnType::DoublePrecision,
        "numeric" | "decimal" => match args.as_slice() {
            [] => ColumnType::Numeric {
                precision: None,
                scale: None,
            },
            [p] => ColumnType::Numeric {
                precision: Some(*p as u16),
                scale: Some(0),
            },
            [p, s] => ColumnType::Numeric {
                precision: Some(*p as u16),
                scale: Some(*s as i16),
            },
            _ => return None,
        },
        "boolean" | "bool" if args.is_empty() => ColumnType::Boolean,
        "text" if args.is_empty() => ColumnType::Text,
        "varchar" | "character varying" => ColumnType::Varchar {
            length: one(&args)?.map(|n| n as u32),
        },
        "char" | "character" | "bpchar" => ColumnType::Char {
            length: Some(one(&args)?.unwrap_or(1) as u32),
        },
        "bytea" if args.is_empty() => ColumnType::Bytea,
        "uuid" if args.is_empty() => ColumnType::Uuid,
        "json" if args.is_empty() => ColumnType::Json,
        "jsonb" if args.is_empty() => ColumnType::Jsonb,
        "date" if args.is_empty() => ColumnType::Date,
        "time" | "time without time zone" => ColumnType::Time {
            precision: precision(&args)?,
            with_time_zone: false,
        },
        "timetz" | "time with time zone" => ColumnType::Time {
            precision: precision(&args)?,
            with_time_zone: true,
        },
        "timestamp" | "timestamp without time zone" => ColumnType::Timestamp {
            precision: precision(&args)?,
            with_time_zone: false,
        },
        "timestamptz" | "timestamp with time zone" => ColumnType::Timestamp {
            precision: precision(&args)?,
            with_time_zone: true,
        },
        "interval" if args.is_empty() => ColumnType::Interval,
        "inet" if args.is_empty() => ColumnType::Inet,
        "cidr" if args.is_empty() => ColumnType::Cidr,
        "macaddr" if args.is_empty() => ColumnType::MacAddr,
        "money" if args.is_empty() => ColumnType::Money,
        "xml" if args.is_empty() => ColumnType::Xml,
        "tsvector" if args.is_empty() => ColumnType::TsVector,
        "tsquery" if args.is_empty() => ColumnType::TsQuery,
        "oid" if args.is_empty() => ColumnType::Oid,
        _ => return None,
    };
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings() {
        let cases = [
            ("citext", "citext"),
            ("public.citext", "public.citext"),
            ("VARCHAR(20)", "character varying(20)"),
            ("character varying", "character varying"),
            ("numeric(10, 2)", "numeric(10,2)"),
            ("numeric(10)", "numeric(10,0)"),
            ("timestamptz(3)", "timestamp(3) with time zone"),
            (
                "timestamp (6) with time zone",
                "timestamp(6) with time zone",
            ),
            ("int8[]", "bigint[]"),
            ("text[][]", "text[]"),
            ("char", "character(1)"),
            ("jsonb", "jsonb"),
            ("interval day", "interval day"),
            ("vector(1536)", "vector(1536)"),
        ];
        for (input, want) in cases {
            assert_eq!(parse(input).to_string(), want, "{input}");
        }
    }
}

//! Sequences: query, row, lowering. A sequence owned by a column whose default reads it
//! (`serial`) belongs to that column; other sequences are standalone.

use aludel_schema::{
    ColumnType, Ident, QualifiedName, Schema, Sequence, SequenceOptions, quote_literal,
};
use sqlx::Row;
use sqlx::postgres::PgRow;

pub(crate) const QUERY: &str = include_str!("queries/sequence.sql");

pub(crate) struct SequenceRow {
    schema: String,
    name: String,
    type_name: String,
    values: [i64; 5],
    cycle: bool,
    owner: Option<(String, String, String)>,
    comment: Option<String>,
}

pub(crate) fn decode(r: &PgRow) -> Result<SequenceRow, sqlx::Error> {
    let owner_schema: Option<String> = r.try_get("owner_schema")?;
    let owner_table: Option<String> = r.try_get("owner_table")?;
    let owner_column: Option<String> = r.try_get("owner_column")?;
    Ok(SequenceRow {
        schema: r.try_get("schema")?,
        name: r.try_get("name")?,
        type_name: r.try_get("type_name")?,
        values: [
            r.try_get("start_value")?,
            r.try_get("increment")?,
            r.try_get("min_value")?,
            r.try_get("max_value")?,
            r.try_get("cache")?,
        ],
        cycle: r.try_get("cycle")?,
        owner: owner_schema
            .zip(owner_table)
            .zip(owner_column)
            .map(|((s, t), c)| (s, t, c)),
        comment: r.try_get("comment")?,
    })
}

pub(crate) fn lower(rows: Vec<SequenceRow>, schema: &mut Schema) {
    for r in rows {
        let data_type =
            ColumnType::from_catalog("pg_catalog", &r.type_name, "b", -1, false, &r.type_name);
        let [start, inc, min, max, cache] = r.values;
        let mut seq = Sequence::new(QualifiedName::new(r.schema, r.name), data_type);
        seq.options =
            SequenceOptions::from_catalog(&seq.data_type, start, inc, min, max, cache, r.cycle);
        seq.comment = r.comment;
        if let Some((s, t, c)) = r.owner {
            let table = QualifiedName::new(s, t);
            let column = Ident::new(c);
            let reads = format!(
                "nextval({}::regclass)",
                quote_literal(&seq.name.to_string())
            );
            let col = schema
                .tables
                .get_mut(&table)
                .and_then(|t| t.columns.iter_mut().find(|col| col.name == column));
            match col {
                Some(col) if col.default.as_ref().is_some_and(|d| d.as_str() == reads) => {
                    col.owned_sequence = Some(seq);
                    continue;
                }
                _ => seq.owned_by = Some((table, column)),
            }
        }
        schema.add_sequence(seq);
    }
}

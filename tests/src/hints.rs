//! Rename hints for a golden case (`hints.json`): plain SQL cannot say that a table, column,
//! enum, enum value or schema was renamed, so the runner sets `renamed_from` on the `after` IR.
//!
//! ```json
//! { "schemas": { "new": "old" }, "tables": { "app.users": "public.people" },
//!   "columns": { "public.users.full_name": "name" }, "enums": { "public.status": "public.mood" },
//!   "enum_values": { "public.mood.glad": "happy" }, "views": { "public.v2": "public.v" },
//!   "functions": { "public.g": "public.f" }, "triggers": { "public.users.t2": "t" },
//!   "policies": { "public.users.p2": "p" } }
//! ```

use std::collections::BTreeMap;

use aludel_schema::{Ident, QualifiedName, Schema};

/// An error in a hints file.
#[derive(Debug)]
pub struct HintError(pub String);

impl std::fmt::Display for HintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for HintError {}

fn qualified(s: &str) -> Result<QualifiedName, HintError> {
    let (schema, name) = s
        .split_once('.')
        .ok_or_else(|| HintError(format!("`{s}` is not schema.name")))?;
    Ok(QualifiedName::new(schema, name))
}

/// `a.b.c` as (`a.b`, `c`).
fn split_last(s: &str) -> Result<(QualifiedName, String), HintError> {
    let (head, last) = s
        .rsplit_once('.')
        .ok_or_else(|| HintError(format!("`{s}` is not schema.object.member")))?;
    Ok((qualified(head)?, last.to_owned()))
}

/// Applies the hints in `json` to `schema` (the desired side of a diff).
pub fn apply(schema: &mut Schema, json: &str) -> Result<(), HintError> {
    let all: BTreeMap<String, BTreeMap<String, String>> =
        serde_json::from_str(json).map_err(|e| HintError(format!("hints.json: {e}")))?;
    for (kind, map) in &all {
        for (new, old) in map {
            let missing = || HintError(format!("hint {kind} `{new}`: no such object in after.sql"));
            match kind.as_str() {
                "schemas" => {
                    let ns = schema
                        .namespaces
                        .get_mut(&Ident::new(new.as_str()))
                        .ok_or_else(missing)?;
                    ns.renamed_from = Some(Ident::new(old.as_str()));
                }
                "tables" => {
                    let t = schema
                        .tables
                        .get_mut(&qualified(new)?)
                        .ok_or_else(missing)?;
                    t.renamed_from = Some(qualified(old)?);
                }
                "columns" => {
                    let (table, column) = split_last(new)?;
                    let t = schema.tables.get_mut(&table).ok_or_else(missing)?;
                    let c = t
                        .columns
                        .iter_mut()
                        .find(|c| c.name.as_str() == column)
                        .ok_or_else(missing)?;
                    c.renamed_from = Some(Ident::new(old.as_str()));
                }
                "enums" => {
                    let e = schema.enums.get_mut(&qualified(new)?).ok_or_else(missing)?;
                    e.renamed_from = Some(qualified(old)?);
                }
                "enum_values" => {
                    let (ty, value) = split_last(new)?;
                    let e = schema.enums.get_mut(&ty).ok_or_else(missing)?;
                    let v = e
                        .values
                        .iter_mut()
                        .find(|v| v.name == value)
                        .ok_or_else(missing)?;
                    v.renamed_from = Some(old.clone());
                }
                "sequences" => {
                    let s = schema
                        .sequences
                        .get_mut(&qualified(new)?)
                        .ok_or_else(missing)?;
                    s.renamed_from = Some(qualified(old)?);
                }
                "views" => {
                    let v = schema.views.get_mut(&qualified(new)?).ok_or_else(missing)?;
                    v.renamed_from = Some(qualified(old)?);
                }
                // every overload of the name
                "functions" => {
                    let name = qualified(new)?;
                    let mut found = false;
                    for f in schema.functions.values_mut().filter(|f| f.id.name == name) {
                        f.renamed_from = Some(qualified(old)?);
                        found = true;
                    }
                    if !found {
                        return Err(missing());
                    }
                }
                // "public.users.new_name": "old_name"
                "triggers" => {
                    let (table, name) = split_last(new)?;
                    let t = schema
                        .triggers
                        .values_mut()
                        .find(|t| t.id.table == table && t.id.name.as_str() == name)
                        .ok_or_else(missing)?;
                    t.renamed_from = Some(Ident::new(old.as_str()));
                }
                // "public.users.new_name": "old_name"
                "policies" => {
                    let (table, name) = split_last(new)?;
                    let p = schema
                        .policies
                        .values_mut()
                        .find(|p| p.id.table == table && p.id.name.as_str() == name)
                        .ok_or_else(missing)?;
                    p.renamed_from = Some(Ident::new(old.as_str()));
                }
                other => return Err(HintError(format!("hints.json: unknown kind `{other}`"))),
            }
        }
    }
    Ok(())
}

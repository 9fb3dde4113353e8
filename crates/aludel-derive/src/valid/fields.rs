//! The fields of a `#[derive(Model)]` struct as columns: each field's column name (duplicates
//! are errors), and resolving a field named in an attribute to its column.

use std::collections::BTreeMap;

use proc_macro2::Span;
use syn::Ident;

use super::name_from;
use crate::ast::ModelInput;
use crate::ctxt::Ctxt;

pub(super) struct Fields {
    /// Field name → column name, for the fields that are columns.
    pub(super) columns: BTreeMap<String, String>,
    skipped: Vec<String>,
    struct_name: String,
}

impl Fields {
    /// The columns of `input`'s fields, with the span of each column's name.
    pub(super) fn collect(
        input: &ModelInput<'_>,
        cx: &mut Ctxt,
    ) -> (Fields, BTreeMap<String, Span>) {
        let mut fields = Fields {
            columns: BTreeMap::new(),
            skipped: Vec::new(),
            struct_name: input.ident.to_string(),
        };
        let mut column_spans: BTreeMap<String, Span> = BTreeMap::new();
        for f in &input.fields {
            if f.attrs.skip.is_some() {
                fields.skipped.push(f.ident.to_string());
                continue;
            }
            let (col, span) = match &f.attrs.name {
                Some(lit) => (
                    name_from(cx, lit, "column name", "name = \"column_name\""),
                    lit.span(),
                ),
                None => (
                    f.ident.to_string().trim_start_matches("r#").to_owned(),
                    f.ident.span(),
                ),
            };
            if column_spans.contains_key(&col) {
                cx.error(
                    span,
                    format!("duplicate column `{col}`"),
                    "give one of the fields another column name, as in `#[aludel(name = \"other_name\")]`",
                );
            } else {
                column_spans.insert(col.clone(), span);
            }
            fields.columns.insert(f.ident.to_string(), col);
        }
        (fields, column_spans)
    }

    pub(super) fn resolve(&self, cx: &mut Ctxt, id: &Ident, example: &str) -> Option<String> {
        let key = id.to_string();
        if let Some(c) = self.columns.get(&key) {
            return Some(c.clone());
        }
        if self.skipped.contains(&key) {
            cx.error(
                id.span(),
                format!("field `{key}` is skipped, so it is not a column"),
                format!("remove `skip` from `{key}`, or name another field, as in `{example}`"),
            );
        } else {
            let known: Vec<String> = self.columns.keys().map(|k| format!("`{k}`")).collect();
            cx.error(
                id.span(),
                format!("`{}` has no field `{key}`", self.struct_name),
                format!(
                    "name one of its fields ({}), as in `{example}`",
                    known.join(", ")
                ),
            );
        }
        None
    }

    pub(super) fn resolve_all(
        &self,
        cx: &mut Ctxt,
        ids: &[Ident],
        example: &str,
    ) -> Option<Vec<String>> {
        let mut out = Vec::new();
        let mut ok = true;
        for id in ids {
            match self.resolve(cx, id, example) {
                Some(c) => out.push(c),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }
}

//! Validation of a `#[derive(PgEnum)]` enum: its type name and schema, its labels (`rename_all`,
//! duplicates) and their `renamed_from` hints.

use std::collections::BTreeMap;

use proc_macro2::Span;
use syn::LitStr;
use syn::spanned::Spanned;

use super::{EnumDef, ident_ok, name_from, qualified_hint};
use crate::ast::EnumInput;
use crate::case::snake_case;
use crate::ctxt::Ctxt;

pub fn pg_enum<'a>(input: EnumInput<'a>, cx: &mut Ctxt) -> EnumDef<'a> {
    let a = &input.attrs;
    if !input.generics.params.is_empty() {
        cx.error(
            input.generics.span(),
            "a `PgEnum` cannot be generic",
            format!("write `enum {} {{ A, B }}`", input.ident),
        );
    }
    let name = match &a.name {
        Some(lit) => name_from(cx, lit, "enum type name", "name = \"mood\""),
        None => snake_case(&input.ident.to_string()),
    };
    let schema = match &a.schema {
        Some(lit) => name_from(cx, lit, "schema name", "schema = \"app\""),
        None => "public".to_owned(),
    };
    let renamed_from = a
        .renamed_from
        .as_ref()
        .and_then(|lit| qualified_hint(cx, lit, &schema, &name));
    if input.variants.is_empty() {
        cx.error(
            input.ident.span(),
            format!(
                "`{}` has no variants, but a PostgreSQL enum needs at least one value",
                input.ident
            ),
            format!("add variants: `enum {} {{ A, B }}`", input.ident),
        );
    }
    let mut labels: BTreeMap<String, Span> = BTreeMap::new();
    let mut values = Vec::new();
    for v in &input.variants {
        if let Some(span) = v.fields {
            cx.error(
                span,
                format!(
                    "variant `{}` has fields, but an enum value carries no data",
                    v.ident
                ),
                format!("write `{},` without fields", v.ident),
            );
        }
        let (label, span) = match (&v.attrs.name, a.rename_all) {
            (Some(lit), _) => (lit.value(), lit.span()),
            (None, Some((rule, _))) => (rule.apply(&v.ident.to_string()), v.ident.span()),
            (None, None) => (v.ident.to_string(), v.ident.span()),
        };
        ident_ok(cx, &label, span, "enum label", "name = \"label\"");
        if labels.contains_key(&label) {
            cx.error(
                span,
                format!("duplicate enum label `{label}`"),
                "give the variant another label, as in `#[aludel(name = \"other\")]`",
            );
        } else {
            labels.insert(label.clone(), span);
        }
        values.push((label, v.attrs.renamed_from.as_ref()));
    }
    let values = values
        .into_iter()
        .map(|(label, old)| {
            let old = old.and_then(|lit| {
                let v = lit.value();
                if v == label {
                    cx.error(lit.span(), format!("`renamed_from` names label `{label}` itself"), "name the previous label, as in `renamed_from = \"old label\"`");
                    None
                } else if labels.contains_key(&v) {
                    cx.error(
                        lit.span(),
                        format!("`renamed_from` names label `{v}`, which the enum still has"),
                        "a renamed value's old label must be gone: remove the hint, or the other variant",
                    );
                    None
                } else {
                    ident_ok(cx, &v, lit.span(), "old enum label", "renamed_from = \"old label\"").then_some(v)
                }
            });
            (label, old)
        })
        .collect();
    EnumDef {
        ident: input.ident,
        schema,
        name,
        comment: a
            .comment
            .as_ref()
            .map(LitStr::value)
            .or_else(|| input.doc.clone()),
        renamed_from,
        values,
    }
}

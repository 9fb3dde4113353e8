//! Attributes of a `#[derive(PgEnum)]` enum (type name, schema, comment, rename hint,
//! `rename_all`) and of its variants (label, rename hint).

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr};

use super::value::{each_item, set_once, string, unknown};
use crate::ctxt::Ctxt;

/// Attributes of a `#[derive(PgEnum)]` enum.
#[derive(Default)]
pub struct EnumAttrs {
    pub name: Option<LitStr>,
    pub schema: Option<LitStr>,
    pub comment: Option<LitStr>,
    pub renamed_from: Option<LitStr>,
    pub rename_all: Option<(crate::case::RenameRule, Span)>,
}

/// Attributes of a variant of a `#[derive(PgEnum)]` enum.
#[derive(Default)]
pub struct VariantAttrs {
    pub name: Option<LitStr>,
    pub renamed_from: Option<LitStr>,
}

const ENUM_KEYS: &str = "`name`, `schema`, `comment`, `renamed_from`, `rename_all`";
const VARIANT_KEYS: &str = "`name`, `renamed_from`";

pub fn enum_attrs(attrs: &[Attribute], cx: &mut Ctxt) -> EnumAttrs {
    let mut a = EnumAttrs::default();
    each_item(attrs, cx, |meta, key, cx| {
        let span = meta.path.span();
        match key {
            "name" => {
                let v = string(meta, key, "name = \"mood\"", cx)?;
                set_once(&mut a.name, v, span, key, cx);
            }
            "schema" => {
                let v = string(meta, key, "schema = \"app\"", cx)?;
                set_once(&mut a.schema, v, span, key, cx);
            }
            "comment" => {
                let v = string(meta, key, "comment = \"...\"", cx)?;
                set_once(&mut a.comment, v, span, key, cx);
            }
            "renamed_from" => {
                let v = string(meta, key, "renamed_from = \"old_name\"", cx)?;
                set_once(&mut a.renamed_from, v, span, key, cx);
            }
            "rename_all" => {
                if let Some(lit) = string(meta, key, "rename_all = \"snake_case\"", cx)? {
                    match crate::case::RenameRule::parse(&lit.value()) {
                        Some(rule) => {
                            set_once(&mut a.rename_all, Some((rule, lit.span())), span, key, cx)
                        }
                        None => cx.error(
                            lit.span(),
                            format!("unknown `rename_all` rule {:?}", lit.value()),
                            format!("use one of {}", crate::case::RenameRule::NAMES),
                        ),
                    }
                }
            }
            _ => unknown(meta, key, "a PgEnum enum", ENUM_KEYS, cx)?,
        }
        Ok(())
    });
    a
}

pub fn variant_attrs(attrs: &[Attribute], cx: &mut Ctxt) -> VariantAttrs {
    let mut a = VariantAttrs::default();
    each_item(attrs, cx, |meta, key, cx| {
        let span = meta.path.span();
        match key {
            "name" => {
                let v = string(meta, key, "name = \"label\"", cx)?;
                set_once(&mut a.name, v, span, key, cx);
            }
            "renamed_from" => {
                let v = string(meta, key, "renamed_from = \"old label\"", cx)?;
                set_once(&mut a.renamed_from, v, span, key, cx);
            }
            _ => unknown(meta, key, "a PgEnum variant", VARIANT_KEYS, cx)?,
        }
        Ok(())
    });
    a
}

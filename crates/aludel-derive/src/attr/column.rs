//! Attributes of a field of a `#[derive(Model)]` struct: its column (name, type modifiers,
//! default, identity, generation, collation, rename hint) and its field-level constraints.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, LitInt, LitStr, Token};

use super::constraint::{
    Action, CheckAttr, ForeignKeyAttr, KeyAttr, UniqueAttr, action, check_attr, foreign_key_attr,
    key_attr, reference, unique_attr,
};
use super::index::{IndexAttr, index_attr};
use super::value::{each_item, flag, integer, set_once, skip_value, string, unknown};
use crate::ctxt::Ctxt;

/// Attributes of a field of a `#[derive(Model)]` struct.
#[derive(Default)]
pub struct FieldAttrs {
    pub name: Option<LitStr>,
    pub skip: Option<Span>,
    pub comment: Option<LitStr>,
    pub primary_key: Option<KeyAttr>,
    pub identity: Option<(IdentityKind, Span)>,
    pub default: Option<LitStr>,
    pub generated: Option<LitStr>,
    pub unique: Option<UniqueAttr>,
    pub checks: Vec<CheckAttr>,
    pub foreign_key: Option<ForeignKeyAttr>,
    pub on_delete: Option<(Action, Span)>,
    pub on_update: Option<(Action, Span)>,
    pub indexes: Vec<IndexAttr>,
    pub max_length: Option<LitInt>,
    pub precision: Option<LitInt>,
    pub scale: Option<LitInt>,
    pub sql_type: Option<LitStr>,
    pub collation: Option<LitStr>,
    pub renamed_from: Option<LitStr>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum IdentityKind {
    Always,
    ByDefault,
}

const FIELD_KEYS: &str = "`name`, `skip`, `comment`, `sql_type`, `max_length`, `precision`, `scale`, `collation`, `primary_key`, `identity`, `default`, `generated`, `unique`, `check`, `references`, `on_delete`, `on_update`, `foreign_key(...)`, `index`, `renamed_from`";

fn identity(meta: &ParseNestedMeta, cx: &mut Ctxt) -> syn::Result<Option<(IdentityKind, Span)>> {
    let help = "write `identity = \"always\"` or `identity = \"by default\"`";
    if !meta.input.peek(Token![=]) {
        cx.error(meta.path.span(), "`identity` needs a value", help);
        skip_value(meta)?;
        return Ok(None);
    }
    let Some(lit) = string(meta, "identity", "identity = \"always\"", cx)? else {
        return Ok(None);
    };
    let v = lit.value().to_ascii_lowercase().replace('_', " ");
    let kind = match v.split_whitespace().collect::<Vec<_>>().join(" ").as_str() {
        "always" => IdentityKind::Always,
        "by default" => IdentityKind::ByDefault,
        _ => {
            cx.error(
                lit.span(),
                format!("unknown identity kind {:?}", lit.value()),
                help,
            );
            return Ok(None);
        }
    };
    Ok(Some((kind, lit.span())))
}

pub fn field_attrs(attrs: &[Attribute], cx: &mut Ctxt) -> FieldAttrs {
    let mut a = FieldAttrs::default();
    each_item(attrs, cx, |meta, key, cx| {
        let span = meta.path.span();
        match key {
            "name" => {
                let v = string(meta, key, "name = \"column_name\"", cx)?;
                set_once(&mut a.name, v, span, key, cx);
            }
            "skip" => {
                if flag(meta, key, cx)? {
                    a.skip = Some(span);
                }
            }
            "comment" => {
                let v = string(meta, key, "comment = \"...\"", cx)?;
                set_once(&mut a.comment, v, span, key, cx);
            }
            "primary_key" => {
                let k = key_attr(meta, false, cx)?;
                set_once(&mut a.primary_key, k, span, key, cx);
            }
            "identity" => {
                let v = identity(meta, cx)?;
                set_once(&mut a.identity, v, span, key, cx);
            }
            "default" => {
                let v = string(meta, key, "default = \"now()\"", cx)?;
                set_once(&mut a.default, v, span, key, cx);
            }
            "generated" => {
                let v = string(meta, key, "generated = \"price * quantity\"", cx)?;
                set_once(&mut a.generated, v, span, key, cx);
            }
            "unique" => {
                let u = unique_attr(meta, false, cx)?;
                set_once(&mut a.unique, u, span, key, cx);
            }
            "check" => a.checks.push(check_attr(meta, cx)?),
            "references" => {
                if let Some(r) = reference(meta, cx)? {
                    let fk = ForeignKeyAttr {
                        span,
                        columns: Vec::new(),
                        references: Some(r),
                        on_delete: None,
                        on_update: None,
                        deferrable: false,
                        initially_deferred: false,
                        name: None,
                    };
                    set_once(
                        &mut a.foreign_key,
                        Some(fk),
                        span,
                        "references` or `foreign_key",
                        cx,
                    );
                }
            }
            "foreign_key" => {
                let fk = foreign_key_attr(meta, false, cx)?;
                set_once(
                    &mut a.foreign_key,
                    Some(fk),
                    span,
                    "references` or `foreign_key",
                    cx,
                );
            }
            "on_delete" => {
                let v = action(meta, key, cx)?;
                set_once(&mut a.on_delete, v, span, key, cx);
            }
            "on_update" => {
                let v = action(meta, key, cx)?;
                set_once(&mut a.on_update, v, span, key, cx);
            }
            "index" => a.indexes.extend(index_attr(meta, false, cx)?),
            "max_length" => {
                let v = integer(meta, key, "max_length = 255", cx)?;
                set_once(&mut a.max_length, v, span, key, cx);
            }
            "precision" => {
                let v = integer(meta, key, "precision = 10", cx)?;
                set_once(&mut a.precision, v, span, key, cx);
            }
            "scale" => {
                let v = integer(meta, key, "scale = 2", cx)?;
                set_once(&mut a.scale, v, span, key, cx);
            }
            "sql_type" => {
                let v = string(meta, key, "sql_type = \"citext\"", cx)?;
                set_once(&mut a.sql_type, v, span, key, cx);
            }
            "collation" => {
                let v = string(meta, key, "collation = \"C\"", cx)?;
                set_once(&mut a.collation, v, span, key, cx);
            }
            "renamed_from" => {
                let v = string(meta, key, "renamed_from = \"old_name\"", cx)?;
                set_once(&mut a.renamed_from, v, span, key, cx);
            }
            _ => unknown(meta, key, "a model field", FIELD_KEYS, cx)?,
        }
        Ok(())
    });
    a
}

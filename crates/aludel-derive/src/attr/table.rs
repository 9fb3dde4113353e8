//! Attributes of a `#[derive(Model)]` struct: its table, schema, comment, rename hint, and the
//! struct-level constraints, indexes, triggers, row-level security switches and policies.

use syn::spanned::Spanned;
use syn::{Attribute, LitStr};

use super::constraint::{
    CheckAttr, ForeignKeyAttr, KeyAttr, UniqueAttr, check_attr, foreign_key_attr, key_attr,
    unique_attr,
};
use super::index::{IndexAttr, index_attr};
use super::policy::{PolicyAttr, policy_attr};
use super::trigger::{TriggerAttr, trigger_attr};
use super::value::{each_item, flag, set_once, string, unknown};
use crate::ctxt::Ctxt;

/// Attributes of a `#[derive(Model)]` struct.
#[derive(Default)]
pub struct TableAttrs {
    pub table: Option<LitStr>,
    pub schema: Option<LitStr>,
    pub comment: Option<LitStr>,
    pub renamed_from: Option<LitStr>,
    pub primary_key: Option<KeyAttr>,
    pub uniques: Vec<UniqueAttr>,
    pub checks: Vec<CheckAttr>,
    pub foreign_keys: Vec<ForeignKeyAttr>,
    pub indexes: Vec<IndexAttr>,
    pub triggers: Vec<TriggerAttr>,
    /// `row_level_security` and `force_row_level_security` (independent, as in PostgreSQL).
    pub row_level_security: bool,
    pub force_row_level_security: bool,
    pub policies: Vec<PolicyAttr>,
}

const TABLE_KEYS: &str = "`table`, `schema`, `comment`, `renamed_from`, `primary_key(...)`, `unique(...)`, `check(...)`, `foreign_key(...)`, `index(...)`, `trigger(...)`, `row_level_security`, `force_row_level_security`, `policy(...)`";

pub fn table_attrs(attrs: &[Attribute], cx: &mut Ctxt) -> TableAttrs {
    let mut a = TableAttrs::default();
    each_item(attrs, cx, |meta, key, cx| {
        let span = meta.path.span();
        match key {
            "table" => {
                let v = string(meta, key, "table = \"users\"", cx)?;
                set_once(&mut a.table, v, span, key, cx);
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
            "primary_key" => {
                let k = key_attr(meta, true, cx)?;
                set_once(&mut a.primary_key, k, span, key, cx);
            }
            "unique" => a.uniques.extend(unique_attr(meta, true, cx)?),
            "check" => a.checks.push(check_attr(meta, cx)?),
            "foreign_key" => a.foreign_keys.push(foreign_key_attr(meta, true, cx)?),
            "index" => a.indexes.extend(index_attr(meta, true, cx)?),
            "trigger" => a.triggers.push(trigger_attr(meta, cx)?),
            "policy" => a.policies.push(policy_attr(meta, cx)?),
            "row_level_security" | "force_row_level_security" => {
                let slot = if key == "row_level_security" {
                    &mut a.row_level_security
                } else {
                    &mut a.force_row_level_security
                };
                if flag(meta, key, cx)? {
                    if *slot {
                        cx.error(
                            span,
                            format!("duplicate `{key}`"),
                            format!("write `{key}` once"),
                        );
                    }
                    *slot = true;
                }
            }
            _ => unknown(meta, key, "a model struct", TABLE_KEYS, cx)?,
        }
        Ok(())
    });
    a
}

//! Parsing of `#[aludel(...)]` attributes and doc comments into spanned values; problems of
//! form (unknown key, wrong value type, malformed reference) are recorded in the `Ctxt`.
//! By concern: `table` (the struct), `column` (a field), `constraint` (keys, checks, foreign
//! keys, on either), `index` (indexes, on either), `trigger` (a model's triggers), `policy` (a model's row-level security policies), `pg_enum` (an enum and its variants), `value` (the syntax all
//! of them share).

mod column;
mod constraint;
mod index;
mod pg_enum;
mod policy;
mod table;
mod trigger;
mod value;

pub use column::{FieldAttrs, IdentityKind, field_attrs};
pub use constraint::{Action, CheckAttr, ForeignKeyAttr, Reference, UniqueAttr};
pub use index::{IndexAttr, KeyOptions, KeyTarget};
pub use pg_enum::{EnumAttrs, VariantAttrs, enum_attrs, variant_attrs};
pub use policy::PolicyAttr;
pub use table::{TableAttrs, table_attrs};
pub use trigger::{EXAMPLE as TRIGGER_EXAMPLE, Timing, TriggerAttr};
pub use value::{doc_comment, parse_qualified};

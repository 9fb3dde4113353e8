//! The derive input as the macros see it: the struct or enum, its fields or variants, and their
//! parsed attributes (shape errors such as a tuple struct are recorded here).

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Type};

use crate::attr::{self, EnumAttrs, FieldAttrs, TableAttrs, VariantAttrs};
use crate::ctxt::Ctxt;

pub struct ModelInput<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: TableAttrs,
    pub doc: Option<String>,
    pub fields: Vec<FieldInput<'a>>,
}

pub struct FieldInput<'a> {
    pub ident: &'a Ident,
    pub ty: &'a Type,
    pub attrs: FieldAttrs,
    pub doc: Option<String>,
}

pub struct EnumInput<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: EnumAttrs,
    pub doc: Option<String>,
    pub variants: Vec<VariantInput<'a>>,
}

pub struct VariantInput<'a> {
    pub ident: &'a Ident,
    pub attrs: VariantAttrs,
    /// The span of the variant's fields, when it has any (a PostgreSQL enum value has none).
    pub fields: Option<Span>,
}

impl<'a> ModelInput<'a> {
    pub fn parse(input: &'a DeriveInput, cx: &mut Ctxt) -> Option<Self> {
        let attrs = attr::table_attrs(&input.attrs, cx);
        let fields = match &input.data {
            Data::Struct(s) => match &s.fields {
                Fields::Named(named) => &named.named,
                Fields::Unnamed(_) | Fields::Unit => {
                    cx.error(
                        input.ident.span(),
                        "`Model` needs a struct with named fields",
                        format!("write `struct {} {{ id: i64, ... }}`", input.ident),
                    );
                    return None;
                }
            },
            Data::Enum(e) => {
                cx.error(
                    e.enum_token.span(),
                    "`Model` derives a table from a struct, not an enum",
                    "use `#[derive(PgEnum)]` for a PostgreSQL enum type",
                );
                return None;
            }
            Data::Union(u) => {
                cx.error(
                    u.union_token.span(),
                    "`Model` derives a table from a struct, not a union",
                    format!("write `struct {} {{ id: i64, ... }}`", input.ident),
                );
                return None;
            }
        };
        let fields = fields
            .iter()
            .map(|f| FieldInput {
                ident: f.ident.as_ref().expect("named field"),
                ty: &f.ty,
                attrs: attr::field_attrs(&f.attrs, cx),
                doc: attr::doc_comment(&f.attrs),
            })
            .collect();
        Some(ModelInput {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            doc: attr::doc_comment(&input.attrs),
            fields,
        })
    }
}

impl<'a> EnumInput<'a> {
    pub fn parse(input: &'a DeriveInput, cx: &mut Ctxt) -> Option<Self> {
        let attrs = attr::enum_attrs(&input.attrs, cx);
        let Data::Enum(data) = &input.data else {
            cx.error(
                input.ident.span(),
                "`PgEnum` derives a PostgreSQL enum type from a Rust enum",
                format!("write `enum {} {{ A, B }}`", input.ident),
            );
            return None;
        };
        let variants = data
            .variants
            .iter()
            .map(|v| VariantInput {
                ident: &v.ident,
                attrs: attr::variant_attrs(&v.attrs, cx),
                fields: (!matches!(v.fields, Fields::Unit)).then(|| v.fields.span()),
            })
            .collect();
        Some(EnumInput {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            doc: attr::doc_comment(&input.attrs),
            variants,
        })
    }
}

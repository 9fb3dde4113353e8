//! `#[derive(Model)]` and `#[derive(PgEnum)]`: parse (`ast`, `attr`) → validate (`valid`) →
//! expand (`expand`), every error collected with its span and a stub impl emitted on error.
//! The attribute grammar is documented in the `aludel` facade crate.

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

mod ast;
mod attr;
mod case;
mod ctxt;
mod expand;
mod names;
mod valid;

#[cfg(test)]
mod tests;

/// Derives `aludel::Model` for a struct: the struct is a table, its fields are columns.
#[proc_macro_derive(Model, attributes(aludel))]
pub fn derive_model(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive_model(&input).into()
}

/// Derives `aludel::PgEnum` and `aludel::SqlType` for a field-less enum: a PostgreSQL enum type.
#[proc_macro_derive(PgEnum, attributes(aludel))]
pub fn derive_pg_enum(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive_pg_enum(&input).into()
}

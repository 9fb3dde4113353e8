//! Expansion: turns validated definitions into `impl Model` / `impl PgEnum` + `impl SqlType`,
//! or into the collected errors plus a stub impl, so that users see no follow-on errors.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::DeriveInput;
use syn::spanned::Spanned;

use crate::ast::{EnumInput, ModelInput};
use aludel_sql::quote::{quote_ident, quote_literal};

use crate::attr::{Action, IdentityKind, Timing};
use crate::ctxt::Ctxt;
use crate::valid::{
    self, ColumnDef, Deferrable, EnumDef, Event, ForeignKeyDef, IndexDef, PolicyCommand, PolicyDef,
    TableDef, TargetDef, TriggerDef,
};

/// `#[derive(Model)]` on a parsed input.
pub fn derive_model(input: &DeriveInput) -> TokenStream {
    let mut cx = Ctxt::default();
    let def = ModelInput::parse(input, &mut cx).map(|ast| valid::model(ast, &mut cx));
    match (cx.finish(), def) {
        (Ok(()), Some(def)) => model(&def),
        (Err(e), _) => {
            let mut out = e.to_compile_error();
            out.extend(model_stub(input));
            out
        }
        (Ok(()), None) => model_stub(input),
    }
}

/// `#[derive(PgEnum)]` on a parsed input.
pub fn derive_pg_enum(input: &DeriveInput) -> TokenStream {
    let mut cx = Ctxt::default();
    let def = EnumInput::parse(input, &mut cx).map(|ast| valid::pg_enum(ast, &mut cx));
    match (cx.finish(), def) {
        (Ok(()), Some(def)) => pg_enum(&def),
        (Err(e), _) => {
            let mut out = e.to_compile_error();
            out.extend(pg_enum_stub(input));
            out
        }
        (Ok(()), None) => pg_enum_stub(input),
    }
}

fn model_stub(input: &DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::aludel::Model for #ident #ty_generics #where_clause {
            fn table_name() -> ::aludel::ir::QualifiedName {
                ::core::unimplemented!("the aludel derive failed")
            }
            fn table() -> ::aludel::ir::Table {
                ::core::unimplemented!("the aludel derive failed")
            }
        }
    }
}

fn pg_enum_stub(input: &DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::aludel::PgEnum for #ident #ty_generics #where_clause {
            fn enum_type() -> ::aludel::ir::EnumType {
                ::core::unimplemented!("the aludel derive failed")
            }
        }
        #[automatically_derived]
        impl #impl_generics ::aludel::SqlType for #ident #ty_generics #where_clause {
            fn column_type() -> ::aludel::ir::ColumnType {
                ::core::unimplemented!("the aludel derive failed")
            }
        }
    }
}

fn opt_str(s: &Option<String>) -> TokenStream {
    match s {
        Some(s) => quote!(__a::Some(__a::String::from(#s))),
        None => quote!(__a::None),
    }
}

fn opt_qname(q: &Option<(String, String)>) -> TokenStream {
    match q {
        Some((s, n)) => quote!(__a::Some(__a::qname(#s, #n))),
        None => quote!(__a::None),
    }
}

fn column(c: &ColumnDef) -> TokenStream {
    let name = &c.name;
    let ty = c.ty;
    let tspan = ty.span();
    let init = match &c.sql_type {
        Some((sql, nullable)) => quote!(__a::column_sql(#name, #sql, #nullable)),
        None => quote_spanned!(tspan=> ::aludel::__private::column::<#ty>(#name, enums)),
    };
    let mut body = TokenStream::new();
    if let Some((n, span)) = c.max_length {
        body.extend(quote_spanned!(span=> ::aludel::__private::assert_length::<#ty>();));
        body.extend(quote!(c.ty = __a::with_max_length(c.ty, #n);));
    }
    if let Some((p, span)) = c.precision {
        body.extend(quote_spanned!(span=> ::aludel::__private::assert_precision::<#ty>();));
        let s = match c.scale {
            Some((s, span)) => {
                body.extend(quote_spanned!(span=> ::aludel::__private::assert_scale::<#ty>();));
                quote!(__a::Some(#s))
            }
            None => quote!(__a::None),
        };
        body.extend(quote!(c.ty = __a::with_precision(c.ty, #p, #s);));
    }
    if c.not_null {
        body.extend(quote!(c.nullable = false;));
    }
    if let Some(d) = &c.default {
        body.extend(quote!(c.default = __a::Some(__a::expr(#d));));
    }
    if let Some(g) = &c.generated {
        body.extend(quote!(c.generated = __a::Some(__a::expr(#g));));
    }
    if let Some(k) = c.identity {
        let kind = match k {
            IdentityKind::Always => quote!(Always),
            IdentityKind::ByDefault => quote!(ByDefault),
        };
        body.extend(quote!(c.identity = __a::Some(__a::identity(__a::IdentityKind::#kind));));
    }
    if c.collation.is_some() {
        let coll = opt_qname(&c.collation);
        body.extend(quote!(c.collation = #coll;));
    }
    if c.comment.is_some() {
        let comment = opt_str(&c.comment);
        body.extend(quote!(c.comment = #comment;));
    }
    if let Some(old) = &c.renamed_from {
        body.extend(quote!(c.renamed_from = __a::Some(__a::Ident::new(#old));));
    }
    if body.is_empty() {
        quote!(table.columns.push(#init);)
    } else {
        quote!(table.columns.push({ let mut c = #init; #body c });)
    }
}

fn action(a: Action, columns: &[String]) -> TokenStream {
    match a {
        Action::NoAction => quote!(__a::FkAction::NoAction),
        Action::Restrict => quote!(__a::FkAction::Restrict),
        Action::Cascade => quote!(__a::FkAction::Cascade),
        Action::SetNull => quote!(__a::set_null(&[#(#columns),*])),
        Action::SetDefault => quote!(__a::set_default(&[#(#columns),*])),
    }
}

fn foreign_key(fk: &ForeignKeyDef) -> TokenStream {
    let ForeignKeyDef {
        name,
        columns,
        ref_schema,
        ref_table,
        ref_columns,
        ..
    } = fk;
    let on_delete = action(fk.on_delete, &[]);
    let on_update = action(fk.on_update, &[]);
    let deferrable = match fk.deferrable {
        Deferrable::No => quote!(NotDeferrable),
        Deferrable::InitiallyImmediate => quote!(InitiallyImmediate),
        Deferrable::InitiallyDeferred => quote!(InitiallyDeferred),
    };
    quote! {
        table.foreign_keys.push(__a::foreign_key(
            #name,
            &[#(#columns),*],
            __a::qname(#ref_schema, #ref_table),
            &[#(#ref_columns),*],
            #on_delete,
            #on_update,
            __a::Deferrable::#deferrable,
        ));
    }
}

fn index(ix: &IndexDef) -> TokenStream {
    let IndexDef {
        name,
        unique,
        method,
        include,
        ..
    } = ix;
    let mut body = quote!(let mut ix = __a::index(#name, #method, #unique););
    for k in &ix.keys {
        let target = match &k.target {
            TargetDef::Column(c) => quote!(__a::key_column(#c)),
            TargetDef::Expr(e) => quote!(__a::key_expr(#e)),
        };
        let desc = k.descending;
        let nulls = match k.nulls_first {
            Some(b) => quote!(__a::Some(#b)),
            None => quote!(__a::None),
        };
        let opclass = opt_qname(&k.opclass);
        let collation = opt_qname(&k.collation);
        body.extend(
            quote!(ix.keys.push(__a::index_key(#target, #desc, #nulls, #opclass, #collation));),
        );
    }
    if ix.nulls_not_distinct {
        body.extend(quote!(ix.nulls_not_distinct = true;));
    }
    if !include.is_empty() {
        body.extend(quote!(ix.include = __a::idents(&[#(#include),*]);));
    }
    if let Some(p) = &ix.predicate {
        body.extend(quote!(ix.predicate = __a::Some(__a::expr(#p));));
    }
    quote!(table.indexes.push({ #body ix });)
}

/// `schema.name`, each part quoted as needed.
fn qualified(schema: &str, name: &str) -> String {
    format!("{}.{}", quote_ident(schema), quote_ident(name))
}

/// The SQL a `trigger(...)` attribute stands for: `CREATE TRIGGER` (with the
/// `-- aludel: renamed_from` line above it for a hint) and `COMMENT ON TRIGGER`, the statements
/// on one line so that errors name the attribute's line.
pub(crate) fn trigger_sql(t: &TriggerDef) -> String {
    let name = quote_ident(&t.name);
    let table = qualified(&t.table.0, &t.table.1);
    let mut sql = String::new();
    if let Some(old) = &t.renamed_from {
        sql.push_str(&format!("-- aludel: renamed_from {}\n", quote_ident(old)));
    }
    let timing = match t.timing {
        Timing::Before => "BEFORE",
        Timing::After => "AFTER",
    };
    let events: Vec<String> = t
        .events
        .iter()
        .map(|e| match e {
            Event::Insert => "INSERT".to_owned(),
            Event::Update(cols) if cols.is_empty() => "UPDATE".to_owned(),
            Event::Update(cols) => {
                let cols: Vec<_> = cols.iter().map(|c| quote_ident(c)).collect();
                format!("UPDATE OF {}", cols.join(", "))
            }
            Event::Delete => "DELETE".to_owned(),
            Event::Truncate => "TRUNCATE".to_owned(),
        })
        .collect();
    let each = if t.row { "ROW" } else { "STATEMENT" };
    let when = t
        .when
        .as_ref()
        .map(|w| format!(" WHEN ({w})"))
        .unwrap_or_default();
    let args: Vec<String> = t.args.iter().map(|a| quote_literal(a)).collect();
    sql.push_str(&format!(
        "CREATE TRIGGER {name} {timing} {} ON {table} FOR EACH {each}{when} EXECUTE FUNCTION {}({});",
        events.join(" OR "),
        qualified(&t.function.0, &t.function.1),
        args.join(", "),
    ));
    if let Some(c) = &t.comment {
        sql.push_str(&format!(
            " COMMENT ON TRIGGER {name} ON {table} IS {};",
            quote_literal(c)
        ));
    }
    sql
}

/// `fn triggers()`: each trigger a source of its own, from the model's file and the
/// attribute's line (the derive's own line when the compiler does not tell).
fn triggers(def: &TableDef) -> TokenStream {
    if def.triggers.is_empty() {
        return TokenStream::new();
    }
    let sources = def.triggers.iter().map(|t| {
        let sql = trigger_sql(t);
        // the hint's comment line comes first: the `CREATE` is on the attribute's line
        let hint = usize::from(t.renamed_from.is_some());
        let line = match t.line {
            Some(l) => {
                let l = l.saturating_sub(hint).max(1);
                quote!(#l)
            }
            None => quote!(::core::line!() as usize),
        };
        quote!(__a::sql_source(::core::file!(), #line, #sql))
    });
    quote! {
        fn triggers() -> ::std::vec::Vec<::aludel::ir::SqlSource> {
            use ::aludel::__private as __a;
            __a::Vec::from([#(#sources),*])
        }
    }
}

fn policy(p: &PolicyDef) -> TokenStream {
    let PolicyDef {
        name,
        table: (schema, table),
        permissive,
        roles,
        ..
    } = p;
    let command = match p.command {
        PolicyCommand::All => quote!(All),
        PolicyCommand::Select => quote!(Select),
        PolicyCommand::Insert => quote!(Insert),
        PolicyCommand::Update => quote!(Update),
        PolicyCommand::Delete => quote!(Delete),
    };
    let (using, with_check) = (opt_str(&p.using), opt_str(&p.with_check));
    let (comment, renamed_from) = (opt_str(&p.comment), opt_str(&p.renamed_from));
    quote! {
        __a::policy(
            __a::qname(#schema, #table),
            #name,
            #permissive,
            __a::PolicyCommand::#command,
            &[#(#roles),*],
            #using,
            #with_check,
            #comment,
            #renamed_from,
        )
    }
}

/// `fn policies()`: the model's policies as IR.
fn policies(def: &TableDef) -> TokenStream {
    if def.policies.is_empty() {
        return TokenStream::new();
    }
    let policies = def.policies.iter().map(policy);
    quote! {
        fn policies() -> ::std::vec::Vec<::aludel::ir::Policy> {
            use ::aludel::__private as __a;
            __a::Vec::from([#(#policies),*])
        }
    }
}

fn model(def: &TableDef) -> TokenStream {
    let ident = def.ident;
    let (impl_generics, ty_generics, where_clause) = def.generics.split_for_impl();
    let (schema, name) = (&def.schema, &def.name);
    let mut body = TokenStream::new();
    if def.comment.is_some() {
        let c = opt_str(&def.comment);
        body.extend(quote!(table.comment = #c;));
    }
    if def.renamed_from.is_some() {
        let r = opt_qname(&def.renamed_from);
        body.extend(quote!(table.renamed_from = #r;));
    }
    for c in &def.columns {
        body.extend(column(c));
    }
    if let Some((n, cols)) = &def.primary_key {
        body.extend(quote!(table.primary_key = __a::Some(__a::primary_key(#n, &[#(#cols),*]));));
    }
    for u in &def.uniques {
        let (n, cols, nnd, inc) = (&u.name, &u.columns, u.nulls_not_distinct, &u.include);
        body.extend(
            quote!(table.uniques.push(__a::unique(#n, &[#(#cols),*], #nnd, &[#(#inc),*]));),
        );
    }
    for (n, e) in &def.checks {
        body.extend(quote!(table.checks.push(__a::check(#n, #e));));
    }
    for fk in &def.foreign_keys {
        body.extend(foreign_key(fk));
    }
    for ix in &def.indexes {
        body.extend(index(ix));
    }
    if def.row_level_security {
        body.extend(quote!(table.row_security.enabled = true;));
    }
    if def.force_row_level_security {
        body.extend(quote!(table.row_security.forced = true;));
    }
    let triggers = triggers(def);
    let policies = policies(def);
    quote! {
        #[automatically_derived]
        impl #impl_generics ::aludel::Model for #ident #ty_generics #where_clause {
            fn table_name() -> ::aludel::ir::QualifiedName {
                ::aludel::__private::qname(#schema, #name)
            }

            fn table() -> ::aludel::ir::Table {
                Self::__aludel_describe(&mut ::std::vec::Vec::new())
            }

            fn enum_types() -> ::std::vec::Vec<::aludel::ir::EnumType> {
                let mut enums = ::std::vec::Vec::new();
                Self::__aludel_describe(&mut enums);
                enums
            }

            #triggers

            #policies
        }

        impl #impl_generics #ident #ty_generics #where_clause {
            /// The table, adding the enum types its columns use to `enums`.
            #[doc(hidden)]
            // `enums` is unused when no column maps through `SqlType` (all `sql_type`)
            #[allow(clippy::ptr_arg, unused_variables)]
            fn __aludel_describe(
                enums: &mut ::std::vec::Vec<::aludel::ir::EnumType>,
            ) -> ::aludel::ir::Table {
                use ::aludel::__private as __a;
                let mut table = __a::Table::new(<Self as ::aludel::Model>::table_name());
                #body
                table
            }
        }
    }
}

fn pg_enum(def: &EnumDef) -> TokenStream {
    let ident = def.ident;
    let (schema, name) = (&def.schema, &def.name);
    let values = def.values.iter().map(|(label, old)| {
        let old = match old {
            Some(o) => quote!(__a::Some(#o)),
            None => quote!(__a::None),
        };
        quote!(__a::enum_value(#label, #old))
    });
    let comment = opt_str(&def.comment);
    let renamed_from = opt_qname(&def.renamed_from);
    quote! {
        #[automatically_derived]
        impl ::aludel::PgEnum for #ident {
            fn enum_type() -> ::aludel::ir::EnumType {
                use ::aludel::__private as __a;
                __a::EnumType {
                    name: __a::qname(#schema, #name),
                    values: __a::Vec::from([#(#values),*]),
                    comment: #comment,
                    renamed_from: #renamed_from,
                }
            }
        }

        #[automatically_derived]
        impl ::aludel::SqlType for #ident {
            fn column_type() -> ::aludel::ir::ColumnType {
                ::aludel::ir::ColumnType::Enum {
                    name: ::aludel::__private::qname(#schema, #name),
                }
            }

            fn enum_types(out: &mut ::std::vec::Vec<::aludel::ir::EnumType>) {
                ::aludel::__private::push_enum(out, <Self as ::aludel::PgEnum>::enum_type());
            }
        }
    }
}

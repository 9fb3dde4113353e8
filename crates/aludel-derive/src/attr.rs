//! Parsing of `#[aludel(...)]` attributes and doc comments into spanned values; problems of
//! form (unknown key, wrong value type, malformed reference) are recorded in the `Ctxt`.

use proc_macro2::{Span, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitInt, LitStr, Token};

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
}

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

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum IdentityKind {
    Always,
    ByDefault,
}

#[derive(Clone, Copy, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)]
pub enum Action {
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}

/// `primary_key`, `primary_key(a, b)`, `primary_key(name = "...")`.
pub struct KeyAttr {
    pub span: Span,
    pub columns: Vec<Ident>,
    pub name: Option<LitStr>,
}

pub struct UniqueAttr {
    pub span: Span,
    pub columns: Vec<Ident>,
    pub nulls_not_distinct: bool,
    pub include: Vec<Ident>,
    pub name: Option<LitStr>,
}

pub struct CheckAttr {
    pub span: Span,
    pub expr: Option<LitStr>,
    pub name: Option<LitStr>,
}

/// A parsed `references = "schema.table(a, b)"`.
pub struct Reference {
    pub lit: LitStr,
    pub schema: Option<String>,
    pub table: String,
    pub columns: Vec<String>,
}

pub struct ForeignKeyAttr {
    pub span: Span,
    pub columns: Vec<Ident>,
    pub references: Option<Reference>,
    pub on_delete: Option<(Action, Span)>,
    pub on_update: Option<(Action, Span)>,
    pub deferrable: bool,
    pub initially_deferred: bool,
    pub name: Option<LitStr>,
}

pub enum KeyTarget {
    Column(Ident),
    Expr(LitStr),
}

pub struct IndexKeyAttr {
    pub target: KeyTarget,
    pub descending: bool,
    pub nulls_first: Option<bool>,
    pub opclass: Option<LitStr>,
    pub collation: Option<LitStr>,
}

pub struct IndexAttr {
    pub span: Span,
    pub keys: Vec<IndexKeyAttr>,
    /// Options of the single key of a field-level index.
    pub field_key: KeyOptions,
    pub unique: bool,
    pub nulls_not_distinct: bool,
    pub method: Option<LitStr>,
    pub predicate: Option<LitStr>,
    pub include: Vec<Ident>,
    pub name: Option<LitStr>,
    /// A key list that did not parse (already reported).
    pub broken: bool,
}

#[derive(Default)]
pub struct KeyOptions {
    pub descending: bool,
    pub nulls_first: Option<bool>,
    pub opclass: Option<LitStr>,
    pub collation: Option<LitStr>,
}

const TABLE_KEYS: &str = "`table`, `schema`, `comment`, `renamed_from`, `primary_key(...)`, `unique(...)`, `check(...)`, `foreign_key(...)`, `index(...)`";
const FIELD_KEYS: &str = "`name`, `skip`, `comment`, `sql_type`, `max_length`, `precision`, `scale`, `collation`, `primary_key`, `identity`, `default`, `generated`, `unique`, `check`, `references`, `on_delete`, `on_update`, `foreign_key(...)`, `index`, `renamed_from`";
const ENUM_KEYS: &str = "`name`, `schema`, `comment`, `renamed_from`, `rename_all`";
const VARIANT_KEYS: &str = "`name`, `renamed_from`";
const ACTIONS: &str =
    "`\"cascade\"`, `\"restrict\"`, `\"set null\"`, `\"set default\"`, `\"no action\"`";

/// The doc comment, lines joined with `\n`, one leading space and outer blank lines removed.
pub fn doc_comment(attrs: &[Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(nv) = &attr.meta
            && let Expr::Lit(ExprLit {
                lit: Lit::Str(s), ..
            }) = &nv.value
        {
            for line in s.value().lines() {
                lines.push(line.strip_prefix(' ').unwrap_or(line).trim_end().to_owned());
            }
        }
    }
    let text = lines.join("\n");
    let text = text.trim_matches('\n');
    (!text.trim().is_empty()).then(|| text.to_owned())
}

/// Runs `f` on every item of every `#[aludel(...)]` attribute; a syntax error ends only the
/// attribute it is in.
fn each_item(
    attrs: &[Attribute],
    cx: &mut Ctxt,
    mut f: impl FnMut(&ParseNestedMeta, &str, &mut Ctxt) -> syn::Result<()>,
) {
    for attr in attrs {
        if !attr.path().is_ident("aludel") {
            continue;
        }
        if let syn::Meta::Path(p) = &attr.meta {
            cx.error(
                p.span(),
                "empty `#[aludel]` attribute",
                "write the options inside, as `#[aludel(name = \"...\")]`",
            );
            continue;
        }
        let mut inner = Ctxt::default();
        let res = attr.parse_nested_meta(|meta| {
            let key = key_of(&meta);
            f(&meta, &key, &mut inner)
        });
        if let Err(e) = inner.finish() {
            cx.push(e);
        }
        if let Err(e) = res {
            cx.push(e);
        }
    }
}

fn key_of(meta: &ParseNestedMeta) -> String {
    meta.path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

/// Consumes whatever value follows an unknown key, so parsing goes on after it.
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.input.parse::<Token![=]>()?;
        meta.input.parse::<Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<TokenTree>()?;
    }
    Ok(())
}

fn unknown(
    meta: &ParseNestedMeta,
    key: &str,
    place: &str,
    known: &str,
    cx: &mut Ctxt,
) -> syn::Result<()> {
    cx.error(
        meta.path.span(),
        format!("unknown aludel attribute `{key}` on {place}"),
        format!("the attributes allowed here are {known}"),
    );
    skip_value(meta)
}

/// Records a second occurrence of a single-valued key.
fn set_once<T>(slot: &mut Option<T>, value: Option<T>, span: Span, key: &str, cx: &mut Ctxt) {
    if let Some(v) = value {
        if slot.is_some() {
            cx.error(
                span,
                format!("duplicate `{key}`"),
                format!("write `{key}` once"),
            );
        } else {
            *slot = Some(v);
        }
    }
}

/// Consumes `()` and returns true when the list is empty (syn rejects an empty nested list).
fn empty_parens(meta: &ParseNestedMeta) -> syn::Result<bool> {
    if let Ok(TokenTree::Group(g)) = meta.input.fork().parse::<TokenTree>()
        && g.stream().is_empty()
    {
        meta.input.parse::<TokenTree>()?;
        return Ok(true);
    }
    Ok(false)
}

/// `key = "string"`; `example` is the correct form shown in the help line.
fn string(
    meta: &ParseNestedMeta,
    key: &str,
    example: &str,
    cx: &mut Ctxt,
) -> syn::Result<Option<LitStr>> {
    if !meta.input.peek(Token![=]) {
        cx.error(
            meta.path.span(),
            format!("`{key}` needs a string value"),
            format!("write `{example}`"),
        );
        skip_value(meta)?;
        return Ok(None);
    }
    let value: Expr = meta.value()?.parse()?;
    match value {
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => Ok(Some(s)),
        other => {
            cx.error(
                other.span(),
                format!("`{key}` expects a string literal"),
                format!("write `{example}`"),
            );
            Ok(None)
        }
    }
}

/// `key = 123`.
fn integer(
    meta: &ParseNestedMeta,
    key: &str,
    example: &str,
    cx: &mut Ctxt,
) -> syn::Result<Option<LitInt>> {
    if !meta.input.peek(Token![=]) {
        cx.error(
            meta.path.span(),
            format!("`{key}` needs an integer value"),
            format!("write `{example}`"),
        );
        skip_value(meta)?;
        return Ok(None);
    }
    let value: Expr = meta.value()?.parse()?;
    match value {
        Expr::Lit(ExprLit {
            lit: Lit::Int(i), ..
        }) => Ok(Some(i)),
        other => {
            cx.error(
                other.span(),
                format!("`{key}` expects an integer literal"),
                format!("write `{example}`"),
            );
            Ok(None)
        }
    }
}

/// A flag takes no value: `unique`, not `unique = true`.
fn flag(meta: &ParseNestedMeta, key: &str, cx: &mut Ctxt) -> syn::Result<bool> {
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        cx.error(
            meta.path.span(),
            format!("`{key}` takes no value"),
            format!("write `{key}` alone"),
        );
        skip_value(meta)?;
        return Ok(false);
    }
    Ok(true)
}

/// `(a, b, c)`: field names.
fn ident_list(
    meta: &ParseNestedMeta,
    key: &str,
    example: &str,
    cx: &mut Ctxt,
) -> syn::Result<Vec<Ident>> {
    let mut out = Vec::new();
    if !meta.input.peek(syn::token::Paren) {
        cx.error(
            meta.path.span(),
            format!("`{key}` needs a list of fields"),
            format!("write `{example}`"),
        );
        skip_value(meta)?;
        return Ok(out);
    }
    meta.parse_nested_meta(|inner| {
        match inner.path.get_ident() {
            Some(id) if inner.input.is_empty() || inner.input.peek(Token![,]) => {
                out.push(id.clone())
            }
            _ => {
                cx.error(
                    inner.path.span(),
                    format!("`{key}(...)` lists field names"),
                    format!("write `{example}`"),
                );
                skip_value(&inner)?;
            }
        }
        Ok(())
    })?;
    Ok(out)
}

fn action(meta: &ParseNestedMeta, key: &str, cx: &mut Ctxt) -> syn::Result<Option<(Action, Span)>> {
    let example = format!("{key} = \"cascade\"");
    let Some(lit) = string(meta, key, &example, cx)? else {
        return Ok(None);
    };
    let words: Vec<String> = lit
        .value()
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let action = match words.join(" ").replace('_', " ").as_str() {
        "cascade" => Action::Cascade,
        "restrict" => Action::Restrict,
        "set null" => Action::SetNull,
        "set default" => Action::SetDefault,
        "no action" => Action::NoAction,
        _ => {
            cx.error(
                lit.span(),
                format!("unknown foreign key action {:?}", lit.value()),
                format!("`{key}` takes one of {ACTIONS}"),
            );
            return Ok(None);
        }
    };
    Ok(Some((action, lit.span())))
}

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

/// Parses `references = "schema.table(a, b)"`.
fn reference(meta: &ParseNestedMeta, cx: &mut Ctxt) -> syn::Result<Option<Reference>> {
    let example = "references = \"accounts(id)\"` or `references = \"auth.users(id)\"";
    let Some(lit) = string(meta, "references", example, cx)? else {
        return Ok(None);
    };
    match parse_reference(&lit.value()) {
        Ok((schema, table, columns)) => Ok(Some(Reference {
            lit,
            schema,
            table,
            columns,
        })),
        Err(reason) => {
            cx.error(
                lit.span(),
                format!("malformed reference {:?}: {reason}", lit.value()),
                format!("write `{example}`"),
            );
            Ok(None)
        }
    }
}

type ParsedReference = (Option<String>, String, Vec<String>);

fn parse_reference(s: &str) -> Result<ParsedReference, &'static str> {
    let s = s.trim();
    let open = s.find('(').ok_or("the referenced columns are missing")?;
    let inner = s[open + 1..]
        .strip_suffix(')')
        .ok_or("the column list does not end with `)`")?;
    let columns: Vec<String> = inner.split(',').map(|c| c.trim().to_owned()).collect();
    if columns.iter().any(|c| !is_plain_name(c)) {
        return Err("a referenced column is empty or not a plain name");
    }
    let (schema, table) = parse_qualified(s[..open].trim())?;
    Ok((schema, table, columns))
}

/// `name` or `schema.name`, each part a plain name.
pub fn parse_qualified(s: &str) -> Result<(Option<String>, String), &'static str> {
    let parts: Vec<&str> = s.split('.').collect();
    let (schema, name) = match parts.as_slice() {
        [name] => (None, *name),
        [schema, name] => (Some(*schema), *name),
        _ => return Err("a name has at most one `.` (`schema.name`)"),
    };
    if !is_plain_name(name) || schema.is_some_and(|s| !is_plain_name(s)) {
        return Err("a name is empty or contains white space, quotes or parentheses");
    }
    Ok((schema.map(str::to_owned), name.to_owned()))
}

fn is_plain_name(s: &str) -> bool {
    !s.is_empty()
        && !s
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '"' | '(' | ')' | ',' | '.'))
}

fn unique_attr(
    meta: &ParseNestedMeta,
    table_level: bool,
    cx: &mut Ctxt,
) -> syn::Result<Option<UniqueAttr>> {
    let mut u = UniqueAttr {
        span: meta.path.span(),
        columns: Vec::new(),
        nulls_not_distinct: false,
        include: Vec::new(),
        name: None,
    };
    if !meta.input.peek(syn::token::Paren) {
        if table_level {
            cx.error(
                meta.path.span(),
                "`unique` on a struct needs its columns",
                "write `unique(a, b)`, or `unique` on the field",
            );
            skip_value(meta)?;
            return Ok(None);
        }
        flag(meta, "unique", cx)?;
        return Ok(Some(u));
    }
    if empty_parens(meta)? {
        return Ok(Some(u));
    }
    meta.parse_nested_meta(|inner| {
        let key = key_of(&inner);
        match key.as_str() {
            "nulls_not_distinct" => u.nulls_not_distinct |= flag(&inner, &key, cx)?,
            // on a struct, a bare `name` or `include` is a field of that name (as in
            // `primary_key(...)`): only `name = ...` and `include(...)` are options there
            "name" if !table_level || inner.input.peek(Token![=]) => {
                let v = string(&inner, "name", "name = \"users_email_key\"", cx)?;
                set_once(&mut u.name, v, inner.path.span(), "name", cx);
            }
            "include"
                if !table_level || !(inner.input.is_empty() || inner.input.peek(Token![,])) =>
            {
                u.include = ident_list(&inner, "include", "include(a, b)", cx)?
            }
            _ if table_level
                && inner.path.get_ident().is_some()
                && (inner.input.is_empty() || inner.input.peek(Token![,])) =>
            {
                u.columns
                    .push(inner.path.get_ident().cloned().expect("checked"));
            }
            _ => {
                let known = if table_level {
                    "field names, `nulls_not_distinct`, `include(...)`, `name = \"...\"`"
                } else {
                    "`nulls_not_distinct`, `include(...)`, `name = \"...\"`"
                };
                unknown(&inner, &key, "a unique constraint", known, cx)?;
            }
        }
        Ok(())
    })?;
    Ok(Some(u))
}

fn key_attr(
    meta: &ParseNestedMeta,
    table_level: bool,
    cx: &mut Ctxt,
) -> syn::Result<Option<KeyAttr>> {
    let mut k = KeyAttr {
        span: meta.path.span(),
        columns: Vec::new(),
        name: None,
    };
    if !meta.input.peek(syn::token::Paren) {
        if table_level {
            cx.error(
                meta.path.span(),
                "`primary_key` on a struct needs its columns",
                "write `primary_key(a, b)`, or `primary_key` on the field",
            );
            skip_value(meta)?;
            return Ok(None);
        }
        flag(meta, "primary_key", cx)?;
        return Ok(Some(k));
    }
    if empty_parens(meta)? {
        return Ok(Some(k));
    }
    meta.parse_nested_meta(|inner| {
        let key = key_of(&inner);
        if key == "name" && inner.input.peek(Token![=]) {
            let v = string(&inner, "name", "name = \"users_pkey\"", cx)?;
            set_once(&mut k.name, v, inner.path.span(), "name", cx);
        } else if table_level
            && inner.path.get_ident().is_some()
            && (inner.input.is_empty() || inner.input.peek(Token![,]))
        {
            k.columns
                .push(inner.path.get_ident().cloned().expect("checked"));
        } else {
            let known = if table_level {
                "field names and `name = \"...\"`"
            } else {
                "`name = \"...\"`"
            };
            unknown(&inner, &key, "a primary key", known, cx)?;
        }
        Ok(())
    })?;
    Ok(Some(k))
}

fn check_attr(meta: &ParseNestedMeta, cx: &mut Ctxt) -> syn::Result<CheckAttr> {
    let mut c = CheckAttr {
        span: meta.path.span(),
        expr: None,
        name: None,
    };
    let example = "check(name = \"price_positive\", expr = \"price > 0\")";
    if meta.input.peek(Token![=]) {
        c.expr = string(meta, "check", "check = \"price > 0\"", cx)?;
        return Ok(c);
    }
    if !meta.input.peek(syn::token::Paren) {
        cx.error(
            meta.path.span(),
            "`check` needs an expression",
            format!("write `{example}`"),
        );
        return Ok(c);
    }
    meta.parse_nested_meta(|inner| {
        let key = key_of(&inner);
        match key.as_str() {
            "expr" => {
                let v = string(&inner, "expr", "expr = \"price > 0\"", cx)?;
                set_once(&mut c.expr, v, inner.path.span(), "expr", cx);
            }
            "name" => {
                let v = string(&inner, "name", "name = \"price_positive\"", cx)?;
                set_once(&mut c.name, v, inner.path.span(), "name", cx);
            }
            _ => unknown(
                &inner,
                &key,
                "a check constraint",
                "`expr = \"...\"`, `name = \"...\"`",
                cx,
            )?,
        }
        Ok(())
    })?;
    if c.expr.is_none() {
        cx.error(
            c.span,
            "a check constraint needs `expr`",
            format!("write `{example}`"),
        );
    }
    Ok(c)
}

fn foreign_key_attr(
    meta: &ParseNestedMeta,
    table_level: bool,
    cx: &mut Ctxt,
) -> syn::Result<ForeignKeyAttr> {
    let mut fk = ForeignKeyAttr {
        span: meta.path.span(),
        columns: Vec::new(),
        references: None,
        on_delete: None,
        on_update: None,
        deferrable: false,
        initially_deferred: false,
        name: None,
    };
    let example = if table_level {
        "foreign_key(columns(a, b), references = \"table(x, y)\")"
    } else {
        "foreign_key(references = \"table(id)\", on_delete = \"cascade\")"
    };
    if !meta.input.peek(syn::token::Paren) {
        cx.error(
            meta.path.span(),
            "`foreign_key` needs its options",
            format!("write `{example}`"),
        );
        skip_value(meta)?;
        return Ok(fk);
    }
    let mut columns_span = None;
    let mut saw_references = false;
    meta.parse_nested_meta(|inner| {
        let key = key_of(&inner);
        match key.as_str() {
            "columns" if table_level => {
                columns_span = Some(inner.path.span());
                fk.columns = ident_list(&inner, "columns", "columns(a, b)", cx)?;
            }
            "references" => {
                saw_references = true;
                let r = reference(&inner, cx)?;
                set_once(&mut fk.references, r, inner.path.span(), "references", cx);
            }
            "on_delete" => {
                let a = action(&inner, "on_delete", cx)?;
                set_once(&mut fk.on_delete, a, inner.path.span(), "on_delete", cx);
            }
            "on_update" => {
                let a = action(&inner, "on_update", cx)?;
                set_once(&mut fk.on_update, a, inner.path.span(), "on_update", cx);
            }
            "deferrable" => fk.deferrable |= flag(&inner, &key, cx)?,
            "initially_deferred" => fk.initially_deferred |= flag(&inner, &key, cx)?,
            "name" => {
                let v = string(&inner, "name", "name = \"orders_customer_fkey\"", cx)?;
                set_once(&mut fk.name, v, inner.path.span(), "name", cx);
            }
            _ => {
                let known = if table_level {
                    "`columns(...)`, `references`, `on_delete`, `on_update`, `deferrable`, `initially_deferred`, `name`"
                } else {
                    "`references`, `on_delete`, `on_update`, `deferrable`, `initially_deferred`, `name`"
                };
                unknown(&inner, &key, "a foreign key", known, cx)?;
            }
        }
        Ok(())
    })?;
    if table_level && columns_span.is_none() {
        cx.error(
            fk.span,
            "a foreign key on a struct needs `columns(...)`",
            format!("write `{example}`"),
        );
    }
    if !saw_references {
        cx.error(
            fk.span,
            "a foreign key needs `references`",
            format!("write `{example}`"),
        );
    }
    Ok(fk)
}

/// Per-key options inside `columns(a(desc, nulls_last))` or a field-level `index(...)`.
fn key_option(
    inner: &ParseNestedMeta,
    key: &str,
    opts: &mut KeyOptions,
    cx: &mut Ctxt,
) -> syn::Result<bool> {
    match key {
        "desc" => opts.descending |= flag(inner, key, cx)?,
        "asc" => {
            if flag(inner, key, cx)? {
                opts.descending = false;
            }
        }
        "nulls_first" => {
            if flag(inner, key, cx)? {
                opts.nulls_first = Some(true);
            }
        }
        "nulls_last" => {
            if flag(inner, key, cx)? {
                opts.nulls_first = Some(false);
            }
        }
        "opclass" => {
            let v = string(inner, "opclass", "opclass = \"text_pattern_ops\"", cx)?;
            set_once(&mut opts.opclass, v, inner.path.span(), "opclass", cx);
        }
        "collation" => {
            let v = string(inner, "collation", "collation = \"C\"", cx)?;
            set_once(&mut opts.collation, v, inner.path.span(), "collation", cx);
        }
        _ => return Ok(false),
    }
    Ok(true)
}

const KEY_OPTIONS: &str =
    "`desc`, `asc`, `nulls_first`, `nulls_last`, `opclass = \"...\"`, `collation = \"...\"`";

fn index_attr(
    meta: &ParseNestedMeta,
    table_level: bool,
    cx: &mut Ctxt,
) -> syn::Result<Option<IndexAttr>> {
    let mut ix = IndexAttr {
        span: meta.path.span(),
        keys: Vec::new(),
        field_key: KeyOptions::default(),
        unique: false,
        nulls_not_distinct: false,
        method: None,
        predicate: None,
        include: Vec::new(),
        name: None,
        broken: false,
    };
    let example = "index(columns(a, b), where = \"deleted_at IS NULL\")";
    if !meta.input.peek(syn::token::Paren) {
        if table_level {
            cx.error(
                meta.path.span(),
                "`index` on a struct needs its keys",
                format!("write `{example}`, or `index` on the field"),
            );
            skip_value(meta)?;
            return Ok(None);
        }
        flag(meta, "index", cx)?;
        return Ok(Some(ix));
    }
    if empty_parens(meta)? {
        return Ok(Some(ix));
    }
    let mut broken = false;
    meta.parse_nested_meta(|inner| {
        let key = key_of(&inner);
        match key.as_str() {
            "columns" if table_level => {
                if !inner.input.peek(syn::token::Paren) {
                    cx.error(inner.path.span(), "`columns` needs a list of fields", "write `columns(a, b(desc))`");
                    broken = true;
                    return skip_value(&inner);
                }
                inner.parse_nested_meta(|col| {
                    let Some(id) = col.path.get_ident().cloned() else {
                        broken = true;
                        cx.error(col.path.span(), "`columns(...)` lists field names", "write `columns(a, b(desc))`");
                        return skip_value(&col);
                    };
                    let mut opts = KeyOptions::default();
                    if col.input.peek(syn::token::Paren) {
                        col.parse_nested_meta(|o| {
                            let k = key_of(&o);
                            if !key_option(&o, &k, &mut opts, cx)? {
                                unknown(&o, &k, "an index key", KEY_OPTIONS, cx)?;
                            }
                            Ok(())
                        })?;
                    } else if col.input.peek(Token![=]) {
                        broken = true;
                        cx.error(col.path.span(), "`columns(...)` lists field names", "write `columns(a, b(desc))`");
                        skip_value(&col)?;
                    }
                    ix.keys.push(IndexKeyAttr {
                        target: KeyTarget::Column(id),
                        descending: opts.descending,
                        nulls_first: opts.nulls_first,
                        opclass: opts.opclass,
                        collation: opts.collation,
                    });
                    Ok(())
                })?;
            }
            "expr" if table_level => {
                if let Some(e) = string(&inner, "expr", "expr = \"lower(email)\"", cx)? {
                    ix.keys.push(IndexKeyAttr {
                        target: KeyTarget::Expr(e),
                        descending: false,
                        nulls_first: None,
                        opclass: None,
                        collation: None,
                    });
                }
            }
            "unique" => ix.unique |= flag(&inner, &key, cx)?,
            "nulls_not_distinct" => ix.nulls_not_distinct |= flag(&inner, &key, cx)?,
            "method" => {
                let v = string(&inner, "method", "method = \"gin\"", cx)?;
                set_once(&mut ix.method, v, inner.path.span(), "method", cx);
            }
            "where" => {
                let v = string(&inner, "where", "where = \"deleted_at IS NULL\"", cx)?;
                set_once(&mut ix.predicate, v, inner.path.span(), "where", cx);
            }
            "include" => ix.include = ident_list(&inner, "include", "include(a, b)", cx)?,
            "name" => {
                let v = string(&inner, "name", "name = \"users_email_idx\"", cx)?;
                set_once(&mut ix.name, v, inner.path.span(), "name", cx);
            }
            _ if !table_level && key_option(&inner, &key, &mut ix.field_key, cx)? => {}
            _ => {
                let known = if table_level {
                    "`columns(...)`, `expr`, `unique`, `nulls_not_distinct`, `method`, `where`, `include(...)`, `name`"
                } else {
                    "`unique`, `nulls_not_distinct`, `method`, `where`, `include(...)`, `name`, `desc`, `asc`, `nulls_first`, `nulls_last`, `opclass`, `collation`"
                };
                unknown(&inner, &key, "an index", known, cx)?;
            }
        }
        Ok(())
    })?;
    ix.broken = broken;
    Ok(Some(ix))
}

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
            _ => unknown(meta, key, "a model struct", TABLE_KEYS, cx)?,
        }
        Ok(())
    });
    a
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        assert_eq!(
            parse_reference("auth.users(id)"),
            Ok((Some("auth".into()), "users".into(), vec!["id".into()]))
        );
        assert_eq!(
            parse_reference(" t ( a , b ) "),
            Ok((None, "t".into(), vec!["a".into(), "b".into()]))
        );
        assert!(parse_reference("users").is_err());
        assert!(parse_reference("a.b.c(id)").is_err());
        assert!(parse_reference("users()").is_err());
        assert!(parse_reference("users(id").is_err());
    }
}

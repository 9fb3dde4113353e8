//! Validation of one field of a `#[derive(Model)]` struct: `skip`, conflicting options, type
//! modifiers, collation and `renamed_from` give its column; then its field-level unique
//! constraint, checks, foreign key and indexes.

use proc_macro2::Span;
use syn::LitStr;

use super::table::{Constraints, Scope};
use super::{
    ColumnDef, KeyDef, TargetDef, catalog_name, constraint, explicit_name, ident_ok, int, is_option,
};
use crate::ast::FieldInput;
use crate::attr::ForeignKeyAttr;
use crate::ctxt::Ctxt;

/// The column of field `f`, or `None` when the field is skipped (other attributes on a skipped
/// field are an error).
pub(super) fn column<'a>(
    f: &FieldInput<'a>,
    pk_columns: &[String],
    scope: &Scope,
    cx: &mut Ctxt,
) -> Option<ColumnDef<'a>> {
    let fa = &f.attrs;
    if let Some(skip) = fa.skip {
        let others = fa.name.is_some()
            || fa.comment.is_some()
            || fa.primary_key.is_some()
            || fa.identity.is_some()
            || fa.default.is_some()
            || fa.generated.is_some()
            || fa.unique.is_some()
            || !fa.checks.is_empty()
            || fa.foreign_key.is_some()
            || fa.on_delete.is_some()
            || fa.on_update.is_some()
            || !fa.indexes.is_empty()
            || fa.max_length.is_some()
            || fa.precision.is_some()
            || fa.scale.is_some()
            || fa.sql_type.is_some()
            || fa.collation.is_some()
            || fa.renamed_from.is_some();
        if others {
            cx.error(
                skip,
                format!(
                    "field `{}` is skipped, so its other aludel attributes mean nothing",
                    f.ident
                ),
                "remove `skip`, or the other attributes",
            );
        }
        return None;
    }
    let col = scope.fields.columns[&f.ident.to_string()].clone();

    // Conflicting options.
    let conflict = |cx: &mut Ctxt, span: Span, a: &str, b: &str, help: &str| {
        cx.error(span, format!("`{a}` conflicts with `{b}`"), help);
    };
    if let (Some((_, span)), Some(_)) = (&fa.identity, &fa.default) {
        conflict(
            cx,
            *span,
            "identity",
            "default",
            "an identity column takes its values from its sequence: remove `default`, or `identity`",
        );
    }
    if let (Some((_, span)), Some(_)) = (&fa.identity, &fa.generated) {
        conflict(
            cx,
            *span,
            "identity",
            "generated",
            "a column is either an identity or generated: keep one",
        );
    }
    if let (Some(d), Some(_)) = (&fa.default, &fa.generated) {
        conflict(
            cx,
            d.span(),
            "default",
            "generated",
            "a generated column has no default: remove `default`",
        );
    }
    if let Some(sql) = &fa.sql_type {
        for (present, what) in [
            (fa.max_length.is_some(), "max_length"),
            (fa.precision.is_some(), "precision"),
            (fa.scale.is_some(), "scale"),
        ] {
            if present {
                conflict(
                    cx,
                    sql.span(),
                    "sql_type",
                    what,
                    &format!(
                        "write the whole type in `sql_type`, as in `sql_type = \"varchar(20)\"`, and remove `{what}`"
                    ),
                );
            }
        }
    }
    if let (Some(s), None) = (&fa.scale, &fa.precision) {
        cx.error(
            s.span(),
            "`scale` needs `precision`",
            "write `precision = 10, scale = 2`",
        );
    }
    if let (Some(m), Some(_)) = (&fa.max_length, &fa.precision) {
        conflict(
            cx,
            m.span(),
            "max_length",
            "precision",
            "`max_length` is for strings and `precision` for numbers and times: keep one",
        );
    }

    // Type modifiers.
    let max_length = fa.max_length.as_ref().and_then(|l| {
        int::<u32>(
            cx,
            l,
            "max_length",
            "between 1 and 10485760",
            |v| (1..=10_485_760).contains(v),
            "max_length = 255",
        )
        .map(|v| (v, l.span()))
    });
    let precision = fa.precision.as_ref().and_then(|l| {
        int::<u16>(
            cx,
            l,
            "precision",
            "between 0 and 1000",
            |v| *v <= 1000,
            "precision = 10",
        )
        .map(|v| (v, l.span()))
    });
    let scale = fa.scale.as_ref().and_then(|l| {
        int::<i16>(
            cx,
            l,
            "scale",
            "between -1000 and 1000",
            |v| (-1000..=1000).contains(v),
            "scale = 2",
        )
        .map(|v| (v, l.span()))
    });
    if let (Some((p, _)), Some((s, span))) = (precision, scale)
        && i32::from(s) > i32::from(p)
    {
        cx.error(
            span,
            format!("`scale` {s} is larger than `precision` {p}"),
            "write a scale of at most the precision, as in `precision = 10, scale = 2`",
        );
    }
    let collation = fa
        .collation
        .as_ref()
        .and_then(|l| catalog_name(cx, l, "collation", "collation = \"C\""));
    let renamed_from = fa.renamed_from.as_ref().and_then(|lit| {
        let v = lit.value();
        if v.contains('.') {
            cx.error(
                lit.span(),
                format!("a column's `renamed_from` is a bare column name, not `{v}`"),
                "write `renamed_from = \"old_name\"`; a column cannot move to another table",
            );
            None
        } else if v == col {
            cx.error(
                lit.span(),
                format!("`renamed_from` names column `{col}` itself"),
                "name the previous name, as in `renamed_from = \"old_name\"`",
            );
            None
        } else if scope.column_spans.contains_key(&v) {
            cx.error(
                lit.span(),
                format!("`renamed_from` names column `{v}`, which the struct still has"),
                "a renamed column's old name must be gone: remove the hint, or the other column",
            );
            None
        } else if ident_ok(
            cx,
            &v,
            lit.span(),
            "old column name",
            "renamed_from = \"old_name\"",
        ) {
            Some(v)
        } else {
            None
        }
    });
    for (action, key) in [(&fa.on_delete, "on_delete"), (&fa.on_update, "on_update")] {
        if let Some((_, span)) = action
            && fa.foreign_key.is_none()
        {
            cx.error(
                *span,
                format!("`{key}` needs a foreign key on the field"),
                format!("write `references = \"accounts(id)\", {key} = \"cascade\"`"),
            );
        }
    }

    Some(ColumnDef {
        name: col.clone(),
        ty: f.ty,
        sql_type: fa.sql_type.as_ref().map(|s| (s.value(), is_option(f.ty))),
        max_length,
        precision,
        scale,
        not_null: pk_columns.contains(&col) || fa.identity.is_some(),
        default: fa.default.as_ref().map(LitStr::value),
        generated: fa.generated.as_ref().map(LitStr::value),
        identity: fa.identity.map(|(k, _)| k),
        collation,
        comment: fa
            .comment
            .as_ref()
            .map(LitStr::value)
            .or_else(|| f.doc.clone()),
        renamed_from,
    })
}

/// The unique constraint, checks, foreign key and indexes written on field `f`, whose column is
/// `col`.
pub(super) fn field_constraints(
    f: &FieldInput<'_>,
    col: &str,
    scope: &mut Scope,
    found: &mut Constraints,
    cx: &mut Ctxt,
) {
    let fa = &f.attrs;
    let Scope {
        table,
        schema,
        fields,
        names,
        ..
    } = scope;
    if let Some(u) = &fa.unique {
        let include = fields
            .resolve_all(cx, &u.include, "include(a, b)")
            .unwrap_or_default();
        // PostgreSQL names an index after its key and INCLUDE columns alike
        let mut named: Vec<&str> = vec![col];
        named.extend(include.iter().map(String::as_str));
        let n = explicit_name(&u.name).unwrap_or_else(|| names.choose(table, &named, "key"));
        found.uniques.push(super::UniqueDef {
            name: n,
            columns: vec![col.to_owned()],
            nulls_not_distinct: u.nulls_not_distinct,
            include,
        });
    }
    for c in &fa.checks {
        if let Some(def) = constraint::check(c, fields, names, table) {
            found.checks.push(def);
        }
    }
    if let Some(fk) = &fa.foreign_key {
        let mut fk_on_delete = fk.on_delete;
        let mut fk_on_update = fk.on_update;
        for (sibling, slot, key) in [
            (&fa.on_delete, &mut fk_on_delete, "on_delete"),
            (&fa.on_update, &mut fk_on_update, "on_update"),
        ] {
            if let Some((a, span)) = sibling {
                if slot.is_some() {
                    cx.error(
                        *span,
                        format!("duplicate `{key}`"),
                        format!("write `{key}` once, inside `foreign_key(...)`"),
                    );
                } else {
                    *slot = Some((*a, *span));
                }
            }
        }
        let merged = ForeignKeyAttr {
            span: fk.span,
            columns: Vec::new(),
            references: None,
            on_delete: fk_on_delete,
            on_update: fk_on_update,
            deferrable: fk.deferrable,
            initially_deferred: fk.initially_deferred,
            name: None,
        };
        if let Some(r) = &fk.references {
            if r.columns.len() != 1 {
                cx.error(
                    r.lit.span(),
                    format!("a foreign key on one field references one column, not {}", r.columns.len()),
                    "write `references = \"table(id)\"`, or a composite `foreign_key(columns(a, b), references = \"table(x, y)\")` on the struct",
                );
            } else {
                let n =
                    explicit_name(&fk.name).unwrap_or_else(|| names.choose(table, &[col], "fkey"));
                found.foreign_keys.push(constraint::foreign_key(
                    &merged,
                    n,
                    vec![col.to_owned()],
                    r,
                    schema,
                ));
            }
        }
    }
    for ix in &fa.indexes {
        let key = KeyDef {
            target: TargetDef::Column(col.to_owned()),
            descending: ix.field_key.descending,
            nulls_first: ix.field_key.nulls_first,
            opclass: None,
            collation: None,
        };
        if let Some(def) = constraint::index(
            cx,
            ix,
            vec![key],
            &ix.field_key,
            fields,
            names,
            table,
            explicit_name(&ix.name),
        ) {
            found.indexes.push(def);
        }
    }
}

//! Rename candidates: a drop and an add that look like one rename (a schema holding the same
//! objects under another name, a type with the same values, an enum value replaced at the same
//! place, a table with the same columns, a column of the same type and attributes in the same
//! table). Found after the hinted renames are applied; reported as diagnostics, never applied.

use std::collections::BTreeSet;

use aludel_schema::{Column, Ident, QualifiedName, RenameHint, Schema, Table};

use crate::Diagnostic;

/// The rename candidates between `cur` (with the hinted renames applied) and `des`: schemas,
/// types, enum values, tables, then columns, each kind in name order. A table or type that
/// only moves with a candidate schema is not reported again.
pub(crate) fn find(cur: &Schema, des: &Schema) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let schemas = schemas(cur, des);
    let moved = |from: &QualifiedName, to: &QualifiedName| {
        from.name == to.name
            && schemas
                .iter()
                .any(|(f, t)| *f == from.schema && *t == to.schema)
    };
    for (from, to) in &schemas {
        out.push(Diagnostic::PossibleRename(RenameHint::Schema {
            from: from.clone(),
            to: to.clone(),
        }));
    }
    let dropped = cur
        .enums
        .values()
        .filter(|e| !des.enums.contains_key(&e.name));
    let added: Vec<_> = des
        .enums
        .values()
        .filter(|e| !cur.enums.contains_key(&e.name) && e.renamed_from.is_none())
        .collect();
    for (from, to) in pairs(dropped, &added, |d, a| {
        names(&d.values) == names(&a.values) && !moved(&d.name, &a.name)
    }) {
        out.push(Diagnostic::PossibleRename(RenameHint::Enum {
            from: from.name.clone(),
            to: to.name.clone(),
        }));
    }
    for (name, d) in &des.enums {
        if let Some(c) = cur.enums.get(name) {
            for (from, to) in enum_values(&names(&c.values), &names(&d.values)) {
                out.push(Diagnostic::PossibleRename(RenameHint::EnumValue {
                    enum_name: name.clone(),
                    from,
                    to,
                }));
            }
        }
    }
    let dropped = cur
        .tables
        .values()
        .filter(|t| !des.tables.contains_key(&t.name));
    let added: Vec<_> = des
        .tables
        .values()
        .filter(|t| !cur.tables.contains_key(&t.name) && t.renamed_from.is_none())
        .collect();
    for (from, to) in pairs(dropped, &added, |d, a| {
        same_columns(d, a) && !moved(&d.name, &a.name)
    }) {
        out.push(Diagnostic::PossibleRename(RenameHint::Table {
            from: from.name.clone(),
            to: to.name.clone(),
        }));
    }
    for (name, d) in &des.tables {
        let Some(c) = cur.tables.get(name) else {
            continue;
        };
        let dropped = c.columns.iter().filter(|x| d.column(&x.name).is_none());
        let added: Vec<_> = d
            .columns
            .iter()
            .filter(|x| c.column(&x.name).is_none() && x.renamed_from.is_none())
            .collect();
        for (from, to) in pairs(dropped, &added, same_attributes) {
            out.push(Diagnostic::PossibleRename(RenameHint::Column {
                table: name.clone(),
                from: from.name.clone(),
                to: to.name.clone(),
            }));
        }
    }
    out
}

/// Pairs each dropped item with the first added one that `fits` and is not paired yet.
fn pairs<'a, T>(
    dropped: impl Iterator<Item = &'a T>,
    added: &[&'a T],
    fits: impl Fn(&T, &T) -> bool,
) -> Vec<(&'a T, &'a T)> {
    let mut taken = vec![false; added.len()];
    let mut out = Vec::new();
    for d in dropped {
        if let Some(i) = (0..added.len()).find(|&i| !taken[i] && fits(d, added[i])) {
            taken[i] = true;
            out.push((d, added[i]));
        }
    }
    out
}

fn names(values: &[aludel_schema::EnumValue]) -> Vec<String> {
    values.iter().map(|v| v.name.clone()).collect()
}

/// Schemas dropped and added that hold the same objects (by kind and name), none of them empty.
fn schemas(cur: &Schema, des: &Schema) -> Vec<(Ident, Ident)> {
    let objects = |s: &Schema, ns: &Ident| -> BTreeSet<(u8, Ident)> {
        let tables = s.tables.keys().filter(|k| &k.schema == ns).map(|k| (0, k));
        let enums = s.enums.keys().filter(|k| &k.schema == ns).map(|k| (1, k));
        let sequences = s
            .sequences
            .keys()
            .filter(|k| &k.schema == ns)
            .map(|k| (2, k));
        tables
            .chain(enums)
            .chain(sequences)
            .map(|(kind, k)| (kind, k.name.clone()))
            .collect()
    };
    let dropped: Vec<_> = cur
        .namespaces
        .keys()
        .filter(|n| !des.namespaces.contains_key(*n))
        .map(|n| (n, objects(cur, n)))
        .filter(|(_, o)| !o.is_empty())
        .collect();
    let added: Vec<_> = des
        .namespaces
        .values()
        .filter(|n| !cur.namespaces.contains_key(&n.name) && n.renamed_from.is_none())
        .map(|n| (&n.name, objects(des, &n.name)))
        .collect();
    let added: Vec<_> = added.iter().collect();
    pairs(dropped.iter(), &added, |d, a| d.1 == a.1)
        .into_iter()
        .map(|(d, a)| (d.0.clone(), a.0.clone()))
        .collect()
}

/// Values of one enum dropped and added at the same place: between the same kept value (or the
/// start) and as the same n-th new value after it.
fn enum_values(cur: &[String], des: &[String]) -> Vec<(String, String)> {
    let places = |values: &[String], other: &[String]| -> Vec<((Option<String>, usize), String)> {
        let mut out = Vec::new();
        let (mut kept, mut n) = (None, 0);
        for v in values {
            if other.contains(v) {
                (kept, n) = (Some(v.clone()), 0);
            } else {
                out.push(((kept.clone(), n), v.clone()));
                n += 1;
            }
        }
        out
    };
    let added = places(des, cur);
    places(cur, des)
        .into_iter()
        .filter_map(|(place, from)| {
            added
                .iter()
                .find(|(p, _)| *p == place)
                .map(|(_, to)| (from, to.clone()))
        })
        .collect()
}

/// Whether two tables have the same columns (by name, with the same type and attributes).
fn same_columns(a: &Table, b: &Table) -> bool {
    a.columns.len() == b.columns.len()
        && a.columns
            .iter()
            .all(|x| b.column(&x.name).is_some_and(|y| same_attributes(x, y)))
}

/// Whether two columns differ at most by name, comment and sequence names: same type,
/// collation, nullability, default (unless it reads an owned sequence, whose name follows the
/// column's), identity kind and generated expression.
fn same_attributes(a: &Column, b: &Column) -> bool {
    fn default(c: &Column) -> Option<&Option<aludel_schema::Expr>> {
        c.owned_sequence.is_none().then_some(&c.default)
    }
    a.ty == b.ty
        && a.collation == b.collation
        && a.nullable == b.nullable
        && default(a) == default(b)
        && a.owned_sequence.is_some() == b.owned_sequence.is_some()
        && a.identity.as_ref().map(|i| i.kind) == b.identity.as_ref().map(|i| i.kind)
        && a.generated == b.generated
}

#[cfg(test)]
mod tests {
    use aludel_schema::{
        Column, ColumnType, EnumType, EnumValue, Ident, Namespace, QualifiedName, RenameHint,
        Schema, Table,
    };
    use expect_test::expect;

    use super::enum_values;

    fn schema(sql_like: &[(&str, &[(&str, bool)])], enums: &[(&str, &[&str])]) -> Schema {
        let mut s = Schema::new();
        let add_ns = |s: &mut Schema, n: &str| {
            s.add_namespace(Namespace {
                name: Ident::new(n),
                comment: None,
                renamed_from: None,
            })
        };
        for (name, cols) in sql_like {
            let (ns, t) = name.split_once('.').unwrap();
            add_ns(&mut s, ns);
            let mut table = Table::new(QualifiedName::new(ns, t));
            for (c, nullable) in *cols {
                let mut col = Column::new(*c, ColumnType::Text);
                col.nullable = *nullable;
                table.columns.push(col);
            }
            s.add_table(table);
        }
        for (name, values) in enums {
            let (ns, t) = name.split_once('.').unwrap();
            add_ns(&mut s, ns);
            s.add_enum(EnumType {
                name: QualifiedName::new(ns, t),
                values: values.iter().map(|v| EnumValue::new(*v)).collect(),
                comment: None,
                renamed_from: None,
            });
        }
        s
    }

    /// The diff's diagnostics, one per line, each with the hint that would apply it.
    fn candidates(cur: &Schema, des: &Schema, expect: expect_test::Expect) {
        let (_, diags) = crate::diff(cur, des).unwrap();
        let text: String = diags
            .iter()
            .map(|d| format!("{}\n  {}\n", d.rename().unwrap().cli_argument(), d))
            .collect();
        expect.assert_eq(&text);
    }

    #[test]
    fn drops_and_adds_that_look_like_renames() {
        let cur = schema(
            &[
                (
                    "app.users",
                    &[("id", false), ("email", true), ("old", true)],
                ),
                ("app.logs", &[("id", false), ("line", true)]),
            ],
            &[
                ("app.status", &["new", "pending", "done"]),
                ("app.mood", &["a", "b"]),
            ],
        );
        let des = schema(
            &[
                (
                    "app.users",
                    &[("id", false), ("mail", true), ("new", false)],
                ),
                ("app.journal", &[("id", false), ("line", true)]),
            ],
            &[
                ("app.status", &["new", "queued", "done"]),
                ("app.feeling", &["a", "b"]),
            ],
        );
        candidates(
            &cur,
            &des,
            expect![[r#"
                --rename enum:app.mood=app.feeling
                  type app.mood is dropped and type app.feeling with the same values is added; hint: if this is a rename, mark the new type `renamed_from = "mood"` so no data is lost
                --rename enum-value:app.status.pending=queued
                  value 'pending' of type app.status is dropped and 'queued' is added at its place; hint: if this is a rename, mark the new value `renamed_from = "pending"` so no data is lost
                --rename table:app.logs=app.journal
                  table app.logs is dropped and table app.journal with the same columns is added; hint: if this is a rename, mark the new table `renamed_from = "logs"` so no data is lost
                --rename column:app.users.email=mail
                  column app.users.email is dropped and app.users.mail of the same type is added; hint: if this is a rename, mark the new column `renamed_from = "email"` so no data is lost
            "#]],
        );
        // with the hints there is nothing left to suggest
        let mut hinted = des.clone();
        for d in crate::diff(&cur, &des).unwrap().1 {
            d.rename().unwrap().mark(&mut hinted).unwrap();
        }
        candidates(&cur, &hinted, expect![""]);
    }

    #[test]
    fn a_renamed_schema_is_one_candidate_not_one_per_object() {
        let cur = schema(
            &[("billing.invoices", &[("id", false)])],
            &[("billing.state", &["a"])],
        );
        let des = schema(
            &[("finance.invoices", &[("id", false)])],
            &[("finance.state", &["a"])],
        );
        candidates(
            &cur,
            &des,
            expect![[r#"
                --rename schema:billing=finance
                  schema billing is dropped and schema finance holding the same objects is added; hint: if this is a rename, mark the new schema `renamed_from = "billing"` so no data is lost
            "#]],
        );
        let mut hinted = des.clone();
        "schema:billing=finance"
            .parse::<RenameHint>()
            .unwrap()
            .mark(&mut hinted)
            .unwrap();
        candidates(&cur, &hinted, expect![""]);
    }

    fn check(cur: &str, des: &str, expect: expect_test::Expect) {
        let split = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        let pairs = enum_values(&split(cur), &split(des));
        let text: Vec<String> = pairs.iter().map(|(f, t)| format!("{f}->{t}")).collect();
        expect.assert_eq(&text.join(" "));
    }

    #[test]
    fn enum_values_replaced_at_the_same_place() {
        check(
            "new pending done",
            "new queued done",
            expect!["pending->queued"],
        );
        check("pending done", "queued done", expect!["pending->queued"]);
        check("a b c", "a b x y", expect!["c->x"]);
        check("a b c", "x a b c", expect![""]);
        check("a b", "a c b", expect![""]);
        check("a b c", "a c", expect![""]);
        check("a p q", "a x y", expect!["p->x q->y"]);
    }
}

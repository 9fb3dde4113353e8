//! Names inside SQL expressions (defaults, checks, index expressions and predicates, generation
//! expressions), read with `aludel_sql::lex` (so string literals, quoted identifiers, dollar
//! quotes and comments are told apart from names): to find the type an expression casts to and
//! to follow renames of columns, types and sequences the way PostgreSQL's own printout does.

use aludel_sql::lex;

use crate::{Ident, QualifiedName, quote_literal};

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// An identifier: unquoted ones folded to lower case, quoted ones exact.
    Ident(String),
    Literal(String),
    Dot,
    Cast,
    OpenParen,
    Other,
}

#[derive(Debug, Clone)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
}

/// The significant tokens of `sql` (`aludel_sql::lex`), as this module matches them.
fn tokens(sql: &str) -> Vec<Token> {
    lex::significant(sql)
        .map(|t| {
            let kind = if let Some(name) = t.ident() {
                Kind::Ident(name.into_owned())
            } else if let Some(value) = t.string_value() {
                Kind::Literal(value.into_owned())
            } else if t.is(".") {
                Kind::Dot
            } else if t.is("::") {
                Kind::Cast
            } else if t.is("(") {
                Kind::OpenParen
            } else {
                Kind::Other
            };
            Token {
                kind,
                start: t.start,
                end: t.end(),
            }
        })
        .collect()
}

fn ident(i: &Ident) -> Kind {
    Kind::Ident(i.as_str().to_owned())
}

/// The token ranges `[first, last]` where `sql` names the type `name`: schema-qualified (quoted
/// or not: `'a'::public.mood`, `'{a}'::"My Schema"."My Type"[]`, `CAST(x AS public.mood)`), or
/// unqualified after `::` or `AS`. A column or table that merely shares the name does not count.
fn type_mentions(toks: &[Token], name: &QualifiedName) -> Vec<(usize, usize)> {
    let (schema, ty) = (ident(&name.schema), ident(&name.name));
    let kind = |i: usize| toks.get(i).map(|t| &t.kind);
    let mut out = Vec::new();
    for i in 0..toks.len() {
        if toks[i].kind != ty || kind(i + 1) == Some(&Kind::Dot) {
            continue;
        }
        if i >= 2 && toks[i - 1].kind == Kind::Dot && toks[i - 2].kind == schema {
            if i < 3 || toks[i - 3].kind != Kind::Dot {
                out.push((i - 2, i));
            }
            continue;
        }
        if i >= 1
            && (toks[i - 1].kind == Kind::Cast || toks[i - 1].kind == Kind::Ident("as".into()))
        {
            out.push((i, i));
        }
    }
    out
}

/// Whether `sql` names the type `name` (see the module docs).
pub fn mentions_type(sql: &str, name: &QualifiedName) -> bool {
    !type_mentions(&tokens(sql), name).is_empty()
}

/// Whether a function definition may read the relation `name`: its bare name appears as an
/// identifier in the definition or inside its string literals (the body of `AS $$ ... $$`), so a
/// literal that merely spells the name also counts, which only errs on the side of caution.
pub fn definition_names(sql: &str, name: &Ident) -> bool {
    let name = ident(name);
    tokens(sql).iter().any(|t| match &t.kind {
        Kind::Literal(body) => tokens(body).iter().any(|b| b.kind == name),
        k => *k == name,
    })
}

/// Whether `sql` calls the function `name`, schema-qualified as PostgreSQL prints calls with an
/// empty `search_path` (`public.next_code()`).
pub fn mentions_function(sql: &str, name: &QualifiedName) -> bool {
    let toks = tokens(sql);
    let (schema, f) = (ident(&name.schema), ident(&name.name));
    (2..toks.len()).any(|i| {
        toks[i].kind == f
            && toks[i - 1].kind == Kind::Dot
            && toks[i - 2].kind == schema
            && toks.get(i + 1).map(|t| &t.kind) == Some(&Kind::OpenParen)
    })
}

/// Replaces token ranges by `with`.
fn splice(sql: &str, toks: &[Token], ranges: &[(usize, usize)], with: &str) -> String {
    let mut out = String::new();
    let mut last = 0;
    for &(a, b) in ranges {
        out.push_str(&sql[last..toks[a].start]);
        out.push_str(with);
        last = toks[b].end;
    }
    out.push_str(&sql[last..]);
    out
}

/// `sql` with the type `from` named `to` (PostgreSQL prints the type's current name).
pub fn rename_type(sql: &str, from: &QualifiedName, to: &QualifiedName) -> String {
    let toks = tokens(sql);
    let ranges = type_mentions(&toks, from);
    if ranges.is_empty() {
        return sql.to_owned();
    }
    splice(sql, &toks, &ranges, &to.to_string())
}

/// The token ranges naming the column `column` of the expression's own table: bare identifiers
/// that are not qualified, not a type after `::` and not a function name.
fn column_mentions(toks: &[Token], column: &Ident) -> Vec<(usize, usize)> {
    let name = ident(column);
    let mut ranges = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != name {
            continue;
        }
        let prev = i.checked_sub(1).map(|p| &toks[p].kind);
        let next = toks.get(i + 1).map(|t| &t.kind);
        if matches!(prev, Some(Kind::Dot | Kind::Cast))
            || matches!(next, Some(Kind::Dot | Kind::OpenParen))
        {
            continue;
        }
        ranges.push((i, i));
    }
    ranges
}

/// Whether `sql` names the column `column` of its own table (see [`rename_column`]).
pub fn mentions_column(sql: &str, column: &Ident) -> bool {
    !column_mentions(&tokens(sql), column).is_empty()
}

/// `sql` with the column `from` of the expression's own table named `to`.
pub fn rename_column(sql: &str, from: &Ident, to: &Ident) -> String {
    let toks = tokens(sql);
    let ranges = column_mentions(&toks, from);
    if ranges.is_empty() {
        return sql.to_owned();
    }
    splice(sql, &toks, &ranges, &to.to_string())
}

/// `sql` with the relation literal `'from'::regclass` (as in `nextval('public.s'::regclass)`)
/// naming `to`.
pub fn rename_regclass(sql: &str, from: &QualifiedName, to: &QualifiedName) -> String {
    let toks = tokens(sql);
    let want = from.to_string();
    let mut ranges = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let Kind::Literal(text) = &t.kind else {
            continue;
        };
        let is_regclass = toks.get(i + 1).map(|t| &t.kind) == Some(&Kind::Cast)
            && toks.get(i + 2).map(|t| &t.kind) == Some(&Kind::Ident("regclass".into()));
        if is_regclass && *text == want {
            ranges.push((i, i));
        }
    }
    if ranges.is_empty() {
        return sql.to_owned();
    }
    splice(sql, &toks, &ranges, &quote_literal(&to.to_string()))
}

/// The elements of an array literal `{a,"b c"}`, `None` when it is not a flat one.
fn array_elements(text: &str) -> Option<Vec<String>> {
    let inner = text.strip_prefix('{')?.strip_suffix('}')?;
    let mut out = Vec::new();
    if inner.is_empty() {
        return Some(out);
    }
    let mut chars = inner.chars().peekable();
    loop {
        let mut el = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next()? {
                    '\\' => el.push(chars.next()?),
                    '"' => break,
                    c => el.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == ',' {
                    break;
                }
                if matches!(c, '{' | '}' | '"') {
                    return None;
                }
                el.push(c);
                chars.next();
            }
        }
        out.push(el);
        match chars.next() {
            None => return Some(out),
            Some(',') => {}
            Some(_) => return None,
        }
    }
}

fn array_literal(elements: &[String]) -> String {
    let quoted: Vec<String> = elements
        .iter()
        .map(|e| {
            let plain = !e.is_empty()
                && !e.eq_ignore_ascii_case("null")
                && !e
                    .chars()
                    .any(|c| matches!(c, ',' | '{' | '}' | '"' | '\\') || c.is_whitespace());
            if plain {
                e.clone()
            } else {
                format!("\"{}\"", e.replace('\\', "\\\\").replace('"', "\\\""))
            }
        })
        .collect();
    format!("{{{}}}", quoted.join(","))
}

/// `sql` with the label `from` of the enum `ty` written `to` wherever a literal is cast to the
/// type (`'ok'::public.mood`) or to an array of it (`'{ok,sad}'::public.mood[]`).
pub fn rename_enum_value(sql: &str, ty: &QualifiedName, from: &str, to: &str) -> String {
    let toks = tokens(sql);
    let mentions = type_mentions(&toks, ty);
    let mut ranges = Vec::new();
    let mut texts = Vec::new();
    for (first, last) in mentions {
        let Some(lit) = first.checked_sub(2) else {
            continue;
        };
        if toks[first - 1].kind != Kind::Cast {
            continue;
        }
        let Kind::Literal(text) = &toks[lit].kind else {
            continue;
        };
        let array = toks
            .get(last + 1)
            .is_some_and(|t| sql[t.start..t.end].starts_with('['));
        let new = if array {
            match array_elements(text) {
                Some(els) if els.iter().any(|e| e == from) => {
                    let els: Vec<String> = els
                        .into_iter()
                        .map(|e| if e == from { to.to_owned() } else { e })
                        .collect();
                    array_literal(&els)
                }
                _ => continue,
            }
        } else if text == from {
            to.to_owned()
        } else {
            continue;
        };
        ranges.push((lit, lit));
        texts.push(quote_literal(&new));
    }
    if ranges.is_empty() {
        return sql.to_owned();
    }
    let mut out = String::new();
    let mut last = 0;
    for (&(a, _), text) in ranges.iter().zip(&texts) {
        out.push_str(&sql[last..toks[a].start]);
        out.push_str(text);
        last = toks[a].end;
    }
    out.push_str(&sql[last..]);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn column_mentions_are_tokens_not_substrings() {
        let c = Ident::new("c");
        assert!(mentions_column("(c > 0)", &c));
        assert!(mentions_column("(lower(c) <> ''::text)", &c));
        assert!(!mentions_column("(count > 0)", &c));
        assert!(!mentions_column("(c.x > 0)", &c));
        assert!(!mentions_column("(x::c)", &c));
        assert!(!mentions_column("c(x)", &c));
        assert!(mentions_column("(\"C\" > 0)", &Ident::new("C")));
        // comments, escape strings and dollar quotes hide names
        assert!(!mentions_column("(x > 0) /* c */ -- c", &c));
        assert!(!mentions_column("(x <> E'\\' c')", &c));
        assert!(!mentions_column("(x <> $$ c $$)", &c));
        assert!(mentions_column("(x <> E'\\'' AND c)", &c));
    }

    use super::*;

    #[test]
    fn a_definition_names_a_relation_in_its_body() {
        let items = Ident::new("items");
        let def = "CREATE FUNCTION public.f() RETURNS bigint LANGUAGE sql AS $f$ SELECT max(id) FROM public.items $f$";
        assert!(definition_names(def, &items));
        assert!(definition_names("... AS 'SELECT 1 FROM items'", &items));
        assert!(!definition_names(
            "... AS $$ SELECT 1 FROM items_log $$",
            &items
        ));
        assert!(!definition_names(
            "... AS $$ SELECT 1 -- items\n $$",
            &items
        ));
        assert!(definition_names(
            "... AS $$ SELECT 1 FROM \"Items\" $$",
            &Ident::new("Items")
        ));
    }

    #[test]
    fn type_names_are_matched_as_tokens() {
        let mood = QualifiedName::new("public", "mood");
        for yes in [
            "(status = 'a'::public.mood)",
            "(tags @> '{a}'::public.mood[])",
            "(status <> ALL (ARRAY['a'::mood, 'b'::mood]))",
            "CAST(x AS public.mood)",
            "(status = 'a'::\"public\".\"mood\")",
            "(status = 'a'::PUBLIC.MOOD)",
        ] {
            assert!(mentions_type(yes, &mood), "{yes}");
        }
        for no in [
            "(mood IS NOT NULL)",
            "(t.mood = 'mood'::text)",
            "(status = 'a'::public.moods)",
            "(status = 'a'::other.mood)",
            "(status = 'x::public.mood'::text)",
            "(public.mood.x = 1)",
        ] {
            assert!(!mentions_type(no, &mood), "{no}");
        }
        let odd = QualifiedName::new("My Schema", "My Type");
        assert!(mentions_type("(s = 'a'::\"My Schema\".\"My Type\")", &odd));
        assert!(!mentions_type("(s = 'a'::\"My Schema\".\"my type\")", &odd));
    }

    #[test]
    fn renames_follow_tokens() {
        let mood = QualifiedName::new("public", "mood");
        let odd = QualifiedName::new("My Schema", "Feeling");
        assert_eq!(
            rename_type(
                "(m = ANY ('{a}'::public.mood[])) AND m <> 'mood'",
                &mood,
                &odd
            ),
            "(m = ANY ('{a}'::\"My Schema\".\"Feeling\"[])) AND m <> 'mood'"
        );
        assert_eq!(
            rename_column(
                "((age > 0) AND (lower(age::text) <> 'age'::text) AND (t.age = age))",
                &Ident::new("age"),
                &Ident::new("Age Years"),
            ),
            "((\"Age Years\" > 0) AND (lower(\"Age Years\"::text) <> 'age'::text) AND (t.age = \"Age Years\"))"
        );
        assert_eq!(
            rename_column("age(d)", &Ident::new("age"), &Ident::new("x")),
            "age(d)"
        );
        assert_eq!(
            rename_enum_value(
                "(m <> 'ok'::public.mood) AND (ms <> '{ok,sad,\"o k\"}'::public.mood[]) AND (x = 'ok'::text)",
                &mood,
                "ok",
                "o k",
            ),
            "(m <> 'o k'::public.mood) AND (ms <> '{\"o k\",sad,\"o k\"}'::public.mood[]) AND (x = 'ok'::text)"
        );
        let from = QualifiedName::new("public", "people_id_seq");
        let to = QualifiedName::new("app", "users_id_seq");
        assert_eq!(
            rename_regclass("nextval('public.people_id_seq'::regclass)", &from, &to),
            "nextval('app.users_id_seq'::regclass)"
        );
    }
}

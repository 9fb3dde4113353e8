//! Rename hints as values: [`RenameHint`] (schema, table, column, enum type, enum value), its
//! command-line form `KIND:OLD=NEW` (parsed and printed), the `renamed_from` attribute a model
//! spells it with, and marking it on a desired schema as the hint the diff follows.
//!
//! The command-line form, one hint per `--rename`:
//!
//! ```text
//! schema:OLD=NEW                       schema:billing=finance
//! table:SCHEMA.OLD=SCHEMA.NEW          table:public.users=public.accounts   (or =accounts)
//! column:SCHEMA.TABLE.OLD=NEW          column:public.users.email=email_address
//! enum:SCHEMA.OLD=SCHEMA.NEW           enum:public.mood=public.feeling      (or =feeling)
//! enum-value:SCHEMA.TYPE.OLD=NEW       enum-value:public.status.pending=queued
//! ```
//!
//! Tables and types of `column` and `enum-value` are named as they are in the desired schema.
//! A name that needs quotes in SQL is written in double quotes (`column:public."Users".id=uid`).

use std::fmt;
use std::str::FromStr;

use crate::{Ident, QualifiedName, Schema};

/// "`to` was called `from`": one rename, in the vocabulary of `renamed_from`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RenameHint {
    Schema {
        from: Ident,
        to: Ident,
    },
    Table {
        from: QualifiedName,
        to: QualifiedName,
    },
    /// A column of `table` (named as in the desired schema).
    Column {
        table: QualifiedName,
        from: Ident,
        to: Ident,
    },
    Enum {
        from: QualifiedName,
        to: QualifiedName,
    },
    /// A value of the enum `enum_name` (named as in the desired schema).
    EnumValue {
        enum_name: QualifiedName,
        from: String,
        to: String,
    },
}

/// The accepted forms, for error messages and `--help`.
pub const RENAME_SYNTAX: &str = "schema:OLD=NEW, table:SCHEMA.OLD=SCHEMA.NEW, \
     column:SCHEMA.TABLE.OLD=NEW, enum:SCHEMA.OLD=SCHEMA.NEW, enum-value:SCHEMA.TYPE.OLD=NEW";

/// A rename hint that cannot be read or that names nothing in the desired schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameHintError {
    pub hint: String,
    pub reason: String,
}

impl fmt::Display for RenameHintError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rename `{}`: {}", self.hint, self.reason)
    }
}

impl std::error::Error for RenameHintError {}

impl RenameHint {
    /// `schema`, `table`, `column`, `enum` or `enum-value`: the `KIND:` of the command-line form.
    pub fn kind(&self) -> &'static str {
        match self {
            RenameHint::Schema { .. } => "schema",
            RenameHint::Table { .. } => "table",
            RenameHint::Column { .. } => "column",
            RenameHint::Enum { .. } => "enum",
            RenameHint::EnumValue { .. } => "enum-value",
        }
    }

    /// The attribute the new object of a model carries for this rename: `renamed_from = "old"`
    /// (a table or type moved to another schema names the old schema too).
    pub fn renamed_from_attribute(&self) -> String {
        let old = match self {
            RenameHint::Schema { from, .. } | RenameHint::Column { from, .. } => {
                from.as_str().to_owned()
            }
            RenameHint::Table { from, to } | RenameHint::Enum { from, to } => {
                if from.schema == to.schema {
                    from.name.as_str().to_owned()
                } else {
                    format!("{}.{}", from.schema.as_str(), from.name.as_str())
                }
            }
            RenameHint::EnumValue { from, .. } => from.clone(),
        };
        format!("renamed_from = {old:?}")
    }

    /// The command-line argument as a shell reads it: `--rename KIND:OLD=NEW`, single-quoted
    /// when it holds anything a shell would interpret.
    pub fn cli_argument(&self) -> String {
        let arg = self.to_string();
        let plain = arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.:=-$".contains(c));
        if plain {
            format!("--rename {arg}")
        } else {
            format!("--rename '{}'", arg.replace('\'', r"'\''"))
        }
    }

    /// Sets the `renamed_from` hint on the new object in `desired`, so the diff renames instead
    /// of dropping and adding.
    pub fn mark(&self, desired: &mut Schema) -> Result<(), RenameHintError> {
        let missing = |what: String| RenameHintError {
            hint: self.to_string(),
            reason: format!("{what} is not in the desired schema"),
        };
        match self {
            RenameHint::Schema { from, to } => {
                let n = desired
                    .namespaces
                    .get_mut(to)
                    .ok_or_else(|| missing(format!("schema {to}")))?;
                n.renamed_from = Some(from.clone());
            }
            RenameHint::Table { from, to } => {
                let t = desired
                    .tables
                    .get_mut(to)
                    .ok_or_else(|| missing(format!("table {to}")))?;
                t.renamed_from = Some(from.clone());
            }
            RenameHint::Column { table, from, to } => {
                let c = desired
                    .tables
                    .get_mut(table)
                    .and_then(|t| t.columns.iter_mut().find(|c| &c.name == to))
                    .ok_or_else(|| missing(format!("column {table}.{to}")))?;
                c.renamed_from = Some(from.clone());
            }
            RenameHint::Enum { from, to } => {
                let e = desired
                    .enums
                    .get_mut(to)
                    .ok_or_else(|| missing(format!("type {to}")))?;
                e.renamed_from = Some(from.clone());
            }
            RenameHint::EnumValue {
                enum_name,
                from,
                to,
            } => {
                let v = desired
                    .enums
                    .get_mut(enum_name)
                    .and_then(|e| e.values.iter_mut().find(|v| &v.name == to))
                    .ok_or_else(|| missing(format!("value {} of type {enum_name}", part(to))))?;
                v.renamed_from = Some(from.clone());
            }
        }
        Ok(())
    }
}

/// A name part as the command-line form writes it: bare when SQL would read it unquoted.
fn part(s: &str) -> String {
    Ident::new(s).to_string()
}

/// The command-line form, `KIND:OLD=NEW` (see the module documentation).
impl fmt::Display for RenameHint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.kind())?;
        match self {
            RenameHint::Schema { from, to } => write!(f, "{from}={to}"),
            RenameHint::Table { from, to } | RenameHint::Enum { from, to } => {
                write!(f, "{from}={to}")
            }
            RenameHint::Column { table, from, to } => write!(f, "{table}.{from}={to}"),
            RenameHint::EnumValue {
                enum_name,
                from,
                to,
            } => write!(f, "{enum_name}.{}={}", part(from), part(to)),
        }
    }
}

impl FromStr for RenameHint {
    type Err = RenameHintError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = |reason: String| RenameHintError {
            hint: s.to_owned(),
            reason,
        };
        let (kind, rest) = s
            .split_once(':')
            .ok_or_else(|| err(format!("expected KIND:OLD=NEW, one of {RENAME_SYNTAX}")))?;
        let (old, rest) = path(rest).map_err(&err)?;
        let new = match rest.strip_prefix('=') {
            Some(rest) => match path(rest).map_err(&err)? {
                (new, "") => new,
                _ => return Err(err("unexpected text after the new name".into())),
            },
            None => return Err(err("expected `=` between the old and the new name".into())),
        };
        let shape = |form: &str| err(format!("expected `{kind}:{form}`"));
        let qualified = |mut p: Vec<String>, old: &QualifiedName| match p.len() {
            1 => Some(QualifiedName::new(old.schema.clone(), p.remove(0))),
            2 => {
                let name = p.remove(1);
                Some(QualifiedName::new(p.remove(0), name))
            }
            _ => None,
        };
        let mut old = old;
        Ok(match kind {
            "schema" => match (old.len(), new.len()) {
                (1, 1) => RenameHint::Schema {
                    from: Ident::new(old.remove(0)),
                    to: Ident::new(new.into_iter().next().unwrap_or_default()),
                },
                _ => return Err(shape("OLD=NEW")),
            },
            "table" | "enum" => {
                if old.len() != 2 {
                    return Err(shape("SCHEMA.OLD=SCHEMA.NEW"));
                }
                let name = old.remove(1);
                let from = QualifiedName::new(old.remove(0), name);
                let to = qualified(new, &from).ok_or_else(|| shape("SCHEMA.OLD=SCHEMA.NEW"))?;
                if kind == "table" {
                    RenameHint::Table { from, to }
                } else {
                    RenameHint::Enum { from, to }
                }
            }
            "column" | "enum-value" => {
                let form = if kind == "column" {
                    "SCHEMA.TABLE.OLD=NEW"
                } else {
                    "SCHEMA.TYPE.OLD=NEW"
                };
                if old.len() != 3 || new.len() != 1 {
                    return Err(shape(form));
                }
                let from = old.remove(2);
                let name = old.remove(1);
                let object = QualifiedName::new(old.remove(0), name);
                let to = new.into_iter().next().unwrap_or_default();
                if kind == "column" {
                    RenameHint::Column {
                        table: object,
                        from: Ident::new(from),
                        to: Ident::new(to),
                    }
                } else {
                    RenameHint::EnumValue {
                        enum_name: object,
                        from,
                        to,
                    }
                }
            }
            other => {
                return Err(err(format!(
                    "unknown kind `{other}`; one of schema, table, column, enum, enum-value"
                )));
            }
        })
    }
}

/// A dotted path of name parts at the start of `s` (each bare, or double-quoted with `""` for
/// a quote), up to `=` or the end; returns the parts and the rest.
fn path(s: &str) -> Result<(Vec<String>, &str), String> {
    let mut parts = Vec::new();
    let mut rest = s;
    loop {
        let (name, after) = if let Some(quoted) = rest.strip_prefix('"') {
            let mut name = String::new();
            let mut chars = quoted.char_indices();
            let end = loop {
                match chars.next() {
                    Some((i, '"')) => {
                        if quoted[i + 1..].starts_with('"') {
                            name.push('"');
                            chars.next();
                        } else {
                            break i + 1;
                        }
                    }
                    Some((_, c)) => name.push(c),
                    None => return Err("a double-quoted name is not closed".into()),
                }
            };
            (name, &quoted[end..])
        } else {
            let end = rest.find(['.', '=', '"']).unwrap_or(rest.len());
            (rest[..end].to_owned(), &rest[end..])
        };
        if name.is_empty() {
            return Err("a name is empty".into());
        }
        parts.push(name);
        match after.strip_prefix('.') {
            Some(next) => rest = next,
            None if after.is_empty() || after.starts_with('=') => return Ok((parts, after)),
            None => return Err(format!("unexpected `{after}` after a name")),
        }
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;

    /// Parses each line and prints the hint back, its attribute and its argument (or the error).
    fn check(input: &str, expect: expect_test::Expect) {
        let mut out = String::new();
        for line in input.lines() {
            match line.parse::<RenameHint>() {
                Ok(h) => {
                    assert_eq!(h.to_string().parse::<RenameHint>().as_ref(), Ok(&h));
                    out.push_str(&format!(
                        "{h}  |  {}  |  {}\n",
                        h.renamed_from_attribute(),
                        h.cli_argument()
                    ));
                }
                Err(e) => out.push_str(&format!("error: {e}\n")),
            }
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn forms_round_trip() {
        check(
            "schema:billing=finance
table:public.users=public.accounts
table:public.users=accounts
table:old.users=new.users
column:public.users.email=email_address
column:public.\"Users\".\"E.mail\"=mail
enum:public.mood=feeling
enum-value:public.status.pending=queued
enum-value:public.status.\"old label\"=\"it's new\"",
            expect![[r#"
                schema:billing=finance  |  renamed_from = "billing"  |  --rename schema:billing=finance
                table:public.users=public.accounts  |  renamed_from = "users"  |  --rename table:public.users=public.accounts
                table:public.users=public.accounts  |  renamed_from = "users"  |  --rename table:public.users=public.accounts
                table:old.users=new.users  |  renamed_from = "old.users"  |  --rename table:old.users=new.users
                column:public.users.email=email_address  |  renamed_from = "email"  |  --rename column:public.users.email=email_address
                column:public."Users"."E.mail"=mail  |  renamed_from = "E.mail"  |  --rename 'column:public."Users"."E.mail"=mail'
                enum:public.mood=public.feeling  |  renamed_from = "mood"  |  --rename enum:public.mood=public.feeling
                enum-value:public.status.pending=queued  |  renamed_from = "pending"  |  --rename enum-value:public.status.pending=queued
                enum-value:public.status."old label"="it's new"  |  renamed_from = "old label"  |  --rename 'enum-value:public.status."old label"="it'\''s new"'
            "#]],
        );
    }

    #[test]
    fn malformed_hints_say_what_is_expected() {
        check(
            "users=accounts
view:public.a=public.b
table:users=accounts
column:public.users.email
column:public.users.email=public.x
schema:a=
enum-value:public.s.\"open=x",
            expect![[r#"
                error: rename `users=accounts`: expected KIND:OLD=NEW, one of schema:OLD=NEW, table:SCHEMA.OLD=SCHEMA.NEW, column:SCHEMA.TABLE.OLD=NEW, enum:SCHEMA.OLD=SCHEMA.NEW, enum-value:SCHEMA.TYPE.OLD=NEW
                error: rename `view:public.a=public.b`: unknown kind `view`; one of schema, table, column, enum, enum-value
                error: rename `table:users=accounts`: expected `table:SCHEMA.OLD=SCHEMA.NEW`
                error: rename `column:public.users.email`: expected `=` between the old and the new name
                error: rename `column:public.users.email=public.x`: expected `column:SCHEMA.TABLE.OLD=NEW`
                error: rename `schema:a=`: a name is empty
                error: rename `enum-value:public.s."open=x`: a double-quoted name is not closed
            "#]],
        );
    }

    #[test]
    fn mark_sets_the_hint_on_the_new_object_or_says_it_is_missing() {
        use crate::{Column, ColumnType, EnumType, EnumValue, Namespace, Table};
        let mut s = Schema::new();
        s.add_namespace(Namespace {
            name: Ident::new("app"),
            comment: None,
            renamed_from: None,
        });
        let mut t = Table::new(QualifiedName::new("app", "accounts"));
        t.columns.push(Column::new("mail", ColumnType::Text));
        s.add_table(t);
        s.add_enum(EnumType {
            name: QualifiedName::new("app", "status"),
            values: vec![EnumValue::new("queued")],
            comment: None,
            renamed_from: None,
        });
        for h in [
            "schema:old=app",
            "table:app.users=accounts",
            "column:app.accounts.email=mail",
            "enum:app.state=status",
            "enum-value:app.status.pending=queued",
        ] {
            h.parse::<RenameHint>().unwrap().mark(&mut s).unwrap();
        }
        let t = &s.tables[&QualifiedName::new("app", "accounts")];
        assert_eq!(
            s.namespaces[&Ident::new("app")].renamed_from,
            Some("old".into())
        );
        assert_eq!(t.renamed_from, Some(QualifiedName::new("app", "users")));
        assert_eq!(t.columns[0].renamed_from, Some(Ident::new("email")));
        let e = &s.enums[&QualifiedName::new("app", "status")];
        assert_eq!(e.renamed_from, Some(QualifiedName::new("app", "state")));
        assert_eq!(e.values[0].renamed_from.as_deref(), Some("pending"));
        let err = "column:app.accounts.a=b"
            .parse::<RenameHint>()
            .unwrap()
            .mark(&mut s)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "rename `column:app.accounts.a=b`: column app.accounts.b is not in the desired schema"
        );
    }
}

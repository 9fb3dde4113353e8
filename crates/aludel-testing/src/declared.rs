//! Declared SQL sources as statements: each one with its source, its line and what it creates
//! (a function, view or trigger, by name, with its `-- aludel: renamed_from` hint), read with
//! `aludel-migrations`' splitter and `aludel-sql`'s lexer; pure.

use aludel_schema::{QualifiedName, SqlSource};
use aludel_sql::lex::{self, Token, TokenKind};

use crate::Error;

/// One statement of a declared source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredStatement {
    /// The source's origin (`sql/set_updated_at.sql`).
    pub origin: String,
    /// The 1-based line, in the source, of the statement's first token that is not a comment.
    pub line: usize,
    /// The statement's text (comments above it included), without its `;`.
    pub sql: String,
    /// What it creates, when it is a `CREATE` of a function, procedure, view or trigger.
    pub object: Option<DeclaredObject>,
}

impl DeclaredStatement {
    /// The statement's first line that is not a comment, with ` ...` when more follow.
    pub fn first_line(&self) -> String {
        first_line(&self.sql)
    }

    /// The 1-based line, in the source, of the character at `position` (1-based, in
    /// characters, as PostgreSQL reports an error's position in the statement).
    pub fn line_of(&self, position: usize) -> usize {
        let head = self.sql.chars().take(position.saturating_sub(1));
        let before_first = self.sql[..code_start(&self.sql)].matches('\n').count();
        let at = head.filter(|&c| c == '\n').count();
        self.line + at.saturating_sub(before_first)
    }
}

/// The first line of `sql` that is not a comment, with ` ...` when more lines follow.
pub(crate) fn first_line(sql: &str) -> String {
    let code = &sql[code_start(sql)..];
    let line = code.lines().next().unwrap_or_default().trim_end();
    if code.trim_end().contains('\n') {
        format!("{line} ...")
    } else {
        line.to_owned()
    }
}

/// The byte offset of the first token that is not whitespace or a comment.
fn code_start(sql: &str) -> usize {
    lex::significant(sql).next().map_or(sql.len(), |t| t.start)
}

/// What a declared statement creates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredObject {
    pub kind: DeclaredKind,
    /// Schema-qualified; an unqualified name is in `public` (the default `search_path`).
    pub name: QualifiedName,
    /// `-- aludel: renamed_from OLD` above the statement; an unqualified old name is in the
    /// object's schema (for a trigger, only the name counts: it stays on its table).
    pub renamed_from: Option<QualifiedName>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeclaredKind {
    /// A function or a procedure (every overload of the name).
    Function,
    View,
    MaterializedView,
    /// A trigger, on this table or view.
    Trigger {
        table: QualifiedName,
    },
    /// Extended statistics (`CREATE STATISTICS`).
    Statistics,
    /// A row-level security policy, on this table.
    Policy {
        table: QualifiedName,
    },
}

/// Splits every source into statements, in declaration order.
pub fn statements(sources: &[SqlSource]) -> Result<Vec<DeclaredStatement>, Error> {
    let mut out = Vec::new();
    for source in sources {
        let split = aludel_migrations::split(&source.sql, source.line).map_err(|e| {
            Error::DeclaredSplit {
                origin: source.origin.clone(),
                line: e.line,
                what: e.what.to_string(),
            }
        })?;
        for st in split {
            let object = object(&st.sql).map_err(|reason| Error::DeclaredHint {
                origin: source.origin.clone(),
                line: st.line,
                reason,
            })?;
            out.push(DeclaredStatement {
                origin: source.origin.clone(),
                line: st.line,
                sql: st.sql,
                object,
            });
        }
    }
    Ok(out)
}

/// Reads `CREATE [OR REPLACE] [CONSTRAINT] TRIGGER|FUNCTION|PROCEDURE|[MATERIALIZED] VIEW` and
/// the hint comments above it; `Ok(None)` for any other statement.
fn object(sql: &str) -> Result<Option<DeclaredObject>, String> {
    let renamed_from = hint(sql)?;
    let tokens: Vec<Token<'_>> = lex::significant(sql).collect();
    let mut i = 0;
    let eat = |i: &mut usize, kw: &str| {
        let hit = tokens.get(*i).is_some_and(|t| t.is_keyword(kw));
        if hit {
            *i += 1;
        }
        hit
    };
    if !eat(&mut i, "create") {
        return no_object(renamed_from);
    }
    if eat(&mut i, "or") && !eat(&mut i, "replace") {
        return no_object(renamed_from);
    }
    for kw in ["temp", "temporary", "recursive", "constraint"] {
        eat(&mut i, kw);
    }
    let kind = if eat(&mut i, "function") || eat(&mut i, "procedure") {
        DeclaredKind::Function
    } else if eat(&mut i, "view") {
        DeclaredKind::View
    } else if eat(&mut i, "materialized") && eat(&mut i, "view") {
        DeclaredKind::MaterializedView
    } else if eat(&mut i, "trigger") {
        DeclaredKind::Trigger {
            table: QualifiedName::new("public", ""),
        }
    } else if eat(&mut i, "statistics") {
        DeclaredKind::Statistics
    } else if eat(&mut i, "policy") {
        DeclaredKind::Policy {
            table: QualifiedName::new("public", ""),
        }
    } else {
        return no_object(renamed_from);
    };
    if eat(&mut i, "if") {
        eat(&mut i, "not");
        eat(&mut i, "exists");
    }
    let Some((name, next)) = qualified(&tokens, i) else {
        return no_object(renamed_from);
    };
    let kind = match kind {
        DeclaredKind::Trigger { .. } => {
            // the table follows the first `ON` outside parentheses (`UPDATE OF a, b ON t`)
            let mut depth = 0usize;
            let on = tokens[next..].iter().position(|t| {
                if t.is("(") {
                    depth += 1;
                } else if t.is(")") {
                    depth = depth.saturating_sub(1);
                }
                depth == 0 && t.is_keyword("on")
            });
            let Some((table, _)) = on.and_then(|at| qualified(&tokens, next + at + 1)) else {
                return no_object(renamed_from);
            };
            DeclaredKind::Trigger { table }
        }
        // `CREATE POLICY name ON table`
        DeclaredKind::Policy { .. } => {
            let on = tokens.get(next).is_some_and(|t| t.is_keyword("on"));
            let Some((table, _)) = on.then(|| qualified(&tokens, next + 1)).flatten() else {
                return no_object(renamed_from);
            };
            DeclaredKind::Policy { table }
        }
        other => other,
    };
    let name = match &kind {
        // a trigger's or policy's name is unqualified: it lives in its table's schema
        DeclaredKind::Trigger { table } | DeclaredKind::Policy { table } => {
            QualifiedName::new(table.schema.clone(), name.name)
        }
        _ => name,
    };
    let renamed_from = match renamed_from {
        None => None,
        Some(old) => {
            let tokens: Vec<Token<'_>> = lex::significant(&old).collect();
            match qualified(&tokens, 0) {
                Some((mut old, end)) if end == tokens.len() => {
                    if tokens.len() == 1 {
                        old.schema = name.schema.clone();
                    }
                    Some(old)
                }
                _ => {
                    return Err(format!(
                        "`-- aludel: renamed_from {old}` does not name one object; write \
                         `-- aludel: renamed_from schema.old_name`"
                    ));
                }
            }
        }
    };
    Ok(Some(DeclaredObject {
        kind,
        name,
        renamed_from,
    }))
}

fn no_object(hint: Option<String>) -> Result<Option<DeclaredObject>, String> {
    match hint {
        Some(_) => Err(
            "`-- aludel: renamed_from` stands above a statement that creates no \
                        function, procedure, view or trigger"
                .to_owned(),
        ),
        None => Ok(None),
    }
}

/// `name` or `schema.name` at `i`; returns it and the index after it.
fn qualified(tokens: &[Token<'_>], i: usize) -> Option<(QualifiedName, usize)> {
    let ident = |t: &Token<'_>| match t.kind {
        TokenKind::Word | TokenKind::QuotedIdent => t.ident().map(|s| s.into_owned()),
        _ => None,
    };
    let first = ident(tokens.get(i)?)?;
    if tokens.get(i + 1).is_some_and(|t| t.is(".")) {
        let second = ident(tokens.get(i + 2)?)?;
        Some((QualifiedName::new(first, second), i + 3))
    } else {
        Some((QualifiedName::new("public", first), i + 1))
    }
}

/// The `-- aludel: renamed_from OLD` comment among the comments above the statement.
fn hint(sql: &str) -> Result<Option<String>, String> {
    let mut found = None;
    for t in lex::tokens(sql).take_while(Token::is_trivia) {
        if t.kind != TokenKind::LineComment {
            continue;
        }
        let Some(directive) = t
            .text
            .trim_start_matches('-')
            .trim()
            .strip_prefix("aludel:")
        else {
            continue;
        };
        let directive = directive.trim();
        match directive.strip_prefix("renamed_from") {
            Some(old) if !old.trim().is_empty() && old.starts_with(char::is_whitespace) => {
                if found.replace(old.trim().to_owned()).is_some() {
                    return Err("two `-- aludel: renamed_from` lines above one statement".into());
                }
            }
            _ => {
                return Err(format!(
                    "unknown directive `-- aludel: {directive}`; the one directive is \
                     `-- aludel: renamed_from schema.old_name`"
                ));
            }
        }
    }
    Ok(found)
}

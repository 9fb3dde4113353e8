//! Splitting a section of SQL into statements, as psql does: a `;` ends a statement only outside
//! string literals, quoted identifiers, dollar-quoted bodies, comments, parentheses and the
//! `BEGIN ... END` body of a SQL-standard function.
//!
//! The tokens come from `aludel_sql::lex`. Plain `'...'` literals follow
//! `standard_conforming_strings = on` (the default since PostgreSQL 9.1): a backslash is an
//! ordinary character there, only in `E'...'` does it escape.

use std::fmt;

use aludel_sql::lex::{self, Token, TokenKind};

/// One statement of a section, without its terminating `;`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The 1-based line, in the file, of the statement's first token that is not a comment.
    pub line: usize,
    /// The statement's text, trimmed. Comments written above it (such as
    /// `-- hazard: data-loss public.users.phone`) stay at its start.
    pub sql: String,
}

/// A quoted or bracketed construct that is still open at the end of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unterminated {
    /// `'...'`
    String,
    /// `E'...'`
    EscapeString,
    /// `"..."`
    QuotedIdentifier,
    /// `$tag$...$tag$`; holds the opening delimiter, such as `$$` or `$body$`.
    DollarQuote(String),
    /// `/* ... */`
    BlockComment,
    /// `( ... )`
    Parenthesis,
}

impl fmt::Display for Unterminated {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unterminated::String => f.write_str("string literal"),
            Unterminated::EscapeString => f.write_str("escape string literal (E'...')"),
            Unterminated::QuotedIdentifier => f.write_str("quoted identifier"),
            Unterminated::DollarQuote(tag) => write!(f, "dollar-quoted string `{tag}`"),
            Unterminated::BlockComment => f.write_str("block comment"),
            Unterminated::Parenthesis => f.write_str("parenthesis"),
        }
    }
}

/// A section that cannot be split: something opened on `line` is never closed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: unterminated {what}")]
pub struct SplitError {
    pub line: usize,
    pub what: Unterminated,
}

/// Splits `sql`, whose first line is line `first_line` of its file, into statements. Text that
/// holds only comments and whitespace is not a statement; the last statement may omit its `;`.
pub fn split(sql: &str, first_line: usize) -> Result<Vec<Statement>, SplitError> {
    let tokens: Vec<Token<'_>> = lex::tokens(sql).collect();
    let mut statements = Vec::new();
    let mut current = Current::default();
    let mut line = first_line;
    let mut i = 0;
    while let Some(t) = tokens.get(i) {
        let open_line = line;
        line += t.text.bytes().filter(|&c| c == b'\n').count();
        i += 1;
        if !t.terminated {
            return Err(SplitError {
                line: open_line,
                what: unterminated(t),
            });
        }
        match t.kind {
            TokenKind::Whitespace => {}
            TokenKind::LineComment | TokenKind::BlockComment => {
                current.start.get_or_insert(t.start);
            }
            TokenKind::Punct
                if t.text == ";" && current.paren_depth == 0 && current.begin_depth == 0 =>
            {
                current.finish(sql, t.start, &mut statements);
                // A `--` comment on the rest of the `;`'s line belongs to the statement just
                // ended, not to the next one; it is dropped.
                let blank = |t: &Token<'_>| {
                    t.kind == TokenKind::Whitespace
                        && t.text.bytes().all(|c| matches!(c, b' ' | b'\t'))
                };
                let skip = usize::from(tokens.get(i).is_some_and(blank));
                if tokens
                    .get(i + skip)
                    .is_some_and(|t| t.kind == TokenKind::LineComment)
                {
                    i += skip + 1;
                }
            }
            _ => {
                current.start.get_or_insert(t.start);
                current.line.get_or_insert(open_line);
                match t.kind {
                    TokenKind::Word => current.word(t.text),
                    TokenKind::Punct if t.text == "(" => {
                        if current.paren_depth == 0 {
                            current.paren_line = open_line;
                        }
                        current.paren_depth += 1;
                    }
                    TokenKind::Punct if t.text == ")" => {
                        current.paren_depth = current.paren_depth.saturating_sub(1);
                    }
                    _ => {}
                }
            }
        }
    }
    if current.paren_depth > 0 {
        return Err(SplitError {
            line: current.paren_line,
            what: Unterminated::Parenthesis,
        });
    }
    current.finish(sql, sql.len(), &mut statements);
    Ok(statements)
}

/// What a token still open at the end of the section was.
fn unterminated(t: &Token<'_>) -> Unterminated {
    match t.kind {
        TokenKind::EscapeString => Unterminated::EscapeString,
        TokenKind::QuotedIdent => Unterminated::QuotedIdentifier,
        TokenKind::BlockComment => Unterminated::BlockComment,
        TokenKind::DollarString => {
            let tag_end = t.text[1..].find('$').map_or(t.text.len(), |i| i + 2);
            Unterminated::DollarQuote(t.text[..tag_end].to_owned())
        }
        _ => Unterminated::String,
    }
}

/// What is known about the statement being read.
#[derive(Default)]
struct Current {
    /// Byte offset of its first character that is not whitespace (a comment counts).
    start: Option<usize>,
    /// Line of its first token that is not a comment.
    line: Option<usize>,
    /// Open parentheses, with the line of the outermost one.
    paren_depth: usize,
    paren_line: usize,
    /// Open `BEGIN` (and nested `CASE`) blocks of a `CREATE FUNCTION|PROCEDURE` body.
    begin_depth: usize,
    /// How many bare words the statement has had, and which of its first four were
    /// `create`/`or`/`replace`/`function`/`procedure` (by first letter, 0 otherwise); psql's
    /// heuristic for spotting a SQL-standard function body.
    word_count: usize,
    words: [u8; 4],
}

impl Current {
    fn defines_routine(&self) -> bool {
        let w = self.words;
        w[0] == b'c'
            && (w[1] == b'f'
                || w[1] == b'p'
                || (w[1] == b'o' && w[2] == b'r' && (w[3] == b'f' || w[3] == b'p')))
    }

    fn word(&mut self, word: &str) {
        let lower = word.to_ascii_lowercase();
        if let Some(slot) = self.words.get_mut(self.word_count)
            && matches!(
                lower.as_str(),
                "create" | "or" | "replace" | "function" | "procedure"
            )
        {
            *slot = lower.as_bytes()[0];
        }
        self.word_count += 1;
        if self.paren_depth == 0 && self.defines_routine() {
            match lower.as_str() {
                "begin" => self.begin_depth += 1,
                "case" if self.begin_depth > 0 => self.begin_depth += 1,
                "end" => self.begin_depth = self.begin_depth.saturating_sub(1),
                _ => {}
            }
        }
    }

    /// Ends the statement at byte `end` of `sql`, if it had a token that is not a comment.
    fn finish(&mut self, sql: &str, end: usize, statements: &mut Vec<Statement>) {
        let current = std::mem::take(self);
        if let (Some(start), Some(line)) = (current.start, current.line) {
            statements.push(Statement {
                line,
                sql: sql[start..end].trim_end().to_owned(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    /// Splits `sql` as if it started on line 1 and renders one `line N: <sql>` per statement
    /// (with `⏎` for each newline inside a statement), or the error.
    fn check(sql: &str, expect: Expect) {
        let rendered = match split(sql, 1) {
            Ok(statements) => statements
                .iter()
                .map(|s| format!("line {}: {}\n", s.line, s.sql.replace('\n', "⏎")))
                .collect(),
            Err(e) => format!("error: {e}\n"),
        };
        expect.assert_eq(&rendered);
    }

    #[test]
    fn empty_and_comment_only_sections_have_no_statements() {
        check("", expect![""]);
        check("  \n\t\n", expect![""]);
        check("-- nothing to do\n/* really */\n", expect![""]);
        check(";;\n ; ", expect![""]);
    }

    #[test]
    fn plain_statements() {
        check(
            "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n\nDROP TABLE c",
            expect![[r#"
                line 1: CREATE TABLE a (id int)
                line 2: CREATE TABLE b (id int)
                line 4: DROP TABLE c
            "#]],
        );
    }

    #[test]
    fn statements_spanning_lines_keep_their_first_line() {
        check(
            "\n\nCREATE TABLE a (\n    id int,\n    name text\n);\nSELECT 1; SELECT 2;",
            expect![[r#"
                line 3: CREATE TABLE a (⏎    id int,⏎    name text⏎)
                line 7: SELECT 1
                line 7: SELECT 2
            "#]],
        );
    }

    #[test]
    fn line_numbers_start_at_the_given_line() {
        let statements = split("\nSELECT 1;\nSELECT 2;", 10).unwrap();
        let lines: Vec<usize> = statements.iter().map(|s| s.line).collect();
        assert_eq!(lines, [11, 12]);
    }

    #[test]
    fn comments_above_a_statement_stay_attached() {
        check(
            "-- hazard: data-loss public.users.phone\nALTER TABLE public.users DROP COLUMN phone;\n\n/* block */ -- and line\nSELECT 1;",
            expect![[r#"
                line 2: -- hazard: data-loss public.users.phone⏎ALTER TABLE public.users DROP COLUMN phone
                line 5: /* block */ -- and line⏎SELECT 1
            "#]],
        );
    }

    #[test]
    fn a_line_comment_after_the_semicolon_is_not_carried_over() {
        // A `--` comment ending the line of a `;` is dropped; a block comment there starts the
        // next statement's text.
        check(
            "SELECT 1; -- first\nSELECT 2; /* kept */\n-- above third\nSELECT 3;",
            expect![[r#"
                line 1: SELECT 1
                line 2: SELECT 2
                line 4: /* kept */⏎-- above third⏎SELECT 3
            "#]],
        );
    }

    #[test]
    fn semicolons_in_comments_do_not_split() {
        check(
            "SELECT 1 -- a; b\n, 2;\nSELECT /* x; /* nested; */ still; */ 3;",
            expect![[r#"
                line 1: SELECT 1 -- a; b⏎, 2
                line 3: SELECT /* x; /* nested; */ still; */ 3
            "#]],
        );
    }

    #[test]
    fn semicolons_in_string_literals_do_not_split() {
        check(
            "INSERT INTO t VALUES ('a;b', 'it''s; fine', '');\nSELECT 'back\\';\nSELECT 'multi\nline;';",
            expect![[r#"
                line 1: INSERT INTO t VALUES ('a;b', 'it''s; fine', '')
                line 2: SELECT 'back\'
                line 3: SELECT 'multi⏎line;'
            "#]],
        );
    }

    #[test]
    fn escape_strings_honour_backslashes() {
        check(
            "SELECT E'it\\'s; \\\\';\nSELECT e'a''b;c';\nSELECT E'\\\\';\nSELECT 1;",
            expect![[r#"
                line 1: SELECT E'it\'s; \\'
                line 2: SELECT e'a''b;c'
                line 3: SELECT E'\\'
                line 4: SELECT 1
            "#]],
        );
        // `some'` is not an E-string: the `e` ends a word, so the backslash is ordinary and the
        // literal ends at the next quote.
        check(
            "SELECT some'\\';\nSELECT 2;",
            expect![[r#"
                line 1: SELECT some'\'
                line 2: SELECT 2
            "#]],
        );
    }

    #[test]
    fn semicolons_in_quoted_identifiers_do_not_split() {
        check(
            "CREATE TABLE \"a;b\" (\"c\"\";d\" int);\nSELECT \"x\";",
            expect![[r#"
                line 1: CREATE TABLE "a;b" ("c"";d" int)
                line 2: SELECT "x"
            "#]],
        );
    }

    #[test]
    fn dollar_quoted_bodies_do_not_split() {
        check(
            "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  NEW.x := 'a;b';\n  RETURN NEW;\nEND;\n$$;\nSELECT 2;",
            expect![[r#"
                line 1: CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$⏎BEGIN⏎  NEW.x := 'a;b';⏎  RETURN NEW;⏎END;⏎$$
                line 7: SELECT 2
            "#]],
        );
    }

    #[test]
    fn dollar_quotes_with_tags() {
        check(
            "DO $body$\nBEGIN\n  EXECUTE $q$SELECT 1; SELECT $$x;$$$q$;\nEND\n$body$;\nSELECT $Tag_1$;$Tag_1$;",
            expect![[r#"
                line 1: DO $body$⏎BEGIN⏎  EXECUTE $q$SELECT 1; SELECT $$x;$$$q$;⏎END⏎$body$
                line 6: SELECT $Tag_1$;$Tag_1$
            "#]],
        );
        // Tags are case-sensitive: `$A$` does not close `$a$`.
        check(
            "SELECT $a$ ; $A$ ; $a$;",
            expect![[r#"
                line 1: SELECT $a$ ; $A$ ; $a$
            "#]],
        );
    }

    #[test]
    fn dollar_signs_that_do_not_open_a_quote() {
        // `$1` is a parameter, `a$b` and `x$$` are words, `$1$` is not a tag (tags cannot start
        // with a digit).
        check(
            "PREPARE p AS SELECT $1;\nSELECT a$b, x$$ FROM t;\nSELECT $1$;\nSELECT 4;",
            expect![[r#"
                line 1: PREPARE p AS SELECT $1
                line 2: SELECT a$b, x$$ FROM t
                line 3: SELECT $1$
                line 4: SELECT 4
            "#]],
        );
    }

    #[test]
    fn parentheses_hold_semicolons() {
        // psql does not end a statement inside parentheses either.
        check(
            "SELECT (1;\n2);\nSELECT 3;",
            expect![[r#"
                line 1: SELECT (1;⏎2)
                line 3: SELECT 3
            "#]],
        );
    }

    #[test]
    fn sql_standard_function_bodies_do_not_split() {
        check(
            "CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END;\n  SELECT 2;\nEND;\nCREATE PROCEDURE p() BEGIN ATOMIC SELECT 1; END;\nBEGIN;\nSELECT 3;\nEND;",
            expect![[r#"
                line 1: CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql⏎BEGIN ATOMIC⏎  SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END;⏎  SELECT 2;⏎END
                line 6: CREATE PROCEDURE p() BEGIN ATOMIC SELECT 1; END
                line 7: BEGIN
                line 8: SELECT 3
                line 9: END
            "#]],
        );
    }

    #[test]
    fn words_containing_keywords_are_not_keywords() {
        check(
            "CREATE FUNCTION begin_x() RETURNS int RETURN 1;\nSELECT 2;",
            expect![[r#"
                line 1: CREATE FUNCTION begin_x() RETURNS int RETURN 1
                line 2: SELECT 2
            "#]],
        );
    }

    #[test]
    fn last_statement_without_semicolon() {
        check(
            "SELECT 1;\n-- trailing\nSELECT 2 -- no semicolon\n",
            expect![[r#"
                line 1: SELECT 1
                line 3: -- trailing⏎SELECT 2 -- no semicolon
            "#]],
        );
    }

    #[test]
    fn unterminated_constructs_name_their_opening_line() {
        check(
            "SELECT 1;\nSELECT 'abc;\n\n",
            expect![[r#"
                error: line 2: unterminated string literal
            "#]],
        );
        check(
            "SELECT E'abc\\';",
            expect![[r#"
                error: line 1: unterminated escape string literal (E'...')
            "#]],
        );
        check(
            "\nSELECT \"abc;",
            expect![[r#"
                error: line 2: unterminated quoted identifier
            "#]],
        );
        check(
            "SELECT 1;\n\nDO $fn$ BEGIN END $$;",
            expect![[r#"
                error: line 3: unterminated dollar-quoted string `$fn$`
            "#]],
        );
        check(
            "SELECT 1; /* a /* b */\n;",
            expect![[r#"
                error: line 1: unterminated block comment
            "#]],
        );
        check(
            "SELECT 1;\nSELECT (1, (2);\nSELECT 3;",
            expect![[r#"
                error: line 2: unterminated parenthesis
            "#]],
        );
    }
}

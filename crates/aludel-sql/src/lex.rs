//! The SQL lexer: source text to tokens (kind + byte span), following PostgreSQL 15's scanner
//! (`scan.l`, which psql's `psqlscan.l` copies) for what decides where a token ends: string
//! literals (`'...'`, `E'...'` with backslash escapes, `B'...'`, `X'...'`, `N'...'`, `U&'...'`),
//! quoted identifiers, dollar quotes (`$tag$...$tag$`), parameters (`$1`), numbers, operators,
//! line comments and nested block comments.
//!
//! Lexing never fails: a construct still open at the end of the input becomes one last token
//! with `terminated == false`, so a caller decides whether that is an error (the statement
//! splitter) or not (the expression matcher). The tokens cover the input without gaps, so
//! `tokens(s).map(|t| t.text).collect::<String>() == s`.

use std::borrow::Cow;
use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Spaces, tabs, line breaks, form feeds.
    Whitespace,
    /// `-- ...` up to the end of the line (the line break is not part of it).
    LineComment,
    /// `/* ... */`, which nests.
    BlockComment,
    /// An unquoted identifier or keyword (`users`, `SELECT`, `a$b`).
    Word,
    /// `"..."` (or `U&"..."`): an identifier kept exactly, `""` standing for `"`.
    QuotedIdent,
    /// `'...'`, and the `B'...'`, `X'...'`, `N'...'` and `U&'...'` forms: `''` stands for `'`,
    /// a backslash is an ordinary character (`standard_conforming_strings = on`).
    String,
    /// `E'...'`: a backslash escapes the next character.
    EscapeString,
    /// `$tag$...$tag$` (the tag may be empty: `$$...$$`); the body is kept verbatim.
    DollarString,
    /// `42`, `3.14`, `.5`, `1e-3`.
    Number,
    /// `$1`, a positional parameter.
    Param,
    /// A run of operator characters (`+ - * / < > = ~ ! @ # % ^ & | ` ?`), or `::` or `:=`.
    Operator,
    /// One of `, ( ) [ ] ; : .`, or `..`.
    Punct,
    /// Any other character (a lone `$`, `\`, `{`).
    Other,
}

/// One token: its kind and where it is in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: TokenKind,
    /// The token's source text, delimiters included.
    pub text: &'a str,
    /// Byte offset of the token in the source.
    pub start: usize,
    /// False when a quote, dollar quote or block comment is still open at the end of the input.
    pub terminated: bool,
}

impl<'a> Token<'a> {
    /// Byte offset just past the token.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    pub fn span(&self) -> Range<usize> {
        self.start..self.end()
    }

    /// Whitespace or a comment: nothing the SQL parser sees.
    pub fn is_trivia(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Whitespace | TokenKind::LineComment | TokenKind::BlockComment
        )
    }

    /// Whether this is the punctuation or operator `text` (`"("`, `"::"`).
    pub fn is(&self, text: &str) -> bool {
        matches!(self.kind, TokenKind::Punct | TokenKind::Operator) && self.text == text
    }

    /// Whether this is the unquoted word `keyword`, in any case (`"select"` matches `SELECT`).
    pub fn is_keyword(&self, keyword: &str) -> bool {
        self.kind == TokenKind::Word && self.text.eq_ignore_ascii_case(keyword)
    }

    /// The name an identifier token stands for: an unquoted word folded to lower case (ASCII
    /// only, as PostgreSQL folds in a multi-byte encoding), a quoted one exactly, `""` undone.
    /// `None` for every other kind. (`U&"..."` escapes are not decoded.)
    pub fn ident(&self) -> Option<Cow<'a, str>> {
        match self.kind {
            TokenKind::Word => Some(if self.text.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(self.text.to_ascii_lowercase())
            } else {
                Cow::Borrowed(self.text)
            }),
            TokenKind::QuotedIdent => {
                Some(undouble(quoted_body(self.text, b'"', self.terminated), '"'))
            }
            _ => None,
        }
    }

    /// The value of a string literal token: `''` undone, `E'...'` escapes decoded, a dollar
    /// quote's body verbatim. `None` for every other kind. (`B''`/`X''` give their digits,
    /// `U&''` escapes are not decoded.)
    pub fn string_value(&self) -> Option<Cow<'a, str>> {
        match self.kind {
            TokenKind::String => Some(undouble(
                quoted_body(self.text, b'\'', self.terminated),
                '\'',
            )),
            TokenKind::EscapeString => Some(Cow::Owned(unescape(quoted_body(
                self.text,
                b'\'',
                self.terminated,
            )))),
            TokenKind::DollarString => {
                let tag_len = self.text[1..].find('$').map_or(self.text.len(), |i| i + 2);
                let body = &self.text[tag_len.min(self.text.len())..];
                let body = if self.terminated {
                    &body[..body.len().saturating_sub(tag_len)]
                } else {
                    body
                };
                Some(Cow::Borrowed(body))
            }
            _ => None,
        }
    }
}

/// The tokens of `src`, trivia included, in order.
pub fn tokens(src: &str) -> Tokens<'_> {
    Tokens { src, pos: 0 }
}

/// The tokens of `src` that are not whitespace or comments.
pub fn significant(src: &str) -> impl Iterator<Item = Token<'_>> {
    tokens(src).filter(|t| !t.is_trivia())
}

/// The iterator [`tokens`] returns.
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let bytes = self.src.as_bytes();
        let start = self.pos;
        let &c = bytes.get(start)?;
        let at = |i: usize| bytes.get(i).copied();
        let mut terminated = true;
        let (kind, end) = match c {
            c if is_space(c) => {
                let mut end = start + 1;
                while at(end).is_some_and(is_space) {
                    end += 1;
                }
                (TokenKind::Whitespace, end)
            }
            b'-' if at(start + 1) == Some(b'-') => {
                let end = self.src[start..]
                    .find('\n')
                    .map_or(bytes.len(), |i| start + i);
                (TokenKind::LineComment, end)
            }
            b'/' if at(start + 1) == Some(b'*') => {
                let (end, closed) = block_comment(bytes, start);
                terminated = closed;
                (TokenKind::BlockComment, end)
            }
            b'\'' => {
                let (end, closed) = quoted(bytes, start, b'\'', false);
                terminated = closed;
                (TokenKind::String, end)
            }
            b'"' => {
                let (end, closed) = quoted(bytes, start, b'"', false);
                terminated = closed;
                (TokenKind::QuotedIdent, end)
            }
            b'e' | b'E' if at(start + 1) == Some(b'\'') => {
                let (end, closed) = quoted(bytes, start + 1, b'\'', true);
                terminated = closed;
                (TokenKind::EscapeString, end)
            }
            b'b' | b'B' | b'x' | b'X' | b'n' | b'N' if at(start + 1) == Some(b'\'') => {
                let (end, closed) = quoted(bytes, start + 1, b'\'', false);
                terminated = closed;
                (TokenKind::String, end)
            }
            b'u' | b'U'
                if at(start + 1) == Some(b'&') && matches!(at(start + 2), Some(b'\'' | b'"')) =>
            {
                let quote = bytes[start + 2];
                let (end, closed) = quoted(bytes, start + 2, quote, false);
                terminated = closed;
                let kind = if quote == b'"' {
                    TokenKind::QuotedIdent
                } else {
                    TokenKind::String
                };
                (kind, end)
            }
            c if is_word_start(c) => {
                let mut end = start + 1;
                while at(end).is_some_and(is_word_continue) {
                    end += 1;
                }
                (TokenKind::Word, end)
            }
            b'$' => match dollar_tag(bytes, start) {
                Some(tag_end) => {
                    let tag = &self.src[start..tag_end];
                    match self.src[tag_end..].find(tag) {
                        Some(i) => (TokenKind::DollarString, tag_end + i + tag.len()),
                        None => {
                            terminated = false;
                            (TokenKind::DollarString, bytes.len())
                        }
                    }
                }
                None if at(start + 1).is_some_and(|d| d.is_ascii_digit()) => {
                    let mut end = start + 1;
                    while at(end).is_some_and(|d| d.is_ascii_digit()) {
                        end += 1;
                    }
                    (TokenKind::Param, end)
                }
                None => (TokenKind::Other, start + 1),
            },
            b'.' if at(start + 1) == Some(b'.') => (TokenKind::Punct, start + 2),
            c if c.is_ascii_digit()
                || (c == b'.' && at(start + 1).is_some_and(|d| d.is_ascii_digit())) =>
            {
                (TokenKind::Number, number(bytes, start))
            }
            b':' if matches!(at(start + 1), Some(b':' | b'=')) => (TokenKind::Operator, start + 2),
            b',' | b'(' | b')' | b'[' | b']' | b';' | b':' | b'.' => (TokenKind::Punct, start + 1),
            c if is_op_char(c) => (TokenKind::Operator, operator(bytes, start)),
            _ => {
                // one character (an ASCII byte here: bytes >= 0x80 start words)
                let len = self.src[start..].chars().next().map_or(1, char::len_utf8);
                (TokenKind::Other, start + len)
            }
        };
        self.pos = end;
        Some(Token {
            kind,
            text: &self.src[start..end],
            start,
            terminated,
        })
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// A byte that may start an unquoted word (non-ASCII bytes are letters to PostgreSQL).
fn is_word_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

/// A byte that may continue an unquoted word.
fn is_word_continue(c: u8) -> bool {
    is_tag_continue(c) || c == b'$'
}

/// A byte that may continue the tag of a dollar quote.
fn is_tag_continue(c: u8) -> bool {
    is_word_start(c) || c.is_ascii_digit()
}

fn is_op_char(c: u8) -> bool {
    matches!(
        c,
        b'+' | b'-'
            | b'*'
            | b'/'
            | b'<'
            | b'>'
            | b'='
            | b'~'
            | b'!'
            | b'@'
            | b'#'
            | b'%'
            | b'^'
            | b'&'
            | b'|'
            | b'`'
            | b'?'
    )
}

/// The end of a nested `/* ... */` starting at `start`, and whether it is closed.
fn block_comment(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut depth = 0usize;
    let mut i = start;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1)) {
            (b'/', Some(b'*')) => {
                depth += 1;
                i += 2;
            }
            (b'*', Some(b'/')) => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return (i, true);
                }
            }
            _ => i += 1,
        }
    }
    (bytes.len(), false)
}

/// The end of the literal or identifier whose opening `quote` is at `open`, and whether it is
/// closed; a doubled quote stands for itself, and with `backslash` a `\` escapes the next byte.
fn quoted(bytes: &[u8], open: usize, quote: u8, backslash: bool) -> (usize, bool) {
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if backslash => i += 2,
            c if c == quote => {
                if bytes.get(i + 1) == Some(&quote) {
                    i += 2;
                } else {
                    return (i + 1, true);
                }
            }
            _ => i += 1,
        }
    }
    (bytes.len(), false)
}

/// The end of the `$tag$` delimiter starting at the `$` at `start`, if one does (`$1` and a lone
/// `$` do not: a tag cannot start with a digit).
fn dollar_tag(bytes: &[u8], start: usize) -> Option<usize> {
    let mut end = start + 1;
    if bytes.get(end).is_some_and(|&c| is_word_start(c)) {
        end += 1;
        while bytes.get(end).is_some_and(|&c| is_tag_continue(c)) {
            end += 1;
        }
    }
    (bytes.get(end) == Some(&b'$')).then_some(end + 1)
}

/// The end of the number starting at `start`: digits, an optional fraction, an optional
/// exponent (`1..2` is `1`, `..`, `2`, as in PostgreSQL).
fn number(bytes: &[u8], start: usize) -> usize {
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = start;
    while digit(i) {
        i += 1;
    }
    if bytes.get(i) == Some(&b'.') && bytes.get(i + 1) != Some(&b'.') {
        i += 1;
        while digit(i) {
            i += 1;
        }
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(bytes.get(i + 1), Some(b'+' | b'-')));
        if digit(i + 1 + sign) {
            i += 1 + sign;
            while digit(i) {
                i += 1;
            }
        }
    }
    i
}

/// The end of the operator starting at `start`, as PostgreSQL cuts it: the run of operator
/// characters stops before a `--` or `/*`, and a trailing `+` or `-` is not part of a
/// multi-character operator unless it holds one of `~ ! @ # % ^ & | ` ?` (so `=-1` is `=`, `-1`).
fn operator(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < bytes.len() && is_op_char(bytes[end]) {
        if end > start
            && matches!(
                (bytes[end], bytes.get(end + 1)),
                (b'-', Some(b'-')) | (b'/', Some(b'*'))
            )
        {
            break;
        }
        end += 1;
    }
    let run = &bytes[start..end];
    if run.len() > 1
        && matches!(run.last(), Some(b'+' | b'-'))
        && !run.iter().any(|c| b"~!@#%^&|`?".contains(c))
    {
        while end - start > 1 && matches!(bytes[end - 1], b'+' | b'-') {
            end -= 1;
        }
    }
    end
}

/// The text between the opening `quote` (after any prefix such as `E` or `U&`) and the closing
/// one, or the end when it is not `closed`.
fn quoted_body(text: &str, quote: u8, closed: bool) -> &str {
    let open = text.bytes().position(|c| c == quote).map_or(0, |i| i + 1);
    let end = if closed { text.len() - 1 } else { text.len() };
    &text[open..end.max(open)]
}

fn undouble(body: &str, quote: char) -> Cow<'_, str> {
    let doubled: String = [quote, quote].iter().collect();
    if body.contains(&doubled) {
        Cow::Owned(body.replace(&doubled, &quote.to_string()))
    } else {
        Cow::Borrowed(body)
    }
}

/// Decodes the backslash escapes of an `E'...'` body: `\b \f \n \r \t`, octal `\ooo`, hex
/// `\xhh`, Unicode `\uXXXX` and `\UXXXXXXXX`; any other escaped character stands for itself;
/// `''` for `'`.
fn unescape(body: &str) -> String {
    let mut out = String::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                chars.next_if_eq(&'\'');
                out.push('\'');
            }
            '\\' => {
                let Some(e) = chars.next() else {
                    out.push('\\');
                    break;
                };
                let mut number = |radix: u32, max: usize, first: Option<char>| {
                    let mut digits: String = first.into_iter().collect();
                    while digits.len() < max
                        && let Some(d) = chars.next_if(|d| d.is_digit(radix))
                    {
                        digits.push(d);
                    }
                    u32::from_str_radix(&digits, radix)
                        .ok()
                        .and_then(char::from_u32)
                };
                let decoded = match e {
                    'b' => Some('\u{8}'),
                    'f' => Some('\u{c}'),
                    'n' => Some('\n'),
                    'r' => Some('\r'),
                    't' => Some('\t'),
                    '0'..='7' => number(8, 3, Some(e)),
                    'x' => number(16, 2, None),
                    'u' => number(16, 4, None),
                    'U' => number(16, 8, None),
                    other => Some(other),
                };
                out.push(decoded.unwrap_or('\u{fffd}'));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One line per token: kind, text, and `(open)` when not terminated.
    fn check(src: &str, expect: &str) {
        let got: String = tokens(src)
            .map(|t| {
                let open = if t.terminated { "" } else { " (open)" };
                format!("{:?} {:?}{open}\n", t.kind, t.text)
            })
            .collect();
        assert_eq!(got, expect, "{src}");
        let joined: String = tokens(src).map(|t| t.text).collect();
        assert_eq!(joined, src);
    }

    #[test]
    fn words_numbers_operators_punctuation() {
        check(
            "SELECT a$b, 1.5e-3 FROM t WHERE x::int>=-2;",
            r#"Word "SELECT"
Whitespace " "
Word "a$b"
Punct ","
Whitespace " "
Number "1.5e-3"
Whitespace " "
Word "FROM"
Whitespace " "
Word "t"
Whitespace " "
Word "WHERE"
Whitespace " "
Word "x"
Operator "::"
Word "int"
Operator ">="
Operator "-"
Number "2"
Punct ";"
"#,
        );
        check(
            "1..2 .5 a.b $1 $ @-",
            r#"Number "1"
Punct ".."
Number "2"
Whitespace " "
Number ".5"
Whitespace " "
Word "a"
Punct "."
Word "b"
Whitespace " "
Param "$1"
Whitespace " "
Other "$"
Whitespace " "
Operator "@-"
"#,
        );
    }

    #[test]
    fn strings_and_their_values() {
        let toks: Vec<Token<'_>> = significant(
            "'it''s' E'a\\'b\\n\\x41\\101' e'q''' B'01' X'ff' N'n' U&'u' 'back\\' some'x'",
        )
        .collect();
        let kinds: Vec<TokenKind> = toks.iter().map(|t| t.kind).collect();
        use TokenKind as K;
        assert_eq!(
            kinds,
            [
                K::String,
                K::EscapeString,
                K::EscapeString,
                K::String,
                K::String,
                K::String,
                K::String,
                K::String,
                K::Word,
                K::String
            ]
        );
        let values: Vec<String> = toks
            .iter()
            .filter_map(|t| t.string_value().map(Cow::into_owned))
            .collect();
        assert_eq!(
            values,
            ["it's", "a'b\nAA", "q'", "01", "ff", "n", "u", "back\\", "x"]
        );
    }

    #[test]
    fn quoted_identifiers_and_words_fold() {
        let names: Vec<String> = significant(r#"Users "My ""Table""" U&"x" ÄB"#)
            .filter_map(|t| t.ident().map(Cow::into_owned))
            .collect();
        assert_eq!(names, ["users", "My \"Table\"", "x", "Äb"]);
    }

    #[test]
    fn dollar_quotes() {
        check(
            "$$a;$b$$ $q$ $$x$$ $q$ $1$",
            r#"DollarString "$$a;$b$$"
Whitespace " "
DollarString "$q$ $$x$$ $q$"
Whitespace " "
Param "$1"
Other "$"
"#,
        );
        let body: Vec<String> = significant("$fn$ BEGIN $fn$ $$ $$ $x$open")
            .filter_map(|t| t.string_value().map(Cow::into_owned))
            .collect();
        assert_eq!(body, [" BEGIN ", " ", "open"]);
        // tags are case-sensitive
        check("$a$ $A$", "DollarString \"$a$ $A$\" (open)\n");
    }

    #[test]
    fn comments_nest_and_end_operators() {
        check(
            "a/* x /* y */ z */b -- rest\nc+-- c\n*/*d*/",
            r#"Word "a"
BlockComment "/* x /* y */ z */"
Word "b"
Whitespace " "
LineComment "-- rest"
Whitespace "\n"
Word "c"
Operator "+"
LineComment "-- c"
Whitespace "\n"
Operator "*"
BlockComment "/*d*/"
"#,
        );
    }

    #[test]
    fn open_constructs_run_to_the_end() {
        check("'abc", "String \"'abc\" (open)\n");
        check("E'a\\'", "EscapeString \"E'a\\\\'\" (open)\n");
        check("\"x", "QuotedIdent \"\\\"x\" (open)\n");
        check("/* a /* b */", "BlockComment \"/* a /* b */\" (open)\n");
        check("$t$ x", "DollarString \"$t$ x\" (open)\n");
        let t = significant("'ab''").next().unwrap();
        assert!(!t.terminated);
        assert_eq!(t.string_value().as_deref(), Some("ab'"));
    }

    #[test]
    fn helpers() {
        let toks: Vec<Token<'_>> = significant("select (x)::Text").collect();
        assert!(toks[0].is_keyword("SELECT"));
        assert!(toks[1].is("("));
        assert!(toks[4].is("::"));
        assert_eq!(toks[5].ident().as_deref(), Some("text"));
        assert_eq!(toks[5].span(), 12..16);
        assert_eq!(toks[5].end(), 16);
    }
}

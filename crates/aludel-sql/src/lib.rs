//! SQL text, with no dependencies: identifier and literal quoting with PostgreSQL 15's keyword
//! rules (`quote`), PostgreSQL's default object names (`naming`), the one lexer that both the
//! statement splitter and the expression matcher use (`lex`), and the hazard codes (`hazard`).

pub mod hazard;
pub mod lex;
pub mod naming;
pub mod quote;

pub use hazard::Hazard;
pub use quote::{force_quote_ident, needs_quotes, quote_ident, quote_literal};

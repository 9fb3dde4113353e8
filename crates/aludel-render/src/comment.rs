//! `COMMENT ON ... IS ...` for every object kind that carries a comment.

use aludel_schema::{CommentTarget, QualifiedName, quote_literal};

use crate::Statement;

pub(crate) fn set(target: &CommentTarget, text: Option<&str>) -> Statement {
    let (kind, name) = match target {
        CommentTarget::Schema(n) => ("SCHEMA", n.to_string()),
        CommentTarget::Table(t) => ("TABLE", t.to_string()),
        CommentTarget::Column(t, c) => ("COLUMN", format!("{t}.{c}")),
        CommentTarget::Index(t, i) => (
            "INDEX",
            QualifiedName::new(t.schema.clone(), i.clone()).to_string(),
        ),
        CommentTarget::Type(t) => ("TYPE", t.to_string()),
        CommentTarget::Sequence(s) => ("SEQUENCE", s.to_string()),
    };
    on(kind, &name, text)
}

/// `COMMENT ON <kind> <name> IS ...` for a kind and a name already printed.
pub(crate) fn on(kind: &str, name: &str, text: Option<&str>) -> Statement {
    let value = text.map_or_else(|| "NULL".to_owned(), quote_literal);
    Statement::new(format!("COMMENT ON {kind} {name} IS {value}"))
}

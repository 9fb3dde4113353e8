//! Two schemas that should be equal, compared: the statements that would make the first equal
//! the second and a unified diff of their canonical DDL; what `check` reports and what the proof
//! of a generated migration shows when it fails.

use aludel_render::{Options as RenderOptions, render};
use aludel_schema::Schema;
use serde::Serialize;

use crate::error::Error;

/// Two schemas that should be equal and are not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Drift {
    /// The statements that would make the first side equal the second.
    pub statements: Vec<String>,
    /// A unified diff of the canonical DDL of both sides.
    pub ddl_diff: String,
}

/// `from` against `to`; `None` when they agree.
pub(crate) fn drift(
    from: &Schema,
    to: &Schema,
    names: (&str, &str),
) -> Result<Option<Drift>, Error> {
    let (changes, _) = aludel_diff::diff(from, to)?;
    if changes.is_empty() {
        return Ok(None);
    }
    let statements = render(&changes, &RenderOptions::default())
        .iter()
        .map(ToString::to_string)
        .collect();
    let (a, b) = (from.to_string(), to.to_string());
    let ddl_diff = similar::TextDiff::from_lines(&a, &b)
        .unified_diff()
        .context_radius(3)
        .header(names.0, names.1)
        .to_string();
    Ok(Some(Drift {
        statements,
        ddl_diff,
    }))
}

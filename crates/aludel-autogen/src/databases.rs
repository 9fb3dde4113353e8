//! `aludel diff`'s pipeline, database to database: both introspected at once, the rename hints
//! marked on the desired side, diffed, rendered one way under the hazard policy, and written as
//! one script (header with counts and hazards, transactional runs inside `BEGIN` ... `COMMIT`).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use aludel_diff::Diagnostic;
use aludel_introspect::{Options as IntrospectOptions, introspect_url};
use aludel_render::{HazardPolicy, OnlineHint, Options as RenderOptions, Statement};
use aludel_schema::{RenameHint, Schema};

use crate::error::Error;

/// How to compare two databases.
#[derive(Debug, Clone, Default)]
pub struct DiffOptions {
    /// What to read from both (schemas, version table).
    pub introspect: IntrospectOptions,
    pub render: RenderOptions,
    /// The way back (from the second to the first) instead of the way there.
    pub downgrade: bool,
    /// Renames the diff should follow, marked on the second database's schema.
    pub renames: Vec<RenameHint>,
}

/// What one comparison found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatabaseDiff {
    /// How many changes the script makes; 0 when the schemas agree.
    pub changes: usize,
    /// Soft findings, such as a drop and an add that look like a rename.
    pub diagnostics: Vec<Diagnostic>,
    /// The hazards of the script that `--online` would avoid.
    pub online_hints: Vec<OnlineHint>,
    /// The SQL, empty when the schemas agree.
    pub script: String,
}

/// Introspects `from` and `to` concurrently and compares them.
pub async fn diff_databases(
    from: &str,
    to: &str,
    options: &DiffOptions,
) -> Result<DatabaseDiff, Error> {
    let (from, to) = tokio::try_join!(
        introspect_url(from, &options.introspect),
        introspect_url(to, &options.introspect)
    )?;
    diff_schemas(&from.schema, to.schema, options)
}

/// The comparison of two schemas, as [`diff_databases`] makes it once both are read.
pub fn diff_schemas(
    from: &Schema,
    mut to: Schema,
    options: &DiffOptions,
) -> Result<DatabaseDiff, Error> {
    for hint in &options.renames {
        hint.mark(&mut to)?;
    }
    let (changes, diagnostics) = aludel_diff::diff(from, &to)?;
    if changes.is_empty() {
        return Ok(DatabaseDiff {
            changes: 0,
            diagnostics,
            online_hints: Vec::new(),
            script: String::new(),
        });
    }
    let changes = if options.downgrade {
        aludel_render::reversed(&changes)
    } else {
        changes
    };
    let policy = HazardPolicy::new(&changes, &options.render);
    let statements = aludel_render::render_in(&changes, &options.render, &policy);
    Ok(DatabaseDiff {
        changes: changes.len(),
        diagnostics,
        online_hints: policy.online_hints(&changes),
        script: script(&statements, options.downgrade, changes.len()),
    })
}

/// The header (direction, counts, hazards), then each run of transactional statements inside
/// `BEGIN` ... `COMMIT` and each other statement on its own.
fn script(statements: &[Statement], downgrade: bool, changes: usize) -> String {
    let mut out = String::new();
    let direction = if downgrade { "downgrade" } else { "upgrade" };
    let _ = writeln!(
        out,
        "-- aludel diff ({direction}): {changes} changes, {} statements",
        statements.len()
    );
    let hazards: BTreeSet<String> = statements
        .iter()
        .flat_map(|s| s.hazards.iter().map(ToString::to_string))
        .collect();
    if hazards.is_empty() {
        out.push_str("-- hazards: none\n");
    } else {
        out.push_str("-- hazards:\n");
        for h in &hazards {
            let _ = writeln!(out, "--   {h}");
        }
    }
    let mut open = false;
    for s in statements {
        if s.transactional && !open {
            out.push_str("\nBEGIN;\n");
            open = true;
        } else if !s.transactional {
            if open {
                out.push_str("COMMIT;\n");
                open = false;
            }
            out.push_str("\n-- outside a transaction\n");
        }
        let _ = writeln!(out, "{s}");
    }
    if open {
        out.push_str("COMMIT;\n");
    }
    out
}

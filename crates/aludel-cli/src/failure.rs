//! A failure as the user sees it: one lowercase line of cause, then a `hint:` line when the
//! user can act. Built from the libraries' typed errors.

use std::io::Write;

/// What went wrong, ready to print (exit code 2).
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub hint: Option<String>,
}

impl Failure {
    pub fn new(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// A failure from a library error's message (flattened to one line) and hint.
    fn of(message: String, hint: Option<String>) -> Self {
        Failure {
            message: one_line(&message),
            hint,
        }
    }

    pub fn write_to(&self, err: &mut dyn Write) -> std::io::Result<()> {
        writeln!(err, "error: {}", self.message)?;
        if let Some(h) = &self.hint {
            writeln!(err, "hint: {h}")?;
        }
        Ok(())
    }
}

/// The lines of a message joined with `; `, so every error is one `error:` line.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

impl From<aludel_pg::Error> for Failure {
    fn from(e: aludel_pg::Error) -> Self {
        Failure::of(e.to_string(), e.hint())
    }
}

impl From<aludel_introspect::Error> for Failure {
    fn from(e: aludel_introspect::Error) -> Self {
        Failure::of(e.to_string(), e.hint())
    }
}

impl From<aludel_migrations::Error> for Failure {
    fn from(e: aludel_migrations::Error) -> Self {
        Failure::of(e.to_string(), e.hint())
    }
}

impl From<aludel_runner::PlanError> for Failure {
    fn from(e: aludel_runner::PlanError) -> Self {
        Failure::of(e.to_string(), e.hint())
    }
}

impl From<aludel_runner::Error> for Failure {
    fn from(e: aludel_runner::Error) -> Self {
        Failure::of(e.to_string(), e.hint())
    }
}

impl From<aludel_diff::DiffError> for Failure {
    fn from(e: aludel_diff::DiffError) -> Self {
        Failure::of(e.to_string(), e.hint())
    }
}

/// An IO failure writing the output.
pub(crate) fn write_failed(e: std::io::Error) -> Failure {
    Failure::new(format!("cannot write the output: {e}"))
}

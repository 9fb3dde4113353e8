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

    pub fn write_to(&self, err: &mut dyn Write) -> std::io::Result<()> {
        writeln!(err, "error: {}", self.message)?;
        if let Some(h) = &self.hint {
            writeln!(err, "hint: {h}")?;
        }
        Ok(())
    }
}

impl From<aludel_pg::Error> for Failure {
    fn from(e: aludel_pg::Error) -> Self {
        Failure {
            message: e.to_string(),
            hint: e.hint(),
        }
    }
}

impl From<aludel_introspect::Error> for Failure {
    fn from(e: aludel_introspect::Error) -> Self {
        Failure {
            message: e.to_string(),
            hint: e.hint(),
        }
    }
}

//! The progress line of a run, drawn on stderr only when it is a terminal: `[i/n] upgrade REV`
//! with the line of the statement running, rewritten in place and cleared at the end.

use std::io::Write;

use aludel_runner::Event;

/// Draws events on the process's stderr when `enabled`; does nothing otherwise.
#[derive(Debug)]
pub(crate) struct Progress {
    enabled: bool,
    drawn: bool,
    current: String,
}

impl Progress {
    pub(crate) fn new(enabled: bool) -> Progress {
        Progress {
            enabled,
            drawn: false,
            current: String::new(),
        }
    }

    pub(crate) fn on_event(&mut self, event: &Event<'_>) {
        if !self.enabled {
            return;
        }
        match event {
            Event::MigrationStarted { step, index, total } => {
                self.current = format!(
                    "[{}/{}] {} {}",
                    index + 1,
                    total,
                    step.direction,
                    step.revision
                );
                self.draw(&self.current.clone());
            }
            Event::StatementStarted { statement, .. } => {
                let line = format!("{} (line {})", self.current, statement.line);
                self.draw(&line);
            }
            Event::MigrationFinished { .. } | Event::VersionTableChanged { .. } => {}
        }
    }

    fn draw(&mut self, text: &str) {
        let mut err = std::io::stderr();
        let _ = write!(err, "\r\x1b[2K{text}");
        let _ = err.flush();
        self.drawn = true;
    }

    /// Clears the line, so the report that follows starts on a clean line.
    pub(crate) fn finish(&mut self) {
        if self.drawn {
            let mut err = std::io::stderr();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
            self.drawn = false;
        }
    }
}

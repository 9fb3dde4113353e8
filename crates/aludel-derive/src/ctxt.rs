//! `Ctxt`: collects every error of one derive (with spans) so all are reported together.

use std::fmt::Display;

use proc_macro2::Span;

#[derive(Default)]
pub struct Ctxt {
    errors: Option<syn::Error>,
}

impl Ctxt {
    /// Records `message` at `span`, followed by a `help:` line showing the correct form.
    pub fn error(&mut self, span: Span, message: impl Display, help: impl Display) {
        self.push(syn::Error::new(span, format!("{message}\n\nhelp: {help}")));
    }

    /// Records an error that syn produced while parsing.
    pub fn push(&mut self, e: syn::Error) {
        match &mut self.errors {
            Some(all) => all.combine(e),
            None => self.errors = Some(e),
        }
    }

    /// How many errors were recorded so far.
    pub fn count(&self) -> usize {
        self.errors.as_ref().map_or(0, |e| e.into_iter().count())
    }

    pub fn finish(self) -> Result<(), syn::Error> {
        match self.errors {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

//! Source places and the diagnostics that point at them: the model's [`Span`],
//! [`Diagnostic`] and [`Severity`], so that a place travels from the reader to the outputs
//! as one type, and the [`Warned`] outputs of readers.

pub use minutes_model::{Diagnostic, Severity, Span};

/// An output with the recoverable problems met while producing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warned<T> {
    /// The output.
    pub output: T,
    /// Diagnostics raised while producing it, in source order.
    pub warnings: Vec<Diagnostic>,
}

impl<T> Warned<T> {
    /// An output without warnings.
    pub fn new(output: T) -> Warned<T> {
        Warned { output, warnings: Vec::new() }
    }
}

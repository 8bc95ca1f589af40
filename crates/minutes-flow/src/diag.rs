//! Source locations and the diagnostics that point at them.

use std::{fmt, sync::Arc};

use serde::{Deserialize, Serialize};

/// Where a block starts in its source.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Location {
    /// A 1-based line of a text file.
    Line(u32),
    /// A 1-based paragraph (block) index within a package part, e.g. `word/document.xml`.
    Paragraph {
        /// The part name inside the package; shared, as every block of a part names it.
        part: Arc<str>,
        /// The 1-based index of the top-level block (paragraph or table) in the part.
        index: u32,
    },
    /// A 1-based row of a spreadsheet, printed `row 5 of Sheet1`.
    Row {
        /// The sheet's name; shared, as every row of a sheet names it.
        sheet: Arc<str>,
        /// The 1-based row number, as the spreadsheet shows it.
        row: u32,
    },
    /// No location is known (for example a model loaded from JSON).
    Unknown,
}

impl Location {
    /// The 1-based line number, for text sources.
    pub fn line(&self) -> Option<u32> {
        match self {
            Location::Line(line) => Some(*line),
            _ => None,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Line(line) => write!(f, "line {line}"),
            Location::Paragraph { part, index }
                if &**part == "word/document.xml" || &**part == "WordDocument" =>
            {
                write!(f, "paragraph {index}")
            }
            Location::Paragraph { part, index } => {
                write!(f, "paragraph {index} of {part}")
            }
            Location::Row { sheet, row } => write!(f, "row {row} of {sheet}"),
            Location::Unknown => f.write_str("unknown location"),
        }
    }
}

/// How serious a diagnostic is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; nothing is wrong.
    Note,
    /// Something was recognised with a correction, or could not be recognised.
    Warning,
    /// The result cannot be trusted without a human look.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A message about the source, pointing at a location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Where it applies.
    pub location: Location,
    /// What it says, lowercase, naming the culprit.
    pub message: String,
}

impl Diagnostic {
    /// A warning at `location`.
    pub fn warning(location: Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, location, message: message.into() }
    }

    /// A note at `location`.
    pub fn note(location: Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Note, location, message: message.into() }
    }

    /// An error at `location`.
    pub fn error(location: Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Error, location, message: message.into() }
    }
}

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

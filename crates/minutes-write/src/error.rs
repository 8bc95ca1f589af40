//! The writers' error type.

use std::fmt;

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// Output could not be written.
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Writing to the destination failed.
    Io(std::io::Error),
    /// The CSV writer failed.
    Csv(csv::Error),
    /// A template package is unusable (not a Word document, no main part, …).
    Template(String),
    /// Anything else the writer cannot do, with a message naming it.
    Other(String),
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// A template error naming the problem.
    pub fn template(message: impl Into<String>) -> Error {
        Error(Box::new(ErrorKind::Template(message.into())))
    }

    /// Any other error naming the problem.
    pub fn other(message: impl Into<String>) -> Error {
        Error(Box::new(ErrorKind::Other(message.into())))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind() {
            ErrorKind::Io(err) => write!(f, "cannot write: {err}"),
            ErrorKind::Csv(err) => write!(f, "cannot write CSV: {err}"),
            ErrorKind::Template(message) => write!(f, "unusable template: {message}"),
            ErrorKind::Other(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        // The inner messages are part of this one's Display: not repeated as sources.
        match self.kind() {
            ErrorKind::Io(err) => err.source(),
            ErrorKind::Csv(err) => err.source(),
            _ => None,
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error(Box::new(ErrorKind::Io(err)))
    }
}

/// A package error met while writing (a template's package errors are reported as
/// [`ErrorKind::Template`] where it is read).
impl From<minutes_ooxml::Error> for Error {
    fn from(err: minutes_ooxml::Error) -> Error {
        Error::other(err.to_string())
    }
}

impl From<csv::Error> for Error {
    fn from(err: csv::Error) -> Error {
        Error(Box::new(ErrorKind::Csv(err)))
    }
}

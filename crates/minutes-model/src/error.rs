//! The model crate's error type.

use std::fmt;

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// An error loading or validating a model.
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The JSON is not a valid meeting model.
    Json(serde_json::Error),
    /// The model breaks an invariant (for example a section without a number).
    Invalid(String),
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Error {
        Error(Box::new(ErrorKind::Invalid(message.into())))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind() {
            ErrorKind::Json(err) => write!(f, "not a valid meeting model: {err}"),
            ErrorKind::Invalid(message) => write!(f, "invalid meeting model: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        // The JSON error's message is part of this one's: not repeated as a source.
        match self.kind() {
            ErrorKind::Json(err) => err.source(),
            ErrorKind::Invalid(_) => None,
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(err: serde_json::Error) -> Error {
        Error(Box::new(ErrorKind::Json(err)))
    }
}

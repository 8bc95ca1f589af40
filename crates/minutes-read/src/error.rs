//! The readers' error type.

use std::fmt;

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// A draft could not be read.
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The package is not a DOCX the reader can use.
    Package(String),
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// A package error with a message naming the problem.
    pub fn package(message: impl Into<String>) -> Error {
        Error(Box::new(ErrorKind::Package(message.into())))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind() {
            ErrorKind::Package(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

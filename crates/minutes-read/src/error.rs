//! The readers' error type.

use std::fmt;

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// A draft could not be read.
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The package is not a DOCX the reader can use.
    Package(String),
    /// The bytes are not a zip archive.
    NotZip {
        /// What the zip reader said.
        message: String,
    },
    /// The bytes are an OLE compound file: a password-protected Word file or a legacy
    /// binary `.doc`.
    Encrypted,
    /// The bytes start like an OLE compound file but are not a readable one.
    Ole {
        /// What the compound-file reader said.
        message: String,
    },
    /// An OLE compound file of another application: an Excel `.xls`, a PowerPoint
    /// `.ppt`, ...
    NotWord {
        /// What the file is, e.g. `an Excel workbook (.xls)`.
        what: String,
    },
    /// An encrypted (password-protected) Word document, `.doc` or `.docx`.
    EncryptedDoc {
        /// What the file is.
        what: String,
    },
    /// A Word 97–2003 document whose structures cannot be read.
    Doc {
        /// The problem, naming the structure.
        message: String,
    },
    /// A required part is missing.
    MissingPart {
        /// The part name, e.g. `word/document.xml`.
        part: String,
    },
    /// A part, or the package as a whole, inflates past the size limit.
    TooLarge {
        /// The part being inflated.
        part: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// The package holds more entries than the limit.
    TooManyEntries {
        /// The number of entries.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// A zip entry could not be read.
    Zip {
        /// The part name.
        part: String,
        /// What the zip reader said.
        message: String,
    },
    /// A part is not well-formed XML.
    Xml {
        /// The part name.
        part: String,
        /// The byte offset in the part.
        position: u64,
        /// What the XML parser said.
        message: String,
    },
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

    /// An error of the given kind.
    pub fn new(kind: ErrorKind) -> Error {
        Error(Box::new(kind))
    }

    /// The package part the error is about, when there is one.
    pub fn part(&self) -> Option<&str> {
        match self.kind() {
            ErrorKind::MissingPart { part }
            | ErrorKind::TooLarge { part, .. }
            | ErrorKind::Zip { part, .. }
            | ErrorKind::Xml { part, .. } => Some(part),
            _ => None,
        }
    }
}

impl From<minutes_ooxml::Error> for Error {
    fn from(err: minutes_ooxml::Error) -> Error {
        use minutes_ooxml::ErrorKind as K;
        Error::new(match err.into_kind() {
            K::NotZip { message } => ErrorKind::NotZip { message },
            K::Encrypted => ErrorKind::Encrypted,
            K::MissingPart { part } => ErrorKind::MissingPart { part },
            K::TooLarge { part, limit } => ErrorKind::TooLarge { part, limit },
            K::TooManyEntries { count, limit } => {
                ErrorKind::TooManyEntries { count, limit }
            }
            K::Zip { part, message } => ErrorKind::Zip { part, message },
            K::Xml { part, position, message } => {
                ErrorKind::Xml { part, position, message }
            }
            other => ErrorKind::Package(other.to_string()),
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind() {
            ErrorKind::Package(message) => f.write_str(message),
            ErrorKind::NotZip { message } => {
                write!(f, "not a DOCX package (not a zip archive: {message})")
            }
            ErrorKind::Encrypted => f.write_str(
                "not a DOCX package: an OLE compound file, password-protected or legacy .doc",
            ),
            ErrorKind::Ole { message } => write!(
                f,
                "a corrupt OLE compound file ({message}): neither a readable .doc nor a \
                 password-protected Word document"
            ),
            ErrorKind::NotWord { what } => {
                write!(f, "{what}, not a Word document: there is no draft to read")
            }
            ErrorKind::EncryptedDoc { what } => write!(
                f,
                "{what}: it cannot be read without its password; save it unprotected"
            ),
            ErrorKind::Doc { message } => write!(f, "unreadable .doc: {message}"),
            ErrorKind::MissingPart { part } => write!(f, "missing part `{part}`"),
            ErrorKind::TooLarge { part, limit } => {
                write!(f, "part `{part}` inflates past the limit of {limit} bytes")
            }
            ErrorKind::TooManyEntries { count, limit } => {
                write!(f, "package holds {count} entries, more than the limit of {limit}")
            }
            ErrorKind::Zip { part, message } => {
                write!(f, "cannot read part `{part}`: {message}")
            }
            ErrorKind::Xml { part, position, message } => {
                write!(f, "malformed XML in `{part}` at byte {position}: {message}")
            }
        }
    }
}

impl std::error::Error for Error {}

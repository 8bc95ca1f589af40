//! The package error type, which is also the readers' (`minutes_read` re-exports it): the
//! OLE compound file of a Word 97–2003 `.doc` is a package too.

use std::fmt;

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// A package could not be opened or one of its parts could not be read.
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The package is not one a reader can use, with a message naming the problem.
    Package(String),
    /// The bytes are not a zip archive.
    NotZip {
        /// What the zip reader said.
        message: String,
    },
    /// The bytes are an OLE compound file: an encrypted (password-protected) Word file
    /// or a legacy binary `.doc`.
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
    /// A required part is missing from the package.
    MissingPart {
        /// The part name, e.g. `word/document.xml`.
        part: String,
    },
    /// A part is larger than the limit, or the package's parts together are.
    TooLarge {
        /// The part being inflated when the limit was hit.
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
    /// A zip entry could not be read (corrupt data, unsupported compression, encryption).
    Zip {
        /// The part name.
        part: String,
        /// What the zip reader said.
        message: String,
    },
    /// The output package could not be written.
    Write {
        /// What the zip writer said.
        message: String,
    },
    /// A part is not well-formed XML.
    Xml {
        /// The part name.
        part: String,
        /// The byte offset in the part where the problem was found.
        position: u64,
        /// What the XML parser said.
        message: String,
    },
}

impl Error {
    /// An error of the given kind.
    pub fn new(kind: ErrorKind) -> Error {
        Error(Box::new(kind))
    }

    /// A package error with a message naming the problem.
    pub fn package(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Package(message.into()))
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

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// Consumes the error and returns what went wrong.
    pub fn into_kind(self) -> ErrorKind {
        *self.0
    }

    /// An XML error in `part` at byte `position`.
    pub fn xml(part: &str, position: u64, message: impl fmt::Display) -> Error {
        Error::new(ErrorKind::Xml {
            part: part.to_string(),
            position,
            message: message.to_string(),
        })
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error::new(kind)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
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
            ErrorKind::Write { message } => {
                write!(f, "cannot write the DOCX package: {message}")
            }
            ErrorKind::Xml { part, position, message } => {
                write!(f, "malformed XML in `{part}` at byte {position}: {message}")
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind().fmt(f)
    }
}

impl std::error::Error for Error {}

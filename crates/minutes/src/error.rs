//! The facade's error type.

use std::fmt;

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// A draft could not be loaded.
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A reader failed (DOCX, `.doc`, or an OLE file that is not a Word document).
    Read(minutes_read::Error),
    /// The JSON model is invalid.
    Model(minutes_model::Error),
    /// The input is a JSON model where a Flow was asked for.
    NotAFlow,
    /// The input is empty (or white space only).
    Empty,
    /// The input is neither a zip package nor text: mostly control bytes.
    Binary,
    /// The input is a file of another kind, named: `a PDF document`, `a PNG image`.
    NotMinutes(&'static str),
    /// A format this build has no reader for (the browser page leaves HTML and XLSX to
    /// the command), named: `an HTML page`.
    NotBuiltIn(&'static str),
    /// A contributions list without the columns or Tdocs it needs.
    List(minutes_recognise::ListError),
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error(Box::new(kind))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind() {
            ErrorKind::Read(err) => err.fmt(f),
            ErrorKind::Model(err) => err.fmt(f),
            ErrorKind::NotAFlow => {
                f.write_str("a JSON model has no Flow: it is already recognised")
            }
            ErrorKind::Empty => f.write_str("empty file: there is no draft to read"),
            ErrorKind::List(err) => err.fmt(f),
            ErrorKind::NotMinutes(format) => write!(
                f,
                "{format}, not a draft: minutes are read from {}; export the draft to one of them",
                readable_formats()
            ),
            ErrorKind::NotBuiltIn(format) => write!(
                f,
                "{format}: this build of minutes has no reader for it; the `minutes` command reads it"
            ),
            ErrorKind::Binary => f.write_str(
                "binary data: not a DOCX package (no zip signature) and not a text draft",
            ),
        }
    }
}

/// The formats this build reads, as a user would name them: a build without the HTML or
/// XLSX reader (the browser page) must not suggest exporting to them.
fn readable_formats() -> &'static str {
    match (cfg!(feature = "xlsx"), cfg!(feature = "html")) {
        (true, true) => "DOCX, .doc, XLSX, HTML, Markdown or text",
        (true, false) => "DOCX, .doc, XLSX, Markdown or text",
        (false, true) => "DOCX, .doc, HTML, Markdown or text",
        (false, false) => "DOCX, .doc, Markdown or text",
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        // Read and Model errors display as themselves: their source is the inner error's,
        // or messages would repeat in a printed chain.
        match self.kind() {
            ErrorKind::Read(err) => err.source(),
            ErrorKind::Model(err) => err.source(),
            _ => None,
        }
    }
}

impl From<minutes_read::Error> for Error {
    fn from(err: minutes_read::Error) -> Error {
        Error::new(ErrorKind::Read(err))
    }
}

impl From<minutes_model::Error> for Error {
    fn from(err: minutes_model::Error) -> Error {
        Error::new(ErrorKind::Model(err))
    }
}

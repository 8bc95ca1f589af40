//! Official minutes DOCX: fills a template package with a Meeting.

use minutes_model::Meeting;

use crate::{Error, Result};

/// A template package (the built-in default or a user's `.docx`/`.dotx`).
#[derive(Debug, Clone)]
pub struct Template {
    bytes: Vec<u8>,
}

impl Template {
    /// The built-in oneM2M minutes template.
    pub fn builtin() -> Template {
        Template { bytes: Vec::new() }
    }

    /// A user's template package.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Template> {
        Ok(Template { bytes })
    }
}

/// Options of the DOCX writer.
#[derive(Debug, Clone, Default)]
pub struct DocxWriteOptions {}

/// Writes the official minutes of `meeting` by filling `template`.
pub fn write_docx(_meeting: &Meeting, template: &Template, _options: &DocxWriteOptions) -> Result<Vec<u8>> {
    let _ = &template.bytes;
    Err(Error::other("DOCX writing is not implemented yet"))
}

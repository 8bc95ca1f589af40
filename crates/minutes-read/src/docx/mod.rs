//! DOCX reader: a WordprocessingML package into Flow.

use minutes_flow::{Flow, Warned};

use crate::{Error, Result};

/// Options of the DOCX reader.
#[derive(Debug, Clone, Default)]
pub struct DocxOptions {}

/// Reads a DOCX package into a Flow.
pub fn read_docx(_bytes: &[u8], _options: &DocxOptions) -> Result<Warned<Flow>> {
    Err(Error::package("DOCX reading is not implemented yet"))
}

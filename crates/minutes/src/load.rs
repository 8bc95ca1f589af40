//! Sniffing and loading drafts.

use minutes_flow::{Flow, Warned};
use minutes_model::Meeting;
use minutes_read::{read_docx, read_text, DocxOptions};
use minutes_recognise::{model_diagnostic, recognise};

use crate::{Error, ErrorKind, Result};

/// What a draft is, decided from its content (DESIGN.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// A zip package: a WordprocessingML document.
    Docx,
    /// A JSON object: the Meeting model.
    Json,
    /// Anything else: a text export.
    Text,
}

/// A loaded draft.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// What the draft was.
    pub format: InputFormat,
    /// The meeting, with the readers' and recogniser's diagnostics.
    pub meeting: Meeting,
}

const ZIP: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP: &[u8] = b"PK\x05\x06";
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Decides what `bytes` are from their content: a zip package is DOCX, a JSON object is
/// the model, an OLE file is refused, anything else is text.
pub fn sniff(bytes: &[u8]) -> Result<InputFormat> {
    if bytes.starts_with(ZIP) || bytes.starts_with(EMPTY_ZIP) {
        return Ok(InputFormat::Docx);
    }
    if bytes.starts_with(OLE) {
        return Err(Error::new(ErrorKind::Ole));
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = text.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        return Ok(InputFormat::Json);
    }
    Ok(InputFormat::Text)
}

/// Reads a DOCX or text draft into a Flow.
pub fn read_flow(bytes: &[u8]) -> Result<Warned<Flow>> {
    match sniff(bytes)? {
        InputFormat::Docx => Ok(read_docx(bytes, &DocxOptions::default())?),
        InputFormat::Text => Ok(read_text(bytes)),
        InputFormat::Json => Err(Error::new(ErrorKind::NotAFlow)),
    }
}

/// Loads a draft: sniffs it, reads and recognises it (or loads a JSON model as it is).
pub fn load(bytes: &[u8]) -> Result<Loaded> {
    let format = sniff(bytes)?;
    if format == InputFormat::Json {
        let text = String::from_utf8_lossy(bytes);
        let meeting = Meeting::from_json(text.trim_start_matches('\u{feff}'))?;
        return Ok(Loaded { format, meeting });
    }
    let flow = read_flow(bytes)?;
    let mut meeting = recognise(&flow.output);
    let mut diagnostics: Vec<_> = flow.warnings.iter().map(model_diagnostic).collect();
    diagnostics.append(&mut meeting.diagnostics);
    meeting.diagnostics = diagnostics;
    Ok(Loaded { format, meeting })
}

//! Sniffing and loading drafts.

use minutes_flow::{Flow, Warned};
use minutes_model::Meeting;
use minutes_read::{read_docx, read_text, DocxOptions};
use minutes_recognise::model_diagnostic;

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
/// the model, anything else that reads as text is text. Refused: empty input, OLE files
/// (encrypted or legacy Word), and binary data (more than a tenth control bytes).
pub fn sniff(bytes: &[u8]) -> Result<InputFormat> {
    if bytes.starts_with(ZIP) || bytes.starts_with(EMPTY_ZIP) {
        return Ok(InputFormat::Docx);
    }
    if bytes.starts_with(OLE) {
        return Err(Error::new(ErrorKind::Ole));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::new(ErrorKind::Empty));
    }
    if is_binary(bytes) {
        return Err(Error::new(ErrorKind::Binary));
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = text.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        return Ok(InputFormat::Json);
    }
    Ok(InputFormat::Text)
}

/// Returns true if and only if more than a tenth of the first 64 KiB are control
/// characters other than white space: random bytes, images, executables. Text with a few
/// stray NULs is still text. UTF-16 (with its byte-order mark) is judged by code units.
fn is_binary(bytes: &[u8]) -> bool {
    const SAMPLE: usize = 64 * 1024;
    let control = |unit: u32| unit < 0x20 && !matches!(unit, 0x09 | 0x0A | 0x0C | 0x0D);
    let (controls, total) =
        if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
            let little = bytes.starts_with(b"\xFF\xFE");
            let units =
                bytes.get(2..).unwrap_or_default().chunks_exact(2).take(SAMPLE / 2).map(
                    |pair| {
                        let (a, b) = (
                            pair.first().copied().unwrap_or(0),
                            pair.get(1).copied().unwrap_or(0),
                        );
                        u32::from(if little {
                            u16::from_le_bytes([a, b])
                        } else {
                            u16::from_be_bytes([a, b])
                        })
                    },
                );
            units.fold((0usize, 0usize), |(c, t), unit| {
                (c + usize::from(control(unit)), t + 1)
            })
        } else {
            let sample = bytes.get(..SAMPLE).unwrap_or(bytes);
            (sample.iter().filter(|&&b| control(u32::from(b))).count(), sample.len())
        };
    controls * 10 > total
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
    load_with(bytes, &minutes_recognise::Options::default())
}

/// [`load`] with recognition options (a phrasebook, a forced body).
pub fn load_with(bytes: &[u8], options: &minutes_recognise::Options) -> Result<Loaded> {
    let format = sniff(bytes)?;
    if format == InputFormat::Json {
        let text = String::from_utf8_lossy(bytes);
        let meeting = Meeting::from_json(text.trim_start_matches('\u{feff}'))?;
        return Ok(Loaded { format, meeting });
    }
    let flow = read_flow(bytes)?;
    let mut meeting = minutes_recognise::recognise_with(&flow.output, options);
    let mut diagnostics: Vec<_> = flow.warnings.iter().map(model_diagnostic).collect();
    diagnostics.append(&mut meeting.diagnostics);
    meeting.diagnostics = diagnostics;
    Ok(Loaded { format, meeting })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(bytes: &[u8]) -> String {
        match sniff(bytes) {
            Ok(format) => format!("{format:?}"),
            Err(err) => err.to_string(),
        }
    }

    // Content decides; empty, OLE and binary inputs are refused with their reason.
    #[test]
    fn sniffing() {
        assert_eq!(kind(b"PK\x03\x04rest"), "Docx");
        assert_eq!(kind(b"\xEF\xBB\xBF  {\"sections\": []}"), "Json");
        assert_eq!(kind(b"1\nOpening\n"), "Text");
        assert!(kind(b"").starts_with("empty file"));
        assert!(kind(b" \n\t ").starts_with("empty file"));
        assert!(kind(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").contains("password-protected"));
        assert!(kind(&[0u8; 4096]).starts_with("binary data"));
        let random: Vec<u8> =
            (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert!(kind(&random).starts_with("binary data"));
        // A few stray NULs do not make a text binary; UTF-16 is judged by code units.
        assert_eq!(kind(b"1\nOpen\0ing\nSEC-2018-0061R04 was\0 AGREED\n"), "Text");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("1\nOpening\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(kind(&utf16), "Text");
    }
}

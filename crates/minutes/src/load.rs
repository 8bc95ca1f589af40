//! Sniffing and loading drafts.

use minutes_flow::{Flow, Warned};
use minutes_model::Meeting;
use std::path::Path;

use minutes_read::decode_text;
use minutes_read::{
    check_doc, package_kind, read_doc, read_docx, read_markdown, read_text, DocOptions,
    DocxOptions, PackageKind,
};
use minutes_recognise::model_diagnostic;

use crate::{Error, ErrorKind, Result};

/// What a draft is, decided from its content (DESIGN.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// A zip package: a WordprocessingML document.
    Docx,
    /// An OLE compound file holding a Word 97–2003 (or Word 6/95) document.
    Doc,
    /// A JSON object: the Meeting model.
    Json,
    /// Anything else: a text export.
    Text,
    /// An HTML page (`<!DOCTYPE html`, `<html`): a web page, Excel's or Word's export.
    Html,
    /// A zip package with `xl/workbook.xml`: an Excel workbook (Tdoc lists).
    Xlsx,
    /// Markdown: a `.md` file, or text with ATX headings (`# Title`) or a GFM table.
    Markdown,
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

/// Decides what `bytes` are from their content: a zip package is DOCX or XLSX by its
/// parts, an OLE file with a Word document is `.doc`, a JSON object is the model, an HTML
/// page is HTML, text with Markdown headings or tables is Markdown, anything else that
/// reads as text is text. Refused: empty input, encrypted Word documents and OLE files of
/// other applications (`.xls`, `.ppt`; named in the message), other zip packages (PPTX,
/// OpenDocument, plain archives), files whose signature names another format (PDF,
/// images, archives, RTF), and binary data (more than a tenth control bytes).
pub fn sniff(bytes: &[u8]) -> Result<InputFormat> {
    sniff_named(bytes, None)
}

/// [`sniff`], where the file's name can tell what content cannot: a text file named
/// `.md` or `.markdown` is Markdown. The content still comes first: a PDF named `.md` is
/// refused as a PDF.
pub fn sniff_named(bytes: &[u8], name: Option<&Path>) -> Result<InputFormat> {
    if bytes.starts_with(ZIP) || bytes.starts_with(EMPTY_ZIP) {
        return match package_kind(bytes) {
            PackageKind::Workbook => Ok(InputFormat::Xlsx),
            PackageKind::Presentation => {
                Err(not_minutes("a PowerPoint presentation (PPTX)"))
            }
            PackageKind::OpenDocument => {
                Err(not_minutes("an OpenDocument file (ODT, ODS or ODP)"))
            }
            PackageKind::Archive => {
                Err(not_minutes("a zip archive, not a Word or Excel package"))
            }
            _ => Ok(InputFormat::Docx),
        };
    }
    if bytes.starts_with(OLE) {
        check_doc(bytes)?;
        return Ok(InputFormat::Doc);
    }
    if let Some(format) = signature_format(bytes) {
        return Err(not_minutes(format));
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
    let head = decode_text(bytes.get(..SNIFF_TEXT).unwrap_or(bytes)).text;
    if looks_like_html(&head) {
        return Ok(InputFormat::Html);
    }
    if name.is_some_and(has_markdown_extension) || looks_like_markdown(&head) {
        return Ok(InputFormat::Markdown);
    }
    Ok(InputFormat::Text)
}

/// How much of a text file sniffing looks at.
const SNIFF_TEXT: usize = 64 * 1024;

/// Formats known by their first bytes that are not drafts, by name.
fn signature_format(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"%!PS", "a PostScript document"),
        (b"{\\rtf", "an RTF document"),
        (b"\x89PNG\r\n\x1A\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"II*\0", "a TIFF image"),
        (b"MM\0*", "a TIFF image"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"Rar!\x1A\x07", "a RAR archive"),
        (b"\xFD7zXZ\0", "an xz archive"),
        (b"\x28\xB5\x2F\xFD", "a Zstandard archive"),
    ];
    if let Some((_, format)) =
        SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic))
    {
        return Some(format);
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Some("a WebP image");
    }
    if bytes.starts_with(b"BZh") && bytes.get(4..10) == Some(b"1AY&SY") {
        return Some("a bzip2 archive");
    }
    if bytes.get(257..262) == Some(b"ustar") {
        return Some("a tar archive");
    }
    None
}

/// Returns true if and only if the text opens as an HTML page: a doctype, an `html`,
/// `head` or `body` tag, or markup that names `<html` early (after a comment or an XML
/// declaration, as XHTML and Office exports start).
fn looks_like_html(head: &str) -> bool {
    let start = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let opening: String =
        start.chars().take(1024).collect::<String>().to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|tag| opening.starts_with(tag))
        || (opening.starts_with('<') && opening.contains("<html"))
}

fn has_markdown_extension(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["md", "markdown", "mdown", "mkd"].iter().any(|m| e.eq_ignore_ascii_case(m))
    })
}

/// Returns true if and only if the text reads as Markdown: it opens with an ATX heading
/// (`# Title`), has two of them, or has a GFM table delimiter row (`|---|---|`). Word's
/// text exports have none of these.
fn looks_like_markdown(head: &str) -> bool {
    let is_atx = |line: &str| {
        let hashes = line.len() - line.trim_start_matches('#').len();
        (1..=6).contains(&hashes)
            && line.get(hashes..).is_some_and(|rest| {
                rest.starts_with([' ', '\t']) && !rest.trim().is_empty()
            })
    };
    let is_delimiter_row = |line: &str| {
        let line = line.trim();
        line.contains('|')
            && line.contains("---")
            && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
    };
    let mut lines = head.lines().filter(|line| !line.trim().is_empty());
    if lines.clone().next().is_some_and(is_atx) {
        return true;
    }
    let mut headings = 0;
    for line in lines.by_ref() {
        if is_delimiter_row(line) {
            return true;
        }
        headings += usize::from(is_atx(line));
        if headings >= 2 {
            return true;
        }
    }
    false
}

fn not_minutes(format: &'static str) -> Error {
    Error::new(ErrorKind::NotMinutes(format))
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

/// Reads a draft of any format [`sniff`] accepts into a Flow.
pub fn read_flow(bytes: &[u8]) -> Result<Warned<Flow>> {
    read_flow_named(bytes, None)
}

/// [`read_flow`], with the file's name for [`sniff_named`].
pub fn read_flow_named(bytes: &[u8], name: Option<&Path>) -> Result<Warned<Flow>> {
    read_format(bytes, sniff_named(bytes, name)?)
}

pub(crate) fn read_format(bytes: &[u8], format: InputFormat) -> Result<Warned<Flow>> {
    match format {
        InputFormat::Docx => Ok(read_docx(bytes, &DocxOptions::default())?),
        InputFormat::Doc => Ok(read_doc(bytes, &DocOptions::default())?),
        InputFormat::Text => Ok(read_text(bytes)),
        #[cfg(feature = "html")]
        InputFormat::Html => Ok(minutes_read::read_html(bytes)),
        #[cfg(feature = "xlsx")]
        InputFormat::Xlsx => Ok(minutes_read::read_xlsx(bytes)?),
        #[cfg(not(feature = "html"))]
        InputFormat::Html => Err(Error::new(ErrorKind::NotBuiltIn("an HTML page"))),
        #[cfg(not(feature = "xlsx"))]
        InputFormat::Xlsx => Err(Error::new(ErrorKind::NotBuiltIn("an Excel workbook"))),
        InputFormat::Markdown => Ok(read_markdown(bytes)),
        InputFormat::Json => Err(Error::new(ErrorKind::NotAFlow)),
    }
}

/// Loads a draft: sniffs it, reads and recognises it (or loads a JSON model as it is).
pub fn load(bytes: &[u8]) -> Result<Loaded> {
    load_named(bytes, None)
}

/// [`load`], with the file's name for [`sniff_named`].
pub fn load_named(bytes: &[u8], name: Option<&Path>) -> Result<Loaded> {
    load_with(bytes, name, &minutes_recognise::Options::default())
}

/// [`load_named`] with recognition options (a phrasebook, a forced body).
pub fn load_with(
    bytes: &[u8],
    name: Option<&Path>,
    options: &minutes_recognise::Options,
) -> Result<Loaded> {
    let format = sniff_named(bytes, name)?;
    if format == InputFormat::Json {
        let text = String::from_utf8_lossy(bytes);
        let meeting = Meeting::from_json(text.trim_start_matches('\u{feff}'))?;
        return Ok(Loaded { format, meeting });
    }
    let flow = read_format(bytes, format)?;
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

    // Pages, Markdown and workbooks by their content; other formats refused by name.
    #[test]
    fn sniffing_new_formats() {
        assert_eq!(kind(b"\n<!DOCTYPE html><p>x"), "Html");
        assert_eq!(kind(b"<HTML>\r\n<HEAD>"), "Html");
        assert_eq!(kind(b"<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"), "Html");
        assert_eq!(kind(b"\xEF\xBB\xBF<!-- saved -->\n<html>"), "Html");
        assert_eq!(kind(b"# Minutes\n\nText"), "Markdown");
        assert_eq!(kind(b"Minutes\n\n## One\n\n## Two\n"), "Markdown");
        assert_eq!(kind(b"Docs\n\n| Tdoc | Title |\n|---|:---:|\n"), "Markdown");
        // One `#` line deep in a text draft does not make it Markdown; a name can.
        assert_eq!(kind(b"1\nOpening\n# not a heading\n"), "Text");
        assert_eq!(
            sniff_named(b"1\nOpening\n", Some(Path::new("notes.MD"))).ok(),
            Some(InputFormat::Markdown)
        );
        for (bytes, format) in [
            (&b"%PDF-1.6\n%\xE2\xE3"[..], "a PDF document"),
            (b"\x89PNG\r\n\x1A\n\0\0", "a PNG image"),
            (b"\xFF\xD8\xFF\xE0", "a JPEG image"),
            (b"GIF89a", "a GIF image"),
            (b"\x1F\x8B\x08\0", "a gzip archive"),
            (b"{\\rtf1\\ansi", "an RTF document"),
        ] {
            assert!(
                kind(bytes).starts_with(&format!("{format}, not a draft")),
                "{}",
                kind(bytes)
            );
        }
        // A PDF named `.md` is still a PDF.
        assert!(sniff_named(b"%PDF-1.4", Some(Path::new("x.md"))).is_err());
    }
}

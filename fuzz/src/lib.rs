//! The fuzz targets' bodies, kept apart from `libfuzzer-sys` so that the integration tests
//! replay crash inputs through the very same code (`tests/regressions.rs` includes this
//! file with `#[path]`). Each function panics if and only if it found a bug: the library
//! panicked, or an invariant between formats did not hold.
//!
//! This file may use only the minutes crates, `zip`, `cfb` and std (the tests package has
//! no other dependency).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![allow(dead_code)]

use std::io::{Cursor, Write};

use minutes_model::Meeting;
use minutes_write::{
    write_dispositions, write_docx, CsvOptions, DocxWriteOptions, Template,
};
use zip::{write::SimpleFileOptions, CompressionMethod, ZipWriter};

/// Separates the parts of a structured `read_docx` input.
pub const PART_SEPARATOR: &[u8] = b"\n=====\n";

/// `read_text`: decoding and blocks; the flow is also rendered (`minutes flow`).
pub fn read_text(data: &[u8]) {
    let flow = minutes_read::read_text(data);
    let _ = minutes_flow::render_flow(&flow.output);
}

/// `recognise`: text → Flow → Meeting, then dispositions, CSV and the JSON round trip.
pub fn recognise(data: &[u8]) {
    let flow = minutes_read::read_text(data);
    let meeting = minutes_recognise::recognise(&flow.output);
    check_meeting(&meeting);
}

/// `read_html`: an HTML page → Flow (rendered, as `minutes flow` does) → Meeting, checked
/// as `recognise` checks text. The reader's own promises: no block without text, list
/// levels from 1, every table row with a cell.
pub fn read_html(data: &[u8]) {
    let flow = minutes_read::read_html(data);
    let _ = minutes_flow::render_flow(&flow.output);
    check_blocks(&flow.output.blocks);
    let meeting = minutes_recognise::recognise(&flow.output);
    check_meeting(&meeting);
}

fn check_blocks(blocks: &[minutes_flow::Block]) {
    use minutes_flow::BlockKind;
    for block in blocks {
        match &block.kind {
            BlockKind::Table(table) => {
                for row in &table.rows {
                    assert!(!row.cells.is_empty(), "empty row at {}", block.location);
                    for cell in &row.cells {
                        check_blocks(&cell.blocks);
                    }
                }
            }
            BlockKind::ListItem { level, text, .. } => {
                assert!(*level >= 1, "list level 0 at {}", block.location);
                assert!(!text.trim().is_empty(), "empty list item at {}", block.location);
            }
            _ => {
                let text = block.text().unwrap_or_default();
                assert!(!text.trim().is_empty(), "empty block at {}", block.location);
            }
        }
    }
}

/// What every writer relies on in a recognised Meeting.
fn check_meeting(meeting: &Meeting) {
    let dispositions = meeting.dispositions();
    let mut csv = Vec::new();
    write_dispositions(meeting, &CsvOptions::default(), &mut csv)
        .unwrap_or_else(|e| panic!("dispositions CSV failed: {e}"));
    // One CSV record per disposition, plus the header (records may span lines).
    let records = csv_records(&csv);
    assert_eq!(records, dispositions.len() + 1, "CSV records vs dispositions");
    meeting.validate().unwrap_or_else(|e| panic!("recognised meeting is invalid: {e}"));
    let json = meeting.to_json();
    let back = Meeting::from_json(&json)
        .unwrap_or_else(|e| panic!("JSON does not read back: {e}"));
    assert!(back == *meeting, "JSON round trip changed the meeting");
}

/// Counts RFC 4180 records: line feeds outside quotes, plus a last unterminated record.
fn csv_records(csv: &[u8]) -> usize {
    let mut quoted = false;
    let mut records = 0;
    for &b in csv {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => records += 1,
            _ => {}
        }
    }
    if csv.last().is_some_and(|&b| b != b'\n') {
        records += 1;
    }
    records
}

/// `read_docx`: a package as it is (bytes starting with `PK`) or one built around fuzzed
/// parts by [`build_package`]. A package that reads is recognised too.
pub fn read_docx(data: &[u8]) {
    let owned;
    let bytes = if data.starts_with(b"PK") {
        data
    } else {
        owned = build_package(data);
        &owned[..]
    };
    let options = minutes_read::DocxOptions::default();
    if let Ok(flow) = minutes_read::read_docx(bytes, &options) {
        let _ = minutes_flow::render_flow(&flow.output);
        let meeting = minutes_recognise::recognise(&flow.output);
        check_meeting(&meeting);
    }
}

/// The signature of an OLE compound file.
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// `read_doc`: an OLE file as it is (bytes starting with the OLE signature) or one built
/// around fuzzed streams by [`build_doc`]. Sniffing must not panic on it either; a
/// document that reads is recognised too.
pub fn read_doc(data: &[u8]) {
    let owned;
    let bytes = if data.starts_with(OLE) {
        data
    } else {
        owned = build_doc(data);
        &owned[..]
    };
    let _ = minutes::sniff(bytes);
    if let Ok(flow) = minutes_read::read_doc(bytes, &minutes_read::DocOptions::default())
    {
        let _ = minutes_flow::render_flow(&flow.output);
        let meeting = minutes_recognise::recognise(&flow.output);
        check_meeting(&meeting);
    }
}

/// Builds an OLE compound file from `data`: the `WordDocument` stream, then
/// [`PART_SEPARATOR`] and the `1Table` stream (the FIB's `fWhichTblStm` picks `1Table`
/// or `0Table`; both are written).
pub fn build_doc(data: &[u8]) -> Vec<u8> {
    let mut parts = split(data, PART_SEPARATOR);
    parts.resize(2, &[]);
    let Ok(mut compound) = cfb::CompoundFile::create(Cursor::new(Vec::new())) else {
        return Vec::new();
    };
    for (name, bytes) in
        [("/WordDocument", parts[0]), ("/1Table", parts[1]), ("/0Table", parts[1])]
    {
        if let Ok(mut stream) = compound.create_stream(name) {
            let _ = stream.write_all(bytes);
        }
    }
    let _ = compound.flush();
    compound.into_inner().into_inner()
}

/// Builds a DOCX package from `data`: a flags byte, then parts separated by
/// [`PART_SEPARATOR`]: `word/document.xml`, `word/styles.xml`, `word/numbering.xml`.
///
/// Flags: bit 0 leaves out `[Content_Types].xml`, bit 1 leaves out `_rels/.rels`, bit 2
/// leaves out the styles and numbering relationships, bit 3 deflates the parts, bit 4
/// wraps the document part in `<w:document><w:body>…</w:body></w:document>`, bit 5 names
/// the main part `word/main.xml` (found through the relationship only).
pub fn build_package(data: &[u8]) -> Vec<u8> {
    let (flags, rest) = match data.split_first() {
        Some((&flags, rest)) => (flags, rest),
        None => (0, data),
    };
    let mut parts = split(rest, PART_SEPARATOR);
    parts.resize(3, &[]);
    let main = if flags & 32 != 0 { "word/main.xml" } else { "word/document.xml" };
    let mut document = Vec::new();
    if flags & 16 != 0 {
        document.extend_from_slice(
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#,
        );
        document.extend_from_slice(parts[0]);
        document.extend_from_slice(b"</w:body></w:document>");
    } else {
        document.extend_from_slice(parts[0]);
    }
    let method = if flags & 8 != 0 {
        CompressionMethod::Deflated
    } else {
        CompressionMethod::Stored
    };
    let options = SimpleFileOptions::default().compression_method(method);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let mut add = |name: &str, bytes: &[u8]| {
        let _ = zip.start_file(name, options);
        let _ = zip.write_all(bytes);
    };
    if flags & 1 == 0 {
        add("[Content_Types].xml", content_types(main).as_bytes());
    }
    if flags & 2 == 0 {
        add("_rels/.rels", package_rels(main).as_bytes());
    }
    if flags & 4 == 0 {
        add("word/_rels/main.xml.rels", DOCUMENT_RELS.as_bytes());
        add("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes());
    }
    add(main, &document);
    add("word/styles.xml", parts[1]);
    add("word/numbering.xml", parts[2]);
    zip.finish().map(Cursor::into_inner).unwrap_or_default()
}

/// The bytes of `data` between occurrences of `separator`.
fn split<'a>(data: &'a [u8], separator: &[u8]) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    let mut rest = data;
    while let Some(at) = rest.windows(separator.len()).position(|w| w == separator) {
        parts.push(&rest[..at]);
        rest = &rest[at + separator.len()..];
    }
    parts.push(rest);
    parts
}

fn content_types(main: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/{main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"#
    )
}

fn package_rels(main: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{main}"/></Relationships>"#
    )
}

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;

/// `roundtrip`: fuzzed text → Meeting → official DOCX (built-in template) → Meeting; the
/// fields that must survive (see [`Survivors`]) are compared.
pub fn roundtrip(data: &[u8]) {
    let flow = minutes_read::read_text(data);
    let meeting = minutes_recognise::recognise(&flow.output);
    roundtrip_meeting(&meeting);
}

/// Writes `meeting` as the official DOCX, reads it back and compares what must survive.
pub fn roundtrip_meeting(meeting: &Meeting) {
    let docx = write_docx(meeting, &Template::builtin(), &DocxWriteOptions::default())
        .unwrap_or_else(|e| panic!("write_docx failed on a recognised meeting: {e}"));
    let loaded = minutes::load(&docx)
        .unwrap_or_else(|e| panic!("written DOCX does not read: {e}"));
    let before = Survivors::of(meeting);
    let after = Survivors::of(&loaded.meeting);
    before.assert_eq(&after);
}

/// `text` without the characters XML 1.0 cannot carry (C0 controls other than TAB, LF and
/// CR; U+FFFE and U+FFFF; XML 1.0 §2.2 `Char`): a DOCX writer must drop them, so they
/// cannot survive the round trip.
pub fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
                || c >= '\u{10000}'
        })
        .collect()
}

/// The fields of a Meeting that must survive Meeting → DOCX → Meeting.
#[derive(Debug, PartialEq, Eq)]
pub struct Survivors {
    /// (tdoc, status) of every disposition.
    pub dispositions: Vec<(String, String)>,
    /// (number, title) of every section.
    pub sections: Vec<(String, String)>,
    /// (tdoc, title, source) of every contribution.
    pub contributions: Vec<(String, String, String)>,
    /// (reference, what, who, status) of every action item.
    pub actions: Vec<(String, String, String, String)>,
    /// The cover fields.
    pub cover: Vec<String>,
}

impl Survivors {
    /// The surviving fields of `meeting`.
    pub fn of(meeting: &Meeting) -> Survivors {
        Survivors {
            dispositions: meeting
                .dispositions()
                .into_iter()
                .map(|d| (d.tdoc.to_string(), d.status.as_str().to_string()))
                .collect(),
            sections: meeting
                .all_sections()
                .into_iter()
                .map(|s| (xml_text(&s.number), xml_text(&s.title)))
                .collect(),
            contributions: meeting
                .all_contributions()
                .into_iter()
                .map(|(_, c)| {
                    (c.tdoc.to_string(), xml_text(&c.title), xml_text(&c.source))
                })
                .collect(),
            actions: meeting
                .action_items
                .iter()
                .map(|a| {
                    let a =
                        [&a.reference, &a.what, &a.who, &a.status].map(|f| xml_text(f));
                    let [reference, what, who, status] = a;
                    (reference, what, who, status)
                })
                .collect(),
            cover: {
                let c = &meeting.cover;
                let field = |f: &Option<String>| f.as_deref().map(xml_text);
                vec![
                    format!("title={:?}", field(&c.title)),
                    format!("chair={:?}", field(&c.chair)),
                    format!(
                        "vice_chairs={:?}",
                        c.vice_chairs.iter().map(|v| xml_text(v)).collect::<Vec<_>>()
                    ),
                    format!("secretary={:?}", field(&c.secretary)),
                    format!("date={:?}", field(&c.date)),
                    format!("purpose={:?}", c.purpose),
                ]
            },
        }
    }

    /// Panics with the first difference.
    pub fn assert_eq(&self, after: &Survivors) {
        assert_eq!(
            self.dispositions, after.dispositions,
            "dispositions (tdoc, status) changed"
        );
        assert_eq!(self.sections, after.sections, "sections (number, title) changed");
        assert_eq!(self.contributions, after.contributions, "contributions changed");
        assert_eq!(self.actions, after.actions, "action items changed");
        assert_eq!(self.cover, after.cover, "cover fields changed");
    }
}

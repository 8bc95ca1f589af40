//! Unit tests of the DOCX reader on small packages built in memory.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]

use std::io::{Cursor, Write};

use minutes_flow::{render_flow, Block, BlockKind, Cell, Flow, Span};
use pretty_assertions::assert_eq;
use zip::{write::SimpleFileOptions, ZipWriter};

use crate::{read_docx, DocxOptions, ErrorKind};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math""#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="/word/numbering.xml"/></Relationships>"#;

/// Zips the given parts into a package.
fn zip_parts(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in parts {
        writer.start_file(*name, SimpleFileOptions::default()).unwrap();
        writer.write_all(data.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// A package whose body is `body`, with the given styles and numbering parts.
fn package(body: &str, styles: &str, numbering: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
    );
    let styles = format!(r#"<w:styles xmlns:w="{W}">{styles}</w:styles>"#);
    let numbering = format!(r#"<w:numbering xmlns:w="{W}">{numbering}</w:numbering>"#);
    zip_parts(&[
        ("_rels/.rels", PACKAGE_RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/document.xml", &document),
        ("word/styles.xml", &styles),
        ("word/numbering.xml", &numbering),
    ])
}

fn read(body: &str) -> Flow {
    read_with(body, "", "")
}

fn read_with(body: &str, styles: &str, numbering: &str) -> Flow {
    let warned =
        read_docx(&package(body, styles, numbering), &DocxOptions::default()).unwrap();
    assert_eq!(warned.warnings, []);
    warned.output
}

fn texts(flow: &Flow) -> Vec<String> {
    flow.blocks.iter().map(|b| b.text().unwrap_or("<table>").to_string()).collect()
}

fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn loc(index: u32) -> Span {
    Span::Paragraph { part: "word/document.xml".into(), index }
}

const HEADING_STYLES: &str = r#"
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="Heading 2"/><w:basedOn w:val="berschrift1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
    <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="ListBullet2"><w:name w:val="List Bullet 2"/></w:style>"#;

const HEADING_NUMBERING: &str = r#"
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="6"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pStyle w:val="berschrift1"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="1">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#;

// Plain paragraphs with tabs, breaks, hyphens and entity references; empty ones dropped.
#[test]
fn paragraphs_and_inline_text() {
    let flow = read(concat!(
        r#"<w:p><w:r><w:t>A&amp;B</w:t><w:tab/><w:t xml:space="preserve">c </w:t></w:r>"#,
        r#"<w:r><w:t>d</w:t><w:br/><w:t>e</w:t><w:noBreakHyphen/><w:t>f</w:t><w:softHyphen/><w:t>g&#x2612;</w:t></w:r></w:p>"#,
        r#"<w:p/><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr></w:p>"#,
        r#"<w:p><w:r><w:t>Two</w:t></w:r></w:p>"#,
    ));
    assert_eq!(texts(&flow), ["A&B\tc d\ne\u{2011}fg☒", "Two"]);
    assert_eq!(flow.blocks[0].location, loc(1));
    assert_eq!(flow.blocks[1].location, loc(4));
}

// Elements are matched by namespace URI: an `ns0:` prefix and Strict OOXML both work.
#[test]
fn namespaces_by_uri() {
    for uri in [W, "http://purl.oclc.org/ooxml/wordprocessingml/main"] {
        let document = format!(
            r#"<ns0:document xmlns:ns0="{uri}"><ns0:body><ns0:p><ns0:r><ns0:t>Hi</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>"#
        );
        let bytes =
            zip_parts(&[("_rels/.rels", PACKAGE_RELS), ("word/document.xml", &document)]);
        let flow = read_docx(&bytes, &DocxOptions::default()).unwrap().output;
        assert_eq!(texts(&flow), ["Hi"]);
    }
}

// Prefixes resolve by scope: rebound on an element (empty or not) only inside it, long
// prefixes too (the body parser remembers what prefixes resolve to between declarations).
#[test]
fn namespaces_by_scope() {
    let flow = read(&format!(
        r#"{}<w:p xmlns:w="urn:other"><w:r><w:t>not w</w:t></w:r></w:p>{}<x:p xmlns:x="{W}"><x:r><x:t>C</x:t></x:r></x:p><w:p><w:r><w:br xmlns:w="urn:other"/><w:t>D</w:t></w:r></w:p><longprefix:p xmlns:longprefix="{W}"><longprefix:r><longprefix:t>E</longprefix:t></longprefix:r></longprefix:p>"#,
        p("A"),
        p("B"),
    ));
    assert_eq!(texts(&flow), ["A", "B", "C", "D", "E"]);
}

// The main part is found through `_rels/.rels`, whatever its name.
#[test]
fn main_part_from_rels() {
    let rels = PACKAGE_RELS.replace("word/document.xml", "/content/main.xml");
    let document =
        format!(r#"<w:document {NS}><w:body>{}</w:body></w:document>"#, p("x"));
    let bytes = zip_parts(&[("_rels/.rels", &rels), ("content/main.xml", &document)]);
    let flow = read_docx(&bytes, &DocxOptions::default()).unwrap().output;
    assert_eq!(
        flow.blocks[0].location,
        Span::Paragraph { part: "content/main.xml".into(), index: 1 }
    );
}

// Errors name the problem: OLE files, non-zips, missing and malformed parts.
#[test]
fn errors() {
    let options = DocxOptions::default();
    let ole = read_docx(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0], &options).unwrap_err();
    assert_eq!(ole.kind(), &ErrorKind::Encrypted);
    assert!(ole.to_string().contains("password-protected or legacy .doc"));
    let not_zip = read_docx(b"plain text", &options).unwrap_err();
    assert!(matches!(not_zip.kind(), ErrorKind::NotZip { .. }));
    let missing = read_docx(&zip_parts(&[("a.txt", "")]), &options).unwrap_err();
    assert_eq!(missing.to_string(), "missing part `word/document.xml`");
    let bad = zip_parts(&[("word/document.xml", "<w:document><w:body></w:p>")]);
    let err = read_docx(&bad, &options).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Xml { .. }), "{err}");
    assert!(err.to_string().contains("word/document.xml"), "{err}");
}

// A part with bytes that are not UTF-8 outside the text read is still read; inside it,
// refused.
#[test]
fn text_of_a_part_not_all_utf8() {
    let part = |body: &[u8]| {
        let mut document = format!(r#"<w:document {NS}><w:body>"#).into_bytes();
        document.extend_from_slice(body);
        document.extend_from_slice(b"</w:body></w:document>");
        let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
        writer.start_file("word/document.xml", SimpleFileOptions::default()).unwrap();
        writer.write_all(&document).unwrap();
        writer.finish().unwrap().into_inner()
    };
    let options = DocxOptions::default();
    let flow =
        read_docx(&part(b"<w:p w:x=\"\xE9\"><w:r><w:t>ok</w:t></w:r></w:p>"), &options)
            .unwrap()
            .output;
    assert_eq!(texts(&flow), ["ok"]);
    let err =
        read_docx(&part(b"<w:p><w:r><w:t>\xE9</w:t></w:r></w:p>"), &options).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Xml { .. }), "{err}");
}

// Headings from outline levels and localised built-in styles, numbered as Word shows them;
// Title stays a paragraph; a typed number stays in the text.
#[test]
fn headings_and_numbers() {
    let flow = read_with(
        concat!(
            r#"<w:p><w:pPr><w:pStyle w:val="Titel"/></w:pPr><w:r><w:t>Minutes</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:r><w:t>Opening</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:pStyle w:val="berschrift2"/></w:pPr><w:r><w:t>Agenda</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:pStyle w:val="berschrift2"/></w:pPr><w:r><w:t>Minutes</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:r><w:t>Reports</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:pStyle w:val="berschrift2"/></w:pPr><w:r><w:t>First</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>9.9 Typed</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:pStyle w:val="berschrift1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Annex</w:t></w:r></w:p>"#,
        ),
        HEADING_STYLES,
        HEADING_NUMBERING,
    );
    let kinds: Vec<BlockKind> = flow.blocks.into_iter().map(|b| b.kind).collect();
    let h = |level, number: Option<&str>, text: &str| BlockKind::Heading {
        level,
        number: number.map(str::to_string),
        text: text.into(),
    };
    assert_eq!(
        kinds,
        [
            BlockKind::Paragraph { text: "Minutes".into(), style: Some("Title".into()) },
            h(1, Some("6"), "Opening"),
            h(2, Some("6.1"), "Agenda"),
            h(2, Some("6.2"), "Minutes"),
            h(1, Some("7"), "Reports"),
            h(2, Some("7.1"), "First"),
            h(3, None, "9.9 Typed"),
            h(1, None, "Annex"),
        ]
    );
}

// Bulleted and numbered paragraphs become list items, numbered ones with their label as
// displayed; list styles without numbering too; `numId` 0 switches numbering off.
#[test]
fn list_items() {
    let flow = read_with(
        concat!(
            r#"<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>One</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr><w:r><w:t>Sub</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>Two</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:pStyle w:val="ListBullet2"/></w:pPr><w:r><w:t>Styled</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Plain</w:t></w:r></w:p>"#,
        ),
        HEADING_STYLES,
        HEADING_NUMBERING,
    );
    assert_eq!(render_flow(&flow), "- One\n  a) Sub\n- Two\n  - Styled\nPlain\n");
    let BlockKind::ListItem { label, text, .. } = &flow.blocks[1].kind else { panic!() };
    assert_eq!((label.as_deref(), text.as_str()), (Some("a)"), "Sub"));
}

// Tables: one cell per `w:tc` whatever its span, vertical-merge continuations empty,
// `w:gridBefore` skipped, nested tables, the table's location on its cells' blocks.
#[test]
fn tables() {
    let flow = read(&format!(
        concat!(
            "{}",
            r#"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"#,
            r#"<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>{}</w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>{}</w:tc></w:tr>"#,
            r#"<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc>{}{}</w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>"#,
            r#"<w:tr><w:tc><w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr>"#,
            r#"</w:tbl>"#,
        ),
        p("before"),
        p("wide"),
        p("tall"),
        p("b"),
        p("c"),
        p("inner"),
    ));
    assert_eq!(flow.blocks.len(), 2);
    let BlockKind::Table(table) = &flow.blocks[1].kind else { panic!("not a table") };
    assert_eq!(flow.blocks[1].location, loc(2));
    let cells: Vec<Vec<String>> =
        table.rows.iter().map(|r| r.cells.iter().map(Cell::text).collect()).collect();
    assert_eq!(cells, [vec!["wide", "tall"], vec!["b\nc", ""], vec!["inner"]]);
    assert_eq!(table.rows[1].cells[0].blocks[0].location, loc(2));
    let nested = &table.rows[2].cells[0].blocks[0];
    assert!(matches!(nested.kind, BlockKind::Table(_)));
}

// Checkboxes: a `w14:checkbox` content control shows its state, not its glyph; legacy
// FORMCHECKBOX fields read `w:checked` (with or without a value) else `w:default`;
// Wingdings symbols and private-use characters become ☒/☐.
#[test]
fn checkboxes() {
    let sdt = |checked: &str, glyph: &str| {
        format!(
            r#"<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="{checked}"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"#
        )
    };
    let field = |ff: &str| {
        format!(
            r#"<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox>{ff}</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
        )
    };
    let body = [
        format!(r#"<w:p>{}<w:r><w:t xml:space="preserve"> Decision</w:t></w:r></w:p>"#, sdt("1", "☐")),
        format!(r#"<w:p>{}<w:r><w:t xml:space="preserve"> Discussion</w:t></w:r></w:p>"#, sdt("0", "☒")),
        format!(r#"<w:p>{}<w:r><w:t>a</w:t></w:r></w:p>"#, field(r#"<w:sizeAuto/><w:default w:val="0"/><w:checked/>"#)),
        format!(r#"<w:p>{}<w:r><w:t>b</w:t></w:r></w:p>"#, field(r#"<w:default w:val="1"/>"#)),
        format!(r#"<w:p>{}<w:r><w:t>c</w:t></w:r></w:p>"#, field(r#"<w:default w:val="1"/><w:checked w:val="off"/>"#)),
        r#"<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FE"/><w:t>d</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r></w:p>"#.to_string(),
        "<w:p><w:r><w:rPr><w:rFonts w:ascii=\"Wingdings\" w:hAnsi=\"Wingdings\"/></w:rPr><w:t>\u{F078}\u{F06F}</w:t></w:r><w:r><w:t>e</w:t></w:r></w:p>".to_string(),
    ]
    .concat();
    // A label inside a checkbox control's content is kept, its glyph is not.
    let labelled = r#"<w:p><w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic"/></w:rPr><w:t>☐</w:t></w:r><w:r><w:t xml:space="preserve"> Other</w:t></w:r></w:sdtContent></w:sdt></w:p>"#;
    let flow = read(&(body + labelled));
    assert_eq!(
        texts(&flow),
        ["☒ Decision", "☐ Discussion", "☒a", "☒b", "☐c", "☒d☐", "☒☐e", "☒ Other"]
    );
}

// Fields show their result and hide their instruction, nested fields included;
// `w:fldSimple` shows its children; a field may span paragraphs.
#[test]
fn fields() {
    let flow = read(concat!(
        r#"<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>MERGEFIELD x</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>hidden</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>result</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        r#"<w:fldSimple w:instr=" PAGE "><w:r><w:t xml:space="preserve"> 3</w:t></w:r></w:fldSimple></w:p>"#,
        r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Entry 1</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:t>Entry 2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
    ));
    assert_eq!(texts(&flow), ["See result 3", "Entry 1", "Entry 2"]);
}

// Tracked changes: insertions kept, deletions dropped, a deleted paragraph mark joins
// the paragraph with the next (which keeps its own properties).
#[test]
fn tracked_changes() {
    let flow = read(concat!(
        r#"<w:p><w:ins><w:r><w:t xml:space="preserve">new </w:t></w:r></w:ins><w:del><w:r><w:delText>old </w:delText></w:r></w:del>"#,
        r#"<w:moveFrom><w:r><w:t>gone</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>moved</w:t></w:r></w:moveTo></w:p>"#,
        r#"<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">split </w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:t>paragraph</w:t></w:r></w:p>"#,
    ));
    assert_eq!(texts(&flow), ["new moved", "split paragraph"]);
    assert_eq!(flow.blocks[1].location, loc(2));
}

// `mc:AlternateContent` takes the understood Choice or else the Fallback, never both;
// text boxes follow their paragraph; smart tags, hyperlinks and content controls are
// read through; ruby guide text is not body text.
#[test]
fn alternate_content_and_text_boxes() {
    let text_box = |text: &str| format!("<w:txbxContent>{}</w:txbxContent>", p(text));
    let flow = read(&format!(
        concat!(
            r#"<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent>"#,
            r#"<mc:Choice Requires="wps"><w:drawing><wps:txbx>{}</wps:txbx></w:drawing></mc:Choice>"#,
            r#"<mc:Fallback><w:pict><v:textbox>{}</v:textbox></w:pict></mc:Fallback>"#,
            r#"</mc:AlternateContent></w:r></w:p>"#,
            r#"<w:p><w:r><mc:AlternateContent xmlns:x9="urn:unknown"><mc:Choice Requires="x9"><w:t>new</w:t></mc:Choice><mc:Fallback><w:t>old</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
            r#"<w:p><w:hyperlink><w:smartTag><w:r><w:t>link</w:t></w:r></w:smartTag></w:hyperlink><w:sdt><w:sdtContent><w:r><w:t xml:space="preserve"> sdt</w:t></w:r></w:sdtContent></w:sdt></w:p>"#,
            r#"<w:p><w:r><w:ruby><w:rt><w:r><w:t>とうきょう</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>東京</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>"#,
        ),
        text_box("In the box"),
        text_box("In the box"),
    ));
    assert_eq!(texts(&flow), ["Anchor", "In the box", "old", "link sdt", "東京"]);
    assert_eq!(flow.blocks[1].location, loc(1));
}

// Comments add nothing to the body text; a footnote reference shows its marker, and a
// note missing from the package adds nothing after the body.
#[test]
fn comments_skipped_notes_marked() {
    let flow = read(concat!(
        r#"<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Body</w:t></w:r><w:commentRangeEnd w:id="0"/>"#,
        r#"<w:r><w:commentReference w:id="0"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#,
    ));
    assert_eq!(texts(&flow), ["Body[1]"]);
}

/// A package with footnotes and endnotes parts.
fn package_with_notes(body: &str, footnotes: &str, endnotes: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
    );
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="/word/endnotes.xml"/></Relationships>"#;
    let footnotes = format!(r#"<w:footnotes xmlns:w="{W}">{footnotes}</w:footnotes>"#);
    let endnotes = format!(r#"<w:endnotes xmlns:w="{W}">{endnotes}</w:endnotes>"#);
    zip_parts(&[
        ("_rels/.rels", PACKAGE_RELS),
        ("word/_rels/document.xml.rels", rels),
        ("word/document.xml", &document),
        ("word/footnotes.xml", &footnotes),
        ("word/endnotes.xml", &endnotes),
    ])
}

// Footnotes and endnotes: a marker at each reference, numbered in order of appearance
// across both kinds; the notes after the body, styled, starting with their marker;
// separators skipped; the note's own reference mark not repeated.
#[test]
fn footnotes_and_endnotes() {
    let separators = concat!(
        r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"#,
        r#"<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>cont</w:t></w:r></w:p></w:footnote>"#,
    );
    let footnotes = format!(
        r#"{separators}<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> A note.</w:t></w:r></w:p><w:p><w:r><w:t>More.</w:t></w:r></w:p></w:footnote>"#
    );
    let endnotes = r#"<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>The end.</w:t></w:r></w:p></w:endnote>"#;
    let body = concat!(
        r#"<w:p><w:r><w:t>Text.</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r>"#,
        r#"<w:r><w:t xml:space="preserve"> Then</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#,
    );
    let warned = read_docx(
        &package_with_notes(body, &footnotes, endnotes),
        &DocxOptions::default(),
    )
    .unwrap();
    assert_eq!(warned.warnings, []);
    let flow = warned.output;
    assert_eq!(
        render_flow(&flow),
        "Text.[1] Then[2]\n[1] The end.\n[2] A note.\nMore.\n"
    );
    let styles: Vec<Option<&str>> = flow
        .blocks
        .iter()
        .map(|b| match &b.kind {
            BlockKind::Paragraph { style, .. } => style.as_deref(),
            _ => None,
        })
        .collect();
    assert_eq!(
        styles,
        [None, Some("endnote text"), Some("footnote text"), Some("footnote text")]
    );
}

// Image alt text shows in brackets; superscript and subscript digits as Unicode forms
// (other superscript text as written); hidden text (`w:vanish`) is not shown; Office
// Math as linear TeX-like text.
#[test]
fn alt_text_scripts_hidden_math() {
    let flow = read(concat!(
        r#"<w:p xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:r><w:t xml:space="preserve">See </w:t></w:r>"#,
        r#"<w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" descr="A  blue&#10;square"/></wp:inline></w:drawing></w:r></w:p>"#,
        r#"<w:p><w:r><w:t>m</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r>"#,
        r#"<w:r><w:t xml:space="preserve"> H</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="subscript"/></w:rPr><w:t>2</w:t></w:r><w:r><w:t>O</w:t></w:r>"#,
        r#"<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t xml:space="preserve"> th</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:t xml:space="preserve">Shown </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t><w:tab/></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>too</w:t></w:r></w:p>"#,
        r#"<w:p><m:oMath><m:r><m:t>x=</m:t></m:r><m:f><m:num><m:r><m:t>a</m:t></m:r></m:num><m:den><m:sSup><m:e><m:r><m:t>b</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:den></m:f>"#,
        r#"<m:nary><m:naryPr><m:chr m:val="∑"/></m:naryPr><m:sub><m:r><m:t>i</m:t></m:r></m:sub><m:sup/><m:e><m:rad><m:deg/><m:e><m:r><m:t>i</m:t></m:r></m:e></m:rad></m:e></m:nary>"#,
        r#"<m:nary><m:naryPr/><m:sub/><m:sup/><m:e><m:r><m:t>f</m:t></m:r></m:e></m:nary>"#,
        r#"<m:acc><m:accPr><m:chr m:val="&#x303;"/></m:accPr><m:e><m:r><m:t>y</m:t></m:r></m:e></m:acc><m:acc><m:e><m:r><m:t>z</m:t></m:r></m:e></m:acc>"#,
        r#"<m:bar><m:barPr/><m:e><m:r><m:t>w</m:t></m:r></m:e></m:bar></m:oMath></w:p>"#,
    ));
    assert_eq!(
        texts(&flow),
        [
            "See [A blue square]",
            "m² H₂O th",
            "Shown too",
            "x=\\frac{a}{{b}^{2}}\\sum_{i}^{}{\\sqrt[]{i}}\\int_{}^{}{f}\\tilde{y}\\hat{z}\\overline{w}",
        ]
    );
}

// Nesting past quick-xml's 16-bit namespace-scope counter (65,535) stops the reading of
// the part with a warning instead of panicking; the text before it is kept.
#[test]
fn nesting_beyond_the_xml_limit_stops_reading() {
    let depth = 70_000;
    let body = format!(
        "{}{}{}{}",
        p("Before"),
        r#"<x:a xmlns:x="urn:x">"#.repeat(depth),
        "</x:a>".repeat(depth),
        p("After")
    );
    let warned = read_docx(&package(&body, "", ""), &DocxOptions::default()).unwrap();
    assert_eq!(texts(&warned.output), ["Before"]);
    assert!(warned.warnings.iter().any(|w| w.message.contains("deeper than 50000")));
}

// Hostile nesting: 10,000 nested tables neither overflow the stack nor lose the text
// before them; the deeper content is skipped with a warning.
#[test]
fn deep_nesting_is_capped() {
    let depth = 10_000;
    let mut body = p("first");
    for _ in 0..depth {
        body.push_str("<w:tbl><w:tr><w:tc>");
    }
    body.push_str(&p("deep"));
    for _ in 0..depth {
        body.push_str("</w:tc></w:tr></w:tbl>");
    }
    body.push_str(&p("last"));
    let warned = read_docx(&package(&body, "", ""), &DocxOptions::default()).unwrap();
    assert_eq!(warned.output.blocks.first().and_then(Block::text), Some("first"));
    assert_eq!(warned.output.blocks.last().and_then(Block::text), Some("last"));
    assert_eq!(warned.warnings.len(), 1);
    assert!(warned.warnings[0].message.contains("deeper than"));
}

// Arbitrary bytes, and a package with a random document part, never panic.
#[test]
fn garbage_never_panics() {
    use proptest::prelude::*;
    proptest!(ProptestConfig::with_cases(200), |(bytes in proptest::collection::vec(any::<u8>(), 0..200))| {
        let _ = read_docx(&bytes, &DocxOptions::default());
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let doc = zip_parts(&[("word/document.xml", &format!("<w:document {NS}><w:body><w:p>{text}"))]);
        let _ = read_docx(&doc, &DocxOptions::default());
    });
}

// `w:numStyleLink` leads through a numbering style to the definition that has the levels;
// a `w:lvlOverride` with its own `w:lvl` and `w:startOverride` restarts a list.
#[test]
fn numbering_links_and_overrides() {
    let styles = r#"
        <w:style w:type="numbering" w:styleId="Outline"><w:name w:val="Outline"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>"#;
    let numbering = r#"
        <w:abstractNum w:abstractNumId="1"><w:styleLink w:val="Outline"/>
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="Outline"/></w:abstractNum>
        <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>
        <w:num w:numId="7"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="Annex %1"/></w:lvl></w:lvlOverride></w:num>"#;
    let heading = |num: u32, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:outlineLvl w:val="0"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let body = [
        heading(6, "One"),
        heading(5, "Two"),
        heading(7, "First annex"),
        heading(7, "Second"),
    ]
    .concat();
    let flow = read_with(&body, styles, numbering);
    assert_eq!(
        render_flow(&flow),
        "# I One\n# II Two\n# Annex A First annex\n# Annex B Second\n"
    );
}

// A field whose end was lost hides its instruction only up to the end of its paragraph.
#[test]
fn lost_field_end_hides_nothing_after_its_paragraph() {
    let flow = read(concat!(
        r#"<w:p><w:r><w:t>Before</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>"#,
        r#"<w:p><w:r><w:t>After</w:t></w:r></w:p>"#,
    ));
    assert_eq!(texts(&flow), ["Before", "After"]);
}

// A paragraph whose mark is deleted just before a table stands on its own; LibreOffice's
// private-use Wingdings characters in a cell read as checkboxes.
#[test]
fn deleted_mark_before_table_and_glyphs_in_cells() {
    let flow = read(concat!(
        r#"<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>Alone</w:t></w:r></w:p>"#,
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:rFonts w:ascii=\"Wingdings\"/></w:rPr><w:t>\u{F0FE}</w:t></w:r><w:r><w:t xml:space=\"preserve\"> Decision</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    ));
    assert_eq!(texts(&flow), ["Alone", "<table>"]);
    let BlockKind::Table(table) = &flow.blocks[1].kind else { panic!("not a table") };
    assert_eq!(table.rows[0].cells[0].text(), "☒ Decision");
}

// Malformed styles or numbering parts are warnings naming the part; the body still reads.
#[test]
fn broken_styles_and_numbering_are_warnings() {
    let body = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Item</w:t></w:r></w:p>"#;
    let document = format!(r#"<w:document {NS}><w:body>{body}</w:body></w:document>"#);
    let bytes = zip_parts(&[
        ("_rels/.rels", PACKAGE_RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/document.xml", &document),
        ("word/styles.xml", "<w:styles><w:style></w:styles>"),
        ("word/numbering.xml", "<w:numbering><w:num></w:abstractNum>"),
    ]);
    let warned = read_docx(&bytes, &DocxOptions::default()).unwrap();
    assert_eq!(texts(&warned.output), ["Item"]);
    let messages: Vec<&str> =
        warned.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("word/styles.xml"), "{messages:?}");
    assert!(messages[1].contains("word/numbering.xml"), "{messages:?}");
}

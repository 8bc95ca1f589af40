//! Tests of the `.doc` reader on documents built in memory: a compound file (written by
//! the `cfb` crate) with a Word 97 FIB, a piece table, a stylesheet, a PAPX FKP and lists.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::io::{Cursor, Read, Write};

use minutes_flow::{render_flow, BlockKind, Span};
use pretty_assertions::assert_eq;

use super::*;

/// Where the text starts in the `WordDocument` stream.
const TEXT_AT: usize = 0x400;

/// A paragraph: its text (without mark), its mark and its direct paragraph sprms.
struct Para {
    text: String,
    mark: char,
    istd: u16,
    sprms: Vec<u8>,
}

/// A paragraph style: sti, name, base and paragraph sprms.
struct StyleDef {
    sti: u16,
    name: &'static str,
    base: u16,
    sprms: Vec<u8>,
}

/// Builds a Word 97 `.doc` in memory.
#[derive(Default)]
struct DocBuilder {
    paras: Vec<Para>,
    styles: Vec<StyleDef>,
    /// UTF-16 text (else one 8-bit cp1252 piece).
    unicode: bool,
    /// FIB flags to set beside fWhichTblStm.
    flags: u16,
    /// A list: the LSTF/LVL/LFO bytes (PlfLst, PlfLfo).
    lists: Option<(Vec<u8>, Vec<u8>)>,
    /// Character runs with sprms: (first character, character after the run, grpprl).
    runs: Vec<(u32, u32, Vec<u8>)>,
}

fn le16(v: u16) -> [u8; 2] {
    v.to_le_bytes()
}

fn le32(v: u32) -> [u8; 4] {
    v.to_le_bytes()
}

impl DocBuilder {
    fn new() -> DocBuilder {
        DocBuilder {
            styles: vec![
                StyleDef { sti: 0, name: "Normal", base: 0x0FFF, sprms: vec![] },
                StyleDef { sti: 1, name: "heading 1", base: 0, sprms: vec![] },
                // A user style whose outline level makes it a heading.
                StyleDef {
                    sti: 0x0FFE,
                    name: "Report Heading",
                    base: 0,
                    sprms: vec![0x40, 0x26, 1],
                },
            ],
            ..DocBuilder::default()
        }
    }

    fn para(mut self, text: &str) -> Self {
        self.paras.push(Para { text: text.into(), mark: '\r', istd: 0, sprms: vec![] });
        self
    }

    fn styled(mut self, text: &str, istd: u16) -> Self {
        self.paras.push(Para { text: text.into(), mark: '\r', istd, sprms: vec![] });
        self
    }

    fn with(mut self, text: &str, mark: char, sprms: &[u8]) -> Self {
        self.paras.push(Para { text: text.into(), mark, istd: 0, sprms: sprms.to_vec() });
        self
    }

    /// A table cell paragraph (sprmPFInTable), ending with a cell mark.
    fn cell(self, text: &str) -> Self {
        self.with(text, '\u{7}', &[0x16, 0x24, 1])
    }

    /// A row-end mark (sprmPFInTable, sprmPFTtp).
    fn row_end(self) -> Self {
        self.with("", '\u{7}', &[0x16, 0x24, 1, 0x17, 0x24, 1])
    }

    fn text_bytes(&self) -> (Vec<u8>, Vec<u32>, u32) {
        // The bytes, the fc after each paragraph mark, the character count.
        let mut bytes = Vec::new();
        let mut ends = Vec::new();
        let mut count = 0u32;
        for para in &self.paras {
            for ch in para.text.chars().chain(std::iter::once(para.mark)) {
                count += 1;
                if self.unicode {
                    let mut units = [0u16; 2];
                    for unit in ch.encode_utf16(&mut units) {
                        bytes.extend(le16(*unit));
                    }
                } else {
                    let one = ch.to_string();
                    let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode(&one);
                    bytes.extend_from_slice(&encoded);
                }
            }
            ends.push((TEXT_AT + bytes.len()) as u32);
        }
        (bytes, ends, count)
    }

    fn stylesheet(&self) -> Vec<u8> {
        let mut stsh = Vec::new();
        let mut stshi = Vec::new();
        stshi.extend(le16(self.styles.len() as u16)); // cstd
        stshi.extend(le16(10)); // cbSTDBaseInFile
        stshi.extend([0u8; 14]);
        stsh.extend(le16(stshi.len() as u16));
        stsh.extend(stshi);
        for style in &self.styles {
            let mut std = Vec::new();
            std.extend(le16(style.sti));
            std.extend(le16(1 | (style.base << 4))); // stk paragraph
            std.extend(le16(2)); // cupx
            std.extend([0u8; 4]);
            let name: Vec<u16> = style.name.encode_utf16().collect();
            std.extend(le16(name.len() as u16));
            for unit in name {
                std.extend(le16(unit));
            }
            std.extend([0, 0]);
            if std.len() % 2 == 1 {
                std.push(0);
            }
            std.extend(le16(2 + style.sprms.len() as u16));
            std.extend(le16(0));
            std.extend(&style.sprms);
            if std.len() % 2 == 1 {
                std.push(0);
            }
            std.extend(le16(0)); // empty UpxChpx
            stsh.extend(le16(std.len() as u16));
            stsh.extend(std);
        }
        stsh
    }

    /// One PAPX FKP page for all paragraphs.
    fn fkp(&self, ends: &[u32]) -> Vec<u8> {
        let mut page = vec![0u8; 512];
        let crun = self.paras.len();
        assert!(crun < 30, "one FKP page holds the test's paragraphs");
        let mut fc = TEXT_AT as u32;
        page[..4].copy_from_slice(&le32(fc));
        let mut free = 511usize;
        for (i, (para, &end)) in self.paras.iter().zip(ends).enumerate() {
            page[(i + 1) * 4..(i + 2) * 4].copy_from_slice(&le32(end));
            let mut grpprl = le16(para.istd).to_vec();
            grpprl.extend(&para.sprms);
            // cb form: 2 × cb − 1 bytes (odd), else cb 0 and 2 × cb′ bytes.
            let papx: Vec<u8> = if grpprl.len() % 2 == 1 {
                [vec![grpprl.len().div_ceil(2) as u8], grpprl].concat()
            } else {
                [vec![0, (grpprl.len() / 2) as u8], grpprl].concat()
            };
            free = (free - papx.len()) & !1;
            page[free..free + papx.len()].copy_from_slice(&papx);
            page[(crun + 1) * 4 + i * 13] = (free / 2) as u8;
            fc = end;
        }
        let _ = fc;
        page[511] = crun as u8;
        page
    }

    /// One CHPX FKP page for the character runs (8-bit text: one byte per character).
    fn chpx_fkp(&self) -> Vec<u8> {
        let mut page = vec![0u8; 512];
        let crun = self.runs.len();
        let mut free = 511usize;
        for (i, (start, end, grpprl)) in self.runs.iter().enumerate() {
            page[i * 4..i * 4 + 4].copy_from_slice(&le32(TEXT_AT as u32 + start));
            page[(i + 1) * 4..(i + 2) * 4].copy_from_slice(&le32(TEXT_AT as u32 + end));
            let chpx = [vec![grpprl.len() as u8], grpprl.clone()].concat();
            free = (free - chpx.len()) & !1;
            page[free..free + chpx.len()].copy_from_slice(&chpx);
            page[(crun + 1) * 4 + i] = (free / 2) as u8;
        }
        page[511] = crun as u8;
        page
    }

    fn build(&self) -> Vec<u8> {
        let (text, ends, count) = self.text_bytes();
        // WordDocument: FIB, text at TEXT_AT, the FKP on the next free page.
        let pn = (TEXT_AT + text.len()) / 512 + 1;
        let mut main = vec![0u8; pn * 512];
        main[TEXT_AT..TEXT_AT + text.len()].copy_from_slice(&text);
        main.extend(self.fkp(&ends));
        main.extend(self.chpx_fkp());

        // Table stream: CLX, STSH, PlcBtePapx, lists.
        let mut table = Vec::new();
        let fc = if self.unicode {
            TEXT_AT as u32
        } else {
            0x4000_0000 | (TEXT_AT as u32 * 2)
        };
        let mut plc = Vec::new();
        plc.extend(le32(0));
        plc.extend(le32(count));
        plc.extend(le16(0));
        plc.extend(le32(fc));
        plc.extend(le16(0));
        table.push(2);
        table.extend(le32(plc.len() as u32));
        table.extend(plc);
        let clx = (0u32, table.len() as u32);
        let stsh = self.stylesheet();
        let stshf = (table.len() as u32, stsh.len() as u32);
        table.extend(stsh);
        let mut bte = Vec::new();
        bte.extend(le32(TEXT_AT as u32));
        bte.extend(le32(*ends.last().unwrap_or(&(TEXT_AT as u32))));
        bte.extend(le32(pn as u32));
        let btepapx = (table.len() as u32, bte.len() as u32);
        table.extend(bte);
        let mut bte = Vec::new();
        bte.extend(le32(TEXT_AT as u32));
        bte.extend(le32(*ends.last().unwrap_or(&(TEXT_AT as u32))));
        bte.extend(le32(pn as u32 + 1));
        let btechpx = (table.len() as u32, bte.len() as u32);
        table.extend(bte);
        let (mut lst, mut lfo) = ((0, 0), (0, 0));
        if let Some((plf_lst, plf_lfo)) = &self.lists {
            lst = (table.len() as u32, plf_lst.len() as u32);
            table.extend(plf_lst);
            lfo = (table.len() as u32, plf_lfo.len() as u32);
            table.extend(plf_lfo);
        }

        // FIB: FibBase, csw 14, cslw 22 (ccpText at index 3), 93 (fc, lcb) pairs.
        main[0..2].copy_from_slice(&le16(0xA5EC));
        main[2..4].copy_from_slice(&le16(0x00C1));
        main[10..12].copy_from_slice(&le16(0x0200 | self.flags));
        main[32..34].copy_from_slice(&le16(14));
        main[62..64].copy_from_slice(&le16(22));
        main[76..80].copy_from_slice(&le32(count));
        main[152..154].copy_from_slice(&le16(93));
        for (index, (fc, lcb)) in
            [(1, stshf), (12, btechpx), (13, btepapx), (33, clx), (73, lst), (74, lfo)]
        {
            let at = 154 + index * 8;
            main[at..at + 4].copy_from_slice(&le32(fc));
            main[at + 4..at + 8].copy_from_slice(&le32(lcb));
        }
        compound(&[("/WordDocument", &main), ("/1Table", &table)])
    }
}

/// A compound file of the given streams.
fn compound(streams: &[(&str, &[u8])]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    for (name, bytes) in streams {
        file.create_stream(name).unwrap().write_all(bytes).unwrap();
    }
    file.flush().unwrap();
    file.into_inner().into_inner()
}

fn read(bytes: &[u8]) -> Flow {
    let warned = read_doc(bytes, &DocOptions::default()).unwrap();
    assert!(warned.warnings.is_empty(), "{:?}", warned.warnings);
    warned.output
}

fn error(bytes: &[u8]) -> String {
    read_doc(bytes, &DocOptions::default()).unwrap_err().to_string()
}

// Paragraphs, headings from built-in heading styles and from outline levels, style names.
#[test]
fn paragraphs_and_headings() {
    for unicode in [false, true] {
        let mut doc = DocBuilder::new()
            .styled("1\tOpening", 1)
            .para("The meeting opened.")
            .para("")
            .styled("Decisions", 2)
            .para("Résumé – “quoted” €5");
        doc.unicode = unicode;
        let flow = read(&doc.build());
        assert_eq!(
            render_flow(&flow),
            "# 1\tOpening\nThe meeting opened.\n## Decisions\nRésumé – “quoted” €5\n"
        );
        // Locations count every top-level paragraph, empty ones too.
        let indexes: Vec<u32> = flow
            .blocks
            .iter()
            .map(|b| match b.location {
                Span::Paragraph { index, .. } => index,
                _ => 0,
            })
            .collect();
        assert_eq!(indexes, [1, 2, 4, 5]);
    }
}

// Cells end with 0x07, rows with a TTP mark; a cell may hold several paragraphs.
#[test]
fn tables() {
    let doc = DocBuilder::new()
        .para("Before")
        .cell("Tdoc")
        .cell("Title")
        .row_end()
        .cell("SEC-2015-0507")
        .with("First line", '\r', &[0x16, 0x24, 1])
        .cell("Second line")
        .row_end()
        .para("After");
    let flow = read(&doc.build());
    assert_eq!(flow.blocks.len(), 3);
    let BlockKind::Table(table) = &flow.blocks[1].kind else { panic!("{flow:?}") };
    let cells: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| row.cells.iter().map(|c| c.text()).collect())
        .collect();
    assert_eq!(
        cells,
        [vec!["Tdoc", "Title"], vec!["SEC-2015-0507", "First line\nSecond line"]]
    );
    assert_eq!(flow.blocks[1].location.to_string(), "paragraph 2");
    assert_eq!(flow.blocks[2].location.to_string(), "paragraph 3");
}

// Nested tables: inner cells end with paragraph marks flagged by sprmPFInnerTableCell.
#[test]
fn nested_tables() {
    let inner_cell = [0x16, 0x24, 1, 0x49, 0x66, 2, 0, 0, 0, 0x4B, 0x24, 1];
    let inner_row = [0x16, 0x24, 1, 0x49, 0x66, 2, 0, 0, 0, 0x4B, 0x24, 1, 0x4C, 0x24, 1];
    let doc = DocBuilder::new()
        .with("a", '\r', &inner_cell)
        .with("b", '\r', &inner_cell)
        .with("", '\r', &inner_row)
        .cell("")
        .cell("outer")
        .row_end();
    let flow = read(&doc.build());
    assert_eq!(render_flow(&flow), "| a / b\touter\n");
    let BlockKind::Table(outer) = &flow.blocks[0].kind else { panic!() };
    assert!(matches!(outer.rows[0].cells[0].blocks[0].kind, BlockKind::Table(_)));
}

// Field instructions are dropped and results kept, nested; special characters.
#[test]
fn fields_and_special_characters() {
    let doc = DocBuilder::new()
        .para("Page \u{13} PAGE \u{14}7\u{15} of \u{13}NUMPAGES\u{15}9")
        .para("\u{13}HYPERLINK \"x\"\u{14}see \u{13}REF a\u{14}6.1\u{15}\u{15} now")
        .para("S2\u{1e}1903157 hy\u{1f}phen\u{b}next\u{1}\u{8}")
        .para("before\u{c}after");
    let flow = read(&doc.build());
    assert_eq!(
        render_flow(&flow),
        "Page 7 of 9\nsee 6.1 now\nS2\u{2011}1903157 hyphen\nnext\nbefore\nafter\n"
    );
}

// A field whose separator and end are lost hides nothing past its paragraph.
#[test]
fn unterminated_field_instruction() {
    let doc = DocBuilder::new().para("a\u{13} INSTR").para("visible");
    assert_eq!(render_flow(&read(&doc.build())), "a\nvisible\n");
}

// Lists: labels from PlfLst/PlfLfo; a numbered heading gets its number.
#[test]
fn lists_and_numbered_headings() {
    // One LSTF (lsid 7, not simple: 9 levels) with "%1." decimal at level 0, "%1.%2" at 1.
    let mut plf_lst = le16(1).to_vec();
    let mut lstf = le32(7).to_vec();
    lstf.extend([0u8; 4]);
    lstf.extend([0xFF; 18]);
    lstf.extend([0, 0]);
    plf_lst.extend(lstf);
    for level in 0..9u8 {
        let mut lvlf = le32(1).to_vec();
        lvlf.push(if level == 1 { 4 } else { 0 }); // nfc: lower letter at level 1
        lvlf.push(0);
        lvlf.extend([0u8; 9]);
        lvlf.push(0);
        lvlf.extend([0u8; 8]);
        lvlf.extend([0, 0, 0, 0]);
        plf_lst.extend(lvlf);
        let text: Vec<u16> = if level == 0 {
            vec![0, u16::from(b'.')]
        } else {
            vec![0, u16::from(b'.'), 1]
        };
        plf_lst.extend(le16(text.len() as u16));
        for unit in text {
            plf_lst.extend(le16(unit));
        }
    }
    let mut plf_lfo = le32(1).to_vec();
    plf_lfo.extend(le32(7));
    plf_lfo.extend([0u8; 12]);
    plf_lfo.extend(le32(0)); // LfoData: cp, no LFOLVLs
    let list = |level: u8| vec![0x0B, 0x46, 1, 0, 0x0A, 0x26, level];
    let mut doc = DocBuilder::new()
        .with("First", '\r', &list(0))
        .with("Sub", '\r', &list(1))
        .with("Second", '\r', &list(0))
        .with("Sub again", '\r', &list(1));
    doc.paras.push(Para {
        text: "Numbered heading".into(),
        mark: '\r',
        istd: 1,
        sprms: list(0),
    });
    doc.lists = Some((plf_lst, plf_lfo));
    assert_eq!(
        render_flow(&read(&doc.build())),
        "1. First\n  1.a Sub\n2. Second\n  2.a Sub again\n# 3 Numbered heading\n"
    );
}

// Deleted text (sprmCFRMarkDel) and hidden text (sprmCFVanish) are dropped; a deleted
// paragraph mark joins its paragraph with the next; 0x81 hides nothing (it needs the style).
#[test]
fn deleted_and_hidden_text() {
    let mut doc = DocBuilder::new().para("kept gone").para("joined").para("shown hidden");
    // "kept gone\r" is characters 0..10, "joined\r" 10..17, "shown hidden\r" 17..30.
    // Runs are contiguous in an FKP: each run ends where the next starts.
    doc.runs = vec![
        (4, 10, vec![0x00, 0x08, 1]), // " gone" and its paragraph mark deleted
        (10, 17, vec![]),
        (17, 22, vec![0x3C, 0x08, 0x81]),
        (22, 29, vec![0x3C, 0x08, 1]), // " hidden" hidden
    ];
    assert_eq!(render_flow(&read(&doc.build())), "keptjoined\nshown\n");
}

// Encrypted documents and OLE files of other applications are refused by name.
#[test]
fn encrypted_and_other_ole_files_are_refused_by_name() {
    let mut doc = DocBuilder::new().para("secret");
    doc.flags = 0x0100;
    assert!(error(&doc.build()).contains("password-protected Word 97–2003 (.doc)"));
    let xls = compound(&[("/Workbook", b"\x09\x08")]);
    assert!(error(&xls).contains("an Excel workbook (.xls)"), "{}", error(&xls));
    assert!(check_doc(&xls).is_err());
    let ppt = compound(&[("/PowerPoint Document", b"x")]);
    assert!(error(&ppt).contains("PowerPoint"));
    let docx = compound(&[("/EncryptedPackage", b"x"), ("/EncryptionInfo", b"x")]);
    assert!(error(&docx).contains("encrypted, password-protected Word (.docx)"));
    let other = compound(&[("/Contents", b"x")]);
    assert!(error(&other).contains("without a WordDocument stream"));
    assert!(error(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest").contains("corrupt OLE"));
    let no_fib = compound(&[("/WordDocument", b"not a FIB")]);
    assert!(error(&no_fib).contains("no Word file information block"));
    assert!(check_doc(&DocBuilder::new().para("x").build()).is_ok());
}

// Hostile files: every prefix and many byte flips of a valid document read or fail
// cleanly, never panic.
#[test]
fn damaged_documents_never_panic() {
    let doc =
        DocBuilder::new().styled("Heading", 1).cell("a").row_end().para("x").build();
    let streams = {
        let mut file = cfb::CompoundFile::open(Cursor::new(&doc)).unwrap();
        let mut main = Vec::new();
        file.open_stream("/WordDocument").unwrap().read_to_end(&mut main).unwrap();
        let mut table = Vec::new();
        file.open_stream("/1Table").unwrap().read_to_end(&mut table).unwrap();
        (main, table)
    };
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for round in 0..600 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let (mut main, mut table) = streams.clone();
        let target = if round % 2 == 0 { &mut main } else { &mut table };
        let at = (seed as usize) % target.len().max(1);
        match round % 3 {
            0 => target[at] ^= (seed >> 32) as u8 | 1,
            1 => target[at] = 0xFF,
            _ => target.truncate(at),
        }
        let bytes = compound(&[("/WordDocument", &main), ("/1Table", &table)]);
        let _ = read_doc(&bytes, &DocOptions::default());
    }
    for cut in (0..doc.len()).step_by(97) {
        let _ = read_doc(&doc[..cut], &DocOptions::default());
    }
}

// A Word 6 document (non-complex: the text from fcMin) reads as paragraphs of text in the
// code page of its language, with a warning saying what is not read.
#[test]
fn word6_text() {
    let text =
        encoding_rs::WINDOWS_1251.encode("Повестка дня\r1\tОткрытие\r").0.into_owned();
    let mut main = vec![0u8; 0x300];
    main[0..2].copy_from_slice(&le16(0xA5DC));
    main[2..4].copy_from_slice(&le16(101));
    main[6..8].copy_from_slice(&le16(0x0419));
    main[0x18..0x1C].copy_from_slice(&le32(0x300));
    main[0x34..0x38].copy_from_slice(&le32(text.len() as u32));
    main.extend(&text);
    let bytes = compound(&[("/WordDocument", &main)]);
    let warned = read_doc(&bytes, &DocOptions::default()).unwrap();
    assert_eq!(render_flow(&warned.output), "Повестка дня\n1\tОткрытие\n");
    assert!(warned.warnings[0].message.contains("Word 6/95"));
}

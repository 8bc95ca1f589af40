//! Word 97–2003 binary (`.doc`) reader: an OLE compound file ([MS-CFB], through the
//! `cfb` crate) whose `WordDocument` and table streams ([MS-DOC]) are read into the
//! same Flow as the DOCX reader's.
//!
//! Two phases, by what they parse: the FIB (`fib`), the piece table (`clx`), the
//! stylesheet (`stsh`), the paragraph and character FKPs with their sprms (`fkp`,
//! `sprm`) and the lists (`lists`) are read into typed structures; then the main story's
//! characters (`text`: fields, special characters) become paragraphs, and paragraphs
//! become blocks (`build`: headings, list items, tables).
//!
//! Supported constructs (`[X]` done, `[-]` partial, `[ ]` not yet):
//!
//! - [X] OLE container: a non-Word OLE file (Excel `.xls`, PowerPoint `.ppt`, Visio,
//!   Outlook `.msg`, an encrypted `.docx`) refused by name; encrypted or obfuscated
//!   `.doc` (`fEncrypted`) refused
//! - [X] Piece table: 8-bit (cp1252) and UTF-16 pieces, fast-saved files (`fComplex`)
//!   with their `Prc` property edits
//! - [X] Paragraphs (0x0D), page and section breaks (0x0C) as paragraph ends, line and
//!   column breaks (0x0B, 0x0E) as line feeds, non-breaking hyphen (0x1E), soft hyphen
//!   (0x1F); pictures and objects (0x01, 0x08) dropped
//! - [X] Fields (0x13 instruction 0x14 result 0x15, nested): the result kept, the
//!   instruction dropped; an instruction never hides past its paragraph
//! - [X] Tracked changes: deleted text (`sprmCFRMarkDel`) dropped, a deleted paragraph
//!   mark joins its paragraph with the next; hidden text (`sprmCFVanish`) dropped
//! - [X] Headings: `sprmPOutLvl` on the paragraph or its style chain (STSH, `istdBase`),
//!   else the built-in heading styles (sti 1–9) or a `heading N` name; `Title` stays a
//!   paragraph with its style name
//! - [X] Lists: `sprmPIlfo`/`sprmPIlvl` on the paragraph or its style, labels computed
//!   from PlfLst/PlfLfo (level text, formats, start values, restarts, `fLegal`); numbered
//!   headings get their number
//! - [X] Tables: `sprmPFInTable`, cell marks (0x07), row ends (`sprmPFTtp`), nested
//!   tables (`sprmPItap`, `sprmPFInnerTableCell`, `sprmPFInnerTtp`)
//! - [-] Footnote and endnote references as `[n]`; the notes' own text is not read
//! - [ ] Headers, footers, comments, text boxes (other stories)
//! - [ ] Form checkboxes (their state is in the Data stream), symbol-font characters
//!   (`sprmCSymbol`)
//! - [-] Word 6/95 files: text and paragraphs in the document's code page (from its
//!   language), without headings, lists or tables (with a warning)
//! - [X] Locations: 1-based index of the top-level paragraph or table, as the DOCX
//!   reader counts them; blocks in tables carry their table's
//! - [X] Limits: every structure is read within its stream; the text is capped at the
//!   stream's length; style chains and table nesting are cut

mod build;
mod bytes;
mod clx;
mod fib;
mod fkp;
mod lists;
mod ole;
mod sprm;
mod stsh;
#[cfg(test)]
mod tests;
mod text;

use std::sync::Arc;

use encoding_rs::Encoding;
use minutes_flow::{Diagnostic, Flow, Location, Warned};

use self::{
    build::Builder,
    clx::PieceTable,
    fib::{Fib, Version},
    fkp::{CharProps, ParaProps, Runs},
    lists::Lists,
    ole::Container,
    stsh::Stylesheet,
};
use crate::{Error, ErrorKind, Result};

/// The name locations give the main story (the stream that holds it).
const PART: &str = "WordDocument";

/// Options of the `.doc` reader.
#[derive(Debug, Clone, Default)]
pub struct DocOptions {}

/// Checks that an OLE compound file is a Word document this reader can try: refuses, by
/// name, encrypted documents and OLE files of other applications (an Excel `.xls`, a
/// PowerPoint `.ppt`, ...). Used by format sniffing.
pub fn check_doc(bytes: &[u8]) -> Result<()> {
    let mut compound = open(bytes)?;
    let head = read_stream(&mut compound, "WordDocument", 1024, bytes.len())?;
    check_fib(&head).map(|_| ())
}

/// Reads a Word 97–2003 `.doc` into a Flow.
///
/// Fails, with a message naming the problem, on OLE files that are not Word documents,
/// encrypted documents, Word 2 and older, and documents whose text cannot be located (no
/// piece table). Word 6/95 documents are read as paragraphs of text, with a warning.
pub fn read_doc(bytes: &[u8], options: &DocOptions) -> Result<Warned<Flow>> {
    let _ = options;
    let mut compound = open(bytes)?;
    let main = read_stream(&mut compound, "WordDocument", usize::MAX, bytes.len())?;
    let fib = check_fib(&main)?;
    let mut warnings = Vec::new();
    let word97 = fib.version == Some(Version::Word97);
    let table = if word97 {
        let name = if fib.table_1 { "1Table" } else { "0Table" };
        if !compound.has_stream(name) {
            return Err(doc_error(format!("the table stream `{name}` is missing")));
        }
        read_stream(&mut compound, name, usize::MAX, bytes.len())?
    } else {
        warnings.push(Diagnostic::warning(
            Location::Paragraph { part: PART.into(), index: 1 },
            "a Word 6/95 document: read as paragraphs of text, without headings, lists or \
             tables",
        ));
        Vec::new()
    };
    let pieces = PieceTable::parse(&fib, &main, &table)
        .ok_or_else(|| doc_error("the piece table (CLX) is missing or unreadable"))?;
    let single_byte = if word97 {
        encoding_rs::WINDOWS_1252
    } else {
        let summary =
            read_stream(&mut compound, "\u{5}SummaryInformation", 1 << 16, bytes.len())
                .ok()
                .and_then(|stream| summary_code_page(&stream));
        summary.or_else(|| font_code_page(&main, fib.sttbf_ffn)).unwrap_or_else(|| {
            if fib.mac {
                encoding_rs::MACINTOSH
            } else {
                code_page(fib.lid)
            }
        })
    };
    let units = text::story_units(&pieces, &main, fib.ccp_text, single_byte);

    let (paras, chars, stylesheet, mut lists) = if word97 {
        (
            fkp::paragraph_runs(&main, &table, fib.plcf_bte_papx),
            fkp::character_runs(&main, &table, fib.plcf_bte_chpx),
            Stylesheet::parse(&table, fib.stshf),
            Lists::parse(&table, fib.plf_lst, fib.plf_lfo),
        )
    } else {
        (Runs::default(), Runs::default(), Stylesheet::default(), Lists::default())
    };
    let prc_chars: Vec<CharProps> = pieces
        .prcs
        .iter()
        .map(|grpprl| {
            let mut props = CharProps::default();
            props.apply(grpprl);
            props
        })
        .collect();

    let mut builder = Builder::new(&stylesheet, &mut lists, Arc::from(PART));
    for para in text::paragraphs(&units, &chars, &prc_chars) {
        let mut props: ParaProps = paras.at(para.fc);
        if let Some(grpprl) = para.prc.and_then(|i| pieces.prcs.get(i)) {
            props.apply(grpprl);
        }
        builder.paragraph(para, &props);
    }
    Ok(Warned { output: Flow::new(builder.finish()), warnings })
}

fn open(bytes: &[u8]) -> Result<Container<'_>> {
    let container = Container::open(bytes)
        .map_err(|message| Error::new(ErrorKind::Ole { message }))?;
    classify(container)
}

fn classify(compound: Container<'_>) -> Result<Container<'_>> {
    if compound.has_stream("WordDocument") {
        return Ok(compound);
    }
    let has = |name: &str| compound.has_stream(name);
    let what = if has("EncryptedPackage") {
        return Err(Error::new(ErrorKind::EncryptedDoc {
            what: "an encrypted, password-protected Word (.docx) document".into(),
        }));
    } else if has("Workbook") || has("Book") {
        "an Excel workbook (.xls)"
    } else if has("PowerPoint Document") {
        "a PowerPoint presentation (.ppt)"
    } else if has("VisioDocument") {
        "a Visio drawing (.vsd)"
    } else if compound.has_prefix("__substg1.0_") {
        "an Outlook message (.msg)"
    } else {
        "an OLE compound file without a WordDocument stream"
    };
    Err(Error::new(ErrorKind::NotWord { what: what.into() }))
}

/// Reads up to `limit` bytes of a stream, never more than the file's size.
fn read_stream(
    compound: &mut Container<'_>,
    name: &str,
    limit: usize,
    file_len: usize,
) -> Result<Vec<u8>> {
    compound
        .read(name, limit, file_len)
        .map_err(|e| doc_error(format!("cannot read the `{name}` stream: {e}")))
}

/// The FIB, if the document is one the reader can read.
fn check_fib(main: &[u8]) -> Result<Fib> {
    let fib = Fib::parse(main).ok_or_else(|| {
        doc_error(format!(
            "the WordDocument stream has no Word file information block (it starts {:02X?})",
            main.get(..4).unwrap_or(main)
        ))
    })?;
    if fib.encrypted {
        return Err(Error::new(ErrorKind::EncryptedDoc {
            what: "an encrypted, password-protected Word 97–2003 (.doc) document".into(),
        }));
    }
    if fib.version.is_none() {
        return Err(doc_error(format!(
            "a Word 2 or older document (nFib {}), not Word 6 to 2003",
            fib.n_fib
        )));
    }
    Ok(fib)
}

fn doc_error(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Doc { message: message.into() })
}

/// The code page named in a SummaryInformation property set ([MS-OLEPS]: the section's
/// `PID_CODEPAGE` property), when it is one of the ANSI code pages Word 6 wrote text in.
/// The document's language does not tell: Cyrillic text is often marked English.
fn summary_code_page(stream: &[u8]) -> Option<&'static Encoding> {
    let section = usize::try_from(bytes::u32_at(stream, 44)?).ok()?;
    let count = usize::try_from(bytes::u32_at(stream, section + 4)?).ok()?.min(1024);
    for i in 0..count {
        let entry = section + 8 + i * 8;
        if bytes::u32_at(stream, entry)? != 1 {
            continue;
        }
        let at = section + usize::try_from(bytes::u32_at(stream, entry + 4)?).ok()?;
        // VT_I2, then the code page as a 16-bit value.
        if bytes::u16_at(stream, at)? != 2 {
            return None;
        }
        return match bytes::u16_at(stream, at + 4)? {
            874 => Some(encoding_rs::WINDOWS_874),
            932 => Some(encoding_rs::SHIFT_JIS),
            936 => Some(encoding_rs::GBK),
            949 => Some(encoding_rs::EUC_KR),
            950 => Some(encoding_rs::BIG5),
            1250 => Some(encoding_rs::WINDOWS_1250),
            1251 => Some(encoding_rs::WINDOWS_1251),
            1252 => Some(encoding_rs::WINDOWS_1252),
            1253 => Some(encoding_rs::WINDOWS_1253),
            1254 => Some(encoding_rs::WINDOWS_1254),
            1255 => Some(encoding_rs::WINDOWS_1255),
            1256 => Some(encoding_rs::WINDOWS_1256),
            1257 => Some(encoding_rs::WINDOWS_1257),
            1258 => Some(encoding_rs::WINDOWS_1258),
            10000 => Some(encoding_rs::MACINTOSH),
            _ => None,
        };
    }
    None
}

/// The code page of the first font of a Word 6/95 font table (SttbfFfn: a 16-bit size,
/// then FFNs of `cbFfnM1` + 1 bytes whose fourth byte is the character set) with a
/// national character set, for files whose metadata names none: Cyrillic text in a
/// document marked English is written in a `… Cyr` font of charset 204.
fn font_code_page(main: &[u8], sttbf_ffn: (u32, u32)) -> Option<&'static Encoding> {
    let table = bytes::fc_lcb(main, sttbf_ffn)?;
    let mut at = 2usize;
    while let Some(cb) = bytes::u8_at(table, at) {
        let charset = bytes::u8_at(table, at + 4)?;
        let encoding = match charset {
            204 => Some(encoding_rs::WINDOWS_1251),
            238 => Some(encoding_rs::WINDOWS_1250),
            161 => Some(encoding_rs::WINDOWS_1253),
            162 => Some(encoding_rs::WINDOWS_1254),
            177 => Some(encoding_rs::WINDOWS_1255),
            178 => Some(encoding_rs::WINDOWS_1256),
            186 => Some(encoding_rs::WINDOWS_1257),
            128 => Some(encoding_rs::SHIFT_JIS),
            134 => Some(encoding_rs::GBK),
            136 => Some(encoding_rs::BIG5),
            129 => Some(encoding_rs::EUC_KR),
            _ => None,
        };
        if encoding.is_some() {
            return encoding;
        }
        at += usize::from(cb) + 1;
    }
    None
}

/// The code page of a Word 6/95 document's 8-bit text, from its language.
fn code_page(lid: u16) -> &'static Encoding {
    match lid & 0x03FF {
        // Russian, Ukrainian, Belarusian, Bulgarian, Serbian (Cyrillic is 0x0C1A), Macedonian.
        0x19 | 0x22 | 0x23 | 0x02 | 0x2F => encoding_rs::WINDOWS_1251,
        0x1A if lid == 0x0C1A => encoding_rs::WINDOWS_1251,
        // Czech, Polish, Hungarian, Slovak, Slovenian, Croatian, Romanian, Albanian.
        0x05 | 0x15 | 0x0E | 0x1B | 0x24 | 0x1A | 0x18 | 0x1C => {
            encoding_rs::WINDOWS_1250
        }
        0x08 => encoding_rs::WINDOWS_1253,
        0x1F => encoding_rs::WINDOWS_1254,
        0x0D => encoding_rs::WINDOWS_1255,
        0x01 => encoding_rs::WINDOWS_1256,
        0x25..=0x27 => encoding_rs::WINDOWS_1257,
        0x2A => encoding_rs::WINDOWS_1258,
        0x1E => encoding_rs::WINDOWS_874,
        0x11 => encoding_rs::SHIFT_JIS,
        0x12 => encoding_rs::EUC_KR,
        0x04 if lid == 0x0404 || lid == 0x0C04 => encoding_rs::BIG5,
        0x04 => encoding_rs::GBK,
        _ => encoding_rs::WINDOWS_1252,
    }
}

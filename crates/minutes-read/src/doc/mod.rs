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
//!   `.doc` (`fEncrypted`) refused; containers the `cfb` crate refuses as malformed
//!   (a FAT cut short, a sector listed twice, a bad directory entry) read by a lenient
//!   fallback that follows sector chains
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
mod codepage;
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

use minutes_flow::{Diagnostic, Flow, Span, Warned};

use self::{
    build::Builder,
    clx::PieceTable,
    fib::{Fib, Version},
    fkp::{CharProps, ParaProps, Runs},
    lists::Lists,
    ole::Container,
    stsh::Stylesheet,
};
use crate::{
    charset::{self, CodePage},
    Error, ErrorKind, Result,
};

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
            Span::Paragraph { part: PART.into(), index: 1 },
            "a Word 6/95 document: read as paragraphs of text, without headings, lists or \
             tables",
        ));
        Vec::new()
    };
    let pieces = PieceTable::parse(&fib, &main, &table)
        .ok_or_else(|| doc_error("the piece table (CLX) is missing or unreadable"))?;
    let code_page = if word97 {
        CodePage::Single(&charset::WINDOWS_1252)
    } else {
        let summary =
            read_stream(&mut compound, "\u{5}SummaryInformation", 1 << 16, bytes.len())
                .ok()
                .and_then(|stream| codepage::from_summary(&stream));
        summary.or_else(|| codepage::from_fonts(&main, fib.sttbf_ffn)).unwrap_or_else(
            || {
                if fib.mac {
                    CodePage::Single(&charset::MACINTOSH)
                } else {
                    codepage::from_language(fib.lid)
                }
            },
        )
    };
    let units =
        text::story_units(&pieces, &main, fib.ccp_text, code_page).map_err(|page| {
            doc_error(format!(
            "a Word 6/95 document in the {} code page, which this build does not decode \
             (the `minutes` command does)",
            page.name()
        ))
        })?;

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
            what: match fib.version {
                Some(Version::Word6) => {
                    "an encrypted, password-protected Word 6/95 (.doc) document"
                }
                _ => "an encrypted, password-protected Word 97–2003 (.doc) document",
            }
            .into(),
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

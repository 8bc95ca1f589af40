//! The main story's characters ([MS-DOC] 2.4.1), decoded through the piece table, and
//! split into paragraphs: field instructions dropped and results kept (0x13 begin, 0x14
//! separator, 0x15 end, nested), deleted and hidden text dropped, special characters
//! ([MS-DOC] 2.4.3) turned into text or dropped.

use super::{
    clx::{Piece, PieceTable},
    fkp::{CharProps, Runs},
};
use crate::charset::{CodePage, DoubleByte};

/// A character of the story and where it is stored.
#[derive(Debug, Clone, Copy)]
pub(super) struct Unit {
    pub ch: char,
    /// Its position in the `WordDocument` stream, as FKPs count it.
    pub fc: u32,
    /// The piece's `Prc` grpprl, if any.
    pub prc: Option<usize>,
}

/// What ended a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    /// A paragraph mark (0x0D).
    Paragraph,
    /// A cell or row-end mark (0x07).
    Cell,
    /// A page or section break (0x0C).
    Break,
    /// The end of the story without a mark.
    End,
}

/// A paragraph's shown text, its mark and where the mark is stored.
#[derive(Debug, Clone)]
pub(super) struct RawPara {
    pub text: String,
    pub mark: Mark,
    pub fc: u32,
    pub prc: Option<usize>,
}

/// The characters `0..ccp_text` of the story. 8-bit pieces are decoded in `code_page`
/// (cp1252 in Word 97); the total is capped at the stream's length, since every stored
/// character takes at least a byte (overlapping pieces cannot multiply it). Fails with
/// the code page when this build cannot decode its text (see [`DoubleByte::decode`]).
pub(super) fn story_units(
    table: &PieceTable,
    main: &[u8],
    ccp_text: u32,
    code_page: CodePage,
) -> Result<Vec<Unit>, DoubleByte> {
    let cap = main.len();
    let mut units = Vec::new();
    for piece in &table.pieces {
        if piece.cp_start >= ccp_text || units.len() >= cap {
            break;
        }
        let end = piece.cp_end.min(ccp_text);
        let count = (end - piece.cp_start) as usize;
        let start = piece.offset as usize;
        let room = cap - units.len();
        if piece.single_byte {
            let bytes = main.get(start..).unwrap_or_default();
            let bytes = bytes.get(..count.min(room)).unwrap_or(bytes);
            match code_page {
                CodePage::Single(table) => {
                    for (k, byte) in bytes.iter().enumerate() {
                        units.push(unit(piece, table.char_of(*byte), k));
                    }
                }
                CodePage::Double(page) => {
                    // A double-byte code page (Word 6 in East Asian languages): decoded as
                    // a whole; positions are only used by properties, which Word 6 files
                    // lack.
                    let text = page.decode(bytes).ok_or(page)?;
                    for (k, ch) in text.chars().enumerate() {
                        units.push(unit(piece, ch, k));
                    }
                }
            }
        } else {
            let bytes = main.get(start..).unwrap_or_default();
            let bytes = bytes.get(..count.min(room).saturating_mul(2)).unwrap_or(bytes);
            let codes = super::bytes::utf16_units(bytes);
            for (k, ch) in char::decode_utf16(codes).enumerate() {
                units.push(unit(piece, ch.unwrap_or('\u{FFFD}'), k));
            }
        }
    }
    Ok(units)
}

fn unit(piece: &Piece, ch: char, k: usize) -> Unit {
    let k = u32::try_from(k).unwrap_or(u32::MAX);
    Unit { ch, fc: piece.fc_of(piece.cp_start.saturating_add(k)), prc: piece.prc }
}

/// Splits the story into paragraphs of shown text. `chars` gives the character
/// properties at a stream position, `prc_chars` those of each piece's `Prc`.
pub(super) fn paragraphs(
    units: &[Unit],
    chars: &Runs<CharProps>,
    prc_chars: &[CharProps],
) -> Vec<RawPara> {
    let mut paras = Vec::new();
    let mut text = String::new();
    // Open fields, innermost last: true once past the separator (showing the result).
    let mut fields: Vec<bool> = Vec::new();
    let mut notes = 0usize;
    for unit in units {
        let mut props = chars.at(unit.fc);
        if let Some(prc) = unit.prc.and_then(|i| prc_chars.get(i)) {
            props.deleted |= prc.deleted;
            props.vanish |= prc.vanish;
            props.special |= prc.special;
        }
        if props.deleted {
            // A deleted paragraph mark joins the paragraph with the next.
            continue;
        }
        let mark = match unit.ch {
            '\u{13}' => {
                fields.push(false);
                continue;
            }
            '\u{14}' => {
                if let Some(top) = fields.last_mut() {
                    *top = true;
                }
                continue;
            }
            '\u{15}' => {
                fields.pop();
                continue;
            }
            '\r' => Some(Mark::Paragraph),
            '\u{7}' => Some(Mark::Cell),
            '\u{c}' => Some(Mark::Break),
            _ => None,
        };
        if let Some(mark) = mark {
            // An instruction never runs past its paragraph: a field whose separator and
            // end were lost must not hide the rest of the document.
            while fields.last() == Some(&false) {
                fields.pop();
            }
            paras.push(RawPara {
                text: std::mem::take(&mut text),
                mark,
                fc: unit.fc,
                prc: unit.prc,
            });
            continue;
        }
        if props.vanish || fields.iter().any(|result| !result) {
            continue;
        }
        match unit.ch {
            // Line break, column break.
            '\u{b}' | '\u{e}' => text.push('\n'),
            '\u{1e}' => text.push('\u{2011}'),
            '\u{1f}' => text.push('\u{AD}'),
            // An auto-numbered footnote or endnote reference, numbered in order of
            // appearance as the DOCX reader does.
            '\u{2}' if props.special => {
                notes += 1;
                text.push_str(&format!("[{notes}]"));
            }
            // Pictures (0x01), drawn objects (0x08), annotation references (0x05) and
            // other controls show no text.
            c if u32::from(c) < 0x20 && c != '\t' => {}
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        let fc = units.last().map_or(0, |u| u.fc);
        paras.push(RawPara { text, mark: Mark::End, fc, prc: None });
    }
    paras
}

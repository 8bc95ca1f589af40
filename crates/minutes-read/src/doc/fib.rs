//! The File Information Block at the start of the `WordDocument` stream ([MS-DOC] 2.5.1):
//! version, flags, text lengths and where the other structures are.

use super::bytes::{u16_at, u32_at};

/// `wIdent` of Word 97 and later files (0xA5EC), of Word 6/95 files (0xA5DC, and 0xA699
/// in some Word 95 files): the high byte is what they share.
const W_IDENT_HIGH: [u8; 2] = [0xA5, 0xA6];
/// The highest `nFib` of the Word 6/95 layout (Word 6 is 101, Word 95 104).
const LAST_WORD6_NFIB: u16 = 105;

/// Which layout the FIB (and the structures it points to) has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Version {
    /// Word 6.0 and Word 95: 8-bit text, one-byte sprms, no table stream.
    Word6,
    /// Word 97 and later.
    Word97,
}

/// What the reader needs from the FIB.
#[derive(Debug, Clone, Default)]
pub(super) struct Fib {
    pub version: Option<Version>,
    pub n_fib: u16,
    /// `fComplex`: the text is described by a piece table with fast-save edits.
    pub complex: bool,
    /// `fEncrypted`: the streams are encrypted (or XOR-obfuscated with `fObfuscated`).
    pub encrypted: bool,
    /// `fExtChar`: Word 95 text in extended (16-bit) characters.
    pub ext_char: bool,
    /// `fWhichTblStm`: the table stream is `1Table` (else `0Table`).
    pub table_1: bool,
    /// The document's language (`lid`), a hint at the code page of Word 6 text.
    pub lid: u16,
    /// `envr`: written on a Macintosh (Word 6 text is then in Mac Roman).
    pub mac: bool,
    /// Word 6: where the text starts when the file is not complex.
    pub fc_min: u32,
    /// Characters in the main document story.
    pub ccp_text: u32,
    pub stshf: (u32, u32),
    pub plcf_bte_chpx: (u32, u32),
    pub plcf_bte_papx: (u32, u32),
    pub clx: (u32, u32),
    /// Word 6: the font table (in the main stream).
    pub sttbf_ffn: (u32, u32),
    pub plf_lst: (u32, u32),
    pub plf_lfo: (u32, u32),
}

impl Fib {
    /// Parses the FIB at the start of `stream`; `None` when it is not a Word FIB.
    pub fn parse(stream: &[u8]) -> Option<Fib> {
        if !W_IDENT_HIGH.contains(&u8::try_from(u16_at(stream, 0)? >> 8).ok()?) {
            return None;
        }
        let n_fib = u16_at(stream, 2)?;
        let flags = u16_at(stream, 10)?;
        let mut fib = Fib {
            n_fib,
            complex: flags & 0x0004 != 0,
            encrypted: flags & 0x0100 != 0,
            table_1: flags & 0x0200 != 0,
            ext_char: flags & 0x1000 != 0,
            lid: u16_at(stream, 6)?,
            mac: stream.get(18) == Some(&1),
            ..Fib::default()
        };
        if n_fib <= LAST_WORD6_NFIB {
            fib.version = (n_fib >= 101).then_some(Version::Word6);
            // The Word 6 FIB has fixed offsets; its (fc, lcb) pairs start at 0x58 in the
            // same order as Word 97's FibRgFcLcb97.
            let pair = |index: usize| -> (u32, u32) {
                let at = 0x58 + index * 8;
                (u32_at(stream, at).unwrap_or(0), u32_at(stream, at + 4).unwrap_or(0))
            };
            fib.fc_min = u32_at(stream, 0x18).unwrap_or(0);
            fib.ccp_text = u32_at(stream, 0x34).unwrap_or(0);
            fib.stshf = pair(1);
            fib.plcf_bte_chpx = pair(12);
            fib.plcf_bte_papx = pair(13);
            fib.clx = pair(33);
            fib.sttbf_ffn = pair(15);
            return Some(fib);
        }
        fib.version = Some(Version::Word97);
        // FibBase (32 bytes), then csw 16-bit words, cslw 32-bit words, cbRgFcLcb pairs.
        let csw = usize::from(u16_at(stream, 32)?);
        let rg_lw = 34 + csw * 2 + 2;
        let cslw = usize::from(u16_at(stream, rg_lw - 2)?);
        fib.ccp_text = u32_at(stream, rg_lw + 3 * 4)?;
        let blob = rg_lw + cslw * 4 + 2;
        let pairs = usize::from(u16_at(stream, blob - 2)?);
        let pair = |index: usize| -> (u32, u32) {
            if index >= pairs {
                return (0, 0);
            }
            let at = blob + index * 8;
            (u32_at(stream, at).unwrap_or(0), u32_at(stream, at + 4).unwrap_or(0))
        };
        fib.stshf = pair(1);
        fib.plcf_bte_chpx = pair(12);
        fib.plcf_bte_papx = pair(13);
        fib.clx = pair(33);
        fib.plf_lst = pair(73);
        fib.plf_lfo = pair(74);
        Some(fib)
    }
}

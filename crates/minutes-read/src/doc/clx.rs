//! The piece table (CLX, [MS-DOC] 2.9.38): which bytes of the `WordDocument` stream hold
//! which characters, as 8-bit (compressed) or UTF-16 text, with the property edits
//! (`Prc`) that fast saves attach to pieces.

use super::{
    bytes::{fc_lcb, slice, u16_at, u32_at, u8_at},
    fib::{Fib, Version},
};

/// One piece: characters `cp_start..cp_end` stored from byte `offset` of the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Piece {
    pub cp_start: u32,
    pub cp_end: u32,
    /// Byte offset of the first character in the `WordDocument` stream.
    pub offset: u32,
    /// One byte per character (cp1252 in Word 97, the document's code page in Word 6);
    /// else UTF-16LE.
    pub single_byte: bool,
    /// Index of the piece's `Prc` grpprl, if its `Prm` names one.
    pub prc: Option<usize>,
}

impl Piece {
    /// Bytes per character.
    pub fn width(&self) -> u32 {
        if self.single_byte {
            1
        } else {
            2
        }
    }

    /// The file position of the character `cp` (which must be in the piece), as FKPs
    /// count it.
    pub fn fc_of(&self, cp: u32) -> u32 {
        self.offset
            .saturating_add(cp.saturating_sub(self.cp_start).saturating_mul(self.width()))
    }
}

/// The pieces in character order, and the fast-save grpprls they may point to.
#[derive(Debug, Clone, Default)]
pub(super) struct PieceTable {
    pub pieces: Vec<Piece>,
    pub prcs: Vec<Vec<u8>>,
}

impl PieceTable {
    /// The piece table of a Word 97 file (the CLX in the table stream), or of a Word 6
    /// file (the CLX in the main stream when it is complex, else one piece of 8-bit text
    /// from `fcMin`). `None` when the CLX is missing or unreadable.
    pub fn parse(fib: &Fib, main: &[u8], table: &[u8]) -> Option<PieceTable> {
        match fib.version {
            Some(Version::Word6) if !fib.complex => Some(PieceTable {
                pieces: vec![Piece {
                    cp_start: 0,
                    cp_end: fib.ccp_text,
                    offset: fib.fc_min,
                    single_byte: true,
                    prc: None,
                }],
                prcs: Vec::new(),
            }),
            // Word 95 with fExtChar stores pieces as Word 97 does (16-bit unless marked).
            Some(Version::Word6) => parse_clx(fc_lcb(main, fib.clx)?, !fib.ext_char),
            _ => parse_clx(fc_lcb(table, fib.clx)?, false),
        }
    }
}

/// A CLX: `Prc`s (0x01, 16-bit size, grpprl) then the `Pcdt` (0x02, 32-bit size, PlcPcd).
fn parse_clx(clx: &[u8], word6: bool) -> Option<PieceTable> {
    let mut prcs = Vec::new();
    let mut at = 0usize;
    loop {
        match u8_at(clx, at)? {
            0x01 => {
                let len = usize::from(u16_at(clx, at + 1)?);
                prcs.push(slice(clx, at + 3, len)?.to_vec());
                at += 3 + len;
            }
            0x02 => {
                let len = usize::try_from(u32_at(clx, at + 1)?).ok()?;
                let plc = clx.get(at + 5..)?;
                let plc = plc.get(..len.min(plc.len()))?;
                let pieces = parse_plc_pcd(plc, word6, prcs.len());
                return Some(PieceTable { pieces, prcs });
            }
            _ => return None,
        }
    }
}

/// PlcPcd: n + 1 character positions, then n 8-byte Pcds (flags, fc, prm). Pieces that
/// run backwards are dropped.
fn parse_plc_pcd(plc: &[u8], word6: bool, prc_count: usize) -> Vec<Piece> {
    let n = plc.len().saturating_sub(4) / 12;
    let mut pieces = Vec::with_capacity(n);
    for i in 0..n {
        let (Some(cp_start), Some(cp_end)) = (u32_at(plc, i * 4), u32_at(plc, i * 4 + 4))
        else {
            break;
        };
        let pcd = (n + 1) * 4 + i * 8;
        let (Some(fc), Some(prm)) = (u32_at(plc, pcd + 2), u16_at(plc, pcd + 6)) else {
            break;
        };
        if cp_end <= cp_start {
            continue;
        }
        // FcCompressed: bit 30 set means 8-bit text at fc / 2 (Word 97); Word 6 text is
        // always 8-bit at fc.
        let (offset, single_byte) = if word6 {
            (fc, true)
        } else if fc & 0x4000_0000 != 0 {
            ((fc & 0x3FFF_FFFF) / 2, true)
        } else {
            (fc & 0x3FFF_FFFF, false)
        };
        // Prm with fComplex set: igrpprl, the index of a Prc.
        let prc = (prm & 1 == 1)
            .then(|| usize::from(prm >> 1))
            .filter(|&index| index < prc_count);
        pieces.push(Piece { cp_start, cp_end, offset, single_byte, prc });
    }
    pieces
}

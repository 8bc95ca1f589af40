//! Formatted disk pages ([MS-DOC] 2.9.73 PlcBtePapx, 2.9.85 PapxFkp, 2.9.71 ChpxFkp):
//! the paragraph and character properties of byte ranges of the `WordDocument` stream,
//! flattened into sorted runs.

use super::{
    bytes::{fc_lcb, slice, u16_at, u32_at, u8_at},
    sprm::{self, sprms},
};

/// Size of an FKP page.
const PAGE: usize = 512;

/// The paragraph properties the reader uses, as set directly (PAPX) or by a piece's
/// `Prc`; the style's come on top of these later.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct ParaProps {
    pub istd: u16,
    pub outline: Option<u8>,
    pub ilfo: Option<i16>,
    pub ilvl: Option<u8>,
    pub in_table: Option<bool>,
    pub ttp: bool,
    pub itap: Option<u32>,
    pub inner_cell: bool,
    pub inner_ttp: bool,
}

impl ParaProps {
    /// Applies the paragraph sprms of `grpprl`.
    pub fn apply(&mut self, grpprl: &[u8]) {
        for (sprm, operand) in sprms(grpprl) {
            let byte = operand.first().copied();
            match sprm {
                sprm::P_ISTD => self.istd = u16_at(operand, 0).unwrap_or(self.istd),
                sprm::P_OUT_LVL => self.outline = byte,
                sprm::P_ILFO => self.ilfo = u16_at(operand, 0).map(|v| v as i16),
                sprm::P_ILVL => self.ilvl = byte,
                sprm::P_IN_TABLE => self.in_table = Some(sprm::toggle(operand)),
                sprm::P_TTP => self.ttp = sprm::toggle(operand),
                sprm::P_ITAP => self.itap = u32_at(operand, 0),
                sprm::P_INNER_CELL => self.inner_cell = sprm::toggle(operand),
                sprm::P_INNER_TTP => self.inner_ttp = sprm::toggle(operand),
                _ => {}
            }
        }
    }
}

/// The character properties the reader uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct CharProps {
    /// Deleted in a tracked change: not shown.
    pub deleted: bool,
    /// Hidden text: not shown.
    pub vanish: bool,
    /// Special characters: field marks, pictures, note references.
    pub special: bool,
}

impl CharProps {
    /// Applies the character sprms of `grpprl`.
    pub fn apply(&mut self, grpprl: &[u8]) {
        for (sprm, operand) in sprms(grpprl) {
            match sprm {
                sprm::C_DELETED => self.deleted = sprm::toggle(operand),
                sprm::C_VANISH => self.vanish = sprm::toggle_unstyled(operand),
                sprm::C_SPEC | sprm::C_OLE2 => self.special |= sprm::toggle(operand),
                _ => {}
            }
        }
    }
}

/// Properties by byte range, sorted by start; lookups by binary search.
#[derive(Debug, Clone)]
pub(super) struct Runs<T> {
    runs: Vec<(u32, u32, T)>,
}

impl<T: Copy + Default> Runs<T> {
    /// The properties of the byte at `fc`; the default where no run covers it.
    pub fn at(&self, fc: u32) -> T {
        let after = self.runs.partition_point(|(start, _, _)| *start <= fc);
        match after.checked_sub(1).and_then(|i| self.runs.get(i)) {
            Some((_, end, props)) if fc < *end => *props,
            _ => T::default(),
        }
    }
}

/// The FKP pages named by a PlcBte (Word 97: 32-bit page numbers), each page once and
/// only pages inside the stream (a hostile table cannot multiply work).
fn pages<'a>(main: &'a [u8], table: &[u8], plc: (u32, u32)) -> Vec<&'a [u8]> {
    let Some(plc) = fc_lcb(table, plc) else { return Vec::new() };
    let n = plc.len().saturating_sub(4) / 8;
    let mut seen = vec![false; main.len() / PAGE + 1];
    let mut out = Vec::new();
    for i in 0..n {
        let Some(pn) = u32_at(plc, (n + 1) * 4 + i * 4) else { break };
        let pn = (pn & 0x003F_FFFF) as usize;
        let Some(flag) = seen.get_mut(pn) else { continue };
        if std::mem::replace(flag, true) {
            continue;
        }
        if let Some(page) = slice(main, pn * PAGE, PAGE) {
            out.push(page);
        }
    }
    out
}

/// The paragraph runs of the PAPX FKPs.
pub(super) fn paragraph_runs(
    main: &[u8],
    table: &[u8],
    plc: (u32, u32),
) -> Runs<ParaProps> {
    let mut runs = Vec::new();
    for page in pages(main, table, plc) {
        let crun = usize::from(u8_at(page, PAGE - 1).unwrap_or(0));
        for i in 0..crun {
            let (Some(start), Some(end)) = (u32_at(page, i * 4), u32_at(page, i * 4 + 4))
            else {
                break;
            };
            // BxPap: a byte (offset / 2 of the PapxInFkp) and a 12-byte PHE.
            let b_offset = usize::from(u8_at(page, (crun + 1) * 4 + i * 13).unwrap_or(0));
            let mut props = ParaProps::default();
            if b_offset != 0 {
                if let Some(grpprl) = papx_grpprl(page, b_offset * 2) {
                    props.istd = u16_at(grpprl, 0).unwrap_or(0);
                    props.apply(grpprl.get(2..).unwrap_or_default());
                }
            }
            if start < end {
                runs.push((start, end, props));
            }
        }
    }
    runs.sort_by_key(|(start, _, _)| *start);
    Runs { runs }
}

/// PapxInFkp: cb; a grpprl of 2 × cb − 1 bytes, or with cb 0 a second count byte and
/// 2 × cb′ bytes.
fn papx_grpprl(page: &[u8], at: usize) -> Option<&[u8]> {
    match usize::from(u8_at(page, at)?) {
        0 => {
            let cb = usize::from(u8_at(page, at + 1)?);
            slice(page, at + 2, 2 * cb)
        }
        cb => slice(page, at + 1, 2 * cb - 1),
    }
}

/// The character runs of the CHPX FKPs that have a property the reader uses.
pub(super) fn character_runs(
    main: &[u8],
    table: &[u8],
    plc: (u32, u32),
) -> Runs<CharProps> {
    let mut runs = Vec::new();
    for page in pages(main, table, plc) {
        let crun = usize::from(u8_at(page, PAGE - 1).unwrap_or(0));
        for i in 0..crun {
            let (Some(start), Some(end)) = (u32_at(page, i * 4), u32_at(page, i * 4 + 4))
            else {
                break;
            };
            let offset = usize::from(u8_at(page, (crun + 1) * 4 + i).unwrap_or(0)) * 2;
            if offset == 0 {
                continue;
            }
            let Some(cb) = u8_at(page, offset) else { continue };
            let Some(grpprl) = slice(page, offset + 1, usize::from(cb)) else { continue };
            let mut props = CharProps::default();
            props.apply(grpprl);
            if props != CharProps::default() && start < end {
                runs.push((start, end, props));
            }
        }
    }
    runs.sort_by_key(|(start, _, _)| *start);
    Runs { runs }
}

/// No runs: every byte has the default properties.
impl<T> Default for Runs<T> {
    fn default() -> Runs<T> {
        Runs { runs: Vec::new() }
    }
}

//! Single property modifiers ([MS-DOC] 2.2.5.1, 2.6): a grpprl is a run of sprms, each a
//! 16-bit opcode whose `spra` bits give the operand's size, followed by the operand.

use super::bytes::{u16_at, u8_at};

/// `sprmPIstd`: the paragraph's style.
pub(super) const P_ISTD: u16 = 0x4600;
/// `sprmPIlvl`: the list level.
pub(super) const P_ILVL: u16 = 0x260A;
/// `sprmPIlfo`: the list (1-based index of the LFO; 0 is no list).
pub(super) const P_ILFO: u16 = 0x460B;
/// `sprmPFInTable`: the paragraph is in a table.
pub(super) const P_IN_TABLE: u16 = 0x2416;
/// `sprmPFTtp`: the paragraph is a table row's end mark.
pub(super) const P_TTP: u16 = 0x2417;
/// `sprmPOutLvl`: the outline level (9 is body text).
pub(super) const P_OUT_LVL: u16 = 0x2640;
/// `sprmPItap`: the table depth.
pub(super) const P_ITAP: u16 = 0x6649;
/// `sprmPFInnerTableCell`: the mark ends a cell of a nested table.
pub(super) const P_INNER_CELL: u16 = 0x244B;
/// `sprmPFInnerTtp`: the mark ends a row of a nested table.
pub(super) const P_INNER_TTP: u16 = 0x244C;
/// `sprmCFRMarkDel`: deleted text (a tracked change).
pub(super) const C_DELETED: u16 = 0x0800;
/// `sprmCFVanish`: hidden text.
pub(super) const C_VANISH: u16 = 0x083C;
/// `sprmCFSpec`: the characters are special (fields, pictures, note references).
pub(super) const C_SPEC: u16 = 0x0855;
/// `sprmCFOle2`: an embedded OLE object.
pub(super) const C_OLE2: u16 = 0x080A;
/// `sprmTDefTable`: its operand's size is a 16-bit count.
const T_DEF_TABLE: u16 = 0xD608;
/// `sprmPChgTabs`: its operand may have a size byte of 255 and a structure after.
const P_CHG_TABS: u16 = 0xC615;

/// The sprms of `grpprl` with their operands, up to the first one that does not fit.
pub(super) fn sprms(grpprl: &[u8]) -> Sprms<'_> {
    Sprms { grpprl, at: 0 }
}

/// Iterator over a grpprl's sprms.
pub(super) struct Sprms<'a> {
    grpprl: &'a [u8],
    at: usize,
}

impl<'a> Iterator for Sprms<'a> {
    type Item = (u16, &'a [u8]);

    fn next(&mut self) -> Option<(u16, &'a [u8])> {
        let sprm = u16_at(self.grpprl, self.at)?;
        let start = self.at + 2;
        let (skip, len) = match sprm >> 13 {
            0 | 1 => (0, 1),
            2 | 4 | 5 => (0, 2),
            3 => (0, 4),
            7 => (0, 3),
            _ => match sprm {
                // cb counts the rest of the operand plus one.
                T_DEF_TABLE => (2, usize::from(u16_at(self.grpprl, start)?).max(1) - 1),
                P_CHG_TABS if u8_at(self.grpprl, start)? == 255 => {
                    (0, 1 + chg_tabs_len(self.grpprl.get(start + 1..)?)?)
                }
                _ => (1, usize::from(u8_at(self.grpprl, start)?)),
            },
        };
        let operand = self.grpprl.get(start + skip..start + skip + len)?;
        self.at = start + skip + len;
        Some((sprm, operand))
    }
}

/// The size of a `PChgTabsOperand` whose cb is 255: deleted tabs (two 16-bit values
/// each), then added tabs (three bytes each), each list after its count byte.
fn chg_tabs_len(rest: &[u8]) -> Option<usize> {
    let deleted = usize::from(u8_at(rest, 0)?);
    let added = usize::from(u8_at(rest, 1 + deleted * 4)?);
    Some(2 + deleted * 4 + added * 3)
}

/// A toggle operand ([MS-DOC] 2.9.8 ToggleOperand): on for 1, and for 0x81 ("the opposite
/// of the style's value") where styles never set the property (revision marks, table
/// flags), since the style's value is then off.
pub(super) fn toggle(operand: &[u8]) -> bool {
    matches!(operand.first(), Some(1 | 0x81))
}

/// A toggle operand of a property styles may set (hidden text): on for 1 only. 0x80 and
/// 0x81 need the character style chain, which the reader does not resolve: they read as
/// off, so that text is kept rather than lost (a hidden style's text shown by 0x81 is the
/// case met in practice).
pub(super) fn toggle_unstyled(operand: &[u8]) -> bool {
    operand.first() == Some(&1)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Operand sizes come from spra, variable ones from their count byte.
    #[test]
    fn operand_sizes() {
        let grpprl = [
            0x16, 0x24, 0x01, // sprmPFInTable 1
            0x00, 0x46, 0x05, 0x00, // sprmPIstd 5
            0x49, 0x66, 0x02, 0x00, 0x00, 0x00, // sprmPItap 2
            0x08, 0xD6, 0x03, 0x00, 0xAA, 0xBB, // sprmTDefTable, cb 3: two bytes
            0x15, 0xC6, 0x02, 0x01, 0x02, // sprmPChgTabs, two bytes
            0x40, 0x26, // truncated sprmPOutLvl
        ];
        let got: Vec<(u16, Vec<u8>)> =
            sprms(&grpprl).map(|(s, o)| (s, o.to_vec())).collect();
        assert_eq!(
            got,
            vec![
                (P_IN_TABLE, vec![1]),
                (P_ISTD, vec![5, 0]),
                (P_ITAP, vec![2, 0, 0, 0]),
                (T_DEF_TABLE, vec![0xAA, 0xBB]),
                (P_CHG_TABS, vec![1, 2]),
            ]
        );
    }
}

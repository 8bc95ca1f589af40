//! The code page of a Word 6/95 document's 8-bit text: from the SummaryInformation
//! property set, else the font table, else the document's language.

use crate::charset::{self, CodePage, DoubleByte};

use super::bytes::{fc_lcb, u16_at, u32_at, u8_at};

/// The code page named in a SummaryInformation property set ([MS-OLEPS]: the section's
/// `PID_CODEPAGE` property), when it is one of the ANSI code pages Word 6 wrote text in.
/// The document's language does not tell: Cyrillic text is often marked English.
pub(super) fn from_summary(stream: &[u8]) -> Option<CodePage> {
    let section = usize::try_from(u32_at(stream, 44)?).ok()?;
    let count = usize::try_from(u32_at(stream, section + 4)?).ok()?.min(1024);
    for i in 0..count {
        let entry = section + 8 + i * 8;
        if u32_at(stream, entry)? != 1 {
            continue;
        }
        let at = section + usize::try_from(u32_at(stream, entry + 4)?).ok()?;
        // VT_I2, then the code page as a 16-bit value.
        if u16_at(stream, at)? != 2 {
            return None;
        }
        return match u16_at(stream, at + 4)? {
            874 => Some(CodePage::Single(&charset::WINDOWS_874)),
            932 => Some(CodePage::Double(DoubleByte::ShiftJis)),
            936 => Some(CodePage::Double(DoubleByte::Gbk)),
            949 => Some(CodePage::Double(DoubleByte::EucKr)),
            950 => Some(CodePage::Double(DoubleByte::Big5)),
            1250 => Some(CodePage::Single(&charset::WINDOWS_1250)),
            1251 => Some(CodePage::Single(&charset::WINDOWS_1251)),
            1252 => Some(CodePage::Single(&charset::WINDOWS_1252)),
            1253 => Some(CodePage::Single(&charset::WINDOWS_1253)),
            1254 => Some(CodePage::Single(&charset::WINDOWS_1254)),
            1255 => Some(CodePage::Single(&charset::WINDOWS_1255)),
            1256 => Some(CodePage::Single(&charset::WINDOWS_1256)),
            1257 => Some(CodePage::Single(&charset::WINDOWS_1257)),
            1258 => Some(CodePage::Single(&charset::WINDOWS_1258)),
            10000 => Some(CodePage::Single(&charset::MACINTOSH)),
            _ => None,
        };
    }
    None
}

/// The code page of the first font of a Word 6/95 font table (SttbfFfn: a 16-bit size,
/// then FFNs of `cbFfnM1` + 1 bytes whose fourth byte is the character set) with a
/// national character set, for files whose metadata names none: Cyrillic text in a
/// document marked English is written in a `… Cyr` font of charset 204.
pub(super) fn from_fonts(main: &[u8], sttbf_ffn: (u32, u32)) -> Option<CodePage> {
    let table = fc_lcb(main, sttbf_ffn)?;
    let mut at = 2usize;
    while let Some(cb) = u8_at(table, at) {
        let character_set = u8_at(table, at + 4)?;
        let encoding = match character_set {
            204 => Some(CodePage::Single(&charset::WINDOWS_1251)),
            238 => Some(CodePage::Single(&charset::WINDOWS_1250)),
            161 => Some(CodePage::Single(&charset::WINDOWS_1253)),
            162 => Some(CodePage::Single(&charset::WINDOWS_1254)),
            177 => Some(CodePage::Single(&charset::WINDOWS_1255)),
            178 => Some(CodePage::Single(&charset::WINDOWS_1256)),
            186 => Some(CodePage::Single(&charset::WINDOWS_1257)),
            128 => Some(CodePage::Double(DoubleByte::ShiftJis)),
            134 => Some(CodePage::Double(DoubleByte::Gbk)),
            136 => Some(CodePage::Double(DoubleByte::Big5)),
            129 => Some(CodePage::Double(DoubleByte::EucKr)),
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
pub(super) fn from_language(lid: u16) -> CodePage {
    match lid & 0x03FF {
        // Russian, Ukrainian, Belarusian, Bulgarian, Serbian (Cyrillic is 0x0C1A), Macedonian.
        0x19 | 0x22 | 0x23 | 0x02 | 0x2F => CodePage::Single(&charset::WINDOWS_1251),
        0x1A if lid == 0x0C1A => CodePage::Single(&charset::WINDOWS_1251),
        // Czech, Polish, Hungarian, Slovak, Slovenian, Croatian, Romanian, Albanian.
        0x05 | 0x15 | 0x0E | 0x1B | 0x24 | 0x1A | 0x18 | 0x1C => {
            CodePage::Single(&charset::WINDOWS_1250)
        }
        0x08 => CodePage::Single(&charset::WINDOWS_1253),
        0x1F => CodePage::Single(&charset::WINDOWS_1254),
        0x0D => CodePage::Single(&charset::WINDOWS_1255),
        0x01 => CodePage::Single(&charset::WINDOWS_1256),
        0x25..=0x27 => CodePage::Single(&charset::WINDOWS_1257),
        0x2A => CodePage::Single(&charset::WINDOWS_1258),
        0x1E => CodePage::Single(&charset::WINDOWS_874),
        0x11 => CodePage::Double(DoubleByte::ShiftJis),
        0x12 => CodePage::Double(DoubleByte::EucKr),
        0x04 if lid == 0x0404 || lid == 0x0C04 => CodePage::Double(DoubleByte::Big5),
        0x04 => CodePage::Double(DoubleByte::Gbk),
        _ => CodePage::Single(&charset::WINDOWS_1252),
    }
}

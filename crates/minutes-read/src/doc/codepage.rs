//! The code page of a Word 6/95 document's 8-bit text: from the SummaryInformation
//! property set, else the font table, else the document's language.

use encoding_rs::Encoding;

use super::bytes::{fc_lcb, u16_at, u32_at, u8_at};

/// The code page named in a SummaryInformation property set ([MS-OLEPS]: the section's
/// `PID_CODEPAGE` property), when it is one of the ANSI code pages Word 6 wrote text in.
/// The document's language does not tell: Cyrillic text is often marked English.
pub(super) fn from_summary(stream: &[u8]) -> Option<&'static Encoding> {
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
pub(super) fn from_fonts(
    main: &[u8],
    sttbf_ffn: (u32, u32),
) -> Option<&'static Encoding> {
    let table = fc_lcb(main, sttbf_ffn)?;
    let mut at = 2usize;
    while let Some(cb) = u8_at(table, at) {
        let charset = u8_at(table, at + 4)?;
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
pub(super) fn from_language(lid: u16) -> &'static Encoding {
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

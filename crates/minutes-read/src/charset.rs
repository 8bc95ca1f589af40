//! The character sets of the readers' 8-bit and UTF-16 text, decoded without going through
//! encoding_rs's decoder, which carries every encoding's tables: the single-byte code
//! pages are tables that `build.rs` generates from encoding_rs, UTF-16 is the standard
//! library's. The East Asian double-byte code pages of Word 6/95 documents are decoded by
//! encoding_rs when the `cjk` feature is on (the default; the browser page leaves it out).
//! Tests check every table and decoder against encoding_rs.

include!(concat!(env!("OUT_DIR"), "/code_pages.rs"));

/// A single-byte code page whose lower half is ASCII.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct SingleByte {
    /// Its name, as encoding_rs gives it (`windows-1252`).
    pub name: &'static str,
    /// The characters of bytes 0x80 to 0xFF (U+FFFD where the code page has none).
    high: [char; 128],
}

impl SingleByte {
    /// The character of `byte`.
    pub(crate) fn char_of(&self, byte: u8) -> char {
        match byte.checked_sub(0x80) {
            None => char::from(byte),
            Some(high) => self.high.get(usize::from(high)).copied().unwrap_or('\u{FFFD}'),
        }
    }

    /// The text of `bytes`.
    pub(crate) fn decode(&self, bytes: &[u8]) -> String {
        bytes.iter().map(|&byte| self.char_of(byte)).collect()
    }
}

/// An East Asian double-byte code page of Word 6/95 documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DoubleByte {
    ShiftJis,
    Gbk,
    EucKr,
    Big5,
}

impl DoubleByte {
    /// Its name, as encoding_rs gives it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            DoubleByte::ShiftJis => "Shift_JIS",
            DoubleByte::Gbk => "GBK",
            DoubleByte::EucKr => "EUC-KR",
            DoubleByte::Big5 => "Big5",
        }
    }

    /// The text of `bytes`; `None` when they are not ASCII and this build has no East
    /// Asian decoders (the `cjk` feature is off). ASCII bytes read as ASCII in all four.
    pub(crate) fn decode(self, bytes: &[u8]) -> Option<String> {
        #[cfg(feature = "cjk")]
        {
            let encoding = match self {
                DoubleByte::ShiftJis => encoding_rs::SHIFT_JIS,
                DoubleByte::Gbk => encoding_rs::GBK,
                DoubleByte::EucKr => encoding_rs::EUC_KR,
                DoubleByte::Big5 => encoding_rs::BIG5,
            };
            Some(encoding.decode_without_bom_handling(bytes).0.into_owned())
        }
        #[cfg(not(feature = "cjk"))]
        {
            bytes.is_ascii().then(|| bytes.iter().map(|&byte| char::from(byte)).collect())
        }
    }
}

/// The code page of 8-bit text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CodePage {
    Single(&'static SingleByte),
    Double(DoubleByte),
}

/// UTF-16 `bytes` (without a BOM) as text, and whether anything was replaced: unpaired
/// surrogates and an odd last byte become U+FFFD, as encoding_rs decodes them.
pub(crate) fn decode_utf16(bytes: &[u8], big_endian: bool) -> (String, bool) {
    let pairs = bytes.chunks_exact(2);
    let odd_byte = !pairs.remainder().is_empty();
    let units = pairs.map(|pair| match *pair {
        [a, b] if big_endian => u16::from_be_bytes([a, b]),
        [a, b] => u16::from_le_bytes([a, b]),
        _ => 0xFFFD,
    });
    let mut replaced = false;
    let mut last = 0;
    let mut text: String = char::decode_utf16(units.inspect(|&unit| last = unit))
        .map(|unit| {
            unit.unwrap_or_else(|_| {
                replaced = true;
                '\u{FFFD}'
            })
        })
        .collect();
    // An odd last byte is one more replacement, unless it follows a lone high surrogate:
    // encoding_rs replaces the two together.
    if odd_byte && !(0xD800..0xDC00).contains(&last) {
        text.push('\u{FFFD}');
        replaced = true;
    }
    (text, replaced)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    const TABLES: [(&SingleByte, &encoding_rs::Encoding); 11] = [
        (&WINDOWS_874, encoding_rs::WINDOWS_874),
        (&WINDOWS_1250, encoding_rs::WINDOWS_1250),
        (&WINDOWS_1251, encoding_rs::WINDOWS_1251),
        (&WINDOWS_1252, encoding_rs::WINDOWS_1252),
        (&WINDOWS_1253, encoding_rs::WINDOWS_1253),
        (&WINDOWS_1254, encoding_rs::WINDOWS_1254),
        (&WINDOWS_1255, encoding_rs::WINDOWS_1255),
        (&WINDOWS_1256, encoding_rs::WINDOWS_1256),
        (&WINDOWS_1257, encoding_rs::WINDOWS_1257),
        (&WINDOWS_1258, encoding_rs::WINDOWS_1258),
        (&MACINTOSH, encoding_rs::MACINTOSH),
    ];

    // Every byte of every table reads as encoding_rs reads it.
    #[test]
    fn tables_are_encoding_rs() {
        let all: Vec<u8> = (0..=255).collect();
        for (table, encoding) in TABLES {
            assert_eq!(table.name, encoding.name());
            assert_eq!(table.decode(&all), encoding.decode_without_bom_handling(&all).0);
        }
        assert_eq!(WINDOWS_1251.decode(b"\xCF\xF0\xE8"), "При");
    }

    #[test]
    fn double_byte_names_are_encoding_rs() {
        for (page, encoding) in [
            (DoubleByte::ShiftJis, encoding_rs::SHIFT_JIS),
            (DoubleByte::Gbk, encoding_rs::GBK),
            (DoubleByte::EucKr, encoding_rs::EUC_KR),
            (DoubleByte::Big5, encoding_rs::BIG5),
        ] {
            assert_eq!(page.name(), encoding.name());
            assert_eq!(page.decode(b"Agenda 1").as_deref(), Some("Agenda 1"));
        }
    }

    // Without encoding_rs's East Asian tables only ASCII text reads; the rest is refused.
    #[cfg(not(feature = "cjk"))]
    #[test]
    fn without_cjk_only_ascii_reads() {
        assert_eq!(
            DoubleByte::ShiftJis.decode(b"1 Opening").as_deref(),
            Some("1 Opening")
        );
        assert_eq!(DoubleByte::Gbk.decode(b"\x80"), None);
    }

    proptest::proptest! {
        // UTF-16 reads as encoding_rs reads it, replacements and all.
        #[test]
        fn utf16_is_encoding_rs(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
            surrogates in proptest::collection::vec(0xD7u8..0xE0, 0..8),
        ) {
            // Surrogate halves mixed in, so that pairs and strays both occur.
            let mut bytes = bytes;
            for (i, high) in surrogates.into_iter().enumerate() {
                if let Some(byte) = bytes.get_mut(i * 5 + 1) {
                    *byte = high;
                }
            }
            for (big_endian, encoding) in
                [(false, encoding_rs::UTF_16LE), (true, encoding_rs::UTF_16BE)]
            {
                let (expected, had_errors) = encoding.decode_without_bom_handling(&bytes);
                proptest::prop_assert_eq!(
                    decode_utf16(&bytes, big_endian),
                    (expected.into_owned(), had_errors)
                );
            }
        }

        // Any bytes read as encoding_rs reads them in every single-byte table.
        #[test]
        fn single_byte_is_encoding_rs(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
        ) {
            for (table, encoding) in TABLES {
                let expected = encoding.decode_without_bom_handling(&bytes).0;
                proptest::prop_assert_eq!(table.decode(&bytes), expected);
            }
        }
    }
}

//! Bytes to text: BOMs, UTF-8, UTF-16, and the Windows-1252 fallback.

use std::borrow::Cow;

use crate::charset::{decode_utf16, WINDOWS_1252};

/// Decoded text and, when the bytes were not plain UTF-8, a note saying how they were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text: borrowed from the bytes when they are UTF-8 (a large draft is not
    /// copied), owned when decoded from another encoding.
    pub text: Cow<'a, str>,
    /// How the bytes were decoded, when that is worth reporting.
    pub note: Option<String>,
}

/// Decodes a text draft: a UTF-8 or UTF-16 BOM decides; otherwise valid UTF-8 is UTF-8 and
/// anything else is read as Windows-1252 (what Word writes for "Western European" text).
pub fn decode_text(bytes: &[u8]) -> Decoded<'_> {
    if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = String::from_utf8_lossy(body);
        let had_errors = matches!(text, Cow::Owned(_));
        return from_bom("UTF-8", text, had_errors);
    }
    for (bom, big_endian) in [(b"\xFF\xFE", false), (b"\xFE\xFF", true)] {
        if let Some(body) = bytes.strip_prefix(bom) {
            let (text, had_errors) = decode_utf16(body, big_endian);
            return from_bom("UTF-16", Cow::Owned(text), had_errors);
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded { text: Cow::Borrowed(text), note: None },
        Err(_) => Decoded {
            text: Cow::Owned(WINDOWS_1252.decode(bytes)),
            note: Some("not valid UTF-8: decoded as Windows-1252".to_string()),
        },
    }
}

/// Text decoded as its byte-order mark says, with a note unless it is clean UTF-8.
fn from_bom<'a>(name: &str, text: Cow<'a, str>, had_errors: bool) -> Decoded<'a> {
    let note = if had_errors {
        Some(format!(
            "decoded as {name} (from its byte-order mark); invalid sequences replaced"
        ))
    } else {
        (name != "UTF-8").then(|| format!("decoded as {name} (from its byte-order mark)"))
    };
    Decoded { text, note }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode_text("Fran\u{e7}ois".as_bytes()).text, "François");
        let decoded = decode_text(b"\xEF\xBB\xBFabc");
        assert_eq!((&*decoded.text, decoded.note), ("abc", None));
    }

    #[test]
    fn utf16_with_bom() {
        assert_eq!(decode_text(b"\xFF\xFEa\0\xE7\0").text, "aç");
        assert_eq!(decode_text(b"\xFE\xFF\0a\0\xE7").text, "aç");
        assert!(decode_text(b"\xFF\xFEa\0").note.is_some());
    }

    /// The decoding through encoding_rs that `decode_text` replaces (see `charset`).
    fn through_encoding_rs(bytes: &[u8]) -> (String, Option<String>) {
        use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
        if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
            let (text, had_errors) =
                encoding.decode_without_bom_handling(&bytes[bom_length..]);
            let name = if encoding == UTF_16LE || encoding == UTF_16BE {
                "UTF-16"
            } else {
                encoding.name()
            };
            let note = (encoding != UTF_8 || had_errors).then(|| {
                let replaced =
                    if had_errors { "; invalid sequences replaced" } else { "" };
                format!("decoded as {name} (from its byte-order mark){replaced}")
            });
            return (text.into_owned(), note);
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_string(), None),
            Err(_) => (
                WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
                Some("not valid UTF-8: decoded as Windows-1252".to_string()),
            ),
        }
    }

    proptest::proptest! {
        // Any bytes, after any byte-order mark, decode as encoding_rs decodes them.
        #[test]
        fn same_as_encoding_rs(
            bom in 0usize..4,
            body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..48),
            utf8 in "\\PC{0,12}",
        ) {
            let boms: [&[u8]; 4] = [b"", b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"];
            for body in [body.as_slice(), utf8.as_bytes()] {
                let bytes = [boms[bom], body].concat();
                let decoded = decode_text(&bytes);
                proptest::prop_assert_eq!(
                    (decoded.text.into_owned(), decoded.note),
                    through_encoding_rs(&bytes)
                );
            }
        }
    }

    #[test]
    fn windows_1252_fallback() {
        let decoded = decode_text(b"Fran\xE7ois \x96 \x93quoted\x94");
        assert_eq!(decoded.text, "François – “quoted”");
        assert!(decoded.note.is_some());
    }
}

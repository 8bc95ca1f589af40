//! Bytes to text: BOMs, UTF-8, UTF-16, and the Windows-1252 fallback.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

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
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_length..).unwrap_or_default();
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        let note = (encoding != UTF_8 || had_errors).then(|| {
            let name = if encoding == UTF_16LE || encoding == UTF_16BE { "UTF-16" } else { encoding.name() };
            if had_errors {
                format!("decoded as {name} (from its byte-order mark); invalid sequences replaced")
            } else {
                format!("decoded as {name} (from its byte-order mark)")
            }
        });
        return Decoded { text, note };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded { text: Cow::Borrowed(text), note: None },
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Decoded {
                text,
                note: Some("not valid UTF-8: decoded as Windows-1252".to_string()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn windows_1252_fallback() {
        let decoded = decode_text(b"Fran\xE7ois \x96 \x93quoted\x94");
        assert_eq!(decoded.text, "François – “quoted”");
        assert!(decoded.note.is_some());
    }
}

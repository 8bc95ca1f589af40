//! Bytes of a page to text: a byte-order mark, else the page's own `<meta charset>`, else
//! UTF-8 when valid and Windows-1252 otherwise (what Excel and Word export).

use std::borrow::Cow;

use encoding_rs::Encoding;

use crate::text::{decode_text, Decoded};

/// How far into the page the charset declaration is looked for. The HTML standard's
/// prescan stops at 1,024 bytes; Word's exports carry long style blocks before it, so
/// further.
const PRESCAN: usize = 16 * 1024;

/// Decodes an HTML page, honouring a BOM, then `<meta charset=…>` or
/// `<meta http-equiv=Content-Type content="…; charset=…">`.
pub(super) fn decode_html(bytes: &[u8]) -> Decoded<'_> {
    if Encoding::for_bom(bytes).is_some() {
        return decode_text(bytes);
    }
    let Some(declared) = declared_encoding(bytes) else { return decode_text(bytes) };
    // A page cannot declare itself UTF-16 in ASCII; the standard reads such a page as UTF-8.
    let encoding = declared.output_encoding();
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let note = had_errors
        .then(|| format!("not valid {}: invalid sequences replaced", encoding.name()));
    Decoded { text: Cow::Owned(text.into_owned()), note }
}

/// The encoding a `<meta>` tag near the start of the page declares.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..PRESCAN).unwrap_or(bytes).to_ascii_lowercase();
    let mut rest = head.as_slice();
    while let Some(start) = find(rest, b"<meta") {
        let tag = rest.get(start..).unwrap_or_default();
        let end = tag.iter().position(|&b| b == b'>').unwrap_or(tag.len());
        let attributes = tag.get(..end).unwrap_or_default();
        if let Some(at) = find(attributes, b"charset") {
            let value = attributes.get(at + b"charset".len()..).unwrap_or_default();
            let value = value
                .iter()
                .position(|b| {
                    !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'=' | b'"' | b'\'')
                })
                .and_then(|skip| value.get(skip..))
                .unwrap_or_default();
            let label_end = value
                .iter()
                .position(|b| {
                    b.is_ascii_whitespace()
                        || matches!(b, b'"' | b'\'' | b';' | b'>' | b'/')
                })
                .unwrap_or(value.len());
            if let Some(encoding) =
                value.get(..label_end).and_then(Encoding::for_label_no_replacement)
            {
                return Some(encoding);
            }
        }
        rest = tag.get(end..).unwrap_or_default();
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_decides() {
        let page =
            b"<html><head><meta charset=\"windows-1252\"></head><p>R\xE9sum\xE9</p>";
        assert!(decode_html(page).text.contains("Résumé"));
        let excel = b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html;charset=windows-1252\"><p>\x93q\x94";
        assert!(decode_html(excel).text.contains("“q”"));
        let unquoted = b"<meta http-equiv=Content-Type content=\"text/html; charset=iso-8859-1\">\xE9";
        assert!(decode_html(unquoted).text.ends_with('é'));
    }

    #[test]
    fn without_declaration_utf8_then_windows_1252() {
        assert!(decode_html("<p>Résumé</p>".as_bytes()).text.contains("Résumé"));
        assert!(decode_html(b"<p>R\xE9sum\xE9</p>").text.contains("Résumé"));
        // A UTF-16 declaration in an ASCII-compatible page is read as UTF-8.
        assert!(decode_html("<meta charset=utf-16><p>é".as_bytes()).text.ends_with('é'));
        // A BOM wins over the declaration.
        assert!(decode_html(b"\xEF\xBB\xBF<meta charset=windows-1252>\xC3\xA9")
            .text
            .ends_with('é'));
    }
}

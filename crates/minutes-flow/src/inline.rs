//! The one place inline text is normalised, for every reader.

/// Normalises inline text as readers must before building blocks: no-break spaces become
/// spaces, soft hyphens, zero-width spaces, BOMs and the noncharacters U+FFFE/U+FFFF
/// disappear, other control characters
/// (except tab and line feed) are dropped. Smart quotes and dashes are kept as written.
pub fn normalise_inline(text: &str) -> String {
    if is_normal(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{00A0}' | '\u{202F}' | '\u{2007}' => out.push(' '),
            // Zero-width non-joiner and joiner (U+200C, U+200D) shape Persian and Indic
            // words: kept.
            // Noncharacters U+FFFE/U+FFFF are not text (and XML cannot carry them).
            '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{FFFE}'
            | '\u{FFFF}' => {}
            '\t' | '\n' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// [`normalise_inline`] for text the caller owns: `text` itself, not a copy, when nothing
/// in it needs normalising (most text).
pub fn normalise_inline_owned(text: String) -> String {
    if is_normal(&text) {
        text
    } else {
        normalise_inline(&text)
    }
}

/// Returns true if and only if [`normalise_inline`] leaves `text` as it is.
fn is_normal(text: &str) -> bool {
    // Printable ASCII, tab and line feed are kept: one cheap pass decides most text.
    // (Folded without an early exit, so that the loop vectorises.)
    let plain = |ok: bool, b: &u8| ok & matches!(b, b' '..=b'~' | b'\t' | b'\n');
    text.as_bytes().iter().fold(true, plain)
        || text.chars().all(|c| {
            !matches!(
                c,
                '\u{00A0}'
                    | '\u{202F}'
                    | '\u{2007}'
                    | '\u{00AD}'
                    | '\u{200B}'
                    | '\u{2060}'
                    | '\u{FEFF}'
                    | '\u{FFFE}'
                    | '\u{FFFF}'
            ) && (!c.is_control() || c == '\t' || c == '\n')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Checks the characters the DESIGN contract names: NBSP, soft hyphen, smart quotes.
    #[test]
    fn normalises_spaces_and_hyphens_keeps_quotes() {
        assert_eq!(normalise_inline("a\u{00A0}b\u{00AD}c “d” – e\u{0}"), "a bc “d” – e");
        assert_eq!(normalise_inline("می\u{200C}خواهم"), "می\u{200C}خواهم");
        assert_eq!(normalise_inline("a\u{FFFF}b\u{FFFE}"), "ab");
        assert_eq!(normalise_inline_owned("a\u{00A0}b\tc".into()), "a b\tc");
        assert_eq!(normalise_inline_owned("“d” – e\n".into()), "“d” – e\n");
        assert_eq!(normalise_inline_owned("x\u{7F}\u{85}y\r".into()), "xy");
    }
}

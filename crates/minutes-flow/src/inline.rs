//! The one place inline text is normalised, for every reader.

/// Normalises inline text as readers must before building blocks: no-break spaces become
/// spaces, soft hyphens, zero-width spaces, BOMs and the noncharacters U+FFFE/U+FFFF
/// disappear, other control characters
/// (except tab and line feed) are dropped. Smart quotes and dashes are kept as written.
pub fn normalise_inline(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    // Checks the characters the DESIGN contract names: NBSP, soft hyphen, smart quotes.
    #[test]
    fn normalises_spaces_and_hyphens_keeps_quotes() {
        assert_eq!(normalise_inline("a\u{00A0}b\u{00AD}c “d” – e\u{0}"), "a bc “d” – e");
        assert_eq!(normalise_inline("می\u{200C}خواهم"), "می\u{200C}خواهم");
        assert_eq!(normalise_inline("a\u{FFFF}b\u{FFFE}"), "ab");
    }
}

//! Small text helpers shared by the recognisers.

use std::borrow::Cow;

use minutes_flow::Span;

/// The model's place for a Flow block's location: the same [`Span`] (the model's
/// `Span`), handed on as it is; the outputs print it.
pub(crate) fn location_text(location: &Span) -> Span {
    location.clone()
}

/// Trims and folds runs of white space into single spaces; borrows `text` when it is
/// folded already, as nearly every line is.
pub(crate) fn fold_spaces(text: &str) -> Cow<'_, str> {
    if is_folded(text) {
        return Cow::Borrowed(text);
    }
    let mut folded = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    }
    Cow::Owned(folded)
}

/// [`fold_spaces`] as an owned string, for text that is kept.
pub(crate) fn folded(text: &str) -> String {
    fold_spaces(text).into_owned()
}

/// Returns true if and only if folding would not change `text`: no white space but single
/// spaces between words.
fn is_folded(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Starting as if after a space rejects leading white space.
    let mut after_space = true;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        // ASCII without decoding a char (nearly all text); `char::is_whitespace` else.
        let (space, len) = if byte.is_ascii() {
            (matches!(byte, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'), 1)
        } else {
            match text.get(at..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                // Not at a char boundary: cannot happen; folding is right whatever.
                None => return false,
            }
        };
        if space {
            if byte != b' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
        at += len;
    }
    !after_space || text.is_empty()
}

/// Returns true if and only if `text.to_lowercase() == lower`, for an ASCII `lower`,
/// without lower-casing a copy.
pub(crate) fn lower_case_is(text: &str, lower: &str) -> bool {
    debug_assert!(lower.is_ascii(), "callers compare with ASCII phrases");
    // Char by char is what `to_lowercase` does, but for a final sigma, never ASCII.
    text.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// Returns true if and only if `text.to_lowercase().starts_with(lower)`, for an ASCII
/// `lower`, without lower-casing a copy.
pub(crate) fn lower_case_starts_with(text: &str, lower: &str) -> bool {
    // `lower.len()` counts chars only because `lower` is ASCII.
    debug_assert!(lower.is_ascii(), "callers compare with ASCII phrases");
    text.chars().flat_map(char::to_lowercase).take(lower.len()).eq(lower.chars())
}

/// Dash-like separators written between an id and a title.
pub(crate) const DASHES: [char; 5] = ['-', '‐', '‑', '–', '—'];

/// Strips a leading separator (`-`, `–`, `—`, `:`) and the white space around it.
pub(crate) fn strip_separator(text: &str) -> (bool, &str) {
    let trimmed = text.trim_start();
    match trimmed.strip_prefix(|c: char| DASHES.contains(&c) || c == ':') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, trimmed),
    }
}

/// Lower-cased, space-folded, without a trailing colon: how labels are compared.
pub(crate) fn label_key(text: &str) -> String {
    fold_spaces(text).trim_end_matches([':', '.']).trim().to_lowercase()
}

/// The first four-digit year (19xx/20xx) in `text`.
pub(crate) fn first_year(text: &str) -> Option<u16> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let window = bytes.get(i..i + 4)?;
        let before = i.checked_sub(1).and_then(|b| bytes.get(b));
        let after = bytes.get(i + 4);
        let digit = |b: Option<&u8>| b.is_some_and(u8::is_ascii_digit);
        if window.iter().all(u8::is_ascii_digit) && !digit(before) && !digit(after) {
            let year: u16 = std::str::from_utf8(window).ok()?.parse().ok()?;
            (1990..=2099).contains(&year).then_some(year)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn lower_case_compares_as_to_lowercase(
            text in "[a-zA-ZİKΣσς\u{130}\u{212A} ]{0,10}",
            lower in "[a-z ]{0,4}|if|it|that|presented|k",
        ) {
            prop_assert_eq!(lower_case_is(&text, &lower), text.to_lowercase() == lower);
            prop_assert_eq!(
                lower_case_starts_with(&text, &lower),
                text.to_lowercase().starts_with(&lower)
            );
        }

        // Borrowed or not, the result is what splitting and joining gave.
        #[test]
        fn fold_spaces_splits_and_joins(
            text in "[ a\\t\\n\\r\\x0B\\x0C\u{85}\u{a0}\u{2003}é]{0,12}|\\PC{0,20}"
        ) {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let folded = fold_spaces(&text);
            prop_assert_eq!(matches!(folded, Cow::Borrowed(_)), joined == text);
            prop_assert_eq!(folded, joined);
        }
    }

    #[test]
    fn helpers() {
        assert_eq!(
            fold_spaces("  SEC35.1    Wed 20 June  2018 "),
            "SEC35.1 Wed 20 June 2018"
        );
        assert_eq!(strip_separator(" – Use Case"), (true, "Use Case"));
        assert_eq!(strip_separator("Use Case"), (false, "Use Case"));
        assert_eq!(label_key("Vice  Chairs:"), "vice chairs");
        assert_eq!(first_year("17-21 May 2015"), Some(2015));
        assert_eq!(first_year("no year 12345"), None);
        for location in [
            Span::Line(7),
            Span::Paragraph { part: "word/document.xml".into(), index: 12 },
            Span::Paragraph { part: "word/a-rather-long-part-name.xml".into(), index: 3 },
            Span::Unknown,
        ] {
            assert_eq!(location_text(&location), location);
        }
    }
}

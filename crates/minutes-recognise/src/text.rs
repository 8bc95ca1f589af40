//! Small text helpers shared by the recognisers.

/// Trims and folds runs of white space into single spaces.
pub(crate) fn fold_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
    use super::*;

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
    }
}

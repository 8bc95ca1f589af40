//! Symbol fonts: `w:sym` (ECMA-376 Part 1 §17.3, runs) and the private-use characters
//! (U+F0xx) that LibreOffice writes inside `w:t` with a Wingdings or Symbol run font.
//! Checkbox glyphs become ☒ (ticked) and ☐ (empty).

/// A run font whose characters are pictures rather than letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SymFont {
    /// Wingdings (1, 2, 3) and Webdings.
    Wingdings,
    /// Symbol.
    Symbol,
    /// Any text font.
    Other,
}

impl SymFont {
    /// Classifies a font name.
    pub fn from_name(name: &str) -> SymFont {
        let lower = name.trim().to_ascii_lowercase();
        if lower.starts_with("wingdings") || lower.starts_with("webdings") {
            SymFont::Wingdings
        } else if lower == "symbol" {
            SymFont::Symbol
        } else {
            SymFont::Other
        }
    }
}

/// Greek letters of the Symbol font at `A`..`Z` and `a`..`z`.
const SYMBOL_UPPER: &str = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ";
const SYMBOL_LOWER: &str = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ";

/// The character a symbol-font code (0x00..0xFF) shows, when it is known.
fn map_code(font: SymFont, code: u8) -> Option<char> {
    match font {
        SymFont::Wingdings | SymFont::Other => Some(match code {
            0xFE | 0x78 | 0xFD | 0xFB => '☒',
            0xA8 | 0x6F | 0x71 | 0x72 | 0xA1 => '☐',
            0xFC => '✓',
            0x9F | 0x6C => '●',
            0xA7 | 0x6E => '■',
            0xD8 => '➢',
            0xE0 | 0xE8 | 0xF0 => '→',
            0x4A => '☺',
            0x46 => '☞',
            _ => return None,
        }),
        SymFont::Symbol => match code {
            0xB7 => Some('•'),
            0xAE => Some('→'),
            0xAC => Some('←'),
            0xB4 => Some('×'),
            0xB1 => Some('±'),
            0xA3 => Some('≤'),
            0xB3 => Some('≥'),
            0xB9 => Some('≠'),
            0x2D => Some('−'),
            b'A'..=b'Z' => SYMBOL_UPPER.chars().nth(usize::from(code - b'A')),
            b'a'..=b'z' => SYMBOL_LOWER.chars().nth(usize::from(code - b'a')),
            0x20..=0x40 | 0x5B..=0x60 | 0x7B..=0x7E => Some(char::from(code)),
            _ => None,
        },
    }
}

/// Maps a character of `w:t` text in a run of `font`: private-use U+F0xx characters by
/// the symbol table in a symbol-font run (dropped when unknown), only the checkbox codes
/// in any other run; in a symbol-font run, Latin-1 codes by the
/// table when known; ☑ as ☒. Everything else is kept.
pub(crate) fn map_text_char(font: SymFont, c: char) -> Option<char> {
    let code = u32::from(c);
    if (0xF000..=0xF0FF).contains(&code) {
        let low = u8::try_from(code - 0xF000).unwrap_or(0);
        return match font {
            // Without a symbol font Word shows a missing glyph: only the checkbox codes
            // LibreOffice writes are read as boxes; any other character is kept as written.
            SymFont::Other => {
                Some(map_code(font, low).filter(|c| matches!(c, '☒' | '☐')).unwrap_or(c))
            }
            _ => map_code(font, low),
        };
    }
    if c == '☑' {
        return Some('☒');
    }
    if font != SymFont::Other && code < 0x100 && !c.is_whitespace() {
        return Some(map_code(font, u8::try_from(code).unwrap_or(0)).unwrap_or(c));
    }
    Some(c)
}

/// The character a `w:sym w:font w:char` shows.
pub(crate) fn sym_char(font: Option<&str>, code: Option<&str>) -> Option<char> {
    let code = u32::from_str_radix(code?.trim(), 16).ok()?;
    let font = font.map_or(SymFont::Other, SymFont::from_name);
    let low = if (0xF000..=0xF0FF).contains(&code) {
        Some(code - 0xF000)
    } else if code < 0x100 && font != SymFont::Other {
        Some(code)
    } else {
        None
    };
    match low {
        Some(low) => map_code(font, u8::try_from(low).unwrap_or(0)),
        None => char::from_u32(code).map(|c| if c == '☑' { '☒' } else { c }),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]

    use super::*;

    // Wingdings boxes as `w:sym` and as private-use text.
    #[test]
    fn checkbox_glyphs() {
        assert_eq!(sym_char(Some("Wingdings"), Some("F0FE")), Some('☒'));
        assert_eq!(sym_char(Some("Wingdings"), Some("F0A8")), Some('☐'));
        assert_eq!(sym_char(Some("Wingdings"), Some("A8")), Some('☐'));
        assert_eq!(sym_char(Some("MS Gothic"), Some("2612")), Some('☒'));
        assert_eq!(sym_char(Some("Symbol"), Some("F0B7")), Some('•'));
        assert_eq!(map_text_char(SymFont::Wingdings, '\u{F078}'), Some('☒'));
        assert_eq!(map_text_char(SymFont::Other, '\u{F06F}'), Some('☐'));
        assert_eq!(map_text_char(SymFont::Wingdings, 'þ'), Some('☒'));
        assert_eq!(map_text_char(SymFont::Other, 'þ'), Some('þ'));
        assert_eq!(map_text_char(SymFont::Symbol, 'a'), Some('α'));
    }
}

//! Runs: their properties (vertical alignment, hidden text, symbol fonts), their content
//! (text, tabs, breaks, hyphens, symbols, note references), the text itself, and an
//! image's alt text shown in its place.

use minutes_ooxml::xml::{on_off, Ns};

use super::{BodyParser, Frame, NoteKind, NoteRef, Open, PartKind, Tag, VertAlign};
use crate::docx::symbols::{map_text_char, sym_char, SymFont};

/// Runs
impl BodyParser<'_, '_> {
    /// Opens a run or an element of a run's content (`None`: not one of them; `Some(None)`:
    /// skipped).
    #[inline]
    pub(super) fn open_run_content(
        &mut self,
        tag: Tag<'_>,
        in_run: bool,
    ) -> Option<Option<Open>> {
        let open = match tag.local {
            b"r" => {
                self.run_font = SymFont::Other;
                self.run_vert = VertAlign::Baseline;
                self.run_vanish = false;
                Open::Run
            }
            b"footnoteReference" | b"endnoteReference" => {
                if self.kind == PartKind::Main && !self.hidden() && !self.run_vanish {
                    let kind = if tag.local == b"footnoteReference" {
                        NoteKind::Footnote
                    } else {
                        NoteKind::Endnote
                    };
                    let id = tag
                        .attr(Ns::W, b"id")
                        .and_then(|v| v.trim().parse().ok())
                        .unwrap_or(i64::MIN);
                    self.refs.push(NoteRef { kind, id });
                    let marker = format!("[{}]", self.refs.len());
                    self.push_visible(&marker);
                }
                return Some(None);
            }
            b"rPr" if in_run => Open::RPr,
            b"t" => Open::Text,
            b"tab" | b"ptab" if in_run => {
                self.push_visible("\t");
                Open::Plain
            }
            b"br" | b"cr" if in_run => {
                self.push_visible("\n");
                Open::Plain
            }
            b"noBreakHyphen" if in_run => {
                self.push_visible("\u{2011}");
                Open::Plain
            }
            b"softHyphen" if in_run => {
                self.push_visible("\u{00AD}");
                Open::Plain
            }
            b"sym" => {
                let font = tag.attr(Ns::W, b"font");
                let code = tag.attr(Ns::W, b"char");
                if let Some(c) = sym_char(font.as_deref(), code.as_deref()) {
                    if !(self.boxes_shown > 0 && is_box_glyph(c)) {
                        self.push_visible(c.encode_utf8(&mut [0; 4]));
                    }
                }
                Open::Plain
            }
            _ => return None,
        };
        Some(Some(open))
    }

    /// A child of a run's `w:rPr`.
    #[inline]
    pub(super) fn open_in_run_props(&mut self, tag: Tag<'_>) -> Option<Open> {
        if tag.is_w() && tag.local == b"vertAlign" {
            self.run_vert = match tag.val().as_deref() {
                Some("superscript") => VertAlign::Super,
                Some("subscript") => VertAlign::Sub,
                _ => VertAlign::Baseline,
            };
        } else if tag.is_w() && tag.local == b"vanish" {
            self.run_vanish = on_off(tag.val().as_deref());
        } else if tag.is_w() && tag.local == b"rFonts" {
            for name in [&b"ascii"[..], b"hAnsi", b"cs", b"eastAsia"] {
                if let Some(font) = tag.attr(Ns::W, name) {
                    let font = SymFont::from_name(&font);
                    if font != SymFont::Other {
                        self.run_font = font;
                        break;
                    }
                }
            }
        }
        None
    }

    /// An image's alt text (`wp:docPr/@descr`) shows in its place.
    #[inline]
    pub(super) fn open_drawing_properties(&mut self, tag: Tag<'_>) -> Option<Open> {
        if let Some(descr) = tag.attr(Ns::None, b"descr") {
            let descr = descr.split_whitespace().collect::<Vec<_>>().join(" ");
            if !descr.is_empty() {
                let shown = format!("[{descr}]");
                self.push_visible(&shown);
            }
        }
        None
    }

    /// Text of a `w:t`, `m:t` or `w:instrText`.
    pub(super) fn text(&mut self, text: &str) {
        match self.stack.last() {
            Some(Open::Instr) => {
                if let Some(field) = self.fields.last_mut() {
                    if !field.result {
                        field.instr.push_str(text);
                    }
                }
            }
            _ => {
                if self.hidden() || self.run_vanish {
                    return;
                }
                let shifted = match self.run_vert {
                    VertAlign::Baseline => None,
                    VertAlign::Super => shift_all(text, superscript),
                    VertAlign::Sub => shift_all(text, subscript),
                };
                let text = shifted.as_deref().unwrap_or(text);
                let font = self.run_font;
                let drop_boxes = self.boxes_shown > 0;
                if let Some(Frame::Para(p)) = self.frames.last_mut() {
                    // In a text font only line breaks, private-use symbols (U+F0xx, lead
                    // byte 0xEF) and box glyphs (lead byte 0xE2) change: most text is
                    // copied as it is.
                    // (Folded without an early exit, so that the loop vectorises.)
                    let special = |found: bool, b: u8| {
                        found | matches!(b, b'\r' | b'\n' | 0xE2 | 0xEF)
                    };
                    if font == SymFont::Other && !text.bytes().fold(false, special) {
                        p.text.push_str(text);
                        return;
                    }
                    p.text.reserve(text.len());
                    for c in text.chars() {
                        match c {
                            '\r' | '\n' => p.text.push(' '),
                            c => match map_text_char(font, c) {
                                Some(c) if drop_boxes && is_box_glyph(c) => {}
                                Some(c) => p.text.push(c),
                                None => {}
                            },
                        }
                    }
                }
            }
        }
    }
}

/// Returns true if and only if `c` is a glyph a checkbox content control shows.
pub(super) fn is_box_glyph(c: char) -> bool {
    matches!(c, '☐' | '☒' | '☑' | '□' | '■' | '✓' | '✔' | '✗' | '✘')
}

/// `text` with every character replaced by `map`'s, if all have one.
fn shift_all(text: &str, map: fn(char) -> Option<char>) -> Option<String> {
    text.chars().map(map).collect()
}

/// The Unicode superscript form of a character, if there is one.
fn superscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        '+' => '⁺',
        '-' | '−' => '⁻',
        '=' => '⁼',
        '(' => '⁽',
        ')' => '⁾',
        'n' => 'ⁿ',
        'i' => 'ⁱ',
        ' ' => ' ',
        _ => return None,
    })
}

/// The Unicode subscript form of a character, if there is one.
fn subscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '₀',
        '1' => '₁',
        '2' => '₂',
        '3' => '₃',
        '4' => '₄',
        '5' => '₅',
        '6' => '₆',
        '7' => '₇',
        '8' => '₈',
        '9' => '₉',
        '+' => '₊',
        '-' | '−' => '₋',
        '=' => '₌',
        '(' => '₍',
        ')' => '₎',
        ' ' => ' ',
        _ => return None,
    })
}

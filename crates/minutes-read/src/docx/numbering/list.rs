//! A `w:num` resolved once for labelling (its abstract definition, overrides, counters'
//! owner and parsed level texts), and the counters that number its paragraphs.

use super::{CounterKey, Format, Label, LabelKind, Numbering, LEVELS};
use crate::docx::styles::Styles;

/// A list as its paragraphs are labelled.
#[derive(Debug, Clone)]
pub(super) struct List {
    /// Whose counters its paragraphs advance.
    key: CounterKey,
    levels: [LevelDef; LEVELS],
}

/// One level of a [`List`], overrides applied.
#[derive(Debug, Clone, Default)]
struct LevelDef {
    /// The level is defined: paragraphs at an undefined level have no label.
    defined: bool,
    start: i64,
    restart: Option<u8>,
    format: Format,
    legal: bool,
    /// `w:lvlText`, parsed.
    text: Vec<Piece>,
}

/// A piece of a `w:lvlText` template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Literal(String),
    /// `%1` to `%9`: the counter of level 0 to 8.
    Counter(usize),
}

/// Parses a `w:lvlText` template: `%N` (N from 1 to 9) is level N's counter, anything
/// else is shown as written.
fn parse_template(template: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        let digit = chars.peek().and_then(|d| d.to_digit(10));
        match (c, digit) {
            ('%', Some(d @ 1..=9)) => {
                chars.next();
                if !literal.is_empty() {
                    pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                }
                pieces.push(Piece::Counter(usize::try_from(d - 1).unwrap_or(0)));
            }
            _ => literal.push(c),
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    pieces
}

impl Numbering {
    /// Resolves list `num_id`; `None` when it does not exist. Final once the styles its
    /// `w:numStyleLink`s name are read ([`Numbering::prepare_links`]).
    fn resolve_list(&self, num_id: u32, styles: &Styles<'_>) -> Option<List> {
        let abs = self.abstract_of(num_id, styles)?;
        let has_start_override = self
            .nums
            .get(&num_id)
            .is_some_and(|n| n.overrides.values().any(|(start, _)| start.is_some()));
        let key = if has_start_override {
            CounterKey::Num(num_id)
        } else {
            CounterKey::Abstract(abs)
        };
        let levels = std::array::from_fn(|i| {
            let level = self.level(num_id, abs, i);
            LevelDef {
                defined: level.is_some(),
                start: self.start(num_id, abs, i),
                restart: level.and_then(|l| l.restart),
                format: level.map(|l| l.format).unwrap_or_default(),
                legal: level.is_some_and(|l| l.legal),
                text: parse_template(level.and_then(|l| l.text.as_deref()).unwrap_or("")),
            }
        });
        Some(List { key, levels })
    }

    /// Returns true if and only if list `num_id` is resolved (its links were followed).
    pub(super) fn is_resolved(&self, num_id: u32) -> bool {
        self.lists.contains_key(&num_id)
    }

    /// Advances the counters for a paragraph numbered `num_id` at level `ilvl` and returns
    /// its label, or `None` when the list does not exist (`numId` 0 or dangling).
    pub fn next(&mut self, num_id: u32, ilvl: u8, styles: &Styles<'_>) -> Option<Label> {
        if num_id == 0 {
            return None;
        }
        self.ensure();
        if !self.lists.contains_key(&num_id) {
            let list = self.resolve_list(num_id, styles);
            self.lists.insert(num_id, list);
        }
        let list = self.lists.get(&num_id)?.as_ref()?;
        let ilvl = usize::from(ilvl).min(LEVELS - 1);
        let level = list.levels.get(ilvl).filter(|l| l.defined)?;
        let counters = self.counters.entry(list.key).or_insert([None; LEVELS]);
        if let Some(slot) = counters.get_mut(ilvl) {
            *slot = Some(slot.map_or(level.start, |n| n.saturating_add(1)));
        }
        // Deeper levels restart when a higher level advances, unless `w:lvlRestart` says
        // otherwise (`w:lvlRestart`: 0 never restarts, N restarts after level N).
        for (slot, def) in counters.iter_mut().zip(&list.levels).skip(ilvl + 1) {
            let restart = match def.restart {
                None => true,
                Some(0) => false,
                Some(r) => ilvl < usize::from(r),
            };
            if restart {
                *slot = None;
            }
        }
        let kind = match level.format {
            Format::Bullet => LabelKind::Bullet,
            Format::None => LabelKind::None,
            _ => LabelKind::Number,
        };
        let mut text = String::new();
        // Only numbers are shown: a bullet's glyph is not built (nor allocated).
        let pieces = if kind == LabelKind::Number { &level.text[..] } else { &[] };
        for piece in pieces {
            match piece {
                Piece::Literal(s) => text.push_str(s),
                Piece::Counter(i) => {
                    let def = list.levels.get(*i);
                    let value = counters
                        .get(*i)
                        .copied()
                        .flatten()
                        .unwrap_or_else(|| def.map_or(0, |d| d.start));
                    let format = def.map(|d| d.format).unwrap_or_default();
                    let format = if level.legal && format != Format::None {
                        Format::Decimal
                    } else {
                        format
                    };
                    format.render_into(value, &mut text);
                }
            }
        }
        Some(Label { text, kind })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]

    use super::*;

    // `%N` with N from 1 to 9 is a counter; other `%` are text.
    #[test]
    fn templates() {
        assert_eq!(
            parse_template("%1.%2)"),
            vec![
                Piece::Counter(0),
                Piece::Literal(".".into()),
                Piece::Counter(1),
                Piece::Literal(")".into())
            ]
        );
        assert_eq!(parse_template("%0%x%"), vec![Piece::Literal("%0%x%".into())]);
        assert_eq!(
            parse_template("%%9"),
            vec![Piece::Literal("%".into()), Piece::Counter(8)]
        );
    }
}

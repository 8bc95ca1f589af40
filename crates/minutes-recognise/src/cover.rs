//! The cover sheet: labels and values of the oneM2M cover table (PATTERNS.md B).

use minutes_flow::{Block as FlowBlock, BlockKind, Cell, Diagnostic, Span};
use minutes_model::{Cover, CoverField as Field, Purpose};

use crate::{
    phrasebook::Phrasebook,
    text::{folded, label_key},
};

/// The field a label names (the vocabulary lives in the model, shared with the writer).
fn field(label: &str) -> Option<Field> {
    Field::from_label(label)
}

/// Recognises the cover sheet from the blocks before the first section, falling back on
/// the opening prose (`François Ennesser chair of the SEC WG, opened the meeting`) for the
/// chair when there is no cover table. Also returns how many blocks at the start of
/// `preamble` the cover shows (the title line, the cover table or field lines, the
/// purpose options and the oneM2M notice): the rest belongs to the body.
pub(crate) fn recognise_cover(
    preamble: &[&FlowBlock],
    opening: &[&FlowBlock],
    diagnostics: &mut Vec<Diagnostic>,
    book: &Phrasebook,
) -> (Cover, usize) {
    let mut cover = Cover::default();
    // One past the last block the cover shows.
    let mut used = 0;
    let mut notice_follows = false;
    let mut found = 0;
    let mut purpose_lines: Vec<String> = Vec::new();
    let mut purpose_location = None;
    let mut after_purpose = false;
    for (index, block) in preamble.iter().enumerate() {
        if notice_follows && block.text().is_some_and(|t| !t.trim().is_empty()) {
            // The notice's paragraph is the template's.
            notice_follows = false;
            used = index + 1;
            continue;
        }
        if block.text().is_some_and(is_boilerplate) {
            notice_follows =
                block.text().is_some_and(|t| label_key(t).contains("notice"));
            // The purpose options spilled out of the table end at the notice.
            after_purpose &= !notice_follows;
            if found > 0 || index == 0 || used == index {
                used = index + 1;
            }
            continue;
        }
        match &block.kind {
            BlockKind::Table(table) => {
                for row in &table.rows {
                    let mut cells = row.cells.iter();
                    let (Some(label), Some(value)) = (cells.next(), cells.next()) else {
                        continue;
                    };
                    let Some(field) = field(&label.text().replace('\n', " ")) else {
                        continue;
                    };
                    found += 1;
                    used = index + 1;
                    let lines = value_lines(value);
                    let joined = lines.join(" ");
                    let joined = (!joined.is_empty()).then_some(joined);
                    match field {
                        Field::Title => cover.title = joined,
                        Field::Chair => cover.chair = joined,
                        Field::ViceChairs => cover.vice_chairs = lines,
                        Field::Secretary => cover.secretary = joined,
                        Field::Date => cover.date = joined,
                        Field::Purpose => {
                            purpose_lines = lines;
                            purpose_location = Some(block.location.clone());
                            after_purpose = true;
                        }
                    }
                }
            }
            // Text exports spill the remaining purpose options out of the table.
            BlockKind::Paragraph { text, .. } if after_purpose => {
                if text.to_lowercase().contains("onem2m notice") {
                    after_purpose = false;
                } else {
                    purpose_lines.push(folded(text));
                    used = index + 1;
                }
            }
            // A cover written as `Chair: Kenji Sato, NEC` paragraphs.
            BlockKind::Paragraph { text, .. } => {
                let Some((label, value)) = text.split_once(':') else { continue };
                let Some(field) = field(label) else { continue };
                let value = folded(value);
                if value.is_empty() {
                    continue;
                }
                found += 1;
                used = index + 1;
                match field {
                    Field::Title => cover.title = Some(value),
                    Field::Chair => cover.chair = Some(value),
                    Field::ViceChairs => cover.vice_chairs = vec![value],
                    Field::Secretary => cover.secretary = Some(value),
                    Field::Date => cover.date = Some(value),
                    Field::Purpose => {
                        purpose_lines = vec![value];
                        purpose_location = Some(block.location.clone());
                    }
                }
            }
            _ => {}
        }
    }
    // `A, Company; B, Company` in one paragraph is two vice chairs.
    cover.vice_chairs = cover
        .vice_chairs
        .iter()
        .flat_map(|v| v.split(';'))
        .map(folded)
        .filter(|v| !v.is_empty())
        .collect();
    if found >= 2 {
        if let Some(location) = purpose_location {
            cover.purpose = purpose(&purpose_lines, &location, diagnostics);
        }
        let date_block = from_prose(&mut cover, preamble, opening, book);
        return (cover, shown_with_date(used, date_block));
    }
    let location = preamble.first().map_or(Span::Line(1), |b| b.location.clone());
    // The first text is the title the cover shows, unless it is the template's.
    let first = preamble.iter().position(|b| first_text(b).is_some());
    cover.title = first
        .and_then(|i| preamble.get(i))
        .and_then(|b| first_text(b))
        .filter(|t| !is_boilerplate(t));
    // The title's block is shown by the cover when the title is all it holds.
    let title_used = match (first, &cover.title) {
        (Some(i), Some(_)) if preamble.get(i).is_some_and(|b| only_title(b)) => i + 1,
        _ => 0,
    };
    let used = used.max(title_used);
    cover.chair = opening.iter().find_map(|b| chair_in_prose(b.text()?, book));
    let date_block = from_prose(&mut cover, preamble, opening, book);
    let used = shown_with_date(used, date_block);
    let mut message = "no cover sheet".to_string();
    if cover.title.is_some() {
        message.push_str("; title taken from the first line");
    }
    if cover.chair.is_some() {
        message.push_str("; chair taken from the opening prose");
    }
    diagnostics.push(Diagnostic::warning(location, message));
    (cover, used)
}

/// The fields the cover lacks, from prose: people from the opening sections, the date
/// from the lines before the first section. Returns the index of the block the date was
/// taken from.
fn from_prose(
    cover: &mut Cover,
    preamble: &[&FlowBlock],
    opening: &[&FlowBlock],
    book: &Phrasebook,
) -> Option<usize> {
    let texts: Vec<&str> = opening.iter().filter_map(|b| b.text()).collect();
    crate::cover_prose::fill_from_prose(cover, &texts, book);
    if cover.date.is_some() {
        return None;
    }
    // Only the first lines are the cover's place: a date further down is the body's.
    const COVER_LINES: usize = 8;
    let (index, date) =
        preamble.iter().take(COVER_LINES).enumerate().find_map(|(i, b)| {
            b.text().and_then(crate::cover_prose::date_in).map(|date| (i, folded(date)))
        })?;
    cover.date = Some(date);
    // Only a short line is the cover's; a paragraph that happens to hold a date is body.
    let short =
        preamble.get(index).and_then(|b| b.text()).is_some_and(|t| t.len() <= 100);
    short.then_some(index)
}

/// The blocks the cover shows, with the date's short line (`Sophia Antipolis, 14 - 18
/// September 2020`) when it comes right after them.
fn shown_with_date(used: usize, date_block: Option<usize>) -> usize {
    match date_block {
        Some(index) if index == used => index + 1,
        _ => used,
    }
}

fn value_lines(cell: &Cell) -> Vec<String> {
    cell.text().lines().map(folded).filter(|l| !l.is_empty()).collect()
}

fn first_text(block: &FlowBlock) -> Option<String> {
    let text = match &block.kind {
        BlockKind::Table(table) => table.rows.first()?.cells.first()?.text(),
        _ => block.text()?.to_string(),
    };
    let text = folded(&text);
    (!text.is_empty()).then_some(text)
}

/// Returns true if and only if the block's text is its [`first_text`]: a paragraph, or a
/// table with one non-empty cell.
fn only_title(block: &FlowBlock) -> bool {
    match &block.kind {
        BlockKind::Table(table) => {
            table.rows.iter().flat_map(|r| &r.cells).filter(|c| !c.is_empty()).count()
                == 1
        }
        _ => block.text().is_some(),
    }
}

fn is_boilerplate(text: &str) -> bool {
    let key = label_key(text);
    key == "minutes" || key == "draft minutes" || key.contains("onem2m notice")
}

/// The chair named at the start of `text` (see [`crate::scan::chair_name`]).
fn chair_in_prose(text: &str, book: &Phrasebook) -> Option<String> {
    crate::scan::chair_name(text.trim(), book.cover()).map(str::to_string)
}

/// The ticked purpose: the option whose line carries a ticked-box glyph.
fn purpose(
    lines: &[String],
    location: &Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Purpose> {
    const TICKED: [&str; 7] = ["☒", "☑", "✓", "✔", "⊠", "[x]", "[X]"];
    const UNTICKED: [&str; 3] = ["☐", "□", "[ ]"];
    let option = |line: &str| {
        let words = label_key(line.trim_start_matches(|c: char| !c.is_alphabetic()));
        Purpose::ALL.into_iter().find(|p| {
            let first_word =
                p.label().split(' ').next().unwrap_or_default().to_lowercase();
            words.starts_with(&first_word)
        })
    };
    let ticked: Vec<Purpose> = lines
        .iter()
        .filter(|line| TICKED.iter().any(|glyph| line.contains(glyph)))
        .filter_map(|line| option(line))
        .collect();
    let has_boxes = lines
        .iter()
        .any(|line| UNTICKED.iter().chain(TICKED.iter()).any(|g| line.contains(g)));
    match ticked.as_slice() {
        [one] => Some(*one),
        [first, ..] => {
            diagnostics.push(Diagnostic::warning(
                location.clone(),
                format!("several purpose boxes are ticked; taking `{}`", first.label()),
            ));
            Some(*first)
        }
        [] if has_boxes => None,
        [] => {
            diagnostics.push(Diagnostic::note(
                location.clone(),
                "which purpose box is ticked is not recorded in this draft; purpose left empty",
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b6_chair_from_prose() {
        let chair_in_prose = |text| chair_in_prose(text, crate::phrasebook::builtin());
        assert_eq!(
            chair_in_prose("François Ennesser chair of the SEC WG, opened the meeting")
                .as_deref(),
            Some("François Ennesser")
        );
        assert_eq!(chair_in_prose("The chair of the meeting opened"), None);
    }

    #[test]
    fn ticked_purpose_from_glyphs() {
        let mut diagnostics = Vec::new();
        let lines = ["☐ Decision", "☒ Discussion", "☐ Information"].map(String::from);
        assert_eq!(
            purpose(&lines, &Span::Line(1), &mut diagnostics),
            Some(Purpose::Discussion)
        );
        let lost = ["Decision", "Discussion"].map(String::from);
        assert_eq!(purpose(&lost, &Span::Line(1), &mut diagnostics), None);
        assert_eq!(diagnostics.len(), 1);
    }
}

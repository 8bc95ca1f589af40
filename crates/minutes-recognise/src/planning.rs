//! Planned meetings from the "Planning for next meetings" section (PATTERNS.md I).

use minutes_model::{Block, NextMeeting, Section};

use crate::{phrasebook::Phrasebook, text::folded};

fn has_date(text: &str) -> bool {
    crate::scan::has_date(text)
}

/// `SEC#17.1: June 11, 2015`, `TP18 – Philadelphia`, `SEC35.1   Wed 20 June 2018`, `SEC#37`.
fn entry(text: &str) -> Option<(String, String)> {
    let (name, rest) = crate::scan::planning_entry(text.trim())?;
    Some((folded(name), folded(rest)))
}

/// Splits the rest of an entry line into when and where at spaced dashes.
fn when_and_place(rest: &str) -> (Vec<String>, Vec<String>) {
    let mut when = Vec::new();
    let mut place = Vec::new();
    for part in
        rest.split(" – ").flat_map(|p| p.split(" — ")).flat_map(|p| p.split(" - "))
    {
        let part = part.trim().trim_end_matches(['/', ',']).trim();
        if part.is_empty() {
            continue;
        }
        if has_date(part) {
            when.push(part.to_string());
        } else {
            place.push(part.to_string());
        }
    }
    (when, place)
}

/// The meetings planned in the planning sections of `sections`.
/// The planning sections are those whose title holds a word of the phrasebook's
/// `planning.sections`.
pub(crate) fn next_meetings(sections: &[Section], book: &Phrasebook) -> Vec<NextMeeting> {
    let mut meetings = Vec::new();
    for section in sections {
        if book.is_planning_title(&section.title) {
            collect(section, None, &mut meetings, book);
        } else {
            meetings.extend(next_meetings(&section.sections, book));
        }
    }
    meetings
}

fn collect(
    section: &Section,
    inherited: Option<&str>,
    meetings: &mut Vec<NextMeeting>,
    book: &Phrasebook,
) {
    let kind_word = |text: &str| book.says_meeting_kind(text);
    let own_kind = (!book.is_planning_title(&section.title) && !section.title.is_empty())
        .then_some(section.title.as_str());
    let mut kind: Option<String> = own_kind.or(inherited).map(folded);
    let mut open: Option<NextMeeting> = None;
    for block in &section.blocks {
        let (text, location, bullet) = match block {
            Block::Paragraph { text, location } => (text, location, false),
            Block::Bullet { text, location, .. } => (text, location, true),
            _ => {
                meetings.extend(open.take());
                continue;
            }
        };
        let text = folded(text);
        if let Some((name, rest)) = entry(&text).filter(|_| bullet || text.len() <= 100) {
            meetings.extend(open.take());
            let (when, place) = when_and_place(&rest);
            open = Some(NextMeeting {
                name,
                when: (!when.is_empty()).then(|| when.join(", ")),
                place: (!place.is_empty()).then(|| place.join(", ")),
                kind: kind.clone(),
                location: location.clone(),
            });
            continue;
        }
        let short = text.chars().count() <= 40;
        match open.as_mut() {
            // A kind label after a complete entry heads the next entries instead.
            Some(meeting)
                if short
                    && !bullet
                    && !(meeting.when.is_some()
                        && kind_word(&text)
                        && !has_date(&text)) =>
            {
                if kind_word(&text) && !has_date(&text) {
                    meeting.kind = Some(text);
                } else if has_date(&text) {
                    meeting.when = Some(match meeting.when.take() {
                        Some(when) => format!("{when}, {text}"),
                        None => text,
                    });
                } else {
                    meeting.place = Some(match meeting.place.take() {
                        Some(place) => format!("{place}, {text}"),
                        None => text,
                    });
                }
            }
            _ => {
                meetings.extend(open.take());
                if short && kind_word(&text) && !has_date(&text) {
                    kind = Some(text);
                }
            }
        }
    }
    meetings.extend(open);
    for child in &section.sections {
        collect(child, kind.as_deref(), meetings, book);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn i1_i5_entry_lines() {
        assert_eq!(
            entry("SEC#17.1:      June 11, 2015, UTC 13:00-15:00").unwrap().0,
            "SEC#17.1"
        );
        assert_eq!(
            entry("TP18 – Philadelphia, United States – July 2015").unwrap().1,
            "Philadelphia, United States – July 2015"
        );
        assert_eq!(
            entry("SEC35.1               Wed 20 June  2018").unwrap(),
            ("SEC35.1".into(), "Wed 20 June 2018".into())
        );
        assert_eq!(entry("SEC#37").unwrap(), ("SEC#37".into(), String::new()));
        assert!(entry("For the moment, no WG SEC meeting").is_none());
        let (when, place) = when_and_place("Philadelphia, United States – July 2015");
        assert_eq!(
            (when, place),
            (
                vec!["July 2015".to_string()],
                vec!["Philadelphia, United States".to_string()]
            )
        );
    }
}

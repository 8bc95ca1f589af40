//! Cover fields where a report writes them in prose (`The Secretary was Mr. Maurice Pope
//! (MCC).`, `Vice Chairmen were A and B.`) and meeting dates as reports write them
//! (`08 - 12 April, 2019`, `2019-05-20 to 2019-05-24`, `20th–24th May 2019`).

use minutes_model::Cover;

use crate::phrasebook::Phrasebook;

/// Fills the chair, vice chairs and secretary the cover lacks from the opening prose.
pub(crate) fn fill_from_prose(cover: &mut Cover, texts: &[&str], book: &Phrasebook) {
    let words = book.cover();
    for text in texts {
        // No-break spaces (`SA WG2`) as spaces, so that phrases match across them.
        let text = text.replace('\u{a0}', " ");
        let text = text.as_str();
        if cover.chair.is_none() {
            cover.chair = after_phrase(text, &words.chair)
                .or_else(|| opened_by(text, &words.opened))
                .map(str::to_string);
        }
        if cover.vice_chairs.is_empty() {
            if let Some(names) = after_phrase(text, &words.vice_chairs) {
                cover.vice_chairs = split_names(names);
            }
        }
        if cover.secretary.is_none() {
            cover.secretary = after_phrase(text, &words.secretary).map(str::to_string);
        }
    }
}

/// `A and B`, `A, B and C`: the names.
fn split_names(text: &str) -> Vec<String> {
    text.split(" and ")
        .flat_map(|part| part.split(", "))
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

/// The value after the first of `phrases` in `text`, to the end of its sentence.
fn after_phrase<'t>(text: &'t str, phrases: &[String]) -> Option<&'t str> {
    let lower = text.to_ascii_lowercase();
    phrases.iter().find_map(|phrase| {
        let at = find_word(&lower, phrase)?;
        let value = text.get(at + phrase.len()..)?;
        let value = sentence_end(value).trim().trim_end_matches('.');
        (!value.is_empty()).then_some(value)
    })
}

/// `<title with chair>, NAME opened the meeting`: NAME.
fn opened_by<'t>(text: &'t str, phrases: &[String]) -> Option<&'t str> {
    let lower = text.to_ascii_lowercase();
    let at = phrases.iter().find_map(|phrase| find_word(&lower, phrase))?;
    let before = text.get(..at)?.trim();
    let (title, name) = before.split_once(", ")?;
    let name = name.trim().trim_end_matches(',');
    (title.to_ascii_lowercase().contains("chair") && !name.is_empty()).then_some(name)
}

/// Where `phrase` starts in `lower` at a word start.
fn find_word(lower: &str, phrase: &str) -> Option<usize> {
    lower.match_indices(phrase).map(|(at, _)| at).find(|&at| {
        !lower
            .get(..at)
            .and_then(|b| b.chars().next_back())
            .is_some_and(char::is_alphanumeric)
    })
}

/// `text` up to the end of its first sentence: a `.` before white space or the end, not
/// after a title such as `Mr`.
fn sentence_end(text: &str) -> &str {
    const TITLES: [&str; 6] = ["mr", "ms", "mrs", "dr", "prof", "st"];
    for (at, c) in text.char_indices() {
        if c != '.' {
            continue;
        }
        let next = text.get(at + 1..).and_then(|r| r.chars().next());
        if next.is_some_and(|n| !n.is_whitespace()) {
            continue;
        }
        let word = text.get(..at).unwrap_or_default();
        let word = word.rsplit(|ch: char| !ch.is_alphabetic()).next().unwrap_or_default();
        if TITLES.contains(&word.to_ascii_lowercase().as_str()) {
            continue;
        }
        return text.get(..at).unwrap_or(text);
    }
    text
}

const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// The first meeting date (or range of dates) written in `text`.
pub(crate) fn date_in(text: &str) -> Option<&str> {
    iso_range(text).or_else(|| month_range(text))
}

/// `2019-05-20` or `2019-05-20 to 2019-05-24`.
fn iso_range(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let iso_at = |at: usize| {
        let shape = b"dddd-dd-dd";
        (shape.len() + at <= bytes.len())
            && shape.iter().enumerate().all(|(i, s)| {
                let b = bytes.get(at + i).copied().unwrap_or_default();
                if *s == b'd' {
                    b.is_ascii_digit()
                } else {
                    b == b'-'
                }
            })
            && !at
                .checked_sub(1)
                .and_then(|p| bytes.get(p))
                .is_some_and(u8::is_ascii_digit)
    };
    let start = (0..bytes.len()).find(|&at| iso_at(at))?;
    let mut end = start + 10;
    let rest = text.get(end..)?;
    for joiner in [" to ", " - ", " – ", "–", "-"] {
        if let Some(after) = rest.strip_prefix(joiner) {
            let next = end + joiner.len();
            if iso_at(next) && after.len() >= 10 {
                end = next + 10;
                break;
            }
        }
    }
    text.get(start..end)
}

/// `08 - 12 April, 2019`, `20th–24th May 2019`, `April 8-12, 2019`: a month name with
/// days before or after it and a year after it.
fn month_range(text: &str) -> Option<&str> {
    let is_day = |word: &str| {
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = word.get(digits.len()..).unwrap_or_default().to_ascii_lowercase();
        (1..=2).contains(&digits.len())
            && digits.chars().all(|c| c.is_ascii_digit())
            && ["", "st", "nd", "rd", "th"].contains(&suffix.as_str())
    };
    let is_joiner = |word: &str| {
        word.chars().all(|c| crate::text::DASHES.contains(&c))
            || word == "to"
            || word == "and"
    };
    // Words with their byte ranges; dashes glued to days are words of their own.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let separate = c.is_whitespace() || c == ',' || crate::text::DASHES.contains(&c);
        if separate {
            if let Some(s) = start.take() {
                words.push((s, at));
            }
            if crate::text::DASHES.contains(&c) {
                words.push((at, at + c.len_utf8()));
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    let word =
        |i: usize| words.get(i).and_then(|(s, e)| text.get(*s..*e)).unwrap_or_default();
    for (i, _) in words.iter().enumerate() {
        let lower = word(i).to_ascii_lowercase();
        let month = MONTHS.iter().any(|m| lower.starts_with(m))
            && lower.len() >= 3
            && lower.chars().all(|c| c.is_ascii_alphabetic() || c == '.');
        if !month {
            continue;
        }
        // Days (and joiners) before the month.
        let mut first = i;
        while first > 0 && (is_day(word(first - 1)) || is_joiner(word(first - 1))) {
            first -= 1;
        }
        while first < i && is_joiner(word(first)) {
            first += 1;
        }
        // Days after the month, then the year.
        let mut last = i;
        while is_day(word(last + 1))
            || (is_joiner(word(last + 1)) && is_day(word(last + 2)))
        {
            last += 1;
        }
        let year = word(last + 1);
        let has_year = year.len() == 4 && year.chars().all(|c| c.is_ascii_digit());
        if has_year {
            last += 1;
        }
        if (first < i || last > i) && has_year {
            let start = words.get(first)?.0;
            let end = words.get(last)?.1;
            return text.get(start..end);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_reports_write_them() {
        assert_eq!(
            date_in("08 - 12 April, 2019, Xi'an, China"),
            Some("08 - 12 April, 2019")
        );
        assert_eq!(
            date_in("held 2019-05-20 to 2019-05-24 in Nice"),
            Some("2019-05-20 to 2019-05-24")
        );
        assert_eq!(date_in("20th–24th May 2019"), Some("20th–24th May 2019"));
        assert_eq!(date_in("Reno, April 8-12, 2019"), Some("April 8-12, 2019"));
        assert_eq!(date_in("May the force"), None);
        assert_eq!(date_in("SA WG2 Meeting #132"), None);
    }

    #[test]
    fn people_from_prose() {
        let book = crate::phrasebook::builtin();
        let fill_from_prose =
            |cover: &mut Cover, texts: &[&str]| fill_from_prose(cover, texts, book);
        let mut cover = Cover::default();
        fill_from_prose(
            &mut cover,
            &[
                "The SA WG2 Chairman, Mr. Frank Mademann (Huawei) opened the meeting which was hosted by CF3.",
                "Vice Chairmen were Mr. Krisztian Kiss (Apple) and Mr. Puneet Jain (Intel). The Secretary was Mr. Maurice Pope (MCC).",
            ],
        );
        assert_eq!(cover.chair.as_deref(), Some("Mr. Frank Mademann (Huawei)"));
        assert_eq!(
            cover.vice_chairs,
            ["Mr. Krisztian Kiss (Apple)", "Mr. Puneet Jain (Intel)"]
        );
        assert_eq!(cover.secretary.as_deref(), Some("Mr. Maurice Pope (MCC)"));
        let mut cover = Cover::default();
        fill_from_prose(&mut cover, &["The meeting was chaired by Kenji Sato (NEC)."]);
        assert_eq!(cover.chair.as_deref(), Some("Kenji Sato (NEC)"));
    }
}

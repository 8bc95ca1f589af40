//! Hand-written matchers for the decision-verb and date phrasings of the discussion and
//! planning sections, each exactly as its documented ASCII-mode pattern would match.

use std::ops::Range;

use super::{any_word_at, is_word, skip_spaces, word_ends, word_starts};

/// The number of ASCII digits from `at`.
fn digits(bytes: &[u8], at: usize) -> usize {
    bytes.get(at..).unwrap_or_default().iter().take_while(|b| b.is_ascii_digit()).count()
}

/// `(?i-u)\b(?:was|were|is|are|been)\s+(?:\w+\s+)?(agreed|accepted|noted|approved|withdrawn|endorsed|rejected|postponed|merged)\b`,
/// the status words from the phrasebook's `decided_words`: the first match.
pub(crate) fn decided(
    text: &str,
    book: &crate::phrasebook::Phrasebook,
) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let verb = |at: usize| {
        any_word_at(bytes, at, book.decided_words(), true)
            .filter(|&end| word_ends(bytes, end))
    };
    (0..bytes.len()).filter(|&at| word_starts(bytes, at)).find_map(|start| {
        let aux = any_word_at(bytes, start, ["was", "were", "is", "are", "been"], true)?;
        let spaced = skip_spaces(bytes, aux);
        if spaced == aux {
            return None;
        }
        // One word between is preferred, as the greedy group would.
        let word =
            spaced + bytes.get(spaced..)?.iter().take_while(|b| is_word(**b)).count();
        let after_word = skip_spaces(bytes, word);
        let between = (word > spaced && after_word > word).then(|| verb(after_word));
        let end = between.flatten().or_else(|| verb(spaced))?;
        Some(start..end)
    })
}

const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// `(?i-u)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b`
/// (a month name, a time, a year, a numeric date) matches somewhere in `text`.
pub(crate) fn has_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let byte = |at: usize| bytes.get(at).copied();
    let month = |at: usize| {
        any_word_at(bytes, at, MONTHS, true).is_some_and(|end| {
            let letters = bytes.get(end..).unwrap_or_default();
            let end =
                end + letters.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            // Followed by a non-word character (a `.` among them), or the end.
            word_ends(bytes, end)
        })
    };
    let time = |at: usize| {
        let hours = digits(bytes, at);
        (1..=2).contains(&hours)
            && byte(at + hours) == Some(b':')
            && digits(bytes, at + hours + 1) == 2
            && word_ends(bytes, at + hours + 3)
    };
    let year = |at: usize| {
        matches!(bytes.get(at..at + 2), Some(b"19" | b"20"))
            && digits(bytes, at) == 4
            && word_ends(bytes, at + 4)
    };
    let numeric = |at: usize| {
        let day = digits(bytes, at);
        if !(1..=2).contains(&day) || !matches!(byte(at + day), Some(b'/' | b'.')) {
            return false;
        }
        let at = at + day + 1;
        let month = digits(bytes, at);
        if !(1..=2).contains(&month) || !matches!(byte(at + month), Some(b'/' | b'.')) {
            return false;
        }
        let at = at + month + 1;
        let year = digits(bytes, at);
        (2..=4).contains(&year) && word_ends(bytes, at + year)
    };
    (0..bytes.len())
        .filter(|&at| word_starts(bytes, at))
        .any(|at| month(at) || time(at) || year(at) || numeric(at))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use regex::Regex;

    use super::*;

    const TEXTS: [&str; 16] = [
        "R01 was agreed",
        "It was then agreed; R01 is   also NOTED, the doc gets  eventually approved",
        "This is agreedx but were\tmerged_ or were merged.",
        "wasagreed; been  accepted; is   noted noted; Was\u{a0}agreed; ARE xapproved",
        "it was agreed agreed by all, were\nendorsed",
        "S4-123 is withdrawn",
        "SEC#17.1: June 11, 2015",
        "Jun.5 jun_ JANUARY9 xjan, Dec. and mar",
        "10:30 1:5 123:45 12:345 9:00am 7:00",
        "in 2019, 1999x, 20199, 2100",
        "11/06/2015 1.2.15 1/2/123456 123/4/56 1/2/3",
        "Wed 20 June 2018",
        "TP18 – Philadelphia",
        "é2019 _2019 2019é",
        "",
        "a1.2.34_",
    ];

    // The matchers against the regexes they replace.
    #[test]
    fn same_as_regexes() {
        let decided_re = Regex::new(r"(?i-u)\b(?:was|were|is|are|been)\s+(?:\w+\s+)?(agreed|accepted|noted|approved|withdrawn|endorsed|rejected|postponed|merged)\b").unwrap();
        let date_re = Regex::new(r"(?i-u)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b").unwrap();
        let book = crate::phrasebook::builtin();
        let decided = |text| decided(text, book);
        for text in TEXTS {
            assert_eq!(decided(text), decided_re.find(text).map(|m| m.range()), "{text}");
            assert_eq!(has_date(text), date_re.is_match(text), "{text}");
            // Every suffix too, so that each position is a start.
            for (i, _) in text.char_indices() {
                let tail = &text[i..];
                assert_eq!(
                    decided(tail),
                    decided_re.find(tail).map(|m| m.range()),
                    "{tail}"
                );
                assert_eq!(has_date(tail), date_re.is_match(tail), "{tail}");
            }
        }
    }
}

//! Hand-written matchers for the planned-meeting entry lines and the `R03 was agreed`
//! restatements, each exactly as its documented pattern would match.

use super::{skip_spaces, word_at, word_ends, word_starts};
use crate::phrasebook::RestatementWords;

/// The number of bytes from `at` for which `class` holds.
fn count(bytes: &[u8], at: usize, class: impl Fn(u8) -> bool) -> usize {
    bytes.get(at..).unwrap_or_default().iter().take_while(|b| class(**b)).count()
}

/// The position after `byte` at `at`, or `at` when it is not there (`byte?`).
fn optional(bytes: &[u8], at: usize, byte: u8) -> usize {
    at + usize::from(bytes.get(at) == Some(&byte))
}

/// `^([A-Z]{2,6} ?#? ?[0-9]{1,3}(?:\.[0-9]{1,2})?)(?:[ \t]*[:–—-][ \t]*|[ \t]+|$)(.*)$`
/// (Unicode mode; `.` is anything but a line feed, `$` the end of the text): the
/// meeting name and the rest of the line, captures 1 and 2.
pub(crate) fn planning_entry(text: &str) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    // Neither the name nor the separator holds a line feed, and `(.*)$` cannot pass one.
    if bytes.contains(&b'\n') {
        return None;
    }
    let name_end = meeting_name(bytes)?;
    let rest = separator(text, name_end)?;
    Some((text.get(..name_end)?, text.get(rest..)?))
}

/// `^[A-Z]{2,6} ?#? ?[0-9]{1,3}(?:\.[0-9]{1,2})?`: its end. Each part is taken whole, as
/// the regex does: giving back a letter or a digit leaves one where the next part or the
/// separator cannot start.
fn meeting_name(bytes: &[u8]) -> Option<usize> {
    let letters = count(bytes, 0, |b| b.is_ascii_uppercase());
    if !(2..=6).contains(&letters) {
        return None;
    }
    let gap =
        optional(bytes, optional(bytes, optional(bytes, letters, b' '), b'#'), b' ');
    let number = count(bytes, gap, |b| b.is_ascii_digit());
    if !(1..=3).contains(&number) {
        return None;
    }
    let end = gap + number;
    let fraction = if bytes.get(end) == Some(&b'.') {
        count(bytes, end + 1, |b| b.is_ascii_digit())
    } else {
        0
    };
    // Without its fraction the name stops at a `.`, where no separator matches.
    Some(if (1..=2).contains(&fraction) { end + 1 + fraction } else { end })
}

/// `(?:[ \t]*[:–—-][ \t]*|[ \t]+|$)` at `at`: where the rest starts.
fn separator(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let blank = |at: usize| at + count(bytes, at, |b| matches!(b, b' ' | b'\t'));
    let spaced = blank(at);
    match text.get(spaced..)?.chars().next() {
        Some(dash @ (':' | '–' | '—' | '-')) => Some(blank(spaced + dash.len_utf8())),
        _ if spaced > at => Some(spaced),
        None => Some(at),
        Some(_) => None,
    }
}

/// The end of the first of `words` at `at` (ASCII case-insensitive) that ends a word.
fn bounded_word(bytes: &[u8], at: usize, words: &[String]) -> Option<usize> {
    words
        .iter()
        .find_map(|w| word_at(bytes, at, w, true).filter(|&e| word_ends(bytes, e)))
}

/// The first of `words` as a whole word from `from` up to `to`: its start and end.
fn first_word(
    bytes: &[u8],
    from: usize,
    to: usize,
    words: &[String],
) -> Option<(usize, usize)> {
    (from..to)
        .filter(|&at| word_starts(bytes, at))
        .find_map(|at| Some((at, bounded_word(bytes, at, words)?)))
}

/// `(?i)^(?-u:(?:an?\s+|the\s+)?R([0-9]{2})\b).*?(?-u:\b(?:was|were|is)\b).*?(?-u:\b(agreed|noted|approved|withdrawn|endorsed|rejected|postponed)\b)`:
/// the revision digits and the status word, captures 1 and 2.
///
/// Every literal is inside a `(?-u:…)` group, so letters fold ASCII only (`ſ` is no `s`);
/// the `.*?` between them is anything but a line feed, so all of it is on the first line.
/// The lazy gaps take the first verb that a status follows: as a later verb ends later,
/// that is the first verb of the line, and then the first status after it.
pub(crate) fn restated<'t>(
    text: &'t str,
    words: &RestatementWords,
) -> Option<(&'t str, &'t str)> {
    let bytes = text.as_bytes();
    // `an?\s+|the\s+`: the article, when spaces follow it; `an` before `a`, as `n?` is
    // greedy (the phrasebook lists them so).
    let revision = words
        .articles
        .iter()
        .find_map(|w| {
            let end = word_at(bytes, 0, w, true)?;
            let spaced = skip_spaces(bytes, end);
            (spaced > end).then_some(spaced)
        })
        .unwrap_or(0);
    let digits = word_at(bytes, revision, "r", true)?;
    let after = digits + 2;
    let all_digits =
        bytes.get(digits..after).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if !all_digits || !word_ends(bytes, after) {
        return None;
    }
    let line_end = bytes
        .get(after..)?
        .iter()
        .position(|b| *b == b'\n')
        .map_or(bytes.len(), |p| after + p);
    let (_, verb_end) = first_word(bytes, after, line_end, &words.verbs)?;
    let (status, status_end) = first_word(bytes, verb_end, line_end, &words.statuses)?;
    Some((text.get(digits..after)?, text.get(status..status_end)?))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use std::sync::LazyLock;

    use proptest::prelude::*;
    use regex::Regex;

    use super::*;

    static ENTRY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^([A-Z]{2,6} ?#? ?[0-9]{1,3}(?:\.[0-9]{1,2})?)(?:[ \t]*[:–—-][ \t]*|[ \t]+|$)(.*)$",
        )
        .unwrap()
    });

    static RESTATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?-u:(?:an?\s+|the\s+)?R([0-9]{2})\b).*?(?-u:\b(?:was|were|is)\b).*?(?-u:\b(agreed|noted|approved|withdrawn|endorsed|rejected|postponed)\b)").unwrap()
    });

    fn entry_re(text: &str) -> Option<(&str, &str)> {
        let caps = ENTRY.captures(text)?;
        Some((caps.get(1)?.as_str(), caps.get(2)?.as_str()))
    }

    fn restated(text: &str) -> Option<(&str, &str)> {
        super::restated(text, crate::phrasebook::builtin().restatement())
    }

    fn restated_re(text: &str) -> Option<(&str, &str)> {
        let caps = RESTATED.captures(text)?;
        Some((caps.get(1)?.as_str(), caps.get(2)?.as_str()))
    }

    /// Both matchers against their regexes on `text` and every suffix of it.
    fn assert_same(text: &str) {
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let tail = &text[i..];
            assert_eq!(planning_entry(tail), entry_re(tail), "{tail:?}");
            assert_eq!(restated(tail), restated_re(tail), "{tail:?}");
        }
    }

    const TEXTS: [&str; 34] = [
        "SEC#17.1:      June 11, 2015, UTC 13:00-15:00",
        "TP18 – Philadelphia, United States – July 2015",
        "SEC35.1               Wed 20 June  2018",
        "SEC#37",
        "SEC #37 — Berlin",
        "SEC # 37\t-\tBerlin",
        "SEC  37:x",
        "SEC# 37.12-",
        "SEC#37.123 x",
        "SEC#37. x",
        "SEC#1234",
        "SECURITY1 x",
        "S1",
        "ABCDEF999.99\t",
        "AB 1 2",
        "AB 1\n2",
        "AB 1 – x\ny",
        "AB1:\r",
        "ab1",
        "TP#1 -- x",
        "R03 was agreed",
        "r03 IS Noted",
        "The R03 was then agreed, R04 was rejected",
        "an\tR01 were, it is said, postponed",
        "a R01 was x\nagreed",
        "A R01 is, as\nwas agreed",
        "anR01 was agreed",
        "the  R012 was agreed",
        "R01 this is, agreedx or waS noted_ or WITHDRAWN",
        "R01 iſ agreed; R01 waſ agreed",
        "R01 is endorſed",
        "R99, which is_ wasn't agreed-ish",
        "R01 éwas agreed, Ω is noted",
        "R01was agreed",
    ];

    // The matchers against the regexes they replace.
    #[test]
    fn same_as_regexes() {
        for text in TEXTS {
            assert_same(text);
        }
    }

    fn pick(texts: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
        prop::sample::select(texts)
    }

    /// Entry lines part by part, each part right or nearly so, then random noise.
    fn entries() -> impl Strategy<Value = String> {
        let name = (
            pick(&["SEC", "TP", "A", "AB", "ABCDEF", "ABCDEFG", "Sec", "É", ""]),
            pick(&["", "", " ", "#", " #", "# ", " # ", "  ", "##", "\t"]),
            pick(&["1", "12", "123", "1", "12", "123", "1234", "", "x"]),
            pick(&["", "", ".1", ".12", ".123", ".", ".x"]),
        );
        let separator = pick(&[
            "", " ", "\t ", ":", " : ", "–", " — ", "-", " \t-\t", " ", ":", "x", ".",
            "\n",
        ]);
        let noise = prop::collection::vec(
            pick(&["June", " ", "\t", "\r", "-", "–", ":", "é", "2015", ","]),
            0..6,
        );
        (name, separator, noise)
            .prop_map(|((l, g, d, f), s, n)| format!("{l}{g}{d}{f}{s}{}", n.concat()))
    }

    /// Restatements: a start, then words and what comes between them.
    fn restatements() -> impl Strategy<Value = String> {
        let start = pick(&[
            "R03", "r12", "The R01", "an\tR99", "a R01", "R03", "R03", "a  R0", "A",
            "R012", "anR01", "",
        ]);
        let words = prop::collection::vec(
            (
                pick(&[
                    " ", " ", " ", " ", "  ", "\t", ", ", "\n", "", ",", "-", "_", "é",
                    "ſ",
                ]),
                pick(&[
                    "was",
                    "were",
                    "is",
                    "IS",
                    "Was",
                    "was",
                    "is",
                    "agreed",
                    "Noted",
                    "approved",
                    "withdrawn",
                    "endorsed",
                    "rejected",
                    "postponed",
                    "agreed",
                    "agreedx",
                    "isn't",
                    "x",
                    "iſ",
                    "waſ",
                    "R01",
                    "then",
                ]),
            ),
            1..7,
        );
        (start, words).prop_map(|(start, words)| {
            words.iter().fold(start.to_string(), |text, (gap, word)| text + gap + word)
        })
    }

    proptest! {
        // More cases than the default: a few in twenty match, the rest are near misses.
        #![proptest_config(ProptestConfig::with_cases(1024))]

        // Entry lines built from the pieces the pattern cares about.
        #[test]
        fn entry_as_regex(text in entries()) {
            prop_assert_eq!(planning_entry(&text), entry_re(&text));
        }

        // Restatements built from the pieces the pattern cares about.
        #[test]
        fn restated_as_regex(text in restatements()) {
            prop_assert_eq!(restated(&text), restated_re(&text));
        }
    }
}

//! Hand-written matchers for the simplest phrasings: compiling them as regexes cost more
//! per run than recognising a whole draft. Each matches exactly what its documented
//! pattern would, ASCII-mode (`(?-u)`) unless it says otherwise; the one Unicode-mode
//! pattern, in `chair`, documents where its character classes narrow the regex's.

mod chair;
mod lines;
mod phrases;

use crate::phrasebook::Phrasebook;

pub(crate) use chair::chair_name;
pub(crate) use lines::{planning_entry, restated};
pub(crate) use phrases::{decided, has_date};

/// `\s` without Unicode: space, tab, line feed, vertical tab, form feed, carriage return.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// `\w` without Unicode.
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether a word starts at `at`: a word character after a non-word one (`\b\w`).
fn word_starts(bytes: &[u8], at: usize) -> bool {
    let here = bytes.get(at).is_some_and(|b| is_word(*b));
    let before =
        at.checked_sub(1).and_then(|i| bytes.get(i)).is_some_and(|b| is_word(*b));
    here && !before
}

/// Whether a word ends at `at` (`\b` after a word character).
fn word_ends(bytes: &[u8], at: usize) -> bool {
    bytes.get(at).is_none_or(|b| !is_word(*b))
}

/// The position after the white space starting at `at`.
fn skip_spaces(bytes: &[u8], at: usize) -> usize {
    at + bytes.get(at..).unwrap_or_default().iter().take_while(|b| is_space(**b)).count()
}

/// The position after `word` at `at`, compared ASCII case-insensitively when `fold`;
/// `word` may hold single spaces, which match exactly one space.
fn word_at(bytes: &[u8], at: usize, word: &str, fold: bool) -> Option<usize> {
    let end = at.checked_add(word.len())?;
    let found = bytes.get(at..end)?;
    let same = if fold {
        found.eq_ignore_ascii_case(word.as_bytes())
    } else {
        found == word.as_bytes()
    };
    same.then_some(end)
}

/// The first of `words` found at `at`, in order, with its end.
fn any_word_at<'w>(
    bytes: &[u8],
    at: usize,
    words: impl IntoIterator<Item = &'w str>,
    fold: bool,
) -> Option<usize> {
    words.into_iter().find_map(|w| word_at(bytes, at, w, fold))
}

/// `(?i-u)^(?:decision|conclusion|outcome|result)\s*:\s*`, the labels from the
/// phrasebook: the end of the label.
pub(crate) fn decision_label(text: &str, book: &Phrasebook) -> Option<usize> {
    let bytes = text.as_bytes();
    // Most lines start with no label's letter: one look at the first byte rules them out.
    let first = bytes.first()?.to_ascii_lowercase();
    let word = book
        .decision_labels()
        .filter(|label| label.as_bytes().first() == Some(&first))
        .find_map(|label| phrase_at(bytes, 0, label))?;
    let colon = skip_spaces(bytes, word);
    (bytes.get(colon) == Some(&b':')).then(|| skip_spaces(bytes, colon + 1))
}

/// The position after `phrase` (lower-case) at `at`, compared ASCII case-insensitively,
/// each of its spaces matching a run of white space (`\s+`).
pub(crate) fn phrase_at(bytes: &[u8], at: usize, phrase: &str) -> Option<usize> {
    let mut end = at;
    for (i, word) in phrase.split(' ').enumerate() {
        if i > 0 {
            let spaced = skip_spaces(bytes, end);
            if spaced == end {
                return None;
            }
            end = spaced;
        }
        end = word_at(bytes, end, word, true)?;
    }
    Some(end)
}

/// `(?i-u)^action(?:\s+item)?\s*:`.
pub(crate) fn is_action_label(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(action) = word_at(bytes, 0, "action", true) else { return false };
    let colon_after = |at: usize| bytes.get(skip_spaces(bytes, at)) == Some(&b':');
    let spaced = skip_spaces(bytes, action);
    let item = (spaced > action).then(|| word_at(bytes, spaced, "item", true)).flatten();
    item.is_some_and(colon_after) || colon_after(action)
}

/// `(?-u),\s+(?:will|to be|which|pending|subject to|with|as|and will|but)\b`: where the
/// first such clause starts.
///
/// The words are the phrasebook's `comment_clauses`.
pub(crate) fn clause_start(text: &str, book: &Phrasebook) -> Option<usize> {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().filter(|(_, b)| **b == b',').find_map(|(i, _)| {
        let word = skip_spaces(bytes, i + 1);
        if word == i + 1 {
            return None;
        }
        // Every alternative is tried: `with` fails on `without`, `as` on `asked`.
        let bounded = book.comment_clauses().any(|w| {
            word_at(bytes, word, w, false)
                .is_some_and(|end| !bytes.get(end).copied().is_some_and(is_word))
        });
        bounded.then_some(i)
    })
}

/// The matches, in order and not overlapping, of
/// `(?i-u)\b(?:was|were|is|are|has\s+been|have\s+been|got|gets)\s+(?:(?:also|then|finally|subsequently|thus|therefore|formally|eventually)\s+)?`
/// with the auxiliaries and adverbs of the phrasebook.
pub(crate) fn verbs<'t>(
    text: &'t str,
    book: &'t Phrasebook,
) -> impl Iterator<Item = std::ops::Range<usize>> + 't {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let starts_word = bytes.get(at).copied().is_some_and(is_word)
                && !at
                    .checked_sub(1)
                    .and_then(|p| bytes.get(p))
                    .copied()
                    .is_some_and(is_word);
            let matched = if starts_word { verb_at(bytes, at, book) } else { None };
            match matched {
                Some(end) => {
                    let found = at..end;
                    at = end;
                    return Some(found);
                }
                None => at += 1,
            }
        }
        None
    })
}

/// The end of a verb phrase starting at `at`.
fn verb_at(bytes: &[u8], at: usize, book: &Phrasebook) -> Option<usize> {
    // `\s+` after a word: at least one space.
    let spaces = |end: usize| Some(skip_spaces(bytes, end)).filter(|s| *s > end);
    // The alternatives in order; the first that is followed by spaces wins.
    let verb_end =
        book.auxiliaries().find_map(|v| phrase_at(bytes, at, v).and_then(spaces))?;
    let adverb =
        book.adverbs().find_map(|a| phrase_at(bytes, verb_end, a).and_then(spaces));
    Some(adverb.unwrap_or(verb_end))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use regex::Regex;

    use super::*;

    const TEXTS: [&str; 12] = [
        "Decision : agreed",
        "RESULT:x",
        "outcome\t:  \n",
        "Action item: Bob",
        "action :",
        "actionitem:",
        "Action item x:",
        "title, without changes, as agreed",
        "title,  to be presented, and will",
        "It was then agreed; R01 is   also NOTED, the doc gets  eventually approved",
        "has been  agreed, have\tbeen noted; thesis was agreed; wasn't; Was\u{a0}x",
        "é,asked, with_x, but",
    ];

    // The matchers against the regexes they replace.
    #[test]
    fn same_as_regexes() {
        let label =
            Regex::new(r"(?i-u)^(?:decision|conclusion|outcome|result)\s*:\s*").unwrap();
        let action = Regex::new(r"(?i-u)^action(?:\s+item)?\s*:").unwrap();
        let clause = Regex::new(
            r"(?-u),\s+(?:will|to be|which|pending|subject to|with|as|and will|but)\b",
        )
        .unwrap();
        let verb = Regex::new(
            r"(?i-u)\b(?:was|were|is|are|has\s+been|have\s+been|got|gets)\s+(?:(?:also|then|finally|subsequently|thus|therefore|formally|eventually)\s+)?",
        )
        .unwrap();
        let book = crate::phrasebook::builtin();
        for text in TEXTS {
            assert_eq!(
                decision_label(text, book),
                label.find(text).map(|m| m.end()),
                "{text}"
            );
            assert_eq!(is_action_label(text), action.is_match(text), "{text}");
            assert_eq!(
                clause_start(text, book),
                clause.find(text).map(|m| m.start()),
                "{text}"
            );
            let theirs: Vec<_> = verb.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(verbs(text, book).collect::<Vec<_>>(), theirs, "{text}");
        }
    }
}

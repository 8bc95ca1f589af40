//! The chair named at the start of opening prose (`François Ennesser chair of the SEC WG,
//! opened the meeting`): a Unicode-mode pattern, matched with the standard library's
//! character properties where the regex used its own Unicode tables.
//!
//! The classes agree with the regex's on every character below U+0590 (Latin, IPA, Greek,
//! Cyrillic, Armenian, the combining diacritics) and in U+1E00..=U+206F (Latin Extended
//! Additional, Greek Extended, General Punctuation), as the tests check one by one.
//! Elsewhere they narrow, deliberately, to what the standard library can tell:
//! - `\p{L}` is taken as Alphabetic and not Numeric, so it also admits the Other_Alphabetic
//!   marks and symbols (vowel signs such as U+093E, circled letters such as Ⓐ);
//! - `\w` is taken as Alphanumeric, connector punctuation and the join controls, with only
//!   the marks U+0300..=U+036F and U+0483..=U+0489 and without only ²³¹¼½¾: it also admits
//!   the other numbers that are not digits (①, ⁴) and misses the other marks that are not
//!   Alphabetic (U+20D7, U+FE20);
//! - `\p{Lu}` (Uppercase without Other_Uppercase) and `\s` (White_Space) are exact, but
//!   every class follows the standard library's Unicode version, not the regex's, for
//!   characters that only one of the two knows (U+A7CE is a capital only in Unicode 17).

use crate::phrasebook::CoverPhrases;

/// Other_Uppercase: uppercase but no letter (Roman numerals, circled and squared capitals).
fn is_other_uppercase(c: char) -> bool {
    matches!(
        c,
        '\u{2160}'..='\u{216F}'
            | '\u{24B6}'..='\u{24CF}'
            | '\u{1F130}'..='\u{1F149}'
            | '\u{1F150}'..='\u{1F169}'
            | '\u{1F170}'..='\u{1F189}'
    )
}

/// `\p{Lu}`: Uppercase without Other_Uppercase.
fn is_capital(c: char) -> bool {
    c.is_uppercase() && !is_other_uppercase(c)
}

/// `\p{L}`: Alphabetic, not Numeric, and not one of the Alphabetic combining marks below
/// U+0590 (narrowed above it, see the module).
fn is_letter(c: char) -> bool {
    c.is_alphabetic()
        && !c.is_numeric()
        && !matches!(c, '\u{345}' | '\u{363}'..='\u{36F}')
}

/// `\w`: Alphabetic, digits, marks, connector punctuation and the join controls (narrowed
/// outside U+0000..U+058F and U+1E00..=U+206F, see the module).
fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() && !matches!(c, '²' | '³' | '¹' | '¼'..='¾'))
        || matches!(
            c,
            '\u{300}'..='\u{36F}'
                | '\u{483}'..='\u{489}'
                | '\u{200C}'
                | '\u{200D}'
                // Connector punctuation, Pc.
                | '_'
                | '\u{203F}'
                | '\u{2040}'
                | '\u{2054}'
                | '\u{FE33}'
                | '\u{FE34}'
                | '\u{FE4D}'..='\u{FE4F}'
                | '\u{FF3F}'
        )
}

/// `[\p{L}'’.-]`: a character of a name word.
fn is_name_char(c: char) -> bool {
    is_letter(c) || matches!(c, '\'' | '’' | '.' | '-')
}

/// The character at `at`, when `at` is inside `text`.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// The position after the characters of `class` from `at`.
fn run(text: &str, at: usize, class: impl Fn(char) -> bool) -> usize {
    let chars = text.get(at..).unwrap_or_default().chars();
    at + chars.take_while(|c| class(*c)).map(char::len_utf8).sum::<usize>()
}

/// `\s+` at `at`: its end.
fn spaces(text: &str, at: usize) -> Option<usize> {
    Some(run(text, at, char::is_whitespace)).filter(|&end| end > at)
}

/// `literal` at `at`: its end.
fn literal(text: &str, at: usize, literal: &str) -> Option<usize> {
    text.get(at..)?.starts_with(literal).then(|| at + literal.len())
}

/// `\p{Lu}[\p{L}'’.-]+` at `at`: its end. The word is taken whole, as the regex does: a
/// shorter one would leave a name character where a space or a comma must follow.
fn name_word(text: &str, at: usize) -> Option<usize> {
    let first = char_at(text, at).filter(|c| is_capital(*c))?;
    let rest = at + first.len_utf8();
    Some(run(text, rest, is_name_char)).filter(|&end| end > rest)
}

/// `^(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}),?\s+(?:the\s+)?(?:WG\s+\w+\s+)?chair(?:man|person)?\s+of\b`
/// (Unicode mode, with the classes of the module): the name, capture 1.
///
/// The name is two to four words, and the greedy `{1,3}` tries four first: in
/// `Omar Elloumi WG SEC chair of` the name is all four words.
///
/// `WG` and `chair(?:man|person)?` are the phrasebook's `chair_groups` and `chair_titles`.
pub(crate) fn chair_name<'t>(text: &'t str, words: &CoverPhrases) -> Option<&'t str> {
    let ends: Vec<usize> = std::iter::successors(name_word(text, 0), |&end| {
        name_word(text, spaces(text, end)?)
    })
    .take(4)
    .collect();
    let end = ends.iter().skip(1).rev().find(|&&end| chair_of(text, end, words))?;
    text.get(..*end)
}

/// `,?\s+(?:the\s+)?(?:WG\s+\w+\s+)?chair(?:man|person)?\s+of\b` at `at`. Each optional
/// part is taken when it is there, as the regex does first; leaving it out instead never
/// matches, since the part after it starts differently (with a space, `WG` or `chair`).
fn chair_of(text: &str, at: usize, words: &CoverPhrases) -> bool {
    let at = literal(text, at, ",").unwrap_or(at);
    let Some(at) = spaces(text, at) else { return false };
    let at = literal(text, at, "the").and_then(|end| spaces(text, end)).unwrap_or(at);
    let group = words
        .chair_groups
        .iter()
        .find_map(|group| literal(text, at, group))
        .and_then(|end| spaces(text, end))
        .and_then(|word| {
            let end = run(text, word, is_word_char);
            spaces(text, end).filter(|_| end > word)
        });
    // A title, then `of` as a word; with the group part or, failing that, without it.
    let title_of = |from: usize| {
        words.chair_titles.iter().filter_map(|title| literal(text, from, title)).any(
            |title_end| {
                spaces(text, title_end)
                    .and_then(|of| literal(text, of, "of"))
                    .is_some_and(|end| !char_at(text, end).is_some_and(is_word_char))
            },
        )
    };
    group.is_some_and(title_of) || title_of(at)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use std::{collections::HashSet, sync::LazyLock};

    use proptest::prelude::*;
    use regex::Regex;

    use super::*;

    static CHAIR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}),?\s+(?:the\s+)?(?:WG\s+\w+\s+)?chair(?:man|person)?\s+of\b").unwrap()
    });

    fn chair_name(text: &str) -> Option<&str> {
        super::chair_name(text, crate::phrasebook::builtin().cover())
    }

    fn chair_re(text: &str) -> Option<&str> {
        Some(CHAIR.captures(text)?.get(1)?.as_str())
    }

    /// Whether `c` is in the characters where the classes are exact.
    fn in_exact_range(c: char) -> bool {
        c < '\u{590}' || ('\u{1E00}'..='\u{206F}').contains(&c)
    }

    type Class = fn(char) -> bool;

    // Each class against the regex's, on every character where they should agree.
    #[test]
    fn classes_as_regex() {
        let classes: [(&str, Class); 5] = [
            (r"\p{Lu}", is_capital),
            (r"\p{L}", is_letter),
            (r"\w", is_word_char),
            (r"\s", char::is_whitespace),
            (r"[\p{L}'’.-]", is_name_char),
        ];
        // Every character once, so that each regex runs over them in one pass.
        let all: String = (0..=0x10_FFFF).filter_map(char::from_u32).collect();
        for (class, ours) in classes {
            let theirs: HashSet<char> = Regex::new(class)
                .unwrap()
                .find_iter(&all)
                .flat_map(|m| m.as_str().chars())
                .collect();
            let differ: Vec<char> =
                all.chars().filter(|c| ours(*c) != theirs.contains(c)).collect();
            assert!(differ.iter().all(|c| !in_exact_range(*c)), "{class}: {differ:?}");
            // `\p{Lu}` and `\s` only differ on the few characters the Unicode versions do.
            if matches!(class, r"\p{Lu}" | r"\s") {
                assert!(differ.len() < 40, "{class}: {differ:?}");
            }
        }
    }

    const TEXTS: [&str; 29] = [
        "François Ennesser chair of the SEC WG, opened the meeting",
        "The chair of the meeting opened",
        "José Müller, the chairman of",
        "José Müller, chairperson of",
        "Omar Elloumi WG SEC chair of",
        "Omar Elloumi WG Chair of",
        "Omar Elloumi, WG SEC chair of",
        "Omar Elloumi WG SEC  Chair WG TP chair of",
        "Anne-Marie O'Neil D’Arcy Jr. St. chair of",
        "A B chair of",
        "Ab Cd Ef Gh Ij chair of",
        "Ab Cd Ef Gh the chair of",
        "Ab Cd, Ef chair of",
        "Ab\u{a0}Cd\u{2003}chair\tof\u{2028}x",
        "Ab Cd chairman  of,",
        "Ab Cd chairmanship of",
        "Ab Cd chair office",
        "Ab Cd chair of_",
        "Ab Cd chair ofé",
        "Ab Cd chair of\u{301}",
        "Ab Cd chair of²",
        "Ab Cd the  WG  x_1  chair of",
        "Ab Cd thechair of",
        "Ab Cd WGchair of",
        "Σωκράτης Παπαδόπουλος chair of",
        "Дмитрий Ёлкин, WG ТП chair of",
        "Jose\u{301} Mu\u{308}ller chair of",
        "Ⅻ Ab chair of; Ab Ⅻ chair of; Ab Cͣd chair of",
        "Nguyễn Văn An chair of",
    ];

    // The matcher against the regex it replaces, on each text and every suffix of it.
    #[test]
    fn same_as_regex() {
        for text in TEXTS {
            for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let tail = &text[i..];
                assert_eq!(chair_name(tail), chair_re(tail), "{tail:?}");
            }
        }
    }

    // The narrowing the module documents, outside the exact characters.
    #[test]
    fn narrower_than_regex_elsewhere() {
        // U+20D7, a mark that is not Alphabetic, is no word character here.
        assert_eq!(chair_re("Ab Cd chair of\u{20D7}"), None);
        assert_eq!(chair_name("Ab Cd chair of\u{20D7}"), Some("Ab Cd"));
        // ①, a number that is no digit, is a word character here.
        assert_eq!(chair_re("Ab Cd chair of①"), Some("Ab Cd"));
        assert_eq!(chair_name("Ab Cd chair of①"), None);
        // U+093E, an Alphabetic vowel sign, is a letter here.
        assert_eq!(chair_re("Ab C\u{93E} chair of"), None);
        assert_eq!(chair_name("Ab C\u{93E} chair of"), Some("Ab C\u{93E}"));
    }

    fn pick(texts: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
        prop::sample::select(texts)
    }

    /// Openings part by part: name words, then the title, each right or nearly so.
    fn openings() -> impl Strategy<Value = String> {
        let words = prop::collection::vec(
            (
                pick(&[
                    "José",
                    "Müller",
                    "Omar",
                    "Elloumi",
                    "WG",
                    "SEC",
                    "O'Neil",
                    "D’Arcy",
                    "Anne-Marie",
                    "Jr.",
                    "Σωκράτης",
                    "Дж",
                    "Ωß",
                    "Nguyễn",
                    "Văn",
                    "An",
                    "José",
                    "Müller",
                    "É",
                    "ǅx",
                    "x",
                    "chair",
                    "Ⅻa",
                    "Cͣd",
                    "A\u{301}b",
                ]),
                pick(&[
                    " ", " ", " ", " ", " ", " ", "  ", "\t", "\n", "\u{a0}", "", ", ",
                    ",",
                ]),
            ),
            2..6,
        );
        let title = (
            pick(&[
                "",
                "",
                "",
                "",
                "the ",
                "the ",
                "the",
                "WG SEC ",
                "WG  x_1 ",
                "WG Chair ",
                "WG ",
                "the WG ТП ",
            ]),
            pick(&[
                "chair",
                "chair",
                "chair",
                "chairman",
                "chairperson",
                "Chair",
                "chairmanship",
            ]),
            pick(&[
                " of",
                " of",
                " of",
                " of ",
                " of,",
                "  of",
                "\tof",
                "of",
                " office",
                " of_",
                " ofé",
                " of\u{301}",
            ]),
            pick(&["", " the SEC WG, opened", "\n", "x"]),
        );
        (words, title).prop_map(|(words, (the, chair, of, rest))| {
            let name =
                words.iter().fold(String::new(), |text, (word, gap)| text + word + gap);
            format!("{name}{the}{chair}{of}{rest}")
        })
    }

    proptest! {
        // More cases than the default: a few in twenty match, the rest are near misses.
        #![proptest_config(ProptestConfig::with_cases(1024))]

        // Openings built from the pieces the pattern cares about.
        #[test]
        fn chair_as_regex(text in openings()) {
            prop_assert_eq!(chair_name(&text), chair_re(&text));
        }
    }
}

//! The phrasebook: the words of decisions as data (`phrases.toml`), compiled in, with a
//! user's additions (`--phrases FILE`) appended.
//!
//! The matchers read the phrasebook active on their thread: [`builtin`] unless
//! [`with_active`] runs a recognition with another. A thread-local keeps the many small
//! matchers' signatures as they are, instead of threading a reference through each.

use std::{
    cell::RefCell,
    sync::{Arc, LazyLock},
};

use minutes_model::Status;
use serde::Deserialize;

/// The built-in phrasebook's text, which tests check against [`BUILTIN_JSON`].
#[cfg(test)]
const BUILTIN: &str = include_str!("phrases.toml");

/// The built-in phrasebook: `phrases.toml` as the JSON value of its TOML, written by
/// `build.rs` so that no TOML parser is needed to load it (the browser page has none).
const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/phrases.json"));

/// The words and phrases of decisions (see `phrases.toml` for what each list means).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phrasebook {
    #[serde(default)]
    decision_labels: Vec<String>,
    #[serde(default)]
    auxiliaries: Vec<String>,
    #[serde(default)]
    adverbs: Vec<String>,
    #[serde(default)]
    decided_words: Vec<String>,
    #[serde(default)]
    entry_prefixes: Vec<String>,
    #[serde(default)]
    entry_fields: Vec<String>,
    #[serde(default)]
    entry_subjects: Vec<String>,
    #[serde(default)]
    tag_sessions: Vec<String>,
    #[serde(default)]
    open_results: Vec<String>,
    #[serde(default, rename = "status")]
    statuses: Vec<StatusPhrases>,
    #[serde(default, rename = "not_decision")]
    not_decisions: Vec<NotDecision>,
    #[serde(default, rename = "example")]
    examples: Vec<Example>,
    #[serde(default)]
    cover: CoverPhrases,
    /// Every status phrase with its status, longest first (built after loading).
    #[serde(skip)]
    by_length: Vec<(String, Status)>,
}

/// The phrases that introduce cover fields in prose.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CoverPhrases {
    #[serde(default)]
    pub chair: Vec<String>,
    #[serde(default)]
    pub vice_chairs: Vec<String>,
    #[serde(default)]
    pub secretary: Vec<String>,
    #[serde(default)]
    pub opened: Vec<String>,
}

/// One status and the phrases that say it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusPhrases {
    status: Status,
    phrases: Vec<String>,
}

/// A sentence shape that is never a decision.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct NotDecision {
    pub pattern: String,
    #[serde(default)]
    pub example: Option<String>,
}

/// A line and what the recogniser must make of it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Example {
    pub text: String,
    /// The entry's document, when the line is read inside an entry.
    #[serde(default)]
    pub entry: Option<String>,
    /// The document decided, for a line read outside an entry.
    #[serde(default)]
    pub tdoc: Option<String>,
    /// The status, empty for none.
    pub status: String,
    #[serde(default)]
    pub revised_to: Option<String>,
    #[serde(default)]
    pub merged_into: Option<String>,
}

/// A phrasebook that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct PhrasebookError(String);

impl Phrasebook {
    /// Parses a phrasebook file; `name` is used in the error message.
    #[cfg(feature = "user-phrases")]
    pub fn parse(text: &str, name: &str) -> Result<Phrasebook, PhrasebookError> {
        let mut book: Phrasebook = toml::from_str(text).map_err(|e| {
            let place = e
                .span()
                .map(|span| {
                    let before = text.get(..span.start).unwrap_or_default();
                    let line = before.matches('\n').count() + 1;
                    let column =
                        before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
                    format!(":{line}:{column}")
                })
                .unwrap_or_default();
            PhrasebookError(format!("{name}{place}: {}", e.message()))
        })?;
        book.index();
        Ok(book)
    }

    /// The built-in phrasebook with `extra`'s lists appended.
    pub fn with_additions(extra: &Phrasebook) -> Phrasebook {
        let mut book = builtin().clone();
        book.decision_labels.extend(extra.decision_labels.iter().cloned());
        book.auxiliaries.extend(extra.auxiliaries.iter().cloned());
        book.adverbs.extend(extra.adverbs.iter().cloned());
        book.decided_words.extend(extra.decided_words.iter().cloned());
        book.entry_prefixes.extend(extra.entry_prefixes.iter().cloned());
        book.entry_fields.extend(extra.entry_fields.iter().cloned());
        book.entry_subjects.extend(extra.entry_subjects.iter().cloned());
        book.tag_sessions.extend(extra.tag_sessions.iter().cloned());
        book.open_results.extend(extra.open_results.iter().cloned());
        book.statuses.extend(extra.statuses.iter().cloned());
        book.not_decisions.extend(extra.not_decisions.iter().cloned());
        book.examples.extend(extra.examples.iter().cloned());
        book.cover.chair.extend(extra.cover.chair.iter().cloned());
        book.cover.vice_chairs.extend(extra.cover.vice_chairs.iter().cloned());
        book.cover.secretary.extend(extra.cover.secretary.iter().cloned());
        book.cover.opened.extend(extra.cover.opened.iter().cloned());
        book.index();
        book
    }

    /// Lower-cases every word (the matchers compare lower-case) and sorts the status
    /// phrases longest first.
    fn index(&mut self) {
        for list in [
            &mut self.decision_labels,
            &mut self.auxiliaries,
            &mut self.adverbs,
            &mut self.decided_words,
            &mut self.entry_prefixes,
            &mut self.entry_fields,
            &mut self.entry_subjects,
            &mut self.tag_sessions,
            &mut self.open_results,
            &mut self.cover.chair,
            &mut self.cover.vice_chairs,
            &mut self.cover.secretary,
            &mut self.cover.opened,
        ] {
            for word in list.iter_mut() {
                *word = fold(word);
            }
        }
        self.by_length = self
            .statuses
            .iter()
            .flat_map(|s| s.phrases.iter().map(|p| (fold(p), s.status)))
            .collect();
        // Stable: among equal lengths the file's order stands.
        self.by_length.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
    }

    /// `decision`, `outcome`, …
    pub(crate) fn decision_labels(&self) -> impl Iterator<Item = &str> {
        self.decision_labels.iter().map(String::as_str)
    }

    /// `was`, `has been`, …
    pub(crate) fn auxiliaries(&self) -> impl Iterator<Item = &str> {
        self.auxiliaries.iter().map(String::as_str)
    }

    /// `then`, `also`, …
    pub(crate) fn adverbs(&self) -> impl Iterator<Item = &str> {
        self.adverbs.iter().map(String::as_str)
    }

    /// `agreed`, `noted`, …
    pub(crate) fn decided_words(&self) -> impl Iterator<Item = &str> {
        self.decided_words.iter().map(String::as_str)
    }

    /// Whether `word` (lower-case) is written before an entry's id.
    pub(crate) fn is_entry_prefix(&self, word: &str) -> bool {
        self.entry_prefixes.iter().any(|p| p == word)
    }

    /// Whether `label` (lower-case, no colon) starts a line that describes the document.
    pub(crate) fn is_entry_field(&self, label: &str) -> bool {
        self.entry_fields.iter().any(|f| f == label)
    }

    /// Whether `subject` (lower-case, single-spaced) means the entry's document.
    pub(crate) fn is_entry_subject(&self, subject: &str) -> bool {
        subject.starts_with("this ") || self.entry_subjects.iter().any(|s| s == subject)
    }

    /// Whether `word` (lower-case) names a session in a bracket tag.
    pub(crate) fn is_tag_session(&self, word: &str) -> bool {
        self.tag_sessions.iter().any(|s| s == word)
    }

    /// The phrases of cover fields in prose.
    pub(crate) fn cover(&self) -> &CoverPhrases {
        &self.cover
    }

    /// Whether a result cell (`OPEN`, `REPLY OPEN`) leaves the document open.
    pub(crate) fn is_open_result(&self, cell: &str) -> bool {
        let cell = fold(cell);
        self.open_results.iter().any(|open| {
            cell.strip_prefix(open.as_str())
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
        })
    }

    /// The not-decision patterns.
    pub(crate) fn not_decisions(&self) -> &[NotDecision] {
        &self.not_decisions
    }

    /// The examples.
    #[cfg(test)]
    pub(crate) fn examples(&self) -> &[Example] {
        &self.examples
    }

    /// The status whose phrase starts `text` (ignoring case and runs of white space, at a
    /// word boundary), and the phrase's byte length in `text`.
    pub(crate) fn status_prefix(&self, text: &str) -> Option<(Status, usize)> {
        let first = text.as_bytes().first()?.to_ascii_lowercase();
        self.by_length
            .iter()
            .filter(|(phrase, _)| phrase.as_bytes().first() == Some(&first))
            .find_map(|(phrase, status)| {
                prefix_len(text, phrase).map(|len| (*status, len))
            })
    }
}

/// Lower-cased and single-spaced.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Matches `phrase` (lower-case, single spaces) at the start of `text`, ASCII
/// case-insensitively, letting any run of white space stand for a space; the match must
/// end at a word boundary.
fn prefix_len(text: &str, phrase: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = 0;
    for expected in phrase.bytes() {
        if expected == b' ' {
            let start = at;
            while let Some(rest) = text.get(at..) {
                match rest.chars().next() {
                    Some(c) if c.is_whitespace() => at += c.len_utf8(),
                    _ => break,
                }
            }
            if at == start {
                return None;
            }
        } else {
            if bytes.get(at).map(u8::to_ascii_lowercase) != Some(expected) {
                return None;
            }
            at += 1;
        }
    }
    let boundary = text.get(at..)?.chars().next().is_none_or(|c| !c.is_alphanumeric());
    boundary.then_some(at)
}

static BUILTIN_BOOK: LazyLock<Phrasebook> = LazyLock::new(|| {
    // The built-in book is tested to load; an empty book would only recognise less.
    let mut book: Phrasebook = serde_json::from_str(BUILTIN_JSON).unwrap_or_default();
    book.index();
    book
});

/// The built-in phrasebook.
pub fn builtin() -> &'static Phrasebook {
    &BUILTIN_BOOK
}

thread_local! {
    static ACTIVE: RefCell<Option<Arc<Phrasebook>>> = const { RefCell::new(None) };
}

/// Runs `f` with `book` as this thread's phrasebook, restoring the previous one after.
pub(crate) fn with_active<R>(book: Option<Arc<Phrasebook>>, f: impl FnOnce() -> R) -> R {
    let Some(book) = book else { return f() };
    let previous = ACTIVE.with(|active| active.replace(Some(book)));
    let result = f();
    ACTIVE.with(|active| *active.borrow_mut() = previous);
    result
}

/// Calls `f` with this thread's phrasebook.
pub(crate) fn phrases<R>(f: impl FnOnce(&Phrasebook) -> R) -> R {
    ACTIVE.with(|active| match active.borrow().as_deref() {
        Some(book) => f(book),
        None => f(builtin()),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn builtin_parses() {
        let book = Phrasebook::parse(BUILTIN, "phrases.toml").unwrap();
        assert!(book.status_prefix("Noted in parallel session").is_some());
        assert_eq!(book.status_prefix("not agreed yet"), Some((Status::Rejected, 10)));
        assert_eq!(book.status_prefix("NOTEDx"), None);
        assert_eq!(
            book.status_prefix("Technically  Endorsed."),
            Some((Status::TechnicallyEndorsed, 21))
        );
    }

    // The compiled-in JSON is the file: the same book as parsing `phrases.toml`.
    #[test]
    fn builtin_json_is_the_toml_file() {
        let mut from_json: Phrasebook = serde_json::from_str(BUILTIN_JSON).unwrap();
        from_json.index();
        let from_toml = Phrasebook::parse(BUILTIN, "phrases.toml").unwrap();
        assert_eq!(format!("{from_json:?}"), format!("{from_toml:?}"));
        assert_eq!(format!("{:?}", builtin()), format!("{from_toml:?}"));
        assert!(!from_toml.by_length.is_empty() && !from_toml.examples.is_empty());
    }

    // Every phrase the model knows means the same status here.
    #[test]
    fn agrees_with_the_model_phrases() {
        let book = builtin();
        for (phrase, status) in &book.by_length {
            if let Some(model) = Status::from_phrase(phrase) {
                assert_eq!(model, *status, "{phrase}");
            }
        }
        for status in Status::ALL {
            let (found, _) = book.status_prefix(status.as_str()).unwrap();
            assert_eq!(found, status);
        }
    }

    #[test]
    fn errors_name_the_file_line_and_column() {
        let error = Phrasebook::parse("adverbs = [\"x\"]\nstatus = 3\n", "mine.toml")
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("mine.toml:2:"), "{error}");
        let error =
            Phrasebook::parse("colour = 1\n", "mine.toml").unwrap_err().to_string();
        assert!(error.contains("colour"), "{error}");
    }

    #[test]
    fn additions_extend_the_builtin_lists() {
        let extra = Phrasebook::parse(
            "[[status]]\nstatus = \"Agreed\"\nphrases = [\"adopted\"]\n",
            "mine.toml",
        )
        .unwrap();
        let book = Phrasebook::with_additions(&extra);
        assert_eq!(book.status_prefix("Adopted."), Some((Status::Agreed, 7)));
        assert!(builtin().status_prefix("Adopted.").is_none());
    }
}

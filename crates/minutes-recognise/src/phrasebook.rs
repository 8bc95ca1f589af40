//! The phrasebook: the words of decisions as data (`phrases.toml`), compiled in, with a
//! user's additions (`--phrases FILE`) appended.
//!
//! The matchers get the phrasebook of their recognition passed in, inside a
//! [`Context`](crate::context::Context): [`builtin`] unless the options name another.

use std::sync::LazyLock;

use minutes_model::Status;
use serde::Deserialize;

/// The built-in phrasebook's text, which tests check against [`BUILTIN_JSON`].
#[cfg(all(test, feature = "user-phrases"))]
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
    #[serde(default)]
    entry_qualifiers: Vec<String>,
    #[serde(default)]
    clause_boundaries: Vec<String>,
    #[serde(default)]
    lead_in_clause_words: Vec<String>,
    #[serde(default)]
    lead_in_prepositions: Vec<String>,
    #[serde(default)]
    comment_clauses: Vec<String>,
    #[serde(default, rename = "status")]
    statuses: Vec<StatusPhrases>,
    #[serde(default, rename = "not_decision")]
    not_decisions: Vec<NotDecision>,
    #[serde(default, rename = "example")]
    examples: Vec<Example>,
    #[serde(default)]
    cover: CoverPhrases,
    #[serde(default)]
    columns: ColumnWords,
    #[serde(default, rename = "column_example")]
    column_examples: Vec<ColumnExample>,
    #[serde(default)]
    restatement: RestatementWords,
    #[serde(default)]
    planning: PlanningWords,
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
    /// Titles of the chair named before them (`… chair of the SEC WG`), as written.
    #[serde(default)]
    pub chair_titles: Vec<String>,
    /// Words for a group written before the chair's title (`… WG SEC chair of`), as written.
    #[serde(default)]
    pub chair_groups: Vec<String>,
}

/// The header words of each table column the recogniser reads (compared as labels:
/// ignoring case, runs of white space and a trailing colon).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ColumnWords {
    #[serde(default)]
    pub tdoc: Vec<String>,
    #[serde(default)]
    pub title: Vec<String>,
    #[serde(default)]
    pub source: Vec<String>,
    #[serde(default)]
    pub decision: Vec<String>,
    #[serde(default)]
    pub reference: Vec<String>,
    #[serde(default)]
    pub what: Vec<String>,
    #[serde(default)]
    pub who: Vec<String>,
    #[serde(default)]
    pub status: Vec<String>,
    #[serde(default)]
    pub agenda_item: Vec<String>,
    #[serde(default, rename = "type")]
    pub doc_type: Vec<String>,
    #[serde(default)]
    pub doc_for: Vec<String>,
    #[serde(default)]
    pub release: Vec<String>,
    #[serde(default)]
    pub work_item: Vec<String>,
    #[serde(default)]
    pub comments: Vec<String>,
    #[serde(default)]
    pub revision_of: Vec<String>,
    #[serde(default)]
    pub revised_to: Vec<String>,
    #[serde(default)]
    pub merge_of: Vec<String>,
    #[serde(default)]
    pub merged_to: Vec<String>,
}

impl ColumnWords {
    /// Every list with its key in `phrases.toml`.
    pub(crate) fn lists(&self) -> [(&'static str, &[String]); 18] {
        [
            ("tdoc", &self.tdoc),
            ("title", &self.title),
            ("source", &self.source),
            ("decision", &self.decision),
            ("reference", &self.reference),
            ("what", &self.what),
            ("who", &self.who),
            ("status", &self.status),
            ("agenda_item", &self.agenda_item),
            ("type", &self.doc_type),
            ("doc_for", &self.doc_for),
            ("release", &self.release),
            ("work_item", &self.work_item),
            ("comments", &self.comments),
            ("revision_of", &self.revision_of),
            ("revised_to", &self.revised_to),
            ("merge_of", &self.merge_of),
            ("merged_to", &self.merged_to),
        ]
    }

    fn lists_mut(&mut self) -> [&mut Vec<String>; 18] {
        [
            &mut self.tdoc,
            &mut self.title,
            &mut self.source,
            &mut self.decision,
            &mut self.reference,
            &mut self.what,
            &mut self.who,
            &mut self.status,
            &mut self.agenda_item,
            &mut self.doc_type,
            &mut self.doc_for,
            &mut self.release,
            &mut self.work_item,
            &mut self.comments,
            &mut self.revision_of,
            &mut self.revised_to,
            &mut self.merge_of,
            &mut self.merged_to,
        ]
    }
}

/// A table header cell and the column it names (a key of [`ColumnWords`], empty for none).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct ColumnExample {
    pub header: String,
    pub column: String,
}

/// The words of a restatement (`The R03 was then agreed`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RestatementWords {
    #[serde(default)]
    pub articles: Vec<String>,
    #[serde(default)]
    pub verbs: Vec<String>,
    #[serde(default)]
    pub statuses: Vec<String>,
}

/// The words of planned meetings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlanningWords {
    /// Words of a section title that make it the planning section.
    #[serde(default)]
    pub sections: Vec<String>,
    /// Words that say a meeting's kind (`Teleconference`).
    #[serde(default)]
    pub kinds: Vec<String>,
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
        book.entry_qualifiers.extend(extra.entry_qualifiers.iter().cloned());
        book.clause_boundaries.extend(extra.clause_boundaries.iter().cloned());
        book.lead_in_clause_words.extend(extra.lead_in_clause_words.iter().cloned());
        book.lead_in_prepositions.extend(extra.lead_in_prepositions.iter().cloned());
        book.comment_clauses.extend(extra.comment_clauses.iter().cloned());
        book.statuses.extend(extra.statuses.iter().cloned());
        book.not_decisions.extend(extra.not_decisions.iter().cloned());
        book.examples.extend(extra.examples.iter().cloned());
        book.cover.chair.extend(extra.cover.chair.iter().cloned());
        book.cover.vice_chairs.extend(extra.cover.vice_chairs.iter().cloned());
        book.cover.secretary.extend(extra.cover.secretary.iter().cloned());
        book.cover.opened.extend(extra.cover.opened.iter().cloned());
        book.cover.chair_titles.extend(extra.cover.chair_titles.iter().cloned());
        book.cover.chair_groups.extend(extra.cover.chair_groups.iter().cloned());
        for (list, more) in
            book.columns.lists_mut().into_iter().zip(extra.columns.lists())
        {
            list.extend(more.1.iter().cloned());
        }
        book.column_examples.extend(extra.column_examples.iter().cloned());
        book.restatement.articles.extend(extra.restatement.articles.iter().cloned());
        book.restatement.verbs.extend(extra.restatement.verbs.iter().cloned());
        book.restatement.statuses.extend(extra.restatement.statuses.iter().cloned());
        book.planning.sections.extend(extra.planning.sections.iter().cloned());
        book.planning.kinds.extend(extra.planning.kinds.iter().cloned());
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
            &mut self.entry_qualifiers,
            &mut self.clause_boundaries,
            &mut self.lead_in_clause_words,
            &mut self.lead_in_prepositions,
            &mut self.cover.chair,
            &mut self.cover.vice_chairs,
            &mut self.cover.secretary,
            &mut self.cover.opened,
            &mut self.restatement.articles,
            &mut self.restatement.verbs,
            &mut self.restatement.statuses,
            &mut self.planning.sections,
            &mut self.planning.kinds,
        ] {
            for word in list.iter_mut() {
                *word = fold(word);
            }
        }
        for list in self.columns.lists_mut() {
            for word in list.iter_mut() {
                *word = crate::text::label_key(word);
            }
        }
        // Longest first, so that `chairman` is tried before `chair`; the chair's words
        // are matched as written (`WG`).
        self.cover.chair_titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
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

    /// Whether `word` (lower-case) may follow a status that decides an entry's document.
    pub(crate) fn is_entry_qualifier(&self, word: &str) -> bool {
        self.entry_qualifiers.iter().any(|w| w == word)
    }

    /// Whether `word` (lower-case) ends the clause before it (`and`, `but`).
    pub(crate) fn is_clause_boundary(&self, word: &str) -> bool {
        self.clause_boundaries.iter().any(|w| w == word)
    }

    /// The words that make a lead-in before an id a clause of its own (`if`, `that`).
    pub(crate) fn lead_in_clause_words(&self) -> impl Iterator<Item = &str> {
        self.lead_in_clause_words.iter().map(String::as_str)
    }

    /// The prepositions after which an id is no subject (`in`, `of`).
    pub(crate) fn lead_in_prepositions(&self) -> impl Iterator<Item = &str> {
        self.lead_in_prepositions.iter().map(String::as_str)
    }

    /// The words that start a comment clause after a decision's title (`will`, `to be`),
    /// as written.
    pub(crate) fn comment_clauses(&self) -> impl Iterator<Item = &str> {
        self.comment_clauses.iter().map(String::as_str)
    }

    /// The phrases of cover fields in prose.
    pub(crate) fn cover(&self) -> &CoverPhrases {
        &self.cover
    }

    /// The header words of table columns.
    pub(crate) fn columns(&self) -> &ColumnWords {
        &self.columns
    }

    /// The column examples.
    #[cfg(test)]
    pub(crate) fn column_examples(&self) -> &[ColumnExample] {
        &self.column_examples
    }

    /// The words of restatements.
    pub(crate) fn restatement(&self) -> &RestatementWords {
        &self.restatement
    }

    /// Whether `title` names a planning section (holds one of the planning words).
    pub(crate) fn is_planning_title(&self, title: &str) -> bool {
        let title = title.to_lowercase();
        self.planning.sections.iter().any(|word| title.contains(word.as_str()))
    }

    /// Whether `text` says a meeting's kind (holds one of the kind words).
    pub(crate) fn says_meeting_kind(&self, text: &str) -> bool {
        let text = text.to_lowercase();
        self.planning.kinds.iter().any(|word| text.contains(word.as_str()))
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    #[cfg(feature = "user-phrases")]
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
    #[cfg(feature = "user-phrases")]
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
    #[cfg(feature = "user-phrases")]
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
    #[cfg(feature = "user-phrases")]
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

    #[test]
    #[cfg(feature = "user-phrases")]
    fn additions_extend_the_column_and_planning_words() {
        let extra = Phrasebook::parse(
            "[columns]\ndecision = [\"Verdict:\"]\n[planning]\nkinds = [\"Plenary\"]\n",
            "mine.toml",
        )
        .unwrap();
        let book = Phrasebook::with_additions(&extra);
        let decision = |book: &Phrasebook| {
            book.columns().lists()[3].1.iter().any(|word| word == "verdict")
        };
        assert!(decision(&book) && !decision(builtin()));
        assert!(book.says_meeting_kind("PLENARY meeting"));
        assert!(!builtin().says_meeting_kind("PLENARY meeting"));
    }
}

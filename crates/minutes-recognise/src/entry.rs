//! Entry-style minutes: one block per document, opened by a line with its id and title
//! (`TD S2-1903157 Title`, `R1-160239<TAB>Title<TAB>Source`), decided by lines that do not
//! repeat the id (`Noted in parallel session.`, `Decision: The document is noted.`,
//! `Revised to TD S2-1903890.`, `<PARALLEL - AGREED>`).
//!
//! A sentence decides the entry's document when it starts with a status phrase
//! (`Agreed.`, `Merged into TD X.`) or says it of the document (`This was then noted`,
//! `The document is noted`, `… and this CR was noted`): the subject must be one of the
//! phrasebook's `entry_subjects`, so `Proposal 1 was agreed` decides nothing. Sentences the
//! phrasebook lists as `not_decision` (`Postponed TD X from S2#131`) never decide.

use minutes_model::{Status, Tdoc};

use crate::context::Context;

/// What a paragraph of an entry decides about the entry's document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EntryDecided {
    /// The last status of the paragraph: it stands.
    pub status: Status,
    /// That status's phrase as written.
    pub status_as_written: String,
    /// The first revision the paragraph names (`Revised to TD X. Agreed.`).
    pub revised_to: Option<Tdoc>,
    /// The document it was merged into.
    pub merged_into: Option<Tdoc>,
}

/// Where the id starts in an entry line written with a prefix (`TD S2-1903157 …`), when
/// the line starts with a phrasebook entry prefix followed by an id.
pub(crate) fn entry_prefix_end(text: &str, cx: Context<'_>) -> Option<usize> {
    let word_end = text.find(char::is_whitespace)?;
    let word = text.get(..word_end)?.to_ascii_lowercase();
    if !cx.book.is_entry_prefix(&word) {
        return None;
    }
    let id = skip_ws(text, word_end);
    cx.leading(text.get(id..)?).next().map(|_| id)
}

/// The label of an entry field line (`Document for: Approval.`) and its value, when the
/// line is one.
pub(crate) fn entry_field<'t>(
    text: &'t str,
    cx: Context<'_>,
) -> Option<(String, &'t str)> {
    let (label, value) = text.split_once(':')?;
    if label.len() > 40 {
        return None;
    }
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    cx.book.is_entry_field(&label).then(|| (label, value.trim()))
}

/// Whether `text` starts with a sentence the phrasebook says is no decision.
pub(crate) fn is_not_decision(text: &str, cx: Context<'_>) -> bool {
    // Every pattern starts with a word or a placeholder; lines starting otherwise (most
    // of a draft) pass with one look.
    if !text.starts_with(|c: char| c.is_alphabetic()) {
        return false;
    }
    cx.book
        .not_decisions()
        .iter()
        .any(|pattern| matches_pattern(text, &pattern.pattern, cx))
}

/// Whether `pattern` matches at the start of `text` (see `phrases.toml`).
fn matches_pattern(text: &str, pattern: &str, cx: Context<'_>) -> bool {
    let mut at = 0;
    for (i, token) in pattern.split_whitespace().enumerate() {
        if i > 0 {
            at = skip_ws(text, at);
        }
        let Some(rest) = text.get(at..) else { return false };
        let len = match token {
            "{status}" => cx.book.status_prefix(rest).map(|(_, len)| len),
            "{tdoc}" => tdoc_len(rest, cx),
            "{meeting}" => {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                let word = rest.get(..end).unwrap_or_default();
                word.contains('#').then_some(end)
            }
            word => crate::scan::phrase_at(rest.as_bytes(), 0, word).filter(|&end| {
                rest.get(end..).is_some_and(|r| !r.starts_with(char::is_alphanumeric))
            }),
        };
        match len {
            Some(len) => at += len,
            None => return false,
        }
    }
    true
}

/// The length of an id at the start of `text`, after an entry prefix or not.
fn tdoc_len(text: &str, cx: Context<'_>) -> Option<usize> {
    let start = entry_prefix_end(text, cx).unwrap_or(0);
    let rest = text.get(start..)?;
    cx.leading(rest).last().map(|span| start + span.end)
}

/// The position after the white space (any Unicode space) at `at`.
fn skip_ws(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or_default();
    at + rest.len() - rest.trim_start().len()
}

/// What the paragraph `text` of an entry decides about the entry's document.
pub(crate) fn entry_decision(text: &str, cx: Context<'_>) -> Option<EntryDecided> {
    let text = text.trim();
    let text = match crate::scan::decision_label(text, cx.book) {
        Some(end) => text.get(end..).unwrap_or(text),
        None => {
            if entry_field(text, cx).is_some() {
                return None;
            }
            text
        }
    };
    let mut decided: Option<EntryDecided> = None;
    for sentence in sentences(text) {
        let found = if sentence.starts_with('<') {
            tag_status(sentence, cx).map(|(status, written)| (status, written, None))
        } else if is_not_decision(sentence, cx) {
            None
        } else {
            sentence_decision(sentence, cx)
        };
        let Some((status, written, target)) = found else { continue };
        let previous = decided.take();
        let revised_to = previous
            .as_ref()
            .and_then(|p| p.revised_to.clone())
            .or_else(|| target.clone().filter(|_| status == Status::Revised));
        let merged_into = match status {
            Status::Merged if target.is_some() => target,
            _ => previous.as_ref().and_then(|p| p.merged_into.clone()),
        };
        decided = Some(EntryDecided {
            status,
            status_as_written: written.to_string(),
            revised_to,
            merged_into,
        });
    }
    decided
}

/// Splits at a `.` that ends a sentence (before white space or the end, so `23.502` stays
/// whole) and around bracket tags (`<RETURN - OPEN>`).
fn sentences(text: &str) -> Vec<&str> {
    fn push<'t>(text: &'t str, from: usize, to: usize, found: &mut Vec<&'t str>) {
        let piece = text.get(from..to).unwrap_or_default().trim();
        if !piece.is_empty() {
            found.push(piece);
        }
    }
    let mut found = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '<' => {
                if let Some(close) = text.get(at..).and_then(|rest| rest.find('>')) {
                    push(text, start, at, &mut found);
                    push(text, at, at + close + 1, &mut found);
                    start = at + close + 1;
                    while chars.next_if(|(i, _)| *i < start).is_some() {}
                }
            }
            '.' | '?' | '!'
                if chars.peek().is_none_or(|(_, next)| next.is_whitespace()) =>
            {
                push(text, start, at + 1, &mut found);
                start = at + 1;
            }
            _ => {}
        }
    }
    push(text, start, text.len(), &mut found);
    found
}

/// `<PARALLEL - AGREED>`: the status of a session tag.
fn tag_status<'t>(tag: &'t str, cx: Context<'_>) -> Option<(Status, &'t str)> {
    let book = cx.book;
    let inner = tag.strip_prefix('<')?.strip_suffix('>')?;
    let (session, status) =
        inner.split_once(|c: char| crate::text::DASHES.contains(&c))?;
    if !book.is_tag_session(&session.trim().to_lowercase()) {
        return None;
    }
    let status = status.trim();
    let (found, len) = book.status_prefix(status)?;
    (len == status.len()).then_some((found, status))
}

/// A word of a sentence: where it is and its text without surrounding punctuation,
/// lower-cased.
struct Word {
    start: usize,
    lower: String,
    /// A comma or semicolon follows it: a clause boundary.
    comma: bool,
}

fn words(sentence: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut at = 0;
    // Words in parentheses are asides: `The document (Section 2.2) is noted`.
    let mut aside = false;
    for piece in sentence.split(char::is_whitespace) {
        let start = at;
        at += piece.len()
            + sentence
                .get(at + piece.len()..)
                .and_then(|r| r.chars().next())
                .map_or(0, char::len_utf8);
        if piece.is_empty() {
            continue;
        }
        if aside || piece.starts_with('(') {
            aside = !piece.trim_end_matches([',', ';', '.']).ends_with(')');
            continue;
        }
        let comma = piece.ends_with([',', ';']);
        let lower = piece
            .trim_matches(|c: char| {
                matches!(c, ',' | ';' | ':' | '.' | '(' | ')' | '"' | '“' | '”')
            })
            .to_lowercase();
        words.push(Word { start, lower, comma });
    }
    words
}

/// The status a sentence gives the entry's document, its phrase as written, and the
/// last id after it (the revision or merge target).
fn sentence_decision<'s>(
    sentence: &'s str,
    cx: Context<'_>,
) -> Option<(Status, &'s str, Option<Tdoc>)> {
    let book = cx.book;
    let words = words(sentence);
    let is_aux = |w: &str| matches!(w, "was" | "were" | "is" | "are" | "been");
    let is_adverb = |w: &str| book.adverbs().any(|a| a == w);
    // The subject of the clause whose auxiliary is at `aux`.
    let subject_at = |aux: usize| -> Option<String> {
        let aux = match (words.get(aux.checked_sub(1)?), words.get(aux)) {
            (Some(have), Some(been))
                if been.lower == "been"
                    && matches!(have.lower.as_str(), "has" | "have") =>
            {
                aux - 1
            }
            _ => aux,
        };
        let mut start = aux;
        while start > 0 {
            let before = words.get(start - 1)?;
            if book.is_clause_boundary(&before.lower) {
                break;
            }
            if before.comma {
                break;
            }
            start -= 1;
        }
        let subject: Vec<&str> =
            words.get(start..aux)?.iter().map(|w| w.lower.as_str()).collect();
        Some(subject.join(" "))
    };
    let first_aux = words.iter().position(|w| is_aux(&w.lower));
    let sentence_subject = first_aux.and_then(subject_at);
    let subject_ok = |aux: usize| {
        let subject = subject_at(aux);
        let subject = match subject.as_deref() {
            Some("") | None => sentence_subject.as_deref(),
            Some(s) => Some(s),
        };
        subject.is_some_and(|s| book.is_entry_subject(s))
    };
    let mut found = None;
    for (i, word) in words.iter().enumerate() {
        let Some(rest) = sentence.get(word.start..) else { continue };
        let Some((status, len)) = book.status_prefix(rest) else { continue };
        if i > 0 && words.get(i - 1).is_some_and(|w| w.lower == "not") {
            continue;
        }
        let after = word.start + len;
        let raw_tail = sentence.get(after..).unwrap_or_default().trim_start();
        let tail = raw_tail.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
        let next: String = tail
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let links = matches!(status, Status::Revised | Status::Merged);
        // What may follow a status that decides: nothing, a qualifier (`in parallel
        // session`, `by correspondence`, `and will be updated`), a target; never a clause
        // (`it was noted the intent …`, `agreed to avoid …`, `noted that …`).
        let qualifies = next.is_empty()
            || raw_tail.starts_with([',', ';', '.', '(', '?', '!'])
            || book.is_entry_qualifier(&next)
            || (links && next == "to");
        if !qualifies {
            continue;
        }
        let accepted = if i == 0 {
            // `Postponed TD X …`, `AGREED - SEC-…`: a status before an id decides that id
            // (the prefix form) or is history; never the entry's document.
            tdoc_len(tail, cx).is_none()
                && !tail.starts_with(|c: char| crate::text::DASHES.contains(&c))
        } else {
            let mut j = i - 1;
            while j > 0 && words.get(j).is_some_and(|w| is_adverb(&w.lower)) {
                j -= 1;
            }
            match words.get(j).map(|w| w.lower.as_str()) {
                Some(w) if is_aux(w) => subject_ok(j),
                Some("and") => words
                    .get(..j)
                    .and_then(|before| before.iter().rposition(|w| is_aux(&w.lower)))
                    .is_some_and(subject_ok),
                _ => false,
            }
        };
        if !accepted {
            continue;
        }
        let target = if links {
            cx.spans(tail).filter_map(|span| span.full()).last()
        } else {
            None
        };
        found =
            Some((status, sentence.get(word.start..after).unwrap_or_default(), target));
    }
    found
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn splits_sentences_and_tags() {
        assert_eq!(
            sentences("Revised to TD S2-1. Agreed. <PARALLEL - AGREED>"),
            ["Revised to TD S2-1.", "Agreed.", "<PARALLEL - AGREED>"]
        );
        assert_eq!(
            sentences("Revised as TS 23.502 CR1310 in X."),
            ["Revised as TS 23.502 CR1310 in X."]
        );
    }

    #[test]
    fn entry_prefixes_and_fields() {
        let cx = Context::builtin();
        assert_eq!(entry_prefix_end("TD\u{a0}S2\u{2011}1903157 Title", cx), Some(4));
        assert_eq!(entry_prefix_end("TD is not an id", cx), None);
        assert_eq!(
            entry_field("Document for: Approval.", cx).map(|(l, v)| (l, v.to_string())),
            Some(("document for".into(), "Approval.".into()))
        );
        assert!(entry_field("Decision: noted", cx).is_none());
    }

    // Every example of the phrasebook.
    #[test]
    fn phrasebook_examples() {
        let book = crate::phrasebook::builtin();
        let cx = Context::builtin();
        assert!(!book.examples().is_empty());
        for example in book.examples() {
            let text = example.text.as_str();
            let (status, revised_to, merged_into, tdoc) = match &example.entry {
                Some(_) => {
                    let decided = crate::decision::decided(text, cx)
                        .map(|d| {
                            (
                                d.status,
                                None,
                                None,
                                d.tdocs().next().and_then(|s| s.full()),
                            )
                        })
                        .or_else(|| {
                            entry_decision(text, cx)
                                .map(|d| (d.status, d.revised_to, d.merged_into, None))
                        });
                    match decided {
                        Some((status, revised, merged, tdoc)) => {
                            (Some(status), revised, merged, tdoc)
                        }
                        None => (None, None, None, None),
                    }
                }
                None => match crate::decision::decided(text, cx) {
                    Some(d) => (
                        Some(d.status),
                        None,
                        None,
                        d.tdocs().next().and_then(|s| s.full()),
                    ),
                    None => (None, None, None, None),
                },
            };
            let wanted: Option<Status> = (!example.status.is_empty())
                .then(|| Status::from_phrase(&example.status).unwrap());
            assert_eq!(status, wanted, "{text}");
            let id = |t: &Option<String>| t.as_ref().map(|t| t.parse::<Tdoc>().unwrap());
            assert_eq!(revised_to, id(&example.revised_to), "{text}");
            assert_eq!(merged_into, id(&example.merged_into), "{text}");
            if example.tdoc.is_some() {
                assert_eq!(tdoc, id(&example.tdoc), "{text}");
            }
        }
        for pattern in book.not_decisions() {
            if let Some(example) = &pattern.example {
                assert!(is_not_decision(example, cx), "{}: {example}", pattern.pattern);
            }
        }
    }
}

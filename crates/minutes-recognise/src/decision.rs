//! Decision lines: which phrasings record a status for a Tdoc (PATTERNS.md F1–F13).
//!
//! Recognised, with the Tdoc always the subject or object of the status:
//! - prefix: `AGREED - SEC-2015-0524R02- SEC_17_Agenda`, `AGREED – SEC-2105-0576 – Use Case`,
//!   `Dispensation to be handled in TP - TP-2015-0670- Reply LS`, `Noted: ARC-2019-0101`;
//! - suffix: `SEC-2018-0061R02 was NOTED`, `SEC-2018-0060R02was NOTED`,
//!   `SEC-2018-0056 was AGREED by correspondence.`, `SEC-2015-0541, Justification…, was
//!   discussed with this item and was NOTED.`, `PRO-2019-0209 has been withdrawn`,
//!   `ARC-2019-0100 and ARC-2019-0101 were agreed`;
//! - short: `ARC-2019-0110 – Technically endorsed`, `SEC-2019-0012R01: Agreed.` (an id
//!   followed by a dash and anything but a status phrase is a heading, never a decision);
//! - any of these after a `Decision:` / `Conclusion:` / `Outcome:` label.
//!
//! Never a decision: prose without a Tdoc at its start (`It was noted that…`, `if this
//! proposal is agreed`), `<Tdoc> … was noted that …`, a status word in a title
//! (`SEC-2015-0512- Withdrawn proposal`).

use std::borrow::Cow;

use minutes_model::{leading_tdoc_spans, tdoc_spans, Scheme, Status, TdocRef, TdocSpan};

use crate::{
    context::Context,
    text::{fold_spaces, lower_case_is, lower_case_starts_with, strip_separator},
};

/// A decision line taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedDecision {
    /// The documents decided, with each id as written (usually one).
    pub tdocs: Vec<(TdocRef, String)>,
    /// The normalised status.
    pub status: Status,
    /// The status phrase as written: `AGREED`, `Dispensation handled in TP`.
    pub status_as_written: String,
    /// The title written with the decision.
    pub title: Option<String>,
    /// Words after the status or title that qualify it: `by correspondence`.
    pub comment: Option<String>,
}

/// A decision line taken apart, borrowing the line: what the recogniser keeps of most
/// lines is a few of these parts, so only those are copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decided<'a> {
    /// Text that starts with the decided ids (see [`leading_tdoc_spans`]).
    ids: &'a str,
    /// Text whose every id is decided too (`A and B were agreed`).
    more: Option<&'a str>,
    pub status: Status,
    pub status_as_written: &'a str,
    pub title: Option<Cow<'a, str>>,
    pub comment: Option<Cow<'a, str>>,
    /// The body whose ids count.
    body: Option<Scheme>,
}

impl<'a> Decided<'a> {
    /// The documents decided, each as written.
    pub(crate) fn tdocs(&self) -> impl Iterator<Item = TdocSpan<'a>> + Clone {
        let body = self.body;
        leading_tdoc_spans(self.ids).of_body(body).chain(
            self.more.into_iter().flat_map(move |more| tdoc_spans(more).of_body(body)),
        )
    }

    fn into_parsed(self) -> ParsedDecision {
        ParsedDecision {
            tdocs: self
                .tdocs()
                .map(|span| (span.reference(), span.as_written.to_string()))
                .collect(),
            status: self.status,
            status_as_written: self.status_as_written.to_string(),
            title: self.title.map(Cow::into_owned),
            comment: self.comment.map(Cow::into_owned),
        }
    }
}

/// Parses `text` as a decision line with the built-in phrasebook, or returns `None` when
/// it is not one.
pub fn parse_decision(text: &str) -> Option<ParsedDecision> {
    decided(text, Context::builtin()).map(Decided::into_parsed)
}

/// [`parse_decision`], borrowing `text`.
pub(crate) fn decided<'t>(text: &'t str, cx: Context<'_>) -> Option<Decided<'t>> {
    let trimmed = text.trim();
    let text = strip_label(trimmed, cx);
    if crate::entry::is_not_decision(text, cx) {
        return None;
    }
    let found = prefix_form(text, cx)
        .or_else(|| suffix_form(text, cx))
        .or_else(|| lead_in_form(text, cx));
    // After a label, `Decision: SEC-2015-0524R02 approved` needs no separator.
    if found.is_none() && text.len() < trimmed.len() {
        return labelled_short_form(text, cx);
    }
    found
}

/// `TDOC STATUS[.]` after a decision label.
fn labelled_short_form<'t>(text: &'t str, cx: Context<'_>) -> Option<Decided<'t>> {
    let end = leading_ids_end(text, cx)?;
    let rest = text.get(end..)?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim_start();
    let (status, len) = cx.book.status_prefix(rest)?;
    let tail = rest.get(len..)?.trim();
    (tail.is_empty() || tail.starts_with(['.', '(', ',', ';'])).then(|| Decided {
        ids: text,
        more: None,
        status,
        status_as_written: rest.get(..len).unwrap_or_default(),
        title: None,
        comment: comment(tail),
        body: cx.body,
    })
}

/// The decisions of a paragraph, with the built-in phrasebook: the whole paragraph as one
/// decision line, or else each of its sentences (`ARC-2019-0121R01 was reviewed on
/// screen. Decision: ARC-2019-0121R01 is agreed.`).
pub fn parse_decisions(text: &str) -> Vec<ParsedDecision> {
    if let Some(decision) = parse_decision(text) {
        return vec![decision];
    }
    sentence_decisions(text, Context::builtin())
        .into_iter()
        .map(Decided::into_parsed)
        .collect()
}

/// The decisions of the sentences of a paragraph that is not one decision line as a
/// whole: the rest of [`parse_decisions`], for callers that tried the whole already.
pub(crate) fn sentence_decisions<'t>(text: &'t str, cx: Context<'_>) -> Vec<Decided<'t>> {
    let mut sentences = sentences(text);
    if sentences.clone().nth(1).is_none() {
        return Vec::new();
    }
    sentences.by_ref().filter_map(|sentence| decided(sentence, cx)).collect()
}

/// Returns true if and only if [`parse_decisions`] finds a decision in `text`.
pub(crate) fn reads_like_decision(text: &str, cx: Context<'_>) -> bool {
    if decided(text, cx).is_some() {
        return true;
    }
    let mut sentences = sentences(text);
    sentences.clone().nth(1).is_some() && sentences.any(|s| decided(s, cx).is_some())
}

/// Splits at `. ` followed by a capital letter or a digit; empty sentences are left out.
fn sentences(text: &str) -> impl Iterator<Item = &str> + Clone {
    let bytes = text.as_bytes();
    let mut breaks = (0..bytes.len()).filter(move |&at| {
        bytes.get(at) == Some(&b'.') && bytes.get(at + 1) == Some(&b' ')
    });
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        for at in breaks.by_ref() {
            let next =
                text.get(at + 2..).and_then(|rest| rest.trim_start().chars().next());
            if next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
                start = Some(at + 2);
                return Some(text.get(from..=at).unwrap_or_default().trim());
            }
        }
        start = None;
        Some(text.get(from..).unwrap_or_default().trim())
    })
    .filter(|sentence| !sentence.is_empty())
}

/// `Due to lack of time PRO-2019-0215 was not handled.`, `Finally, SEC-2019-0001 was
/// agreed.`: a short lead-in that is neither a condition nor a clause of its own, then the
/// Tdoc directly followed by the verb and status.
fn lead_in_form<'t>(text: &'t str, cx: Context<'_>) -> Option<Decided<'t>> {
    let first = cx.spans(text).next()?;
    let lead = text.get(..first.start)?;
    let mut words =
        lead.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty());
    let clause_word =
        |word: &str| cx.book.lead_in_clause_words().any(|w| lower_case_is(word, w));
    let count = words.clone().count();
    if count == 0 || count > 6 || words.any(clause_word) {
        return None;
    }
    if !lead.ends_with([' ', ',']) {
        return None;
    }
    // `Proposals 1 and 2 in R1-160599 are agreed`: after a preposition the Tdoc is no
    // subject; what is decided is something in it.
    let last =
        lead.split(|c: char| c.is_whitespace() || c == ',').rfind(|w| !w.is_empty());
    if last.is_some_and(|w| cx.book.lead_in_prepositions().any(|p| lower_case_is(w, p))) {
        return None;
    }
    let parsed = suffix_form(text.get(first.start..)?, cx)?;
    // The Tdoc must be directly the subject: no title between it and the verb.
    parsed.title.is_none().then_some(parsed)
}

fn strip_label<'t>(text: &'t str, cx: Context<'_>) -> &'t str {
    match crate::scan::decision_label(text, cx.book) {
        Some(end) => text.get(end..).unwrap_or(text),
        None => text,
    }
}

/// Where the ids at the very start of `text` (a full id and the slash abbreviations after
/// it) end; [`leading_tdoc_spans`] gives the ids themselves.
pub(crate) fn leading_ids_end(text: &str, cx: Context<'_>) -> Option<usize> {
    // An id starts with a capital group name: most lines are ruled out before a search.
    if !text.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    cx.leading(text).last().map(|span| span.end)
}

/// `STATUS [sep] TDOC [sep] [title]`.
fn prefix_form<'t>(text: &'t str, cx: Context<'_>) -> Option<Decided<'t>> {
    let (status, len) = cx.book.status_prefix(text)?;
    let status_as_written = text.get(..len)?;
    let (_, rest) = strip_separator(text.get(len..)?);
    let end = leading_ids_end(rest, cx)?;
    let (_, title) = strip_separator(rest.get(end..)?);
    let title = fold_spaces(title);
    Some(Decided {
        ids: rest,
        more: None,
        status,
        status_as_written,
        title: (!title.is_empty()).then_some(title),
        comment: None,
        body: cx.body,
    })
}

/// `TDOC [title,] was STATUS [qualifier]` and `TDOC – STATUS[.]`.
fn suffix_form<'t>(text: &'t str, cx: Context<'_>) -> Option<Decided<'t>> {
    let end = leading_ids_end(text, cx)?;
    let after_ids = text.get(end..)?;

    // Short form: the whole remainder is a separator and a status phrase.
    let (had_separator, rest) = strip_separator(after_ids);
    if had_separator {
        if let Some((status, len)) = cx.book.status_prefix(rest) {
            let tail = rest.get(len..)?.trim();
            if tail.is_empty() || tail.starts_with(['.', '(', ',', ';']) {
                return Some(Decided {
                    ids: text,
                    more: None,
                    status,
                    status_as_written: rest.get(..len)?,
                    title: None,
                    comment: comment(tail),
                    body: cx.body,
                });
            }
        }
        // `<id> - <title …>` is the heading form: a title that happens to say "was
        // agreed" does not decide the document the heading names.
        return None;
    }

    for found in crate::scan::verbs(after_ids, cx.book) {
        let Some((status, len)) =
            after_ids.get(found.end..).and_then(|rest| cx.book.status_prefix(rest))
        else {
            continue;
        };
        let middle = after_ids.get(..found.start)?;
        // The Tdoc must be the subject: no sentence ends between it and the verb.
        if middle.contains(". ") || middle.contains("; ") {
            return None;
        }
        let status_start = found.end;
        let qualifier = after_ids.get(status_start + len..)?.trim();
        if lower_case_starts_with(qualifier, "that") {
            return None;
        }
        let more = more_ids(middle, cx);
        let title = match more {
            Some(_) => None,
            None => {
                // `<id>, <title>, was discussed … and was NOTED`: the title ends at the
                // comma before the predicate.
                let (_, middle) = strip_separator(middle.trim_start_matches([',', ' ']));
                let title = middle.split(", ").next().unwrap_or_default();
                let title = fold_spaces(title.trim_end_matches([',', ' ']));
                (!title.is_empty()).then_some(title)
            }
        };
        return Some(Decided {
            ids: text,
            more,
            status,
            status_as_written: after_ids.get(status_start..status_start + len)?,
            title,
            comment: comment(qualifier),
            body: cx.body,
        });
    }
    None
}

/// `middle` when it holds ids and nothing but joiners between them: `, ARC-2019-0101 and …`.
fn more_ids<'t>(middle: &'t str, cx: Context<'_>) -> Option<&'t str> {
    // Words of the text around the ids; each id separates words as a space would.
    let joiners_only = |gap: &str| {
        gap.split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '&'))
            .all(|word| word.is_empty() || word.eq_ignore_ascii_case("and"))
    };
    let mut end = 0;
    let mut any = false;
    for span in cx.spans(middle) {
        if !joiners_only(middle.get(end..span.start).unwrap_or_default()) {
            return None;
        }
        end = span.end;
        any = true;
    }
    (any && joiners_only(middle.get(end..).unwrap_or_default())).then_some(middle)
}

fn comment(qualifier: &str) -> Option<Cow<'_, str>> {
    let folded = fold_spaces(
        qualifier.trim_start_matches([',', ';', ':']).trim_end_matches(['.', ' ']),
    );
    match folded {
        Cow::Borrowed(text) => Some(trim_parentheses(text))
            .filter(|comment| !comment.is_empty())
            .map(Cow::Borrowed),
        Cow::Owned(text) => Some(trim_parentheses(&text))
            .filter(|comment| !comment.is_empty())
            .map(|comment| Cow::Owned(comment.to_string())),
    }
}

fn trim_parentheses(text: &str) -> &str {
    text.trim_start_matches('(').trim_end_matches(')').trim()
}

/// Splits a decision line's title from a trailing comment: by the contribution-table title
/// when the line starts with it, else at `, will …` / `, to be …` / `, which …` clauses.
pub(crate) fn split_title_comment(
    title: &str,
    listed: Option<&str>,
    cx: Context<'_>,
) -> (String, Option<String>) {
    if let Some(listed) = listed.map(fold_spaces).filter(|t| !t.is_empty()) {
        let folded = fold_spaces(title);
        if folded.len() > listed.len()
            && folded
                .get(..listed.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(&listed))
        {
            let rest = folded.get(listed.len()..).unwrap_or_default();
            if rest.starts_with([',', ';']) {
                return (
                    folded.get(..listed.len()).unwrap_or_default().to_string(),
                    comment(rest).map(Cow::into_owned),
                );
            }
        }
    }
    match crate::scan::clause_start(title, cx.book) {
        Some(start) => {
            let head = fold_spaces(title.get(..start).unwrap_or(title)).into_owned();
            (head, title.get(start..).and_then(comment).map(Cow::into_owned))
        }
        None => (fold_spaces(title).into_owned(), None),
    }
}

#[cfg(test)]
mod tests;

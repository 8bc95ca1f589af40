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

use minutes_model::{find_tdocs, Status, TdocMatch, TdocRef};

use crate::text::{fold_spaces, strip_separator};

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

/// Parses `text` as a decision line, or returns `None` when it is not one.
pub fn parse_decision(text: &str) -> Option<ParsedDecision> {
    let text = strip_label(text.trim());
    prefix_form(text).or_else(|| suffix_form(text)).or_else(|| lead_in_form(text))
}

/// The decisions of a paragraph: the whole paragraph as one decision line, or else each
/// of its sentences (`ARC-2019-0121R01 was reviewed on screen. Decision: ARC-2019-0121R01
/// is agreed.`).
pub fn parse_decisions(text: &str) -> Vec<ParsedDecision> {
    if let Some(decision) = parse_decision(text) {
        return vec![decision];
    }
    let sentences = sentences(text);
    if sentences.len() < 2 {
        return Vec::new();
    }
    sentences.into_iter().filter_map(parse_decision).collect()
}

/// Splits at `. ` followed by a capital letter or a digit.
fn sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(". ") {
        let next = text.get(at + 2..).and_then(|rest| rest.trim_start().chars().next());
        if next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
            sentences.push(text.get(start..=at).unwrap_or_default().trim());
            start = at + 2;
        }
    }
    sentences.push(text.get(start..).unwrap_or_default().trim());
    sentences.retain(|s| !s.is_empty());
    sentences
}

/// `Due to lack of time PRO-2019-0215 was not handled.`, `Finally, SEC-2019-0001 was
/// agreed.`: a short lead-in that is neither a condition nor a clause of its own, then the
/// Tdoc directly followed by the verb and status.
fn lead_in_form(text: &str) -> Option<ParsedDecision> {
    const CLAUSE_WORDS: [&str; 17] = [
        "if", "unless", "whether", "when", "once", "until", "before", "should", "would",
        "that", "which", "whereas", "although", "not", "no", "it", "was",
    ];
    let first = minutes_model::find_first_tdoc(text)?;
    let lead = text.get(..first.start)?;
    let words: Vec<String> = lead
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty()
        || words.len() > 6
        || words.iter().any(|w| CLAUSE_WORDS.contains(&w.as_str()))
    {
        return None;
    }
    if !lead.ends_with([' ', ',']) {
        return None;
    }
    let parsed = suffix_form(text.get(first.start..)?)?;
    // The Tdoc must be directly the subject: no title between it and the verb.
    parsed.title.is_none().then_some(parsed)
}

fn strip_label(text: &str) -> &str {
    match crate::scan::decision_label(text) {
        Some(end) => text.get(end..).unwrap_or(text),
        None => text,
    }
}

/// The ids at the very start of `text` (a full id and the slash abbreviations after it),
/// and the byte offset where they end.
pub(crate) fn leading_ids(text: &str) -> Option<(Vec<TdocMatch>, usize)> {
    // An id starts with a capital group name: most lines are ruled out before a search.
    if !text.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let found = find_tdocs(text);
    let first = found
        .first()
        .filter(|m| m.start == 0 && matches!(m.reference, TdocRef::Full(_)))?;
    let mut end = first.end;
    let mut ids = vec![first.clone()];
    for next in found.iter().skip(1) {
        if next.start != end || !matches!(next.reference, TdocRef::Abbreviated { .. }) {
            break;
        }
        end = next.end;
        ids.push(next.clone());
    }
    Some((ids, end))
}

pub(crate) fn as_pairs(ids: Vec<TdocMatch>) -> Vec<(TdocRef, String)> {
    ids.into_iter().map(|m| (m.reference, m.as_written)).collect()
}

/// `STATUS [sep] TDOC [sep] [title]`.
fn prefix_form(text: &str) -> Option<ParsedDecision> {
    let (status, len) = Status::from_prefix(text)?;
    let status_as_written = text.get(..len)?.to_string();
    let (_, rest) = strip_separator(text.get(len..)?);
    let (ids, end) = leading_ids(rest)?;
    let (_, title) = strip_separator(rest.get(end..)?);
    let title = fold_spaces(title);
    Some(ParsedDecision {
        tdocs: as_pairs(ids),
        status,
        status_as_written,
        title: (!title.is_empty()).then_some(title),
        comment: None,
    })
}

/// `TDOC [title,] was STATUS [qualifier]` and `TDOC – STATUS[.]`.
fn suffix_form(text: &str) -> Option<ParsedDecision> {
    let (ids, end) = leading_ids(text)?;
    let after_ids = text.get(end..)?;

    // Short form: the whole remainder is a separator and a status phrase.
    let (had_separator, rest) = strip_separator(after_ids);
    if had_separator {
        if let Some((status, len)) = Status::from_prefix(rest) {
            let tail = rest.get(len..)?.trim();
            if tail.is_empty() || tail.starts_with(['.', '(', ',', ';']) {
                return Some(ParsedDecision {
                    tdocs: as_pairs(ids),
                    status,
                    status_as_written: rest.get(..len)?.to_string(),
                    title: None,
                    comment: comment(tail),
                });
            }
        }
        // `<id> - <title …>` is the heading form: a title that happens to say "was
        // agreed" does not decide the document the heading names.
        return None;
    }

    for found in crate::scan::verbs(after_ids) {
        let Some((status, len)) =
            after_ids.get(found.end..).and_then(Status::from_prefix)
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
        if qualifier.to_lowercase().starts_with("that") {
            return None;
        }
        let mut tdocs = as_pairs(ids);
        let title = match more_ids(middle) {
            Some(more) => {
                tdocs.extend(more);
                None
            }
            None => {
                // `<id>, <title>, was discussed … and was NOTED`: the title ends at the
                // comma before the predicate.
                let (_, middle) = strip_separator(middle.trim_start_matches([',', ' ']));
                let title = middle.split(", ").next().unwrap_or_default();
                let title = fold_spaces(title.trim_end_matches([',', ' ']));
                (!title.is_empty()).then_some(title)
            }
        };
        return Some(ParsedDecision {
            tdocs,
            status,
            status_as_written: after_ids
                .get(status_start..status_start + len)?
                .to_string(),
            title,
            comment: comment(qualifier),
        });
    }
    None
}

/// Further ids when `middle` holds nothing but ids and joiners: `, ARC-2019-0101 and …`.
fn more_ids(middle: &str) -> Option<Vec<(TdocRef, String)>> {
    let found = find_tdocs(middle);
    if found.is_empty() {
        return None;
    }
    let mut rest = middle.to_string();
    for m in found.iter().rev() {
        rest.replace_range(m.start..m.end, " ");
    }
    let joiners_only = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '&'))
        .all(|word| word.is_empty() || word.eq_ignore_ascii_case("and"));
    joiners_only.then(|| as_pairs(found))
}

fn comment(qualifier: &str) -> Option<String> {
    let comment = fold_spaces(
        qualifier.trim_start_matches([',', ';', ':']).trim_end_matches(['.', ' ']),
    );
    let comment =
        comment.trim_start_matches('(').trim_end_matches(')').trim().to_string();
    (!comment.is_empty()).then_some(comment)
}

/// Splits a decision line's title from a trailing comment: by the contribution-table title
/// when the line starts with it, else at `, will …` / `, to be …` / `, which …` clauses.
pub(crate) fn split_title_comment(
    title: &str,
    listed: Option<&str>,
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
                    comment(rest),
                );
            }
        }
    }
    match crate::scan::clause_start(title) {
        Some(start) => {
            let head = fold_spaces(title.get(..start).unwrap_or(title));
            (head, title.get(start..).and_then(comment))
        }
        None => (fold_spaces(title), None),
    }
}

#[cfg(test)]
mod tests;

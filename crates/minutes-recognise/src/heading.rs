//! Document headings: the line that starts a document's discussion (PATTERNS.md E).
//!
//! `SEC-2015-0515R01- Security requirements`, `SEC-2015-0524R01-SEC_17_Agenda`,
//! `SEC-2015-0507/-0576- Use case of PPM`, `REQ-2015-0563 This contribution complements…`,
//! `SEC-2018-0055R04 Presented by Francois on Friday session-1 SEC`,
//! `SEC-2018-0058R03 presented on Thursday session-2 ARC/SEC/REQ`, a bare `SEC-2015-0512`.

use std::borrow::Cow;

use minutes_model::{leading_tdoc_spans, Scheme, TdocSpan};

use crate::{
    context::Context,
    decision::leading_ids_end,
    text::{fold_spaces, lower_case_starts_with, strip_separator},
};

/// A document heading taken apart, borrowing the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParsedHeading<'a> {
    /// The heading line, which starts with the ids.
    ids: &'a str,
    pub title: Option<Cow<'a, str>>,
    pub note: Option<Cow<'a, str>>,
    /// The body whose ids count.
    body: Option<Scheme>,
}

impl<'a> ParsedHeading<'a> {
    /// The documents the heading names, each as written.
    pub(crate) fn tdocs(&self) -> impl Iterator<Item = TdocSpan<'a>> + Clone {
        leading_tdoc_spans(self.ids).of_body(self.body)
    }
}

/// Parses `text` as a document heading: ids at the very start, then nothing, a separator
/// and a title, a capitalised title, or a `presented …` note. Prose that merely starts
/// with an id (`ARC-2018-0114 gives the diagram`) is not a heading.
pub(crate) fn parse_document_heading<'t>(
    text: &'t str,
    cx: Context<'_>,
) -> Option<ParsedHeading<'t>> {
    let text = text.trim();
    let end = leading_ids_end(text, cx)?;
    let rest = text.get(end..)?;
    let heading =
        |title, note| Some(ParsedHeading { ids: text, title, note, body: cx.body });
    if rest.trim().is_empty() {
        return heading(None, None);
    }
    let (had_separator, after) = strip_separator(rest);
    if had_separator {
        let title = fold_spaces(after);
        return heading((!title.is_empty()).then_some(title), None);
    }
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    // `R1-160239<TAB>[Draft] LS on …<TAB>Source`: a tab after the id makes any title one.
    if rest.starts_with('\t') {
        // The title is the first column; the source columns after it are no title.
        let title = fold_spaces(after.split('\t').next().unwrap_or_default());
        if !title.is_empty() {
            return heading(Some(title), None);
        }
    }
    let after = fold_spaces(after);
    if lower_case_starts_with(&after, "presented") {
        return heading(None, Some(after));
    }
    if after.chars().next().is_some_and(char::is_uppercase) {
        return heading(Some(after), None);
    }
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn parse_document_heading(text: &str) -> Option<ParsedHeading<'_>> {
        super::parse_document_heading(text, Context::builtin())
    }

    fn title(text: &str) -> Option<String> {
        parse_document_heading(text).unwrap().title.map(Cow::into_owned)
    }

    #[test]
    fn e1_separator_variants() {
        assert_eq!(
            title("SEC-2015-0515R01- Security requirements").as_deref(),
            Some("Security requirements")
        );
        assert_eq!(
            title("SEC-2015-0524R01-SEC_17_Agenda").as_deref(),
            Some("SEC_17_Agenda")
        );
        assert_eq!(
            title("SEC-2105-0576 – Use Case of PPM").as_deref(),
            Some("Use Case of PPM")
        );
        assert_eq!(
            title("REQ-2015-0563 This contribution complements the decryption.")
                .as_deref(),
            Some("This contribution complements the decryption.")
        );
    }

    #[test]
    fn e3_two_documents() {
        let heading =
            parse_document_heading("SEC-2015-0507/-0576- Use case of PPM").unwrap();
        assert_eq!(heading.tdocs().count(), 2);
        assert_eq!(heading.title.as_deref(), Some("Use case of PPM"));
    }

    #[test]
    fn e5_e6_suffix_and_id_like_titles() {
        assert_eq!(
            title("ARC-2015-1897R01- App-ID Use Cases (Presentation)").as_deref(),
            Some("App-ID Use Cases (Presentation)")
        );
        assert_eq!(
            title("SEC-2015-0535- WI-0016 update").as_deref(),
            Some("WI-0016 update")
        );
    }

    #[test]
    fn e8_presented_notes() {
        let heading = parse_document_heading(
            "SEC-2018-0055R04 Presented by Francois on Friday session-1 SEC",
        )
        .unwrap();
        assert_eq!(
            heading.note.as_deref(),
            Some("Presented by Francois on Friday session-1 SEC")
        );
        let lower = parse_document_heading(
            "SEC-2018-0058R03 presented on Thursday session-2 ARC/SEC/REQ",
        )
        .unwrap();
        assert!(lower.note.is_some() && lower.title.is_none());
    }

    #[test]
    fn prose_starting_with_an_id_is_not_a_heading() {
        assert_eq!(
            parse_document_heading("ARC-2018-0114 gives the proposed diagram"),
            None
        );
        assert_eq!(
            parse_document_heading("SEC-2015-0541, Justification, was NOTED."),
            None
        );
        assert_eq!(parse_document_heading("See ARC-2018-0114 for the diagram"), None);
        assert!(parse_document_heading("SEC-2015-0512").unwrap().title.is_none());
    }
}

//! What the page shows besides the downloads: the diagnostics and a summary of the meeting.

use minutes::{
    model::{Disposition, Severity, Status},
    InputFormat, Meeting,
};
use serde::Serialize;

/// The diagnostics and summary of a loaded draft, serialised to JSON for the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// What the draft was: `docx`, `text` or `json`.
    pub format: &'static str,
    /// Counts of the recognised meeting.
    pub summary: Summary,
    /// Every diagnostic, notes included, in the order the command prints them.
    pub diagnostics: Vec<DiagnosticView>,
    /// The dispositions, one per decided document revision, in document order.
    pub dispositions: Vec<Disposition>,
}

/// Counts of the recognised meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// The meeting's title from the cover, if any.
    pub title: Option<String>,
    /// The meeting's date from the cover, if any.
    pub date: Option<String>,
    /// The standards body the meeting's document ids show (`onem2m`, `3gpp`), if any.
    pub body: Option<&'static str>,
    /// Sections at every level.
    pub sections: usize,
    /// Documents listed in contribution tables.
    pub contributions: usize,
    /// Decided document revisions.
    pub dispositions: usize,
    /// Dispositions by status, in the order of [`Status::ALL`]; statuses without a
    /// disposition are left out.
    pub statuses: Vec<StatusCount>,
    /// Action items.
    pub action_items: usize,
    /// Action items still open.
    pub open_action_items: usize,
    /// Diagnostics that are errors.
    pub errors: usize,
    /// Diagnostics that are warnings.
    pub warnings: usize,
    /// Diagnostics that are notes.
    pub notes: usize,
}

/// How many dispositions have one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusCount {
    /// The normalised status (`Agreed`).
    pub status: &'static str,
    /// How many dispositions have it.
    pub count: usize,
}

/// A diagnostic as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiagnosticView {
    /// `note`, `warning` or `error`.
    pub severity: &'static str,
    /// Where: `line 128`, `paragraph 12`.
    pub location: String,
    /// The line number when the location is a text line.
    pub line: Option<u32>,
    /// What it says.
    pub message: String,
    /// The whole line as shown: `line 128: warning: …`.
    pub text: String,
}

impl Report {
    /// The report of `meeting`, read from a draft of `format`.
    pub fn of(format: InputFormat, meeting: &Meeting) -> Report {
        let dispositions = meeting.dispositions();
        let statuses = Status::ALL
            .into_iter()
            .map(|status| StatusCount {
                status: status.as_str(),
                count: dispositions.iter().filter(|d| d.status == status).count(),
            })
            .filter(|count| count.count > 0)
            .collect();
        let diagnostics: Vec<DiagnosticView> =
            meeting.diagnostics.iter().map(DiagnosticView::of).collect();
        let with_severity = |severity: Severity| {
            meeting.diagnostics.iter().filter(|d| d.severity == severity).count()
        };
        let summary = Summary {
            title: meeting.cover.title.clone(),
            date: meeting.cover.date.clone(),
            body: meeting.body.map(|body| body.body()),
            sections: meeting.all_sections().len(),
            contributions: meeting.all_contributions().len(),
            dispositions: dispositions.len(),
            statuses,
            action_items: meeting.action_items.len(),
            open_action_items: meeting
                .action_items
                .iter()
                .filter(|a| a.is_open())
                .count(),
            errors: with_severity(Severity::Error),
            warnings: with_severity(Severity::Warning),
            notes: with_severity(Severity::Note),
        };
        Report { format: format_name(format), summary, diagnostics, dispositions }
    }

    /// The report as a JSON object.
    pub fn to_json(&self) -> String {
        // Only strings, numbers and options of them: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{}"))
    }
}

impl DiagnosticView {
    fn of(diagnostic: &minutes::model::Diagnostic) -> DiagnosticView {
        let severity = match diagnostic.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        DiagnosticView {
            severity,
            location: diagnostic.location.to_string(),
            line: diagnostic.location.line(),
            message: diagnostic.message.clone(),
            text: format!("{}: {severity}: {}", diagnostic.location, diagnostic.message),
        }
    }
}

fn format_name(format: InputFormat) -> &'static str {
    match format {
        InputFormat::Docx => "docx",
        InputFormat::Doc => "doc",
        InputFormat::Html => "html",
        InputFormat::Xlsx => "xlsx",
        InputFormat::Markdown => "markdown",
        InputFormat::Json => "json",
        InputFormat::Text => "text",
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use minutes::model::{Diagnostic, Span};

    use super::*;

    // The page lists places as the JSON and CSV write them (`paragraph 19`, `line 128`),
    // not in the command line's `¶19` form; a line keeps its number for linking.
    #[test]
    fn places_as_the_page_shows_them() {
        let paragraph = Span::Paragraph { part: "word/document.xml".into(), index: 19 };
        let view = DiagnosticView::of(&Diagnostic::warning(paragraph, "m"));
        assert_eq!((view.text.as_str(), view.line), ("paragraph 19: warning: m", None));
        let view = DiagnosticView::of(&Diagnostic::note(Span::Line(128), "m"));
        assert_eq!((view.text.as_str(), view.line), ("line 128: note: m", Some(128)));
    }
}

//! The Meeting and its parts.

use serde::{Deserialize, Serialize};

use crate::{Disposition, Error, FxHashMap, Result, Scheme, Span, Status, Tdoc};

/// The minutes of one meeting: the canonical model every writer renders.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meeting {
    /// The cover sheet.
    pub cover: Cover,
    /// The standards body whose meeting this is, by its document ids: forced (`--body`)
    /// or detected from the ids the draft uses; `None` when neither body's ids clearly
    /// prevail (none, or as many of one as of the other).
    pub body: Option<Scheme>,
    /// The top-level sections, each holding its sub-sections.
    pub sections: Vec<Section>,
    /// The action-item table.
    pub action_items: Vec<ActionItem>,
    /// Meetings planned in the "next meetings" section.
    pub next_meetings: Vec<NextMeeting>,
    /// What the recogniser noticed, with locations.
    pub diagnostics: Vec<Diagnostic>,
}

/// The cover sheet: `Meeting title:` / `Chair:` / … rows of the oneM2M template.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cover {
    /// `SEC17 Meeting – Sapporo, Japan`.
    pub title: Option<String>,
    /// `Francois Ennesser, Gemalto (Francois.Ennesser@gemalto.com)`.
    pub chair: Option<String>,
    /// One entry per vice chair.
    #[serde(default)]
    pub vice_chairs: Vec<String>,
    /// The secretary.
    pub secretary: Option<String>,
    /// The meeting date as written: `17-21 May 2015`.
    pub date: Option<String>,
    /// The ticked "intended purpose of document" box, when it can be known.
    pub purpose: Option<Purpose>,
}

/// The "intended purpose of document" checkboxes of the cover sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Purpose {
    /// Decision.
    Decision,
    /// Discussion.
    Discussion,
    /// Information.
    Information,
    /// Other <specify>.
    Other,
}

impl Purpose {
    /// Every purpose, in cover-sheet order.
    pub const ALL: [Purpose; 4] =
        [Purpose::Decision, Purpose::Discussion, Purpose::Information, Purpose::Other];

    /// The label on the cover sheet: `Decision`, …, `Other <specify>`.
    pub fn label(self) -> &'static str {
        match self {
            Purpose::Decision => "Decision",
            Purpose::Discussion => "Discussion",
            Purpose::Information => "Information",
            Purpose::Other => "Other <specify>",
        }
    }
}

/// A section (agenda item) of the minutes: a numbered heading of the draft, or, in a draft
/// without numbered headings, an unnumbered one (empty `number`). A draft without headings
/// is one section with neither number nor title.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// `6.3`; empty for an unnumbered heading.
    pub number: String,
    /// The number the draft shows, when `number` differs from it (a number the draft
    /// repeats is made unique as `4 (2)`): what writers display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_as_written: Option<String>,
    /// `Contributions Affecting REQ Deliverables`.
    pub title: String,
    /// The rows of the section's contribution tables (Tdoc | Title | Source).
    #[serde(default)]
    pub contributions: Vec<Contribution>,
    /// Everything the draft has between this heading and the next, in its order: the
    /// discussion, and the tables (contribution and action-item tables in place).
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// Sub-sections.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Where the heading is.
    #[serde(flatten, with = "crate::span::json")]
    pub location: Span,
}

/// One row of a contributions list (`minutes agenda --contributions`): the contribution
/// and the agenda item the list allocates it to, as written (`6.2`, `6.2 Contributions on
/// TR-0050`, `AI 6.1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedContribution {
    /// The contribution; its `location` is the list's row (`line 8`, `row 5 of Sheet1`).
    pub contribution: Contribution,
    /// The agenda-item cell.
    pub agenda_item: String,
}

/// One row of a contribution table; a cell holding two ids gives two contributions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    /// The identifier, normalised and corrected where the context proved a typo.
    pub tdoc: Tdoc,
    /// The identifier as written in the cell: `SEC-2105-0538`, `-0576`.
    #[serde(default)]
    pub tdoc_as_written: String,
    /// The title cell.
    #[serde(default)]
    pub title: String,
    /// The source cell.
    #[serde(default)]
    pub source: String,
    /// Where the row is.
    #[serde(flatten, with = "crate::span::json")]
    pub location: Span,
}

/// One block of a section, in the draft's order: what the recogniser understood
/// (document headings, decisions, contribution and action-item tables) and everything else
/// as the draft had it (headings that are not sections, paragraphs, list items, tables).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// The start of a document's discussion: `SEC-2015-0515R01- Security requirements`.
    Document(DocumentHeading),
    /// A heading of the draft that is not a section (an unnumbered heading among numbered
    /// ones), with its outline level and the number it shows, if any.
    Heading {
        /// Outline level, 1 for the top level.
        level: u8,
        /// The number as displayed, when it has one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        number: Option<String>,
        /// The heading text.
        text: String,
        /// Where it is.
        #[serde(flatten, with = "crate::span::json")]
        location: Span,
    },
    /// A paragraph of discussion.
    Paragraph {
        /// The text.
        text: String,
        /// Where it is.
        #[serde(flatten, with = "crate::span::json")]
        location: Span,
    },
    /// A list item: `· Edits were proposed for clarity.`, `1. Opening`.
    Bullet {
        /// Nesting level, 1 for the outermost.
        level: u8,
        /// The text without its bullet.
        text: String,
        /// The number the item shows (`1.`, `a)`) when it is a numbered item.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
        /// Where it is.
        #[serde(flatten, with = "crate::span::json")]
        location: Span,
    },
    /// A decision on one document revision.
    Decision(Decision),
    /// Where an action-item table stands; its rows are the entries `items` of
    /// [`Meeting::action_items`] (all of them, in models written before `items` existed).
    ActionItems {
        /// The indices of the table's rows in [`Meeting::action_items`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        items: Option<std::ops::Range<usize>>,
        /// The header cells of the reference, what, who and status columns as the draft
        /// wrote them; empty for the usual `REFERENCE | WHAT | WHO | STATUS`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        header: Vec<String>,
        /// Where it is.
        #[serde(flatten, with = "crate::span::json")]
        location: Span,
    },
    /// A contribution table where the draft has it: its rows are the entries
    /// `contributions` of [`Section::contributions`]; `rows` are its cells as written.
    Contributions {
        /// The indices of the table's entries in [`Section::contributions`].
        contributions: std::ops::Range<usize>,
        /// Every row of the table as cell texts (paragraphs joined by `\n`), header included.
        #[serde(default)]
        rows: Vec<Vec<String>>,
        /// Whether the first row of `rows` is a header row.
        #[serde(default)]
        header: bool,
        /// Where it is.
        #[serde(flatten, with = "crate::span::json")]
        location: Span,
    },
    /// A table that is neither a contribution nor an action-item table, as cell texts.
    Table {
        /// Rows of cell texts.
        rows: Vec<Vec<String>>,
        /// Where it is.
        #[serde(flatten, with = "crate::span::json")]
        location: Span,
    },
}

/// The heading that starts a document's discussion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentHeading {
    /// The documents discussed (two for `SEC-2015-0507/-0576`).
    pub tdocs: Vec<Tdoc>,
    /// The title after the id, when written.
    pub title: Option<String>,
    /// A remark such as `Presented by Preeti on Friday session-1 SEC`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The heading line as written (what writers print).
    #[serde(default)]
    pub as_written: String,
    /// Written in a table (a contribution table's lone row): the table block shows it,
    /// writers do not repeat it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_table: bool,
    /// Where it is.
    #[serde(flatten, with = "crate::span::json")]
    pub location: Span,
}

/// A decision on one document revision: `AGREED - SEC-2015-0515R02- Security requirements`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The revision decided, normalised and corrected.
    pub tdoc: Tdoc,
    /// The identifier as written: `SEC-2105-0576`, `SEC-2018-0060R02`.
    pub tdoc_as_written: String,
    /// The normalised status.
    pub status: Status,
    /// The status phrase as written: `AGREED by correspondence.`
    pub status_as_written: String,
    /// The title written with the decision, if any.
    pub title: Option<String>,
    /// Words after the title that are not part of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The source text of the decision as written: the whole line, or the table cell.
    pub as_written: String,
    /// Written in a table cell (a contribution table's Decision column): the table block
    /// shows it, writers do not repeat it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_table: bool,
    /// Where it is.
    #[serde(flatten, with = "crate::span::json")]
    pub location: Span,
    /// What the draft says besides the status: revision and merge targets, the entry's
    /// earlier decisions, the document's type and release.
    /// Boxed: empty for most decisions, and large.
    #[serde(default, skip_serializing_if = "DecisionLinks::is_empty")]
    pub links: Box<DecisionLinks>,
}

/// What a decision says beyond its status, where the draft says it (entry-style minutes,
/// Tdoc lists): empty for the one-line decisions of oneM2M drafts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionLinks {
    /// `Revised to TD S2-1903890`: the direct revision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revised_to: Option<Tdoc>,
    /// `Merged into TD S2-1903931`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<Tdoc>,
    /// `Revision of S2-1901987` as a table column states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_of: Option<Tdoc>,
    /// The documents merged into this one, as a table column states them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_of: Vec<Tdoc>,
    /// Earlier decisions on the same document in the same entry (a parallel session's,
    /// before the plenary's), as written; the decision itself is the last.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<String>,
    /// The document's type, purpose, release and work item, when the draft gives them
    /// (JSON: the fields `doc_type`, `doc_for`, `release`, `work_item` of `links`).
    #[serde(flatten)]
    pub details: DocumentDetails,
    /// The agenda item a Tdoc list's row gives (its `AI` column): the disposition's
    /// agenda item, wherever the table stands.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub agenda_item: String,
}

/// What a draft says about a document beside decisions on it (a Tdoc list's columns, an
/// entry's `Document for:` line): kept with the decision ([`DecisionLinks::details`]) and
/// handed on to its disposition ([`crate::Disposition::details`]) and the CSV columns
/// `type`, `doc_for`, `release`, `work_item`. Each is empty where the draft does not say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentDetails {
    /// The document's type (`CR`, `LS in`, `discussion`), when a list gives it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub doc_type: String,
    /// What the document is for (`Approval`, `Information`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub doc_for: String,
    /// The release (`Rel-16`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub release: String,
    /// The work item (`5GS_Ph1`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub work_item: String,
}

impl DecisionLinks {
    /// Returns true if and only if the draft said nothing beyond the status.
    pub fn is_empty(&self) -> bool {
        self == &DecisionLinks::default()
    }
}

/// One row of the action-item table (REFERENCE | WHAT | WHO | STATUS).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    /// `A-33-2 (R3+)\n(supersedes A-26-7)`.
    pub reference: String,
    /// What is to be done; paragraphs joined by `\n`.
    pub what: String,
    /// Who does it.
    pub who: String,
    /// The status as written, trimmed: `OPEN`, `Complete`, `CLOSED?`.
    pub status: String,
    /// Where the row is.
    #[serde(flatten, with = "crate::span::json")]
    pub location: Span,
}

impl ActionItem {
    /// Returns true if and only if the status is written with a question mark (`CLOSED?`).
    pub fn is_uncertain(&self) -> bool {
        self.status.trim_end().ends_with('?')
    }

    /// Returns true if and only if the item is not known to be finished: its status is not
    /// `complete`, `completed`, `closed` or `done`, or it is uncertain.
    pub fn is_open(&self) -> bool {
        let status = self.status.trim().trim_end_matches(['?', '.']).to_lowercase();
        self.is_uncertain()
            || !matches!(status.as_str(), "complete" | "completed" | "closed" | "done")
    }
}

/// A meeting planned in the "next meetings" section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextMeeting {
    /// `SEC#17.1`, `TP18`.
    pub name: String,
    /// `June 11, 2015, UTC 13:00-15:00`.
    pub when: Option<String>,
    /// `Philadelphia, United States`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// `Teleconference`, `Face to Face`: the heading the entry stands under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Where the entry is.
    #[serde(flatten, with = "crate::span::json")]
    pub location: Span,
}

/// How serious a diagnostic is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; nothing is wrong.
    Note,
    /// Something was recognised with a correction, or could not be recognised.
    Warning,
    /// The result cannot be trusted without a human look.
    Error,
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A message about the source, pointing at its place: raised by readers and the
/// recogniser, kept in the model, printed by the outputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Where it applies.
    #[serde(flatten, with = "crate::span::json")]
    pub location: Span,
    /// What it says, lowercase, naming the culprit.
    pub message: String,
}

/// Constructors
impl Diagnostic {
    /// A warning at `location`.
    pub fn warning(location: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, location, message: message.into() }
    }

    /// A note at `location`.
    pub fn note(location: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Note, location, message: message.into() }
    }

    /// An error at `location`.
    pub fn error(location: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Error, location, message: message.into() }
    }
}

impl Block {
    /// Where the block is.
    pub fn location(&self) -> &Span {
        match self {
            Block::Document(heading) => &heading.location,
            Block::Decision(decision) => &decision.location,
            Block::Heading { location, .. }
            | Block::Paragraph { location, .. }
            | Block::Bullet { location, .. }
            | Block::ActionItems { location, .. }
            | Block::Contributions { location, .. }
            | Block::Table { location, .. } => location,
        }
    }
}

/// Serde shape of DESIGN.md §5: the derived `dispositions` are written, and ignored on
/// reading because the sections' decisions are the source of truth.
#[derive(Serialize)]
struct MeetingOut<'a> {
    cover: &'a Cover,
    body: Option<Scheme>,
    sections: &'a [Section],
    dispositions: Vec<Disposition>,
    action_items: &'a [ActionItem],
    next_meetings: &'a [NextMeeting],
    diagnostics: &'a [Diagnostic],
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MeetingIn {
    #[serde(default)]
    cover: Cover,
    // Absent from models written before the body was recorded: unknown.
    #[serde(default)]
    body: Option<Scheme>,
    #[serde(default)]
    sections: Vec<Section>,
    #[serde(default)]
    #[allow(dead_code)] // derived data: read to accept the field, then recomputed
    dispositions: serde_json::Value,
    #[serde(default)]
    action_items: Vec<ActionItem>,
    #[serde(default)]
    next_meetings: Vec<NextMeeting>,
    #[serde(default)]
    diagnostics: Vec<Diagnostic>,
}

impl Serialize for Meeting {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        MeetingOut {
            cover: &self.cover,
            body: self.body,
            sections: &self.sections,
            dispositions: self.dispositions(),
            action_items: &self.action_items,
            next_meetings: &self.next_meetings,
            diagnostics: &self.diagnostics,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Meeting {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Meeting, D::Error> {
        let input = MeetingIn::deserialize(deserializer)?;
        Ok(Meeting {
            cover: input.cover,
            body: input.body,
            sections: input.sections,
            action_items: input.action_items,
            next_meetings: input.next_meetings,
            diagnostics: input.diagnostics,
        })
    }
}

impl Section {
    /// The number as the draft shows it ([`Section::number`] is unique in the meeting).
    pub fn shown_number(&self) -> &str {
        self.number_as_written.as_deref().unwrap_or(&self.number)
    }
}

impl Meeting {
    /// The model as pretty JSON (DESIGN.md §5), ending with a newline.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }

    /// Reads a model written by [`Meeting::to_json`] and checks it with [`Meeting::validate`].
    pub fn from_json(json: &str) -> Result<Meeting> {
        let meeting: Meeting = serde_json::from_str(json)?;
        meeting.validate()?;
        Ok(meeting)
    }

    /// Checks the invariants writers rely on: section numbers are unique. Sections without
    /// a number (unnumbered headings, the text before the first heading) are not checked.
    pub fn validate(&self) -> Result<()> {
        let mut seen = std::collections::HashSet::new();
        let mut result = Ok(());
        self.walk_sections(&mut |section| {
            if result.is_err() {
                return;
            }
            if section.number.trim().is_empty() {
                // Unnumbered: nothing to be unique.
            } else if !seen.insert(section.number.clone()) {
                result = Err(Error::invalid(format!(
                    "section number {} appears twice",
                    section.number
                )));
            }
        });
        result
    }

    /// Calls `visit` on every section, depth first, in document order.
    pub fn walk_sections<'a>(&'a self, visit: &mut dyn FnMut(&'a Section)) {
        fn walk<'a>(sections: &'a [Section], visit: &mut dyn FnMut(&'a Section)) {
            for section in sections {
                visit(section);
                walk(&section.sections, visit);
            }
        }
        walk(&self.sections, visit);
    }

    /// Every section in document order, depth first.
    pub fn all_sections(&self) -> Vec<&Section> {
        let mut all = Vec::new();
        self.walk_sections(&mut |section| all.push(section));
        all
    }

    /// Every contribution of every section, with the section it is listed in.
    pub fn all_contributions(&self) -> Vec<(&Section, &Contribution)> {
        self.all_sections()
            .into_iter()
            .flat_map(|section| section.contributions.iter().map(move |c| (section, c)))
            .collect()
    }

    /// Every decision, with the section it was taken in, in document order.
    pub fn decisions(&self) -> Vec<(&Section, &Decision)> {
        self.all_sections()
            .into_iter()
            .flat_map(|section| {
                section.blocks.iter().filter_map(move |block| match block {
                    Block::Decision(decision) => Some((section, decision)),
                    _ => None,
                })
            })
            .collect()
    }

    /// The contribution-table entry for `tdoc` (see [`ContributionIndex::find`]). Builds an
    /// index each call: to look up many, build one [`ContributionIndex`].
    pub fn find_contribution<'a>(
        &'a self,
        tdoc: &Tdoc,
        preferred: Option<&'a Section>,
    ) -> Option<(&'a Section, &'a Contribution)> {
        ContributionIndex::new(self).find(tdoc, preferred)
    }
}

/// The contributions of a meeting by year and serial, for lookups in constant time.
#[derive(Debug)]
pub struct ContributionIndex<'a> {
    /// Every contribution with its section, grouped by year and serial, in meeting order
    /// within a group: one list rather than one per serial, most of which hold one entry.
    entries: Vec<(&'a Section, &'a Contribution)>,
    /// Where each year and serial's group is in `entries`.
    by_serial: FxHashMap<(u16, &'a str), std::ops::Range<usize>>,
    empty: bool,
}

impl<'a> ContributionIndex<'a> {
    /// Indexes every contribution of `meeting`.
    pub fn new(meeting: &'a Meeting) -> ContributionIndex<'a> {
        let mut entries = Vec::new();
        meeting.walk_sections(&mut |section| {
            entries.extend(section.contributions.iter().map(|c| (section, c)));
        });
        let key = |(_, c): &(&'a Section, &'a Contribution)| {
            let c: &'a Contribution = c;
            (c.tdoc.year(), c.tdoc.serial())
        };
        // Stable: a group keeps meeting order.
        entries.sort_by(|a, b| key(a).cmp(&key(b)));
        let mut by_serial = FxHashMap::default();
        let mut start = 0;
        for group in entries.chunk_by(|a, b| key(a) == key(b)) {
            if let Some(first) = group.first() {
                by_serial.insert(key(first), start..start + group.len());
            }
            start += group.len();
        }
        ContributionIndex { empty: entries.is_empty(), entries, by_serial }
    }

    /// Returns true if and only if the meeting lists no contribution at all.
    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// The contribution-table entry for `tdoc`: the same document (any revision), first in
    /// `preferred` (the decision's section), then anywhere; failing that, the same serial
    /// listed under another group in `preferred` (`SEC-2015-0670` listed, `TP-2015-0670`
    /// decided).
    pub fn find(
        &self,
        tdoc: &Tdoc,
        preferred: Option<&Section>,
    ) -> Option<(&'a Section, &'a Contribution)> {
        let group = self.by_serial.get(&(tdoc.year(), tdoc.serial()))?;
        let candidates = self.entries.get(group.clone())?;
        let in_preferred = |(section, _): &&(&Section, &Contribution)| {
            preferred.is_some_and(|p| std::ptr::eq(p, *section))
        };
        let same = |(_, c): &&(&Section, &Contribution)| c.tdoc.same_document(tdoc);
        let other_group =
            |(_, c): &&(&Section, &Contribution)| c.tdoc.same_serial_other_group(tdoc);
        candidates
            .iter()
            .find(|e| in_preferred(e) && same(e))
            .or_else(|| candidates.iter().find(|e| same(e)))
            .or_else(|| candidates.iter().find(|e| in_preferred(e) && other_group(e)))
            .copied()
    }
}

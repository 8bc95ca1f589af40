//! Dispositions CSV for the member portal (DESIGN.md §6).

use std::borrow::Cow;
use std::{collections::HashMap, io::Write, str::FromStr};

use minutes_model::{Disposition, FxHashMap, FxHashSet, Meeting, StatusMap};

use crate::Result;

/// A column of the dispositions CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Column {
    /// `Tdoc`: the revision decided, normalised.
    Tdoc,
    /// `Title`: from the contribution table, else the decision line or heading.
    Title,
    /// `Source`: from the contribution table.
    Source,
    /// `Agenda item`: the section number.
    AgendaItem,
    /// `Agenda title`: the section title.
    AgendaTitle,
    /// `Status`: the normalised status (after the status map).
    Status,
    /// `Decision as written`: the whole decision line.
    DecisionAsWritten,
    /// `Revision of`: the previous revision of the same document decided here.
    RevisionOf,
    /// `Revised to`: the next revision of the same document decided here.
    RevisedTo,
    /// `Comment`: words qualifying the decision.
    Comment,
    /// `Span`: where the decision is in the draft.
    Span,
    /// `Merged into`: the document this one was merged into.
    MergedInto,
    /// `Merge of`: the documents merged into this one.
    MergeOf,
    /// `Type`: the document's type, when the draft gives it.
    Type,
    /// `Doc for`: what the document is for (`Approval`).
    DocFor,
    /// `Release`: the release, when the draft gives it.
    Release,
    /// `Work item`: the work item, when the draft gives it.
    WorkItem,
}

impl Column {
    /// Every column, in the order `--columns` lists them.
    pub const ALL: [Column; 17] = [
        Column::Tdoc,
        Column::Title,
        Column::Source,
        Column::AgendaItem,
        Column::AgendaTitle,
        Column::Status,
        Column::DecisionAsWritten,
        Column::RevisionOf,
        Column::RevisedTo,
        Column::Comment,
        Column::Span,
        Column::MergedInto,
        Column::MergeOf,
        Column::Type,
        Column::DocFor,
        Column::Release,
        Column::WorkItem,
    ];

    /// The default columns: `Tdoc,Title,Source,Agenda item,Status,Revision of,Revised to,Comment`.
    pub const DEFAULT: [Column; 8] = [
        Column::Tdoc,
        Column::Title,
        Column::Source,
        Column::AgendaItem,
        Column::Status,
        Column::RevisionOf,
        Column::RevisedTo,
        Column::Comment,
    ];

    /// The name used by `--columns`: `tdoc`, `agenda_item`, …
    pub fn key(self) -> &'static str {
        match self {
            Column::Tdoc => "tdoc",
            Column::Title => "title",
            Column::Source => "source",
            Column::AgendaItem => "agenda_item",
            Column::AgendaTitle => "agenda_title",
            Column::Status => "status",
            Column::DecisionAsWritten => "decision_as_written",
            Column::RevisionOf => "revision_of",
            Column::RevisedTo => "revised_to",
            Column::Comment => "comment",
            Column::Span => "location",
            Column::MergedInto => "merged_into",
            Column::MergeOf => "merge_of",
            Column::Type => "type",
            Column::DocFor => "doc_for",
            Column::Release => "release",
            Column::WorkItem => "work_item",
        }
    }

    /// The header written in the CSV: `Tdoc`, `Agenda item`, …
    pub fn header(self) -> &'static str {
        match self {
            Column::Tdoc => "Tdoc",
            Column::Title => "Title",
            Column::Source => "Source",
            Column::AgendaItem => "Agenda item",
            Column::AgendaTitle => "Agenda title",
            Column::Status => "Status",
            Column::DecisionAsWritten => "Decision as written",
            Column::RevisionOf => "Revision of",
            Column::RevisedTo => "Revised to",
            Column::Comment => "Comment",
            Column::Span => "Span",
            Column::MergedInto => "Merged into",
            Column::MergeOf => "Merge of",
            Column::Type => "Type",
            Column::DocFor => "Doc for",
            Column::Release => "Release",
            Column::WorkItem => "Work item",
        }
    }

    /// Parses a comma-separated `--columns` list.
    /// Fails on an empty list, an empty key (`tdoc,,status`) and an unknown key.
    pub fn parse_list(list: &str) -> std::result::Result<Vec<Column>, String> {
        if list.trim().is_empty() {
            return Err("no column given".to_string());
        }
        list.split(',')
            .enumerate()
            .map(|(index, key)| {
                if key.trim().is_empty() {
                    Err(format!("column {} is empty (in `{list}`)", index + 1))
                } else {
                    key.parse()
                }
            })
            .collect()
    }
}

impl FromStr for Column {
    type Err = String;

    fn from_str(key: &str) -> std::result::Result<Column, String> {
        let wanted = key.trim().to_lowercase().replace([' ', '-'], "_");
        Column::ALL.into_iter().find(|c| c.key() == wanted).ok_or_else(|| {
            let known: Vec<&str> = Column::ALL.iter().map(|c| c.key()).collect();
            format!("unknown column `{key}` (known: {})", known.join(", "))
        })
    }
}

/// Options of the dispositions CSV.
#[derive(Debug, Clone)]
pub struct CsvOptions {
    /// The columns, in order. The default is [`Column::DEFAULT`].
    pub columns: Vec<Column>,
    /// Excel conventions: a UTF-8 BOM and CRLF line ends. The default is `false` (LF).
    pub excel: bool,
    /// Add documents listed in contribution tables that got no decision, with an empty
    /// status, after the decisions of their section. The default is `false`.
    pub all_documents: bool,
    /// Portal words for statuses (`minutes_read::read_status_map` reads them from a
    /// file). The default is none (the normalised words).
    pub status_map: Option<StatusMap>,
}

impl Default for CsvOptions {
    fn default() -> CsvOptions {
        CsvOptions {
            columns: Column::DEFAULT.to_vec(),
            excel: false,
            all_documents: false,
            status_map: None,
        }
    }
}

/// Writes the dispositions of `meeting` as CSV.
pub fn write_dispositions<W: Write>(
    meeting: &Meeting,
    options: &CsvOptions,
    mut out: W,
) -> Result<()> {
    if options.excel {
        out.write_all(b"\xEF\xBB\xBF")?;
    }
    let terminator =
        if options.excel { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
    let mut writer = csv::WriterBuilder::new().terminator(terminator).from_writer(out);
    writer.write_record(options.columns.iter().map(|c| c.header()))?;
    for row in rows(meeting, options) {
        writer.write_record(options.columns.iter().map(|c| {
            let value = row.get(c).map(String::as_str).unwrap_or_default();
            let value = if options.excel && *c == Column::AgendaItem {
                excel_text(value)
            } else {
                Cow::Borrowed(value)
            };
            // Bytes borrowed from the row unless rewritten.
            match value {
                Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
                Cow::Owned(text) => Cow::<[u8]>::Owned(text.into_bytes()),
            }
        }))?;
    }
    writer.flush()?;
    Ok(())
}

/// An agenda item as Excel keeps it: a number such as `6.10` or `5` is written as the
/// formula `="6.10"`, which Excel shows as the text `6.10` instead of the number 6.1.
fn excel_text(value: &str) -> Cow<'_, str> {
    let numeric =
        !value.is_empty() && value.chars().all(|c| c.is_ascii_digit() || c == '.');
    if numeric {
        Cow::Owned(format!("=\"{value}\""))
    } else {
        Cow::Borrowed(value)
    }
}

fn rows(meeting: &Meeting, options: &CsvOptions) -> Vec<HashMap<Column, String>> {
    let dispositions = meeting.dispositions();
    let mut rows = Vec::new();
    let tdoc_text = |t: &Option<minutes_model::Tdoc>| {
        t.as_ref().map(ToString::to_string).unwrap_or_default()
    };
    // One row per revision: a revision decided twice (the second time with another
    // status is an error of the recogniser) is listed once, with its last decision.
    let mut last: FxHashMap<&minutes_model::Tdoc, usize> = FxHashMap::default();
    for (index, d) in dispositions.iter().enumerate() {
        last.insert(&d.tdoc, index);
    }
    // Indexed once: looking each section's dispositions up by scanning all of them made
    // large meetings quadratic. A number shared by two sections (or unnumbered sections)
    // lists their dispositions once, under the first.
    let mut by_section: FxHashMap<&str, Vec<&Disposition>> = FxHashMap::default();
    for (index, d) in dispositions.iter().enumerate() {
        if last.get(&d.tdoc) == Some(&index) {
            by_section.entry(d.section.as_str()).or_default().push(d);
        }
    }
    // What `same_document || same_serial_other_group` asks: the same year and serial.
    let decided: FxHashSet<(u16, &str)> =
        dispositions.iter().map(|d| (d.tdoc.year(), d.tdoc.serial())).collect();
    // Dispositions whose agenda item is no section's (a Tdoc list's `AI` column in a draft
    // without those headings) come after the sections', in document order.
    let numbers: FxHashSet<&str> =
        meeting.all_sections().into_iter().map(|s| s.number.as_str()).collect();
    let unplaced: Vec<&Disposition> = dispositions
        .iter()
        .enumerate()
        .filter(|(index, d)| {
            last.get(&d.tdoc) == Some(index) && !numbers.contains(d.section.as_str())
        })
        .map(|(_, d)| d)
        .collect();
    let mut sections: Vec<(Option<&minutes_model::Section>, Vec<&Disposition>)> = meeting
        .all_sections()
        .into_iter()
        .map(|section| {
            // Taken out once: a number shared by two sections lists its rows once.
            let found = by_section.remove(section.number.as_str()).unwrap_or_default();
            (Some(section), found)
        })
        .collect();
    if !unplaced.is_empty() {
        sections.push((None, unplaced));
    }
    for (section, in_section) in sections {
        for d in in_section {
            let status = options
                .status_map
                .as_ref()
                .map_or_else(|| d.status.as_str().to_string(), |m| m.word(d));
            rows.push(HashMap::from([
                (Column::Tdoc, d.tdoc.to_string()),
                (Column::Title, d.title.clone()),
                (Column::Source, d.source.clone()),
                (Column::AgendaItem, d.section.clone()),
                (Column::AgendaTitle, d.section_title.clone()),
                (Column::Status, status),
                (Column::DecisionAsWritten, d.as_written.clone()),
                (Column::RevisionOf, tdoc_text(&d.revision_of)),
                (Column::RevisedTo, tdoc_text(&d.revised_to)),
                (Column::Comment, d.comment.clone()),
                (Column::Span, d.location.to_string()),
                (Column::MergedInto, tdoc_text(&d.merged_into)),
                (
                    Column::MergeOf,
                    d.merge_of
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                (Column::Type, d.details.doc_type.clone()),
                (Column::DocFor, d.details.doc_for.clone()),
                (Column::Release, d.details.release.clone()),
                (Column::WorkItem, d.details.work_item.clone()),
            ]));
        }
        let Some(section) = section else { continue };
        if options.all_documents {
            let mut listed: FxHashSet<(u16, &str)> = FxHashSet::default();
            for c in &section.contributions {
                if !decided.contains(&(c.tdoc.year(), c.tdoc.serial())) {
                    listed.insert((c.tdoc.year(), c.tdoc.serial()));
                    rows.push(HashMap::from([
                        (Column::Tdoc, c.tdoc.to_string()),
                        (Column::Title, c.title.clone()),
                        (Column::Source, c.source.clone()),
                        (Column::AgendaItem, section.number.clone()),
                        (Column::AgendaTitle, section.title.clone()),
                        (Column::Span, c.location.to_string()),
                    ]));
                }
            }
            // The entries of entry-style minutes that got no decision: open documents.
            for block in &section.blocks {
                let minutes_model::Block::Document(heading) = block else { continue };
                for tdoc in &heading.tdocs {
                    let key = (tdoc.year(), tdoc.serial());
                    if decided.contains(&key) || !listed.insert(key) {
                        continue;
                    }
                    rows.push(HashMap::from([
                        (Column::Tdoc, tdoc.to_string()),
                        (Column::Title, heading.title.clone().unwrap_or_default()),
                        (Column::AgendaItem, section.number.clone()),
                        (Column::AgendaTitle, section.title.clone()),
                        (Column::Span, heading.location.to_string()),
                    ]));
                }
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests;

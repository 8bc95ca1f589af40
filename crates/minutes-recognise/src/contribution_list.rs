//! Contributions lists (`minutes agenda --contributions`): which table of a read list is
//! the list, which of its columns hold the Tdoc, title, source and agenda item, and the
//! Tdoc of each row. The reader gave a table (CSV, XLSX or HTML alike); this module knows
//! what a contributions list is.

use std::fmt;

use minutes_flow::{Block, BlockKind, Cell, Flow, Row, Span, Table};
use minutes_model::{find_tdocs, Contribution, ListedContribution, TdocRef};

use crate::text::location_text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ListColumn {
    Tdoc,
    Title,
    Source,
    AgendaItem,
}

/// The header spellings of each column, compared lower-cased with `_`/`-` as spaces and
/// spaces folded. Lists are exported by portals and chairs' spreadsheets: `TD#` is 3GPP's
/// Excel list, `AI` its agenda-item column.
const HEADERS: &[(ListColumn, &[&str])] = &[
    (
        ListColumn::Tdoc,
        &[
            "tdoc",
            "tdoc number",
            "tdoc no",
            "tdoc #",
            "tdoc id",
            "td#",
            "td #",
            "document",
            "document number",
            "doc number",
            "contribution",
            "number",
        ],
    ),
    (ListColumn::Title, &["title", "subject", "document title"]),
    (
        ListColumn::Source,
        &["source", "sources", "source(s)", "company", "from", "author", "authors"],
    ),
    (
        ListColumn::AgendaItem,
        &["agenda item", "agenda", "ai", "agenda item number", "item", "agenda point"],
    ),
];

fn list_column(header: &str) -> Option<ListColumn> {
    let key = header.trim().to_lowercase().replace(['_', '-'], " ");
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    HEADERS
        .iter()
        .find(|(_, spellings)| spellings.contains(&key.as_str()))
        .map(|(column, _)| *column)
}

/// Why a contributions list cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListError {
    /// The row at fault, when one is.
    pub location: Option<Span>,
    /// What is wrong, naming the culprit.
    pub message: String,
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(location) => write!(f, "{location}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ListError {}

/// The contributions of a list read into `flow`: the first table whose header row (its
/// first row) has a Tdoc column; columns found by header text in any order, extra columns
/// ignored. Rows without a Tdoc (empty, or a placeholder such as `-` on an agenda item's
/// own row) are skipped.
///
/// # Errors
/// No table has a Tdoc column, the list has no agenda-item column, or a Tdoc cell holds
/// something that is not a full Tdoc number.
pub fn contribution_list(flow: &Flow) -> Result<Vec<ListedContribution>, ListError> {
    let tables: Vec<&Table> = flow
        .blocks
        .iter()
        .filter_map(|block: &Block| match &block.kind {
            BlockKind::Table(table) => Some(table),
            _ => None,
        })
        .collect();
    let with_tdocs = tables.iter().find_map(|table| {
        let header = table.rows.first()?;
        let columns = columns(header);
        columns.tdoc.is_some().then_some((table, header, columns))
    });
    let Some((table, header, columns)) = with_tdocs else {
        let found = tables.first().and_then(|t| t.rows.first()).map(header_texts);
        return Err(missing("Tdoc", &found.unwrap_or_default()));
    };
    let (Some(tdoc_column), Some(item_column)) = (columns.tdoc, columns.agenda_item)
    else {
        return Err(missing("Agenda item", &header_texts(header)));
    };
    let mut listed = Vec::new();
    for row in table.rows.iter().skip(1) {
        let text = |column: Option<usize>| {
            column.and_then(|c| row.cells.get(c)).map(Cell::text).unwrap_or_default()
        };
        let tdoc_text = text(Some(tdoc_column));
        if !tdoc_text.chars().any(char::is_alphanumeric) {
            continue;
        }
        let location = row_location(row);
        let tdoc = match find_tdocs(&tdoc_text).into_iter().next() {
            Some(found) if found.start == 0 => match found.reference {
                TdocRef::Full(tdoc) => Some(tdoc),
                TdocRef::Abbreviated { .. } => None,
            },
            _ => None,
        };
        let Some(tdoc) = tdoc else {
            return Err(ListError {
                location: Some(location),
                message: format!("`{tdoc_text}` is not a Tdoc number"),
            });
        };
        listed.push(ListedContribution {
            contribution: Contribution {
                tdoc,
                tdoc_as_written: tdoc_text,
                title: text(columns.title),
                source: text(columns.source),
                location: location_text(&location),
            },
            agenda_item: text(Some(item_column)),
        });
    }
    Ok(listed)
}

#[derive(Debug, Default)]
struct Columns {
    tdoc: Option<usize>,
    title: Option<usize>,
    source: Option<usize>,
    agenda_item: Option<usize>,
}

/// The first column of each kind in a header row.
fn columns(header: &Row) -> Columns {
    let mut columns = Columns::default();
    for (index, cell) in header.cells.iter().enumerate() {
        let slot = match list_column(&cell.text()) {
            Some(ListColumn::Tdoc) => &mut columns.tdoc,
            Some(ListColumn::Title) => &mut columns.title,
            Some(ListColumn::Source) => &mut columns.source,
            Some(ListColumn::AgendaItem) => &mut columns.agenda_item,
            None => continue,
        };
        slot.get_or_insert(index);
    }
    columns
}

fn header_texts(header: &Row) -> String {
    header.cells.iter().map(Cell::text).collect::<Vec<_>>().join(", ")
}

fn missing(label: &str, found: &str) -> ListError {
    ListError { location: None, message: format!("no `{label}` column (found: {found})") }
}

/// Where a row is: the location of its first located cell.
fn row_location(row: &Row) -> Span {
    row.cells
        .iter()
        .find_map(|cell| cell.blocks.first().map(|block| block.location.clone()))
        .unwrap_or(Span::Unknown)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use pretty_assertions::assert_eq;

    use super::*;

    fn table(rows: &[&[&str]]) -> Flow {
        let rows = rows
            .iter()
            .enumerate()
            .map(|(i, cells)| {
                let at = Span::Line(u32::try_from(i + 1).unwrap());
                Row::new(
                    cells
                        .iter()
                        .map(|text| Cell::new(vec![Block::paragraph(*text, at.clone())]))
                        .collect(),
                )
            })
            .collect();
        Flow::new(vec![
            Block::paragraph("Total documents: 2", Span::Line(1)),
            Block::table(rows, Span::Line(1)),
        ])
    }

    #[test]
    fn columns_by_header_in_any_order() {
        let flow = table(&[
            &["AI", "TD#", "Type", "Title", "Source"],
            &["6.1", "-", "-", "Agenda item row", "-"],
            &["6.1", "SEC-2018-0100R01", "CR", "A CR", "Acme"],
        ]);
        let listed = contribution_list(&flow).unwrap();
        assert_eq!(listed.len(), 1);
        let row = &listed[0];
        assert_eq!(
            (
                row.contribution.tdoc.to_string(),
                row.contribution.title.as_str(),
                row.contribution.source.as_str(),
                row.agenda_item.as_str(),
                row.contribution.location.clone()
            ),
            ("SEC-2018-0100R01".into(), "A CR", "Acme", "6.1", Span::Line(3))
        );
    }

    #[test]
    fn errors_name_the_column_or_the_row() {
        let err =
            contribution_list(&table(&[&["Title", "Source"], &["x", "y"]])).unwrap_err();
        assert_eq!(err.to_string(), "no `Tdoc` column (found: Title, Source)");
        let err = contribution_list(&table(&[&["Tdoc", "Title"]])).unwrap_err();
        assert_eq!(err.to_string(), "no `Agenda item` column (found: Tdoc, Title)");
        let err =
            contribution_list(&table(&[&["Tdoc", "Agenda item"], &["nonsense", "6"]]))
                .unwrap_err();
        assert_eq!(err.to_string(), "line 2: `nonsense` is not a Tdoc number");
        let err = contribution_list(&Flow::default()).unwrap_err();
        assert_eq!(err.to_string(), "no `Tdoc` column (found: )");
    }
}

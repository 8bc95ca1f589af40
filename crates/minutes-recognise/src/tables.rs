//! What a table is: contribution list, action items, or something else (PATTERNS.md D, H).

use minutes_flow::{Cell, Location, Row, Table};
use minutes_model::TdocRef;

use crate::{
    decision::{as_pairs, leading_ids},
    text::{fold_spaces, label_key},
};

/// A table, recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TableKind {
    /// REFERENCE | WHAT | WHO | STATUS rows.
    Actions(Vec<ActionRow>),
    /// Tdoc | Title | Source [| Decision] rows.
    Contributions(Vec<ContributionRow>),
    /// Anything else, as cell texts.
    Other(Vec<Vec<String>>),
}

/// One action-item row as cell texts (paragraphs joined by `\n`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ActionRow {
    pub reference: String,
    pub what: String,
    pub who: String,
    pub status: String,
}

/// One contribution row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ContributionRow {
    /// The ids of the Tdoc cell (two for `SEC-2015-0507/-0576`), each as written.
    pub tdocs: Vec<(TdocRef, String)>,
    /// The Tdoc cell as written.
    pub tdoc_cell: String,
    pub title: String,
    pub source: String,
    /// The decision cell, when the table has one and it is not empty.
    pub decision: Option<String>,
    /// Where the row's Tdoc cell starts, when the reader knows.
    pub location: Option<Location>,
    /// The paragraphs of the title and source cells, one per line as written.
    pub lines: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Tdoc,
    Title,
    Source,
    Decision,
    Reference,
    What,
    Who,
    Status,
}

fn role(header: &str) -> Option<Role> {
    let key = label_key(header);
    let role = match key.as_str() {
        "tdoc"
        | "tdoc number"
        | "tdoc no"
        | "tdoc #"
        | "tdoc id"
        | "document"
        | "document number"
        | "doc"
        | "doc number"
        | "doc no"
        | "contribution"
        | "contribution number"
        | "number" => Role::Tdoc,
        "title" | "subject" | "document title" | "contribution title" => Role::Title,
        "source" | "sources" | "source(s)" | "company" | "companies" | "from"
        | "author" | "authors" => Role::Source,
        "decision" | "result" | "outcome" | "disposition" | "conclusion" => {
            Role::Decision
        }
        "reference" | "ref" | "action" | "action id" | "action number" | "id" | "no"
        | "item" => Role::Reference,
        "what" | "description" | "action item" | "task" | "action description" => {
            Role::What
        }
        "who" | "owner" | "responsible" | "assignee" | "assigned to" | "actor" => {
            Role::Who
        }
        "status" | "state" => Role::Status,
        _ => return None,
    };
    Some(role)
}

fn cell_text(row: &Row, column: Option<usize>) -> String {
    column
        .and_then(|c| row.cells.get(c))
        .map(Cell::text)
        .map(|text| {
            text.lines()
                .map(fold_spaces)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

fn is_empty_row(row: &Row) -> bool {
    row.cells.iter().all(Cell::is_empty)
}

/// The ids of a Tdoc cell, when the whole cell is ids.
fn tdoc_cell(text: &str) -> Option<Vec<(TdocRef, String)>> {
    let text = text.trim();
    let (ids, end) = leading_ids(text)?;
    text.get(end..).is_some_and(|rest| rest.trim().is_empty()).then(|| as_pairs(ids))
}

/// Recognises what `table` is.
pub(crate) fn classify(table: &Table) -> TableKind {
    let rows: Vec<&Row> = table.rows.iter().filter(|r| !is_empty_row(r)).collect();
    let header: Vec<Option<Role>> = rows
        .first()
        .map(|r| r.cells.iter().map(|c| role(&c.text())).collect())
        .unwrap_or_default();
    let column = |wanted: Role| header.iter().position(|r| *r == Some(wanted));
    let body = rows.get(1..).unwrap_or_default();

    if column(Role::Who).is_some()
        && (column(Role::What).is_some() || column(Role::Reference).is_some())
    {
        let reference = column(Role::Reference).or(Some(0));
        let actions = body
            .iter()
            .map(|row| ActionRow {
                reference: cell_text(row, reference),
                what: cell_text(row, column(Role::What)),
                who: cell_text(row, column(Role::Who)),
                status: cell_text(row, column(Role::Status)),
            })
            .collect();
        return TableKind::Actions(actions);
    }

    let (tdoc_col, title_col, source_col, decision_col, data) = match column(Role::Tdoc) {
        Some(tdoc) => {
            let status = column(Role::Decision).or(column(Role::Status));
            (tdoc, column(Role::Title), column(Role::Source), status, body)
        }
        None => {
            // No header: Tdoc | Title | Source [| Decision] by position.
            let decision = rows
                .iter()
                .any(|r| {
                    r.cells.len() >= 4
                        && minutes_model::Status::from_prefix(&cell_text(r, Some(3)))
                            .is_some()
                })
                .then_some(3);
            (0, Some(1), Some(2), decision, rows.as_slice())
        }
    };
    let parsed: Vec<Option<ContributionRow>> = data
        .iter()
        .map(|row| {
            let tdoc_text = cell_text(row, Some(tdoc_col));
            let tdocs = tdoc_cell(&tdoc_text)?;
            let decision = cell_text(row, decision_col);
            let location = row
                .cells
                .get(tdoc_col)
                .and_then(|cell| cell.blocks.first())
                .map(|block| block.location.clone());
            let lines = [title_col, source_col]
                .into_iter()
                .flat_map(|column| {
                    cell_text(row, column).lines().map(str::to_string).collect::<Vec<_>>()
                })
                .collect();
            Some(ContributionRow {
                location,
                lines,
                tdocs,
                tdoc_cell: tdoc_text,
                title: cell_text(row, title_col).replace('\n', " "),
                source: cell_text(row, source_col).replace('\n', " "),
                decision: (!decision.is_empty()).then_some(decision),
            })
        })
        .collect();
    let recognised = parsed.iter().filter(|r| r.is_some()).count();
    // A contribution table has ids in (nearly) every row; a header-less table needs them
    // in every row, so that prose tables that mention a Tdoc stay tables.
    let has_header = column(Role::Tdoc).is_some();
    if recognised > 0 && (recognised == parsed.len() || has_header) {
        return TableKind::Contributions(parsed.into_iter().flatten().collect());
    }
    TableKind::Other(
        table
            .rows
            .iter()
            .map(|row| row.cells.iter().map(|c| c.text()).collect())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use minutes_flow::{Block, Location};

    use super::*;

    fn table(rows: &[&[&str]]) -> Table {
        Table {
            rows: rows
                .iter()
                .map(|cells| {
                    Row::new(
                        cells
                            .iter()
                            .map(|text| {
                                Cell::new(
                                    text.split('\n')
                                        .map(|p| Block::paragraph(p, Location::Line(1)))
                                        .collect(),
                                )
                            })
                            .collect(),
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn d1_block_table_without_header() {
        let TableKind::Contributions(rows) = classify(&table(&[
            &["SEC-2015-0507/-0576", "Use case of PPM", "KDDI"],
            &["SEC-2015-0526", "TR-0019 Dynamic Authorization Scope", ""],
        ])) else {
            panic!("not contributions")
        };
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].tdocs.len(), 2);
        assert_eq!(rows[1].source, "");
    }

    #[test]
    fn a5_empty_rows_are_skipped() {
        let kind = classify(&table(&[
            &["", ""],
            &["SEC-2018-0055R02", "TS-0016 finalization CR", "Rapporteur (Gemalto)"],
        ]));
        assert!(matches!(kind, TableKind::Contributions(rows) if rows.len() == 1));
    }

    #[test]
    fn header_and_decision_column() {
        let TableKind::Contributions(rows) = classify(&table(&[
            &["Tdoc", "Source", "Title", "Decision"],
            &["ARC-2019-0100", "Acme", "A CR", "Agreed"],
            &["ARC-2019-0101", "Acme", "B CR", ""],
        ])) else {
            panic!("not contributions")
        };
        assert_eq!((rows[0].title.as_str(), rows[0].source.as_str()), ("A CR", "Acme"));
        assert_eq!(rows[0].decision.as_deref(), Some("Agreed"));
        assert_eq!(rows[1].decision, None);
    }

    #[test]
    fn h1_h3_action_table_with_multi_paragraph_cells() {
        let TableKind::Actions(rows) = classify(&table(&[
            &["REFERENCE", "WHAT", "WHO", "STATUS"],
            &[
                "A-33-2 (R3+)\n(supersedes A-26-7)",
                "Open issues:\nDeriving nodeID",
                "WG Chair",
                "CLOSED?",
            ],
        ])) else {
            panic!("not actions")
        };
        assert_eq!(rows[0].reference, "A-33-2 (R3+)\n(supersedes A-26-7)");
        assert_eq!(rows[0].what, "Open issues:\nDeriving nodeID");
        assert_eq!(rows[0].status, "CLOSED?");
    }

    #[test]
    fn prose_tables_stay_tables() {
        let kind =
            classify(&table(&[&["Meeting title:", "SEC17"], &["Chair:", "Francois"]]));
        assert!(matches!(kind, TableKind::Other(_)));
    }
}

//! What a table is: contribution list, action items, or something else (PATTERNS.md D, H).

use std::borrow::Cow;

use minutes_flow::{Block, BlockKind, Cell, Row, Span, Table};
use minutes_model::{leading_tdoc_spans, Scheme, TdocSpan};

use crate::{
    context::Context,
    decision::leading_ids_end,
    phrasebook::Phrasebook,
    text::{fold_spaces, label_key},
};

/// A table, recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TableKind<'a> {
    /// REFERENCE | WHAT | WHO | STATUS rows, and the header cells of those four columns
    /// as written (`Action ID`, `Description`, `Owner`, `Status`).
    Actions(Vec<ActionRow>, [String; 4]),
    /// Tdoc | Title | Source [| Decision] rows, and whether the table has a header row.
    Contributions { rows: Vec<ContributionRow<'a>>, header: bool },
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

/// One contribution row, borrowing the table where its cells need no cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ContributionRow<'a> {
    /// The Tdoc cell as written; the ids it starts with (two for `SEC-2015-0507/-0576`)
    /// are all it holds.
    pub tdoc_cell: Cow<'a, str>,
    /// The paragraphs of the title cell, one per line.
    title_lines: Cow<'a, str>,
    /// The paragraphs of the source cell, one per line.
    source_lines: Cow<'a, str>,
    /// The decision cell, when the table has one and it is not empty.
    pub decision: Option<Cow<'a, str>>,
    /// Where the row's Tdoc cell starts, when the reader knows.
    pub location: Option<&'a Span>,
    /// The cells of a Tdoc list's other columns, empty where the table has none.
    pub extra: RowExtra,
    /// The body whose ids count.
    body: Option<Scheme>,
}

/// The cells of a Tdoc list's columns beyond Tdoc, Title, Source and Decision.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RowExtra {
    pub agenda_item: String,
    pub doc_type: String,
    pub doc_for: String,
    pub release: String,
    pub work_item: String,
    pub comments: String,
    pub revision_of: String,
    pub revised_to: String,
    pub merge_of: String,
    pub merged_to: String,
}

impl<'a> ContributionRow<'a> {
    /// The ids of the Tdoc cell, each as written.
    pub(crate) fn tdocs(&self) -> impl Iterator<Item = TdocSpan<'_>> + Clone {
        leading_tdoc_spans(self.tdoc_cell.trim()).of_body(self.body)
    }

    /// The title cell on one line.
    pub(crate) fn title(&self) -> Cow<'_, str> {
        one_line(&self.title_lines)
    }

    /// The source cell on one line.
    pub(crate) fn source(&self) -> Cow<'_, str> {
        one_line(&self.source_lines)
    }

    /// The paragraphs of the title and source cells, one per line as written.
    pub(crate) fn lines(&self) -> impl Iterator<Item = &str> {
        self.title_lines.lines().chain(self.source_lines.lines())
    }
}

/// `text` with its line breaks made spaces.
fn one_line(text: &str) -> Cow<'_, str> {
    if text.contains('\n') {
        Cow::Owned(text.replace('\n', " "))
    } else {
        Cow::Borrowed(text)
    }
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
    /// Columns of a Tdoc list (3GPP's portal lists, TdocsByAgenda).
    AgendaItem,
    Type,
    DocFor,
    Release,
    WorkItem,
    Comments,
    RevisionOf,
    RevisedTo,
    MergeOf,
    MergedTo,
}

/// The roles in the order of the phrasebook's column lists (`ColumnWords::lists`).
const ROLES: [Role; 18] = [
    Role::Tdoc,
    Role::Title,
    Role::Source,
    Role::Decision,
    Role::Reference,
    Role::What,
    Role::Who,
    Role::Status,
    Role::AgendaItem,
    Role::Type,
    Role::DocFor,
    Role::Release,
    Role::WorkItem,
    Role::Comments,
    Role::RevisionOf,
    Role::RevisedTo,
    Role::MergeOf,
    Role::MergedTo,
];

/// The column a header cell names, by the phrasebook's `columns` words.
fn role(header: &str, book: &Phrasebook) -> Option<Role> {
    let key = label_key(header);
    book.columns()
        .lists()
        .into_iter()
        .zip(ROLES)
        .find(|((_, words), _)| words.contains(&key))
        .map(|(_, role)| role)
}

/// The text of a row's cell: its lines (see [`Cell::text`]) with spaces folded, empty ones
/// left out, joined by `\n`.
fn cell_text(row: &Row, column: Option<usize>) -> Cow<'_, str> {
    column.and_then(|c| row.cells.get(c)).map(folded_text).unwrap_or_default()
}

/// [`Cell::text`] line by line, each folded, the empty ones left out; borrowed from the
/// cell when it is one line needing no folding, as most are.
fn folded_text(cell: &Cell) -> Cow<'_, str> {
    let mut text = Cow::Borrowed("");
    push_blocks(&cell.blocks, &mut text);
    text
}

/// The lines of `blocks` as `Cell::text` collects them, onto `text`.
fn push_blocks<'a>(blocks: &'a [Block], text: &mut Cow<'a, str>) {
    for block in blocks {
        match &block.kind {
            BlockKind::Table(table) => {
                for cell in table.rows.iter().flat_map(|row| &row.cells) {
                    push_blocks(&cell.blocks, text);
                }
            }
            BlockKind::ListItem { text: item, label: Some(label), .. } => {
                let line = format!("{label} {}", item.trim());
                for piece in line.trim().split('\n') {
                    push_piece(Cow::Owned(fold_spaces(piece).into_owned()), text);
                }
            }
            _ => {
                for piece in block.text().unwrap_or_default().trim().split('\n') {
                    push_piece(fold_spaces(piece), text);
                }
            }
        }
    }
}

/// Appends a folded line, unless it is empty.
fn push_piece<'a>(piece: Cow<'a, str>, text: &mut Cow<'a, str>) {
    if piece.is_empty() {
        return;
    }
    if text.is_empty() {
        *text = piece;
    } else {
        let text = text.to_mut();
        text.push('\n');
        text.push_str(&piece);
    }
}

fn is_empty_row(row: &Row) -> bool {
    row.cells.iter().all(Cell::is_empty)
}

/// Returns true if and only if the whole of a Tdoc cell is ids.
fn is_tdoc_cell(text: &str, cx: Context<'_>) -> bool {
    let text = text.trim();
    leading_ids_end(text, cx)
        .is_some_and(|end| text.get(end..).is_some_and(|rest| rest.trim().is_empty()))
}

/// Recognises what `table` is.
pub(crate) fn classify<'t>(table: &'t Table, cx: Context<'_>) -> TableKind<'t> {
    let rows: Vec<&Row> = table.rows.iter().filter(|r| !is_empty_row(r)).collect();
    let header: Vec<Option<Role>> = rows
        .first()
        .map(|r| r.cells.iter().map(|c| role(&folded_text(c), cx.book)).collect())
        .unwrap_or_default();
    let column = |wanted: Role| header.iter().position(|r| *r == Some(wanted));
    let body = rows.get(1..).unwrap_or_default();

    if column(Role::Who).is_some()
        && (column(Role::What).is_some() || column(Role::Reference).is_some())
    {
        let reference = column(Role::Reference).or(Some(0));
        let owned = |row, column| cell_text(row, column).into_owned();
        let actions = body
            .iter()
            .map(|row| ActionRow {
                reference: owned(row, reference),
                what: owned(row, column(Role::What)),
                who: owned(row, column(Role::Who)),
                status: owned(row, column(Role::Status)),
            })
            .collect();
        let first = rows.first().copied();
        let header_cell =
            |column| first.map(|r| cell_text(r, column).into_owned()).unwrap_or_default();
        let header = [
            header_cell(reference),
            header_cell(column(Role::What)),
            header_cell(column(Role::Who)),
            header_cell(column(Role::Status)),
        ];
        return TableKind::Actions(actions, header);
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
                        && cx.book.status_prefix(&cell_text(r, Some(3))).is_some()
                })
                .then_some(3);
            (0, Some(1), Some(2), decision, rows.as_slice())
        }
    };
    let extra_columns = header.iter().flatten().any(|role| {
        matches!(
            role,
            Role::AgendaItem
                | Role::Type
                | Role::DocFor
                | Role::Release
                | Role::WorkItem
                | Role::Comments
                | Role::RevisionOf
                | Role::RevisedTo
                | Role::MergeOf
                | Role::MergedTo
        )
    });
    let row_extra = |row: &Row| {
        let text = |role: Role| {
            let text = cell_text(row, column(role)).replace('\n', " ");
            // `-` is how Tdoc lists write an empty cell.
            if text.trim() == "-" {
                String::new()
            } else {
                text
            }
        };
        RowExtra {
            agenda_item: text(Role::AgendaItem),
            doc_type: text(Role::Type),
            doc_for: text(Role::DocFor),
            release: text(Role::Release),
            work_item: text(Role::WorkItem),
            comments: text(Role::Comments),
            revision_of: text(Role::RevisionOf),
            revised_to: text(Role::RevisedTo),
            merge_of: text(Role::MergeOf),
            merged_to: text(Role::MergedTo),
        }
    };
    let mut recognised = Vec::with_capacity(data.len());
    for row in data {
        let tdoc_text = cell_text(row, Some(tdoc_col));
        if !is_tdoc_cell(&tdoc_text, cx) {
            continue;
        }
        let decision = cell_text(row, decision_col);
        recognised.push(ContributionRow {
            location: row
                .cells
                .get(tdoc_col)
                .and_then(|cell| cell.blocks.first())
                .map(|block| &block.location),
            tdoc_cell: tdoc_text,
            title_lines: cell_text(row, title_col),
            source_lines: cell_text(row, source_col),
            decision: (!decision.is_empty()).then_some(decision),
            extra: if extra_columns { row_extra(row) } else { RowExtra::default() },
            body: cx.body,
        });
    }
    // A contribution table has ids in (nearly) every row; a header-less table needs them
    // in every row, so that prose tables that mention a Tdoc stay tables.
    let has_header = column(Role::Tdoc).is_some();
    if !recognised.is_empty() && (recognised.len() == data.len() || has_header) {
        // The header is the first row shown, after any empty rows.
        let header = has_header && table.rows.first().is_some_and(|r| !is_empty_row(r));
        return TableKind::Contributions { rows: recognised, header };
    }
    TableKind::Other(cell_texts(table))
}

/// Every row of `table` as its cells' texts (see [`Cell::text`]).
pub(crate) fn cell_texts(table: &Table) -> Vec<Vec<String>> {
    table.rows.iter().map(|row| row.cells.iter().map(Cell::text).collect()).collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    /// Classifies a table of the given cell texts; rows come back owned, as the table
    /// they borrow from is dropped.
    fn classified(rows: &[&[&str]]) -> TableKind<'static> {
        match classify(&table(rows), Context::builtin()) {
            TableKind::Contributions { rows, header } => TableKind::Contributions {
                rows: rows
                    .into_iter()
                    .map(|row| ContributionRow {
                        tdoc_cell: row.tdoc_cell.into_owned().into(),
                        title_lines: row.title_lines.into_owned().into(),
                        source_lines: row.source_lines.into_owned().into(),
                        decision: row.decision.map(|d| d.into_owned().into()),
                        location: None,
                        extra: row.extra,
                        body: row.body,
                    })
                    .collect(),
                header,
            },
            TableKind::Actions(rows, header) => TableKind::Actions(rows, header),
            TableKind::Other(rows) => TableKind::Other(rows),
        }
    }

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
                                        .map(|p| Block::paragraph(p, Span::Line(1)))
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
        let TableKind::Contributions { rows, .. } = classified(&[
            &["SEC-2015-0507/-0576", "Use case of PPM", "KDDI"],
            &["SEC-2015-0526", "TR-0019 Dynamic Authorization Scope", ""],
        ]) else {
            panic!("not contributions")
        };
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].tdocs().count(), 2);
        assert_eq!(rows[1].source(), "");
    }

    #[test]
    fn a5_empty_rows_are_skipped() {
        let kind = classified(&[
            &["", ""],
            &["SEC-2018-0055R02", "TS-0016 finalization CR", "Rapporteur (Gemalto)"],
        ]);
        assert!(matches!(kind, TableKind::Contributions { rows, .. } if rows.len() == 1));
    }

    #[test]
    fn header_and_decision_column() {
        let TableKind::Contributions { rows, .. } = classified(&[
            &["Tdoc", "Source", "Title", "Decision"],
            &["ARC-2019-0100", "Acme", "A CR", "Agreed"],
            &["ARC-2019-0101", "Acme", "B CR", ""],
        ]) else {
            panic!("not contributions")
        };
        assert_eq!((&*rows[0].title(), &*rows[0].source()), ("A CR", "Acme"));
        assert_eq!(rows[0].decision.as_deref(), Some("Agreed"));
        assert_eq!(rows[1].decision, None);
    }

    #[test]
    fn h1_h3_action_table_with_multi_paragraph_cells() {
        let TableKind::Actions(rows, _) = classified(&[
            &["REFERENCE", "WHAT", "WHO", "STATUS"],
            &[
                "A-33-2 (R3+)\n(supersedes A-26-7)",
                "Open issues:\nDeriving nodeID",
                "WG Chair",
                "CLOSED?",
            ],
        ]) else {
            panic!("not actions")
        };
        assert_eq!(rows[0].reference, "A-33-2 (R3+)\n(supersedes A-26-7)");
        assert_eq!(rows[0].what, "Open issues:\nDeriving nodeID");
        assert_eq!(rows[0].status, "CLOSED?");
    }

    /// The former `cell_text`, built on `Cell::text`.
    fn former_cell_text(cell: &Cell) -> String {
        cell.text()
            .lines()
            .map(fold_spaces)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn block_text() -> impl Strategy<Value = String> {
        "[ a\\t\\n\\r\u{a0}é.]{0,10}"
    }

    /// Cells of paragraphs, labelled and unlabelled list items and nested tables.
    fn cell() -> impl Strategy<Value = Cell> {
        let leaf = prop_oneof![
            block_text().prop_map(|t| Block::paragraph(t, Span::Line(1))),
            (block_text(), proptest::option::of("[ 1a.]{0,3}")).prop_map(
                |(text, label)| {
                    Block {
                        kind: BlockKind::ListItem { level: 1, text, label },
                        location: Span::Line(1),
                    }
                }
            ),
        ];
        let blocks = leaf.prop_recursive(2, 12, 3, |inner| {
            proptest::collection::vec(proptest::collection::vec(inner, 0..3), 0..3)
                .prop_map(|cells| {
                    let rows = cells
                        .into_iter()
                        .map(|blocks| Row::new(vec![Cell::new(blocks)]))
                        .collect();
                    Block::table(rows, Span::Line(1))
                })
        });
        proptest::collection::vec(blocks, 0..4).prop_map(Cell::new)
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn folded_text_is_the_former_cell_text(cell in cell()) {
            prop_assert_eq!(folded_text(&cell), former_cell_text(&cell));
        }
    }

    #[test]
    fn column_examples() {
        let book = crate::phrasebook::builtin();
        let names = book.columns().lists().map(|(name, _)| name);
        assert!(!book.column_examples().is_empty());
        for example in book.column_examples() {
            let found = role(&example.header, book)
                .and_then(|role| {
                    let index = ROLES.iter().position(|r| *r == role)?;
                    names.get(index).copied()
                })
                .unwrap_or_default();
            assert_eq!(found, example.column, "{}", example.header);
        }
        // A header word names one column.
        let mut seen = std::collections::HashSet::new();
        for (name, words) in book.columns().lists() {
            for word in words {
                assert!(seen.insert(word.clone()), "`{word}` ({name}) names two columns");
            }
        }
    }

    #[test]
    fn prose_tables_stay_tables() {
        let kind = classified(&[&["Meeting title:", "SEC17"], &["Chair:", "Francois"]]);
        assert!(matches!(kind, TableKind::Other(_)));
    }
}

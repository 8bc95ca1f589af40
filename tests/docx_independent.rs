//! An independent reader (docx-rs, used in tests only) sees in our official DOCX every
//! decision line, every contribution id and the cover values: nothing of the minutes exists
//! only for our own reader.

use docx_rs::{DocumentChild, TableCellContent, TableChild, TableRowChild};
use minutes_tests::{load, text_drafts};
use minutes_write::{write_docx, DocxWriteOptions, Template};

/// Paragraph texts, table cells included.
fn texts(children: &[DocumentChild], out: &mut Vec<String>) {
    for child in children {
        match child {
            DocumentChild::Paragraph(p) => out.push(p.raw_text()),
            DocumentChild::Table(table) => {
                for TableChild::TableRow(row) in &table.rows {
                    for TableRowChild::TableCell(cell) in &row.cells {
                        for content in &cell.children {
                            if let TableCellContent::Paragraph(p) = content {
                                out.push(p.raw_text());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

#[test]
fn docx_rs_sees_decisions_contributions_and_cover() {
    for draft in text_drafts() {
        let meeting = load(&draft);
        let bytes =
            write_docx(&meeting, &Template::builtin(), &DocxWriteOptions::default())
                .unwrap();
        let docx = docx_rs::read_docx(&bytes)
            .unwrap_or_else(|e| panic!("docx-rs cannot read {}: {e}", draft.display()));
        let mut seen = Vec::new();
        texts(&docx.document.children, &mut seen);
        let name = draft.display();
        for (_, decision) in meeting.decisions() {
            assert!(
                seen.iter().any(|t| t.trim() == decision.as_written.trim()),
                "{name}: `{}` not seen",
                decision.as_written
            );
        }
        for (_, contribution) in meeting.all_contributions() {
            // The table is written as the draft had it: the id as written is in a cell.
            let id = contribution.tdoc.to_string();
            let written = contribution.tdoc_as_written.trim();
            assert!(
                seen.iter()
                    .any(|t| t.trim() == id
                        || (!written.is_empty() && t.contains(written))),
                "{name}: {id} not in a table cell"
            );
        }
        for value in [&meeting.cover.title, &meeting.cover.chair, &meeting.cover.date]
            .into_iter()
            .flatten()
        {
            assert!(
                seen.iter().any(|t| t.trim() == value),
                "{name}: cover value `{value}` not seen"
            );
        }
    }
}

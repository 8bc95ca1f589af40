//! An independent reader (docx-rs, used in tests only) sees in our official DOCX every
//! decision line, every contribution id and the cover values: nothing of the minutes exists
//! only for our own reader.

use docx_rs::{DocumentChild, TableCellContent, TableChild, TableRowChild};
use minutes_tests::{load, project_dir, shared_dir};
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
    let mut drafts: Vec<std::path::PathBuf> =
        std::fs::read_dir(project_dir().join("samples"))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
    drafts.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    if let Some(shared) = shared_dir() {
        drafts.push(shared.join("seeds/sec17-sapporo-2015.txt"));
        drafts.push(shared.join("seeds/sec35-sophia-2018.txt"));
    }
    for draft in drafts {
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
            let id = contribution.tdoc.to_string();
            assert!(
                seen.iter().any(|t| t.trim() == id),
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

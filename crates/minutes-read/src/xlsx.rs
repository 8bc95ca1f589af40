//! XLSX reader: the sheets of a workbook (Tdoc lists, contribution lists) as tables.
//!
//! calamine reads the workbook. Kept: every sheet with a non-empty cell, in workbook order,
//! as one table of its used range (each row with its cells as Excel shows their values:
//! numbers without a trailing `.0`, dates as `YYYY-MM-DD`, formulas' cached results);
//! wholly empty rows are left out. Dropped: formatting, comments, charts and images, and
//! sheets without a value. Which table is a Tdoc list is the recogniser's question, not
//! the reader's. Locations are sheet rows (`row 5 of Sheet1`).

use std::{io::Cursor, sync::Arc};

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use minutes_flow::{
    normalise_inline_owned, Block, Cell, Diagnostic, Flow, Row, Span, Warned,
};
use minutes_ooxml::{Limits, Package};

use crate::{Error, Result};

/// Reads an XLSX workbook into a Flow of one table per non-empty sheet.
///
/// # Errors
/// The bytes are not a workbook calamine can open (not a zip, no `xl/workbook.xml`,
/// malformed XML).
pub fn read_xlsx(bytes: &[u8]) -> Result<Warned<Flow>> {
    check_limits(bytes, Limits::default())?;
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|err| Error::package(format!("not a readable XLSX workbook: {err}")))?;
    let mut blocks = Vec::new();
    let mut warnings = Vec::new();
    for name in workbook.sheet_names() {
        let range = match workbook.worksheet_range(&name) {
            Ok(range) => range,
            Err(err) => {
                // One unreadable sheet (a chart sheet, a damaged part) does not hide the
                // others.
                let sheet: Arc<str> = name.as_str().into();
                warnings.push(Diagnostic::warning(
                    Span::Row { sheet, row: 1 },
                    format!("sheet `{name}` cannot be read: {err}"),
                ));
                continue;
            }
        };
        let Some((first_row, _)) = range.start() else { continue };
        let sheet: Arc<str> = name.as_str().into();
        let location = |index: usize| Span::Row {
            sheet: Arc::clone(&sheet),
            row: u32::try_from(index)
                .unwrap_or(u32::MAX)
                .saturating_add(first_row)
                .saturating_add(1),
        };
        let mut rows = Vec::new();
        for (index, cells) in range.rows().enumerate() {
            if cells.iter().all(|cell| cell_text(cell).trim().is_empty()) {
                continue;
            }
            let at = location(index);
            rows.push(Row::new(
                cells
                    .iter()
                    .map(|cell| {
                        let text = cell_text(cell);
                        if text.trim().is_empty() {
                            Cell::default()
                        } else {
                            Cell::new(vec![Block::paragraph(text, at.clone())])
                        }
                    })
                    .collect(),
            ));
        }
        if !rows.is_empty() {
            blocks.push(Block::table(rows, location(0)));
        }
    }
    Ok(Warned { output: Flow::new(blocks), warnings })
}

/// Inflates every part once under the package limits the DOCX reader has (entries, part
/// and total sizes, counted while inflating): calamine trusts the archive, so a zip bomb
/// is refused here before it reaches it.
fn check_limits(bytes: &[u8], limits: Limits) -> Result<()> {
    let mut package = Package::open(bytes, limits)
        .map_err(|err| Error::package(format!("not a readable XLSX workbook: {err}")))?;
    for name in package.part_names() {
        package.read_part(&name)?;
    }
    Ok(())
}

/// A cell's value as Excel displays it by default.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::DateTime(date) if date.is_datetime() => excel_date(date.as_f64()),
        Data::String(text) => normalise_inline_owned(text.trim().to_string()),
        other => other.to_string(),
    }
}

/// An Excel date serial (days since 1899-12-30, the 1900 system's epoch as Excel counts
/// it) as `YYYY-MM-DD`, with `HH:MM` when it has a time of day.
fn excel_date(serial: f64) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return serial.to_string();
    }
    // Bounded above, so the casts are exact.
    #[allow(clippy::cast_possible_truncation)]
    let days = serial.floor() as i64;
    #[allow(clippy::cast_possible_truncation)]
    let minutes = ((serial - serial.floor()) * 1440.0).round() as i64;
    // Howard Hinnant's days-to-civil, from 1970-01-01 (serial 25569).
    let z = days - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    if minutes == 0 {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02} {:02}:{:02}", minutes / 60, minutes % 60)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use std::io::Write;

    use minutes_flow::BlockKind;
    use pretty_assertions::assert_eq;

    use super::*;

    /// A minimal workbook: one sheet of inline strings and numbers.
    pub(crate) fn workbook(sheet_rows: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        let parts = [
            ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
            ("_rels/.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
            ("xl/workbook.xml", r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Tdocs" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
            ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
            ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_rows}</sheetData></worksheet>"#)),
        ];
        for (name, content) in parts {
            zip.start_file(name, options).unwrap();
            zip.write_all(content.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn text_cell(reference: &str, text: &str) -> String {
        format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
    }

    #[test]
    fn sheet_becomes_a_table_with_row_locations() {
        let rows = format!(
            r#"<row r="2">{}{}{}</row><row r="3"></row><row r="4">{}<c r="B4"><v>6.1</v></c>{}</row>"#,
            text_cell("A2", "Tdoc"),
            text_cell("B2", "Agenda item"),
            text_cell("C2", "Title"),
            text_cell("A4", "SEC-2018-0131"),
            text_cell("C4", "Access control"),
        );
        let flow = read_xlsx(&workbook(&rows)).unwrap();
        assert!(flow.warnings.is_empty());
        let [block] = flow.output.blocks.as_slice() else { panic!("{:?}", flow.output) };
        assert_eq!(block.location.to_string(), "row 2 of Tdocs");
        let BlockKind::Table(table) = &block.kind else { panic!() };
        let texts: Vec<Vec<String>> =
            table.rows.iter().map(|r| r.cells.iter().map(Cell::text).collect()).collect();
        assert_eq!(
            texts,
            vec![
                vec!["Tdoc", "Agenda item", "Title"],
                vec!["SEC-2018-0131", "6.1", "Access control"]
            ]
        );
        let cell = &table.rows[1].cells[0].blocks[0];
        assert_eq!(cell.location.to_string(), "row 4 of Tdocs");
    }

    #[test]
    fn not_a_workbook_is_an_error() {
        let err = read_xlsx(b"PK\x05\x06").unwrap_err();
        assert!(err.to_string().starts_with("not a readable XLSX workbook"), "{err}");
        let err = read_xlsx(b"PK\x03\x04 truncated").unwrap_err();
        assert!(err.to_string().starts_with("not a readable XLSX workbook"), "{err}");
    }

    #[test]
    fn zip_bombs_are_refused_while_inflating() {
        let big = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>".repeat(10_000);
        let limits = Limits { max_part_size: 100_000, ..Limits::default() };
        let err = check_limits(&workbook(&big), limits).unwrap_err();
        assert!(err.to_string().contains("inflates past the limit"), "{err}");
    }

    #[test]
    fn dates_print_as_excel_shows_them() {
        assert_eq!(excel_date(43_224.0), "2018-05-04");
        assert_eq!(excel_date(43_224.5), "2018-05-04 12:00");
        assert_eq!(excel_date(60.0), "1900-02-28");
    }
}

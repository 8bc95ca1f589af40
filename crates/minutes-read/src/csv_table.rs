//! CSV reader: a comma-separated list (a contributions list, a portal export) as one table.

use minutes_flow::{normalise_inline, Block, Cell, Diagnostic, Flow, Row, Span, Warned};

use crate::{text::decode_text, Error, Result};

/// Reads a CSV file into a Flow of one table, a row per record (the header is the first
/// row), fields trimmed. Decoded as text drafts are: a UTF-8 or UTF-16 BOM, else UTF-8,
/// else Windows-1252 (what Excel writes for "CSV" in Western Europe). Records may differ
/// in length and span lines (quoted fields); each cell points at the line its record
/// starts on.
///
/// # Errors
/// A record the CSV parser cannot read.
pub fn read_csv(bytes: &[u8]) -> Result<Warned<Flow>> {
    let decoded = decode_text(bytes);
    let mut warnings = Vec::new();
    if let Some(note) = decoded.note {
        warnings.push(Diagnostic::note(Span::Line(1), note));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(decoded.text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record
            .map_err(|err| Error::package(format!("not a readable CSV list: {err}")))?;
        let line = record.position().map_or(0, csv::Position::line);
        let location = Span::Line(u32::try_from(line).unwrap_or(u32::MAX));
        let cells = record
            .iter()
            .map(|field| {
                if field.is_empty() {
                    Cell::default()
                } else {
                    Cell::new(vec![Block::paragraph(
                        normalise_inline(field),
                        location.clone(),
                    )])
                }
            })
            .collect();
        rows.push(Row::new(cells));
    }
    let blocks = if rows.is_empty() {
        Vec::new()
    } else {
        vec![Block::table(rows, Span::Line(1))]
    };
    Ok(Warned { output: Flow::new(blocks), warnings })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use minutes_flow::BlockKind;
    use pretty_assertions::assert_eq;

    use super::*;

    fn cells(bytes: &[u8]) -> Vec<Vec<(String, Option<u32>)>> {
        let flow = read_csv(bytes).unwrap().output;
        let BlockKind::Table(table) = &flow.blocks[0].kind else { panic!() };
        table
            .rows
            .iter()
            .map(|row| {
                row.cells
                    .iter()
                    .map(|c| (c.text(), c.blocks.first().and_then(|b| b.location.line())))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn records_with_lines_and_encodings() {
        let list = b"Tdoc, Title\nSEC-1,\"two\nlines\"\nSEC-2,R\xE9sum\xE9\n";
        assert_eq!(
            cells(list),
            vec![
                vec![("Tdoc".into(), Some(1)), ("Title".into(), Some(1))],
                vec![("SEC-1".into(), Some(2)), ("two\nlines".into(), Some(2))],
                vec![("SEC-2".into(), Some(4)), ("Résumé".into(), Some(4))],
            ]
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Tdoc\nSEC-1\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(cells(&utf16)[1][0].0, "SEC-1");
        assert!(read_csv(b"").unwrap().output.blocks.is_empty());
    }
}

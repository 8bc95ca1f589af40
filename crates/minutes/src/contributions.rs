//! Contributions lists for `agenda --contributions`: read by the readers, recognised by
//! the recogniser, handed to the agenda writer as typed rows.

use std::path::Path;

use minutes_model::ListedContribution;
use minutes_read::read_csv;
use minutes_recognise::contribution_list;

use crate::{load::read_format, sniff_named, Error, ErrorKind, InputFormat, Result};

/// Reads a contributions list and returns its rows. The list is a table in any format a
/// draft can be (XLSX, HTML such as Excel's export, DOCX, Markdown); text is CSV, decoded
/// as text drafts are (UTF-8, UTF-16 with BOM, Windows-1252). `name` lets a `.md` file be
/// Markdown, as for drafts.
///
/// # Errors
/// The file cannot be read in its format, or holds no table with Tdoc and agenda-item
/// columns, or a Tdoc cell that is not a Tdoc number ([`ErrorKind::List`]).
pub fn load_contributions(
    bytes: &[u8],
    name: Option<&Path>,
) -> Result<Vec<ListedContribution>> {
    // Text is a CSV list here, not a text draft; every other format reads as drafts do.
    let flow = match sniff_named(bytes, name)? {
        InputFormat::Text => read_csv(bytes)?,
        format => read_format(bytes, format)?,
    };
    contribution_list(&flow.output).map_err(|err| Error::new(ErrorKind::List(err)))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    #[test]
    fn csv_in_windows_1252() {
        let csv = b"Tdoc,Agenda item,Title\nSEC-2018-0131,6.2,R\xE9sum\xE9\n";
        let rows = load_contributions(csv, None).unwrap();
        assert_eq!(rows[0].contribution.title, "Résumé");
        assert_eq!(rows[0].contribution.location, minutes_model::Span::Line(2));
        let err =
            load_contributions(b"Tdoc,Agenda item\nnonsense,6\n", None).unwrap_err();
        assert_eq!(err.to_string(), "line 2: `nonsense` is not a Tdoc number");
    }

    #[test]
    #[cfg(feature = "html")]
    fn html_table() {
        let html = b"<!DOCTYPE html><table><tr><th>TD#</th><th>AI</th><th>Title</th></tr><tr><td>-</td><td>6</td><td>Item</td></tr>\n<tr><td>SEC-2018-0131</td><td>6.2</td><td>x</td></tr></table>";
        let rows = load_contributions(html, None).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(
            (rows[0].agenda_item.as_str(), rows[0].contribution.location.to_string()),
            ("6.2", "line 2".to_string())
        );
    }
}

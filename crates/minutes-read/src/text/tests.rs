//! Text reader tests: one per export convention of PATTERNS.md.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use minutes_flow::{render_flow, BlockKind};
use pretty_assertions::assert_eq;

use super::*;

fn flow(text: &str) -> String {
    render_flow(&read_text(text.as_bytes()).output)
}

// A1: no trailing newline, last line a lone space; CRLF and CR line ends.
#[test]
fn line_ends_and_trailing_space() {
    assert_eq!(flow("1\nOpening\nText \n "), "# 1 Opening\nText\n");
    assert_eq!(flow("1\r\nOpening\r\nText\r\n"), "# 1 Opening\nText\n");
    assert_eq!(flow("1\rOpening\rText"), "# 1 Opening\nText\n");
}

// C1–C4: number line then title, blank line between, same line, spaces around.
#[test]
fn numbered_headings() {
    let text = " 1\nOpening of the meeting\n2\n\nReview\n6.0 \nBaselines\n\n6.1\n\nContributions\n6.2 Other Contributions\n";
    assert_eq!(
        flow(text.replace("6.0", "2.0").replace("6.1", "2.1").replace("6.2", "2.2").as_str()),
        "# 1 Opening of the meeting\n## 2 Review\n## 2.0 Baselines\n## 2.1 Contributions\n## 2.2 Other Contributions\n"
            .replacen("## 2 Review", "# 2 Review", 1)
    );
}

// A line of control characters only is blank: it is no heading title, and the title is
// the next real line (fuzzing regression roundtrip-11).
#[test]
fn control_character_lines_are_blank() {
    assert_eq!(flow("1\n\u{1}\u{2}\nAgenda\n"), "# 1 Agenda\n");
    assert_eq!(flow("Text\n\u{7}\n"), "Text\n");
}

// C7: a dotted number inside a cell, or out of sequence, is no heading.
#[test]
fn numbers_out_of_sequence_are_text() {
    assert_eq!(
        flow("1\nOpening\n5 Participants attended\n3\n"),
        "# 1 Opening\n5 Participants attended\n3\n"
    );
}

// A3/A4/A5: cells, continuation paragraphs, blank lines inside cells, empty cells.
#[test]
fn tables_count_cells_per_row() {
    let text = "\tREFERENCE\n\tWHAT\n\tWHO\n\tSTATUS\n\n\tA-33-2 (R3+)\n\n(supersedes A-26-7)\n\tOpen issues:\n\n· first\n\n· second\n\tWG Chair\n\tCLOSED?\n\n\tA-34-1\n\tReduce duplication\n\t\n\tOPEN\n\nSee ARC-2018-0114\n";
    assert_eq!(
        flow(text),
        "| REFERENCE\tWHAT\tWHO\tSTATUS\n| A-33-2 (R3+) / (supersedes A-26-7)\tOpen issues: / first / second\tWG Chair\tCLOSED?\n| A-34-1\tReduce duplication\t\tOPEN\nSee ARC-2018-0114\n"
    );
}

// D2/F15: a one-row table right after a decision line, text right after the table.
#[test]
fn one_row_tables_between_paragraphs() {
    let text = "SEC-2018-0055R04 was AGREED\n\tSEC-2018-0060R01\n\tLinkDeviceConfigWithSaef_R2\n\tC-DOT\n\n\nPresented by Preeti\n";
    assert_eq!(
        flow(text),
        "SEC-2018-0055R04 was AGREED\n| SEC-2018-0060R01\tLinkDeviceConfigWithSaef_R2\tC-DOT\nPresented by Preeti\n"
    );
}

// A2/B6: a header line with space+TAB directly followed by the first heading.
#[test]
fn header_cell_then_heading() {
    assert_eq!(
        flow(" \tFace to Face meeting\n 1\nOpening\n"),
        "| Face to Face meeting\n# 1 Opening\n"
    );
}

// A6/I1: bullets with `·`, and `•` alone with the text on the next line.
#[test]
fn bullets() {
    let text =
        "· Updates were made\n•\nSEC#17.1:      June 11, 2015\n\n•\n\nSEC#17.2: July\n";
    assert_eq!(
        flow(text),
        "- Updates were made\n- SEC#17.1:      June 11, 2015\n- SEC#17.2: July\n"
    );
}

// B1/B2/A10: the cover table with a label split over paragraphs and lost checkboxes.
#[test]
fn cover_table() {
    let text = " \tMinutes\n\n\tMeeting title:\n\tSEC17 Meeting\n\n\tIntended purpose of\n\ndocument:\n\t Decision\n\n Discussion\n\n\noneM2M Notice\n";
    assert_eq!(
        flow(text),
        "| Minutes\n| Meeting title:\tSEC17 Meeting\n| Intended purpose of / document:\tDecision\nDiscussion\noneM2M Notice\n"
    );
}

// Encodings reach the blocks: UTF-16 with BOM and Windows-1252.
#[test]
fn encodings() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("1\nOpening\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(render_flow(&read_text(&utf16).output), "# 1 Opening\n");
    let cp1252 = read_text(b"Fran\xE7ois");
    assert_eq!(render_flow(&cp1252.output), "François\n");
    assert_eq!(cp1252.warnings.len(), 1);
}

// Locations are 1-based source lines; a heading sits on its number line.
#[test]
fn locations() {
    let flow = read_text(b"\n1\n\nOpening\ntext").output;
    assert_eq!(flow.blocks[0].location, Span::Line(2));
    assert_eq!(flow.blocks[1].location, Span::Line(5));
    assert!(matches!(flow.blocks[0].kind, BlockKind::Heading { level: 1, .. }));
}

proptest::proptest! {
    // The reader never panics, whatever the bytes.
    #[test]
    fn never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2048)) {
        let _ = read_text(&bytes);
    }

    // Text made of the structural characters the reader cares about never panics either.
    #[test]
    fn never_panics_on_structure(text in "[\t \n\r·•1-9.a-zA-Z]{0,400}") {
        let _ = read_text(text.as_bytes());
    }
}

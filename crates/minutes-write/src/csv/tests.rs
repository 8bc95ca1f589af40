//! CSV writer tests: columns, quoting, Excel conventions, status maps, all documents.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use minutes_model::{Block, Contribution, Decision, Meeting, Section, Status, Tdoc};
use pretty_assertions::assert_eq;

use super::*;

fn tdoc(text: &str) -> Tdoc {
    text.parse().unwrap()
}

fn decision(id: &str, status: Status, line: u32) -> Block {
    Block::Decision(Decision {
        in_table: false,
        tdoc: tdoc(id),
        tdoc_as_written: id.to_string(),
        status,
        status_as_written: status.as_str().to_uppercase(),
        title: None,
        comment: None,
        as_written: format!("{} - {id}", status.as_str().to_uppercase()),
        location: minutes_model::Span::Line(line),
        links: Default::default(),
    })
}

fn meeting() -> Meeting {
    Meeting {
        sections: vec![Section {
            number: "6.3".into(),
            title: "Other".into(),
            contributions: vec![
                Contribution {
                    tdoc: tdoc("SEC-2015-0517R01"),
                    tdoc_as_written: "SEC-2015-0517R01".into(),
                    title: "Title, with \"quotes\"\nand a line break".into(),
                    source: "Giesecke & Devrient, Gemalto".into(),
                    location: "line 94".into(),
                },
                Contribution {
                    tdoc: tdoc("SEC-2015-0528"),
                    tdoc_as_written: "SEC-2015-0528".into(),
                    title: "Undecided".into(),
                    source: "KT".into(),
                    location: "line 98".into(),
                },
            ],
            blocks: vec![
                decision("SEC-2015-0517R03", Status::Noted, 140),
                decision("SEC-2015-0517R05", Status::Agreed, 142),
                decision("TP-2015-0685", Status::DispensationToTp, 363),
            ],
            ..Section::default()
        }],
        ..Meeting::default()
    }
}

fn csv_text(options: &CsvOptions) -> String {
    let mut out = Vec::new();
    write_dispositions(&meeting(), options, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn default_columns_quoting_and_revision_links() {
    assert_eq!(
        csv_text(&CsvOptions::default()),
        "Tdoc,Title,Source,Agenda item,Status,Revision of,Revised to,Comment\n\
         SEC-2015-0517R03,\"Title, with \"\"quotes\"\"\nand a line break\",\"Giesecke & Devrient, Gemalto\",6.3,Noted,,SEC-2015-0517R05,\n\
         SEC-2015-0517R05,\"Title, with \"\"quotes\"\"\nand a line break\",\"Giesecke & Devrient, Gemalto\",6.3,Agreed,SEC-2015-0517R03,,\n\
         TP-2015-0685,,,6.3,Dispensation to TP,,,\n"
    );
}

#[test]
fn excel_has_bom_and_crlf() {
    let text = csv_text(&CsvOptions {
        excel: true,
        columns: vec![Column::Tdoc],
        ..CsvOptions::default()
    });
    assert_eq!(
        text,
        "\u{feff}Tdoc\r\nSEC-2015-0517R03\r\nSEC-2015-0517R05\r\nTP-2015-0685\r\n"
    );
}

#[test]
fn columns_select_and_order() {
    let columns = Column::parse_list("status, tdoc,location").unwrap();
    let text = csv_text(&CsvOptions { columns, ..CsvOptions::default() });
    assert_eq!(text.lines().nth(1), Some("Noted,SEC-2015-0517R03,line 140"));
    assert!(Column::parse_list("tdoc,nonsense")
        .unwrap_err()
        .contains("unknown column `nonsense`"));
}

#[test]
fn all_documents_adds_undecided_contributions() {
    let options = CsvOptions {
        all_documents: true,
        columns: vec![Column::Tdoc, Column::Status],
        ..CsvOptions::default()
    };
    assert_eq!(csv_text(&options).lines().last(), Some("SEC-2015-0528,"));
}

#[test]
fn status_map_changes_only_mapped_statuses() {
    let mut map = StatusMap::default();
    map.insert(Status::DispensationToTp, false, "Not handled");
    map.insert(Status::Noted, true, "Revised");
    let options = CsvOptions {
        status_map: Some(map),
        columns: vec![Column::Status],
        ..CsvOptions::default()
    };
    assert_eq!(csv_text(&options), "Status\nRevised\nAgreed\nNot handled\n");
    let mut csv_map = StatusMap::default();
    csv_map.insert(Status::Agreed, false, "Approved");
    let options = CsvOptions {
        status_map: Some(csv_map),
        columns: vec![Column::Status],
        ..CsvOptions::default()
    };
    assert_eq!(csv_text(&options), "Status\nNoted\nApproved\nDispensation to TP\n");
}

// Issue 13: with --excel the agenda item stays text in Excel (`6.10`, not 6.1).
#[test]
fn excel_keeps_agenda_items_as_text() {
    assert_eq!(super::excel_text("6.10"), "=\"6.10\"");
    assert_eq!(super::excel_text("5"), "=\"5\"");
    assert_eq!(super::excel_text("A.1"), "A.1");
    assert_eq!(super::excel_text(""), "");
}

//! Agenda tests: what an agenda keeps and drops, the next meeting's agenda, allocation of a
//! contributions list.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use minutes_model::{ActionItem, Contribution, Decision, Meeting, NextMeeting, Status};
use pretty_assertions::assert_eq;

use super::*;

fn contribution(id: &str) -> Contribution {
    Contribution {
        tdoc: id.parse().unwrap(),
        tdoc_as_written: id.into(),
        title: format!("Title of {id}"),
        source: "Acme".into(),
        location: Span::Unknown,
    }
}

fn action(reference: &str, status: &str) -> ActionItem {
    ActionItem {
        reference: reference.into(),
        what: "x".into(),
        who: "All".into(),
        status: status.into(),
        location: Span::Unknown,
    }
}

fn minutes() -> Meeting {
    Meeting {
        sections: vec![
            Section {
                number: "2".into(),
                title: "Review of Agenda".into(),
                contributions: vec![contribution("SEC-2018-0061R02")],
                ..Section::default()
            },
            Section {
                number: "6".into(),
                title: "Contributions".into(),
                sections: vec![Section {
                    number: "6.1".into(),
                    title: "TS-0003".into(),
                    contributions: vec![contribution("SEC-2018-0055R02")],
                    blocks: vec![Block::Decision(Decision {
                        in_table: false,
                        tdoc: "SEC-2018-0055R02".parse().unwrap(),
                        tdoc_as_written: "SEC-2018-0055R02".into(),
                        status: Status::Noted,
                        status_as_written: "NOTED".into(),
                        title: None,
                        comment: None,
                        as_written: "SEC-2018-0055R02 was NOTED".into(),
                        location: Span::Unknown,
                        links: Default::default(),
                    })],
                    ..Section::default()
                }],
                ..Section::default()
            },
        ],
        action_items: vec![
            action("A-1", "OPEN"),
            action("A-2", "Complete "),
            action("A-3", "CLOSED?"),
            action("A-4", "closed"),
        ],
        next_meetings: vec![
            NextMeeting {
                name: "SEC35.1".into(),
                when: Some("Wed 20 June 2018".into()),
                kind: Some("Conference calls".into()),
                ..NextMeeting::default()
            },
            NextMeeting {
                name: "SEC#37".into(),
                when: Some("17-21 Sept 2018".into()),
                place: Some("Bundang (KR)".into()),
                kind: Some("Face to face".into()),
                ..NextMeeting::default()
            },
        ],
        ..Meeting::default()
    }
}

// The agenda keeps items and contributions, drops every decision and discussion block.
#[test]
fn agenda_has_no_decisions() {
    let agenda = agenda_of(&minutes());
    assert!(agenda.dispositions().is_empty());
    assert_eq!(agenda.all_contributions().len(), 2);
    assert!(agenda.all_sections().iter().all(|s| s.blocks.is_empty()));
}

// `--next`: open and uncertain action items carried, the face-to-face plan as title and date.
#[test]
fn next_agenda_carries_open_actions_and_the_plan() {
    let next = next_agenda(&minutes());
    let carried: Vec<&str> =
        next.action_items.iter().map(|a| a.reference.as_str()).collect();
    assert_eq!(carried, ["A-1", "A-3"]);
    assert_eq!(next.cover.title.as_deref(), Some("SEC#37 – Face to face – Bundang (KR)"));
    assert_eq!(next.cover.date.as_deref(), Some("17-21 Sept 2018"));
    assert!(next
        .diagnostics
        .iter()
        .any(|d| d.message.contains("A-3") && d.message.contains("CLOSED?")));
    let titles: Vec<String> =
        next.all_sections().iter().map(|s| format!("{} {}", s.number, s.title)).collect();
    assert!(titles.contains(&"6.1 TS-0003".to_string()), "{titles:?}");
    assert!(next.dispositions().is_empty());
}

fn listed(tdoc: &str, agenda_item: &str, line: u32) -> ListedContribution {
    ListedContribution {
        contribution: Contribution {
            location: minutes_model::Span::Line(line),
            ..contribution(tdoc)
        },
        agenda_item: agenda_item.into(),
    }
}

// Rows go to their agenda item; unknown items are reported, not dropped.
#[test]
fn contributions_list_is_allocated() {
    let rows = vec![
        listed("SEC-2018-0100", "6.1", 2),
        listed("SEC-2018-0101R01", "6.1 TS-0003", 3),
        listed("SEC-2018-0102", "9.9", 4),
    ];
    let agenda = agenda_from_contributions(rows.clone(), Some(&minutes()));
    let in_61: Vec<String> = agenda
        .all_sections()
        .iter()
        .find(|s| s.number == "6.1")
        .unwrap()
        .contributions
        .iter()
        .map(|c| c.tdoc.to_string())
        .collect();
    assert_eq!(in_61, ["SEC-2018-0100", "SEC-2018-0101R01"]);
    assert_eq!(agenda.diagnostics.len(), 1);
    assert!(agenda.diagnostics[0].message.contains("SEC-2018-0102"));
    assert_eq!(agenda.diagnostics[0].location, Span::Line(4));
    let last = agenda.sections.last().unwrap();
    assert_eq!(
        (last.title.as_str(), last.contributions.len()),
        ("Unallocated contributions", 1)
    );
    // Without a skeleton the list's own agenda items are the agenda.
    let own = agenda_from_contributions(rows, None);
    let numbers: Vec<String> =
        own.all_sections().iter().map(|s| s.number.clone()).collect();
    assert_eq!(numbers, ["6.1", "9.9"]);
}

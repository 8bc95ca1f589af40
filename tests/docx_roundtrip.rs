//! Model → official DOCX → model is the identity on what the minutes must keep:
//! dispositions, sections, contributions, action items and cover fields (issue 4). Checked
//! on generated models (proptest), the samples and the seeds.

use minutes_model::{
    ActionItem, Block, Contribution, Cover, Decision, DocumentHeading, Meeting, Purpose,
    Section, Status, Tdoc,
};
use minutes_tests::{
    action_rows, contribution_rows, disposition_rows, load, section_rows, text_drafts,
};
use minutes_write::{write_docx, DocxWriteOptions, Template};
use pretty_assertions::assert_eq;
use proptest::prelude::*;

type View = (
    Vec<(String, String, String)>,
    Vec<(String, String)>,
    Vec<(String, String, String, String)>,
    Vec<(String, String, String)>,
    Vec<String>,
    Cover,
);

/// What must survive the round trip.
fn view(meeting: &Meeting) -> View {
    let whats = meeting.action_items.iter().map(|a| a.what.clone()).collect();
    (
        disposition_rows(meeting),
        section_rows(meeting),
        contribution_rows(meeting),
        action_rows(meeting),
        whats,
        meeting.cover.clone(),
    )
}

fn round_trip(meeting: &Meeting) -> Meeting {
    let bytes = write_docx(meeting, &Template::builtin(), &DocxWriteOptions::default())
        .unwrap_or_else(|e| panic!("write_docx failed: {e}"));
    minutes::load(&bytes)
        .unwrap_or_else(|e| panic!("cannot re-read our own DOCX: {e}"))
        .meeting
}

fn words(min: usize, max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec("[a-z]{2,9}", min..=max).prop_map(|w| {
        let mut text = w.join(" ");
        if let Some(first) = text.get(..1).map(str::to_uppercase) {
            text.replace_range(..1, &first);
        }
        text
    })
}

fn tdoc() -> impl Strategy<Value = Tdoc> {
    (
        prop::sample::select(vec!["SEC", "ARC", "PRO", "REQ", "TP"]),
        2015u16..2026,
        1u32..9999,
        prop::option::of(1u8..9),
    )
        .prop_map(|(group, year, serial, revision)| {
            Tdoc::new(group, year, &format!("{serial:04}"), revision)
        })
}

fn status() -> impl Strategy<Value = (Status, &'static str)> {
    prop::sample::select(vec![
        (Status::Agreed, "AGREED"),
        (Status::Noted, "NOTED"),
        (Status::Withdrawn, "WITHDRAWN"),
        (Status::Approved, "APPROVED"),
        (Status::Postponed, "POSTPONED"),
        (Status::Endorsed, "ENDORSED"),
    ])
}

/// Usually one block; a line deciding two documents is two decisions with one text.
fn blocks() -> impl Strategy<Value = Vec<Block>> {
    prop_oneof![
        4 => block().prop_map(|b| vec![b]),
        1 => (tdoc(), tdoc(), status()).prop_filter("two documents", |(a, b, _)| a != b).prop_map(|(a, b, (status, word))| {
            let as_written = format!("{a} and {b} were {}", word.to_lowercase());
            [a, b]
                .into_iter()
                .map(|t| Block::Decision(Decision {
                    tdoc_as_written: t.to_string(),
                    tdoc: t,
                    status,
                    status_as_written: word.to_lowercase(),
                    title: None,
                    comment: None,
                    as_written: as_written.clone(),
                    in_table: false,
                    location: minutes_model::Span::Unknown,
                    links: Default::default(),
                }))
                .collect()
        }),
    ]
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        (tdoc(), words(1, 6)).prop_map(|(t, title)| Block::Document(DocumentHeading {
            as_written: format!("{t} - {title}"),
            tdocs: vec![t],
            title: Some(title),
            note: None,
            in_table: false,
            location: minutes_model::Span::Unknown,
        })),
        words(1, 12).prop_map(|text| Block::Paragraph {
            text,
            location: minutes_model::Span::Unknown
        }),
        words(1, 10).prop_map(|text| Block::Bullet {
            level: 1,
            text,
            label: None,
            location: minutes_model::Span::Unknown
        }),
        (tdoc(), status(), words(1, 6)).prop_map(|(t, (status, word), title)| {
            Block::Decision(Decision {
                as_written: format!("{word} - {t} - {title}"),
                tdoc_as_written: t.to_string(),
                tdoc: t,
                status,
                status_as_written: word.to_string(),
                title: Some(title),
                comment: None,
                in_table: false,
                location: minutes_model::Span::Unknown,
                links: Default::default(),
            })
        }),
    ]
}

fn contribution() -> impl Strategy<Value = Contribution> {
    (tdoc(), words(1, 6), words(1, 3)).prop_map(|(tdoc, title, source)| Contribution {
        tdoc_as_written: tdoc.to_string(),
        tdoc,
        title,
        source,
        location: minutes_model::Span::Unknown,
    })
}

fn section(number: String, children: usize) -> impl Strategy<Value = Section> {
    (
        words(1, 6),
        proptest::collection::vec(contribution(), 0..4),
        proptest::collection::vec(blocks(), 0..6).prop_map(|b| b.concat()),
        proptest::collection::vec(
            (
                words(1, 5),
                proptest::collection::vec(blocks(), 0..4).prop_map(|b| b.concat()),
            ),
            0..=children,
        ),
    )
        .prop_map(move |(title, contributions, blocks, subs)| Section {
            number: number.clone(),
            number_as_written: None,
            title,
            contributions,
            blocks,
            sections: subs
                .into_iter()
                .enumerate()
                .map(|(i, (title, blocks))| Section {
                    number: format!("{number}.{}", i + 1),
                    title,
                    blocks,
                    ..Section::default()
                })
                .collect(),
            location: minutes_model::Span::Unknown,
        })
}

fn meeting() -> impl Strategy<Value = Meeting> {
    let cover = (
        words(2, 6),
        words(2, 4),
        proptest::collection::vec(words(2, 4), 0..3),
        prop::option::of(words(2, 4)),
        prop::option::of(prop::sample::select(Purpose::ALL.to_vec())),
    )
        .prop_map(|(title, chair, vice_chairs, secretary, purpose)| Cover {
            title: Some(title),
            chair: Some(chair),
            vice_chairs,
            secretary,
            date: Some("17-21 May 2015".to_string()),
            purpose,
        });
    let actions = proptest::collection::vec((words(1, 8), words(1, 2)), 0..4);
    (cover, 1usize..5, actions)
        .prop_flat_map(|(cover, count, actions)| {
            let sections: Vec<_> =
                (1..=count).map(|n| section(n.to_string(), 2)).collect();
            (Just(cover), sections, Just(actions))
        })
        .prop_map(|(cover, mut sections, actions)| {
            let action_items: Vec<ActionItem> = actions
                .into_iter()
                .enumerate()
                .map(|(i, (what, who))| ActionItem {
                    reference: format!("A-1-{}", i + 1),
                    what,
                    who,
                    status: "OPEN".to_string(),
                    location: minutes_model::Span::Unknown,
                })
                .collect();
            if !action_items.is_empty() {
                if let Some(last) = sections.last_mut() {
                    last.blocks.push(Block::ActionItems {
                        items: None,
                        header: Vec::new(),
                        location: minutes_model::Span::Unknown,
                    });
                }
            }
            Meeting { cover, sections, action_items, ..Meeting::default() }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn generated_models_survive_the_docx(meeting in meeting()) {
        let again = round_trip(&meeting);
        prop_assert_eq!(view(&again), view(&meeting));
    }
}

// The samples and seeds: what the text recognised survives the official DOCX.
#[test]
fn drafts_survive_the_docx() {
    for draft in text_drafts() {
        let meeting = load(&draft);
        assert_eq!(view(&round_trip(&meeting)), view(&meeting), "{}", draft.display());
    }
}

//! Hand-built meetings shared by the DOCX tests and the `write_sample` example: one that
//! resembles the seed minutes (SEC17 Sapporo, SEC35 Sophia) and a small one for snapshots.
#![allow(dead_code)]

use minutes_model::{
    ActionItem, Block, Contribution, Cover, Decision, DocumentHeading, Meeting, Purpose,
    Section, Status, Tdoc,
};

fn tdoc(text: &str) -> Tdoc {
    text.parse().unwrap_or_else(|_| Tdoc::new("SEC", 2015, "0000", None))
}

fn section(number: &str, title: &str) -> Section {
    Section { number: number.to_string(), title: title.to_string(), ..Section::default() }
}

fn contribution(id: &str, title: &str, source: &str) -> Contribution {
    Contribution {
        tdoc: tdoc(id),
        tdoc_as_written: id.to_string(),
        title: title.to_string(),
        source: source.to_string(),
        location: minutes_model::Span::Unknown,
    }
}

fn paragraph(text: &str) -> Block {
    Block::Paragraph { text: text.to_string(), location: minutes_model::Span::Unknown }
}

fn bullet(level: u8, text: &str) -> Block {
    Block::Bullet {
        label: None,
        level,
        text: text.to_string(),
        location: minutes_model::Span::Unknown,
    }
}

fn heading(ids: &[&str], title: Option<&str>, as_written: &str) -> Block {
    Block::Document(DocumentHeading {
        in_table: false,
        tdocs: ids.iter().map(|id| tdoc(id)).collect(),
        title: title.map(str::to_string),
        note: None,
        as_written: as_written.to_string(),
        location: minutes_model::Span::Unknown,
    })
}

fn decision(
    id: &str,
    status: Status,
    status_as_written: &str,
    title: Option<&str>,
    as_written: &str,
) -> Block {
    Block::Decision(Decision {
        in_table: false,
        tdoc: tdoc(id),
        tdoc_as_written: id.to_string(),
        status,
        status_as_written: status_as_written.to_string(),
        title: title.map(str::to_string),
        comment: None,
        as_written: as_written.to_string(),
        location: minutes_model::Span::Unknown,
        links: Default::default(),
    })
}

fn action(reference: &str, what: &str, who: &str, status: &str) -> ActionItem {
    ActionItem {
        reference: reference.to_string(),
        what: what.to_string(),
        who: who.to_string(),
        status: status.to_string(),
        location: minutes_model::Span::Unknown,
    }
}

/// A meeting resembling the seeds: cover, sections 1..9 with 6.0/6.1, contribution
/// tables, a two-id heading, decisions in both styles, bullets, action items.
pub fn sample_meeting() -> Meeting {
    let cover = Cover {
        title: Some("SEC17 Meeting – Sapporo, Japan".to_string()),
        chair: Some(
            "Francois Ennesser, Gemalto (Francois.Ennesser@gemalto.com)".to_string(),
        ),
        vice_chairs: vec![
            "Dragan Vujcic, Oberthur Technologies (V.Dragan@oberthur.com)".to_string(),
            "Wei Zhou, Datang (zhouwei@catr.cn)".to_string(),
        ],
        secretary: Some("Nicole Butler, ATIS (nbutler@atis.org)".to_string()),
        date: Some("17-21 May 2015".to_string()),
        purpose: Some(Purpose::Decision),
    };
    let mut s1 = section("1", "Opening of meeting");
    let mut s11 = section("1.1", "Welcome");
    s11.blocks.push(paragraph(
        "The meeting was opened by the Chair, Francois Ennesser, Gemalto (Francois.Ennesser@gemalto.com), and began at 2:30pm (local) on 17 May 2015.",
    ));
    let mut s12 = section("1.2", "Attendees");
    s12.blocks.push(paragraph(
        "The official list of TP16 participants is available on the Portal.",
    ));
    s1.sections = vec![s11, s12];

    let mut s2 = section("2", "Review of Agenda");
    s2.contributions.push(contribution("SEC-2015-0524R01", "SEC_17_Agenda", "WG4 Chair"));
    s2.blocks.push(heading(
        &["SEC-2015-0524R01"],
        Some("SEC_17_Agenda"),
        "SEC-2015-0524R01-SEC_17_Agenda",
    ));
    s2.blocks.push(bullet(
        1,
        "Updates were made during discussions and an R02 will be posted",
    ));
    s2.blocks.push(decision(
        "SEC-2015-0524R02",
        Status::Agreed,
        "AGREED",
        Some("SEC_17_Agenda"),
        "AGREED - SEC-2015-0524R02-SEC_17_Agenda",
    ));

    let mut s3 = section("3", "Approval of Previous Minutes");
    s3.blocks.push(paragraph("SEC meeting minutes were approved electronically."));
    let mut s4 = section("4", "Review of Objectives for the Meeting");
    s4.blocks.push(paragraph("The chairman presented the following objectives:"));
    s4.blocks.push(bullet(1, "Finalize TS-0003 Rel-3 and associated deliverables:"));
    s4.blocks.push(bullet(
        2,
        "Security Developers Guide TR-0038 initial publication for Rel-3",
    ));
    s4.blocks.push(bullet(2, "Secure Environment  Abstraction TS-0016"));
    s4.blocks.push(bullet(1, "Progress on future releases"));

    let mut s5 = section("5", "Action Item Status");
    s5.blocks.push(paragraph("The open action items were reviewed:"));
    s5.blocks.push(Block::ActionItems {
        items: None,
        header: Vec::new(),
        location: minutes_model::Span::Unknown,
    });

    let mut s6 = section("6", "Corrections and Enhancements CRs (generic WIs)");
    let mut s60 = section("6.0", "Baselines");
    s60.blocks.push(paragraph("No baseline was changed."));
    let mut s61 = section("6.1", "Corrections/Clarifications to TS-0003");
    s61.contributions.push(contribution(
        "SEC-2015-0506",
        "Fix a wrong reference for location-based ACP",
        "LG Electronics",
    ));
    s61.blocks.push(heading(
        &["SEC-2015-0506"],
        Some("Fix a wrong reference for location-based ACP"),
        "SEC-2015-0506- Fix a wrong reference for location-based ACP",
    ));
    s61.blocks.push(bullet(1, "This contribution proposed minor editorial changes."));
    s61.blocks.push(decision(
        "SEC-2015-0506",
        Status::Agreed,
        "AGREED",
        Some("Fix a wrong reference"),
        "AGREED - SEC-2015-0506- Fix a wrong reference",
    ));
    let mut s63 = section("6.3", "Contributions Affecting REQ Deliverables");
    s63.contributions.push(contribution("SEC-2015-0507", "Use case of PPM", "KDDI"));
    s63.contributions.push(contribution("SEC-2015-0576", "Use case of PPM", "KDDI"));
    s63.contributions.push(contribution(
        "SEC-2015-0522R01",
        "Requirement SE Abstraction API",
        "Giesecke & Devrient, Oberthur Technologies, Gemalto",
    ));
    s63.blocks.push(heading(
        &["SEC-2015-0507", "SEC-2015-0576"],
        Some("Use case of PPM"),
        "SEC-2015-0507/-0576- Use case of PPM",
    ));
    s63.blocks.push(bullet(1, "This use case was presented, and it was noted the intent is to discuss it further with REQ."));
    s63.blocks.push(decision(
        "SEC-2015-0507",
        Status::Noted,
        "NOTED",
        Some("Use Case of PPM"),
        "NOTED - SEC-2015-0507- Use Case of PPM (the update contained in -0576)",
    ));
    s63.blocks.push(decision(
        "SEC-2015-0576",
        Status::Agreed,
        "AGREED",
        Some("Use Case of PPM"),
        "AGREED – SEC-2105-0576 – Use Case of PPM",
    ));
    s6.sections = vec![s60, s61, s63];

    let mut s7 = section("7", "Release 3 work");
    let mut s71 = section("7.1", "TS-0003 CRs");
    s71.contributions.push(contribution(
        "SEC-2018-0060R02",
        "CR_TS-0003_multicastSecurity_R3",
        "Qualcomm Inc. (TIA)",
    ));
    s71.blocks.push(heading(
        &["SEC-2018-0060"],
        None,
        "SEC-2018-0060 Presented by Wolfgang on Thursday session-5 PRO/SEC",
    ));
    s71.blocks.push(paragraph(
        "Comment:\nRFC5374 may be too heavy for CoAP which is more lightweight.",
    ));
    s71.blocks.push(decision(
        "SEC-2018-0060R02",
        Status::Noted,
        "NOTED",
        None,
        "SEC-2018-0060R02 was NOTED",
    ));
    s71.blocks.push(decision(
        "SEC-2018-0056",
        Status::Agreed,
        "AGREED by correspondence.",
        None,
        "SEC-2018-0056 was AGREED by correspondence.",
    ));
    let mut s711 = section("7.1.1", "Multicast <security> & \"quotes\"");
    s711.blocks.push(Block::Table {
        rows: vec![
            vec!["Item".to_string(), "Owner".to_string()],
            vec!["Multicast".to_string(), "Wolfgang".to_string()],
        ],
        location: minutes_model::Span::Unknown,
    });
    s71.sections = vec![s711];
    s7.sections = vec![s71];

    let s8 = section("8", "Any other business");
    let mut s9 = section("9", "Closure of the meeting");
    s9.blocks.push(paragraph("The meeting was closed at 12:00."));

    Meeting {
        cover,
        body: None,
        sections: vec![s1, s2, s3, s4, s5, s6, s7, s8, s9],
        action_items: vec![
            action(
                "A-26-5 (R2+)",
                "Contribute testable (Rel-1 + Rel-2) Security Features Catalog to TST WG",
                "All",
                "OPEN",
            ),
            action(
                "A-33-2 (R3+)\n(supersedes A-26-7)",
                "Open issues found in TST-0010:\nDeriving nodeID from <serviceSubscribedAppRule>\nDefine credential-IDs for certificates",
                "WG Chair",
                "CLOSED?",
            ),
        ],
        next_meetings: Vec::new(),
        diagnostics: Vec::new(),
    }
}

/// A small meeting for snapshots: one irregular subsection number, one of each block.
pub fn small_meeting() -> Meeting {
    let mut s1 = section("1", "Opening");
    s1.blocks.push(paragraph("Opened at 9:00."));
    let mut s2 = section("2", "Contributions");
    let mut s20 = section("2.0", "Baselines");
    s20.contributions.push(contribution(
        "SEC-2015-0506",
        "Fix a wrong reference",
        "LG Electronics",
    ));
    s20.blocks.push(heading(&["SEC-2015-0506"], Some("Fix a wrong reference"), ""));
    s20.blocks.push(bullet(1, "Editorial changes."));
    s20.blocks.push(decision(
        "SEC-2015-0506",
        Status::Agreed,
        "AGREED",
        Some("Fix a wrong reference"),
        "AGREED - SEC-2015-0506- Fix a wrong reference",
    ));
    s2.sections = vec![s20];
    Meeting {
        body: None,
        cover: Cover {
            title: Some("SEC17 Meeting".to_string()),
            chair: Some("Chair Person".to_string()),
            vice_chairs: vec!["Vice One".to_string()],
            secretary: None,
            date: Some("17-21 May 2015".to_string()),
            purpose: Some(Purpose::Information),
        },
        sections: vec![s1, s2],
        action_items: vec![action("A-1", "Do it\nquickly", "All", "OPEN")],
        next_meetings: Vec::new(),
        diagnostics: Vec::new(),
    }
}

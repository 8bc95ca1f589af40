//! Recogniser tests on small Flow fragments, one per pattern of PATTERNS.md, named after it.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use minutes_flow::{Block as FlowBlock, Cell, Flow, Row, Span};
use minutes_model::{Block, Meeting, Severity};
use pretty_assertions::assert_eq;

use crate::recognise;

/// A Flow from a compact notation, one block per line, located at its line number:
/// `# 6.1 Title` heading (level = dots + 1), `- text` list item, `| a | b` one table row
/// (consecutive rows form one table; `/` separates paragraphs in a cell), else a paragraph.
fn flow(text: &str) -> Flow {
    let mut blocks: Vec<FlowBlock> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let location = Span::Line(u32::try_from(index + 1).unwrap());
        if let Some(rest) = line.strip_prefix("# ") {
            let (number, title) = rest.split_once(' ').unwrap_or((rest, ""));
            let level = u8::try_from(number.matches('.').count() + 1).unwrap();
            blocks.push(FlowBlock::heading(level, Some(number.into()), title, location));
        } else if let Some(rest) = line.strip_prefix("- ") {
            blocks.push(FlowBlock::list_item(1, rest, location));
        } else if let Some(rest) = line.strip_prefix("| ") {
            let cells = rest
                .split(" | ")
                .map(|cell| {
                    Cell::new(
                        cell.split(" / ")
                            .filter(|p| !p.trim().is_empty())
                            .map(|p| FlowBlock::paragraph(p.trim(), location.clone()))
                            .collect(),
                    )
                })
                .collect();
            let row = Row::new(cells);
            match blocks.last_mut().map(|b| &mut b.kind) {
                Some(minutes_flow::BlockKind::Table(table)) => table.rows.push(row),
                _ => blocks.push(FlowBlock::table(vec![row], location)),
            }
        } else if !line.trim().is_empty() {
            blocks.push(FlowBlock::paragraph(line, location));
        }
    }
    Flow::new(blocks)
}

fn meeting(text: &str) -> Meeting {
    recognise(&flow(text))
}

fn dispositions(meeting: &Meeting) -> Vec<String> {
    meeting.dispositions().iter().map(|d| format!("{} {}", d.tdoc, d.status)).collect()
}

fn said(meeting: &Meeting, line: u32, text: &str) -> bool {
    meeting
        .diagnostics
        .iter()
        .any(|d| d.location == Span::Line(line) && d.message.contains(text))
}

#[test]
fn b1_b3_cover_table() {
    let m = meeting("| Meeting title: | SEC17 Meeting – Sapporo\n| Chair: | F. E., Gemalto\n| Vice Chairs: | D. V., Oberthur / A. B., Acme\n| Meeting Date: | 17-21 May 2015\n# 1 Opening");
    assert_eq!(m.cover.title.as_deref(), Some("SEC17 Meeting – Sapporo"));
    assert_eq!(m.cover.vice_chairs, ["D. V., Oberthur", "A. B., Acme"]);
    assert_eq!(m.cover.date.as_deref(), Some("17-21 May 2015"));
}

#[test]
fn b7_notice_is_not_a_title() {
    let m = meeting("Minutes\noneM2M Notice\n# 1 Opening\nFrançois Ennesser chair of the SEC WG, opened the meeting.");
    assert_eq!(m.cover.title, None);
    assert_eq!(m.cover.chair.as_deref(), Some("François Ennesser"));
}

#[test]
fn c5_c6_sections_tree_and_unnumbered_subheadings() {
    let m = meeting(
        "# 6 Contributions\n# 6.0 Baselines\n# 6.1 TS-0003\nTeleconference\n# 7 Planning",
    );
    let numbers: Vec<&str> = m.all_sections().iter().map(|s| s.number.as_str()).collect();
    assert_eq!(numbers, ["6", "6.0", "6.1", "7"]);
    assert_eq!(m.sections[0].sections.len(), 2);
    assert!(
        matches!(&m.sections[0].sections[1].blocks[0], Block::Paragraph { text, .. } if text == "Teleconference")
    );
}

#[test]
fn d1_d3_section_table_with_two_ids_in_a_cell() {
    let m = meeting("# 6.3 REQ\n| SEC-2015-0507/-0576 | Use case of PPM | KDDI\n| SEC-2015-0515 | Security | Datang\nSEC-2015-0507/-0576- Use case of PPM");
    let ids: Vec<String> =
        m.all_contributions().iter().map(|(_, c)| c.tdoc.to_string()).collect();
    assert_eq!(ids, ["SEC-2015-0507", "SEC-2015-0576", "SEC-2015-0515"]);
    // The table stays where it is, pointing at its three entries.
    assert!(
        matches!(&m.sections[0].blocks[0], Block::Contributions { contributions, rows, header: false, .. } if *contributions == (0..3) && rows.len() == 2)
    );
    assert!(matches!(&m.sections[0].blocks[1], Block::Document(h) if h.tdocs.len() == 2));
}

#[test]
fn d2_one_row_table_is_the_document_heading() {
    let m = meeting("# 6.1 TS-0003\n| SEC-2018-0060R01 | LinkDeviceConfigWithSaef_R2 | C-DOT\nPresented by Preeti\n- It is suggested to come back with a revision.\nSEC-2018-0060R01 was NOTED");
    assert!(matches!(&m.sections[0].blocks[0], Block::Contributions { .. }));
    assert!(
        matches!(&m.sections[0].blocks[1], Block::Document(h) if h.in_table && h.title.as_deref() == Some("LinkDeviceConfigWithSaef_R2"))
    );
    assert_eq!(dispositions(&m), ["SEC-2018-0060R01 Noted"]);
    assert_eq!(m.dispositions()[0].title, "LinkDeviceConfigWithSaef_R2");
}

#[test]
fn d4_table_group_differs_from_decided_group() {
    let m = meeting("# 8 Other\n| SEC-2015-0670 | Reply LS | ITU-T SG17\nTP-2015-0670- Reply LS\nDispensation to be handled in TP - TP-2015-0670- Reply LS");
    assert_eq!(dispositions(&m), ["TP-2015-0670 Dispensation to TP"]);
    assert_eq!(m.dispositions()[0].source, "ITU-T SG17");
    assert!(said(&m, 4, "listed as SEC-2015-0670"));
}

#[test]
fn d8_none_is_an_empty_section() {
    let m = meeting("# 6.2 Enhancements\nNone");
    assert!(m.dispositions().is_empty() && m.all_contributions().is_empty());
}

#[test]
fn d9_decided_but_in_no_table() {
    let m = meeting("# 6.3 REQ\n| SEC-2015-0515 | Security | Datang\nSEC-2015-0515- Security\nAGREED - SEC-2015-0515- Security\nSEC-2015-0527R01- Requirements\nNOTED - SEC-2015-0527R01- Requirements");
    assert!(said(
        &m,
        6,
        "SEC-2015-0527R01 is decided but absent from every contribution table"
    ));
    assert!(!said(&m, 4, "absent"));
}

#[test]
fn e2_heading_typo_is_reported() {
    let m = meeting("# 6.1 TS-0003\n| SEC-2015-0506 | Fix a wrong reference | LG\nSEC-2015-0606- Fix a wrong reference\nAGREED - SEC-2015-0506- Fix a wrong reference");
    assert_eq!(dispositions(&m), ["SEC-2015-0506 Agreed"]);
    assert!(said(&m, 3, "probably a typo"));
}

#[test]
fn e7_heading_revision_without_its_own_decision() {
    let m = meeting("# 2 Agenda\nSEC-2015-0524R01-SEC_17_Agenda\n- an R02 will be posted\nAGREED - SEC-2015-0524R02-SEC_17_Agenda");
    assert_eq!(dispositions(&m), ["SEC-2015-0524R02 Agreed"]);
    assert!(!m.diagnostics.iter().any(|d| d.message.contains("no decision")));
}

#[test]
fn f9_every_revision_decided_is_a_row_with_links() {
    let m = meeting("# 6.3 REQ\nSEC-2015-0517R03- WI-0016\nNOTED - SEC-2015-0517R03- WI-0016\nAGREED - SEC-2015-0517R05- WI-0016");
    let d = m.dispositions();
    assert_eq!(dispositions(&m), ["SEC-2015-0517R03 Noted", "SEC-2015-0517R05 Agreed"]);
    assert_eq!(
        d[0].revised_to.as_ref().map(ToString::to_string).as_deref(),
        Some("SEC-2015-0517R05")
    );
    assert_eq!(
        d[1].revision_of.as_ref().map(ToString::to_string).as_deref(),
        Some("SEC-2015-0517R03")
    );
}

#[test]
fn f10_decision_inside_a_bullet() {
    let m = meeting("# 7.2 TR-0016\nSEC-2015-0531- TR-0016 Resource definitions\n- SEC-2015-0541, Justification, was discussed with this item and was NOTED.\nAGREED - SEC-2015-0531- TR-0016 Resource definitions");
    assert_eq!(dispositions(&m), ["SEC-2015-0541 Noted", "SEC-2015-0531 Agreed"]);
}

#[test]
fn f11_restated_revision_is_checked_against_decisions() {
    let recorded = meeting("# 7.1 X\nSEC-2015-0516R01- Group\n- A  R03 was discussed and agreed.\nAGREED - SEC-2015-0516R03- Group");
    assert!(!said(&recorded, 3, "no decision line records it"));
    let missing = meeting("# 7.1 X\nSEC-2015-0516R01- Group\n- A  R03 was discussed and agreed.\nNOTED - SEC-2015-0516R01- Group");
    assert!(said(
        &missing,
        3,
        "says SEC-2015-0516R03 was agreed but no decision line records it"
    ));
    assert_eq!(dispositions(&missing), ["SEC-2015-0516R01 Noted"]);
}

#[test]
fn f12_f13_prose_decisions_without_tdocs_are_not_dispositions() {
    let m = meeting("# 3 Minutes\nSEC meeting minutes were approved electronically.\n# 4 Objectives\nThe objectives, as listed on the agenda, were noted.\n- It was agreed it would be preferable to wait.");
    assert!(m.dispositions().is_empty());
}

#[test]
fn f13_tdoc_prose_with_decision_words_is_reported() {
    let m = meeting("# 6 X\nThe group said ARC-2019-0100 was mostly agreed in principle");
    assert!(m.dispositions().is_empty());
    assert!(said(&m, 2, "not a recognised decision line"));
}

#[test]
fn f14_no_decision_is_never_invented() {
    let m = meeting("# 6.3 Other\n| TP-2018-0157 | Reply LS | WG 4 Chair\nPresented by François\n- Francois will make a revision to this contribution to TP.");
    assert!(m.dispositions().is_empty());
    assert!(m.diagnostics.iter().any(|d| d.severity == Severity::Note
        && d.message.contains("TP-2018-0157 is discussed but no decision")));
}

#[test]
fn g3_year_typo_corrected_only_with_proof() {
    let proved = meeting("# 1 Meeting 17-21 May 2015\n# 6.3 REQ\nSEC-2015-0507/-0576- Use case\nAGREED – SEC-2105-0576 – Use Case of PPM");
    assert_eq!(dispositions(&proved), ["SEC-2015-0576 Agreed"]);
    assert!(said(&proved, 4, "year typo: `SEC-2105-0576` read as SEC-2015-0576"));
    let unproved = meeting(
        "# 6.3 REQ\n| SEC-2015-0507 | Use case | KDDI\nAGREED – SEC-2105-0999 – Other",
    );
    assert_eq!(dispositions(&unproved), ["SEC-2105-0999 Agreed"]);
    assert!(said(&unproved, 3, "kept as written"));
}

// The year-typo logic is oneM2M's: a 3GPP id's two-digit year is never "corrected", even
// where the section names the same serial with the swapped year, and never reported as far
// from the meeting year.
#[test]
fn g3_year_typo_leaves_3gpp_ids_alone() {
    let m = meeting(
        "# 1 Meeting 17-21 May 2019\n# 6.3 REQ\n| S2-1903157 | Use case | X\n| SEC-2019-0576 | Other | Y\n| SEC-2019-0577 | Third | Z\nS2-9103157 was noted\nAGREED – SEC-2091-0576 – Other",
    );
    assert_eq!(dispositions(&m), ["S2-9103157 Noted", "SEC-2019-0576 Agreed"]);
    assert!(said(&m, 7, "year typo: `SEC-2091-0576` read as SEC-2019-0576"));
    let about_years: Vec<_> = m
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("year") && d.message.contains("S2-"))
        .collect();
    assert!(about_years.is_empty(), "{about_years:?}");
}

#[test]
fn g4_abbreviated_reference_without_context_is_an_error() {
    let m = meeting("# 6 X\n| -0576 | Use case | KDDI");
    assert!(m.all_contributions().is_empty());
}

#[test]
fn h1_h6_action_table_and_the_note_after_it() {
    let m = meeting("# 5 Action Item Status\n| REFERENCE | WHAT | WHO | STATUS\n| A-33-2 (R3+) / (supersedes A-26-7) | Open issues: / Deriving nodeID | WG Chair | CLOSED?\n| A-34-2 | Create Priority Diagram | François | OPEN\nSee ARC-2018-0114 for proposed diagram");
    assert_eq!(m.action_items.len(), 2);
    assert_eq!(m.action_items[0].reference, "A-33-2 (R3+)\n(supersedes A-26-7)");
    assert!(m.action_items[0].is_uncertain() && m.action_items[0].is_open());
    assert!(
        matches!(&m.sections[0].blocks[1], Block::Paragraph { text, .. } if text.starts_with("See ARC"))
    );
}

#[test]
fn h7_inline_action_item_is_noted() {
    let m = meeting("# 6 X\n- Action Item: Wolfgang to write a CR");
    assert!(said(&m, 2, "inline action item"));
    assert!(m.action_items.is_empty());
}

#[test]
fn i1_i3_planned_meetings() {
    let m = meeting("# 9 Planning for Next Meeting(s)\nTeleconference\n- SEC#17.1:      June 11, 2015, UTC 13:00-15:00\nFace to Face\n- TP18 – Philadelphia, United States – July 2015\n# 7 Planning\n- SEC#37\nFace to face\n17-21 Sept 2018\nBundang (KR)\nFor the moment, no WG SEC face to face meeting is scheduled at TP#36 in Washington DC.");
    type Plan = (String, Option<String>, Option<String>, Option<String>);
    let plans: Vec<Plan> = m
        .next_meetings
        .iter()
        .map(|n| (n.name.clone(), n.when.clone(), n.place.clone(), n.kind.clone()))
        .collect();
    assert_eq!(
        plans[0],
        (
            "SEC#17.1".into(),
            Some("June 11, 2015, UTC 13:00-15:00".into()),
            None,
            Some("Teleconference".into())
        )
    );
    assert_eq!(
        plans[1],
        (
            "TP18".into(),
            Some("July 2015".into()),
            Some("Philadelphia, United States".into()),
            Some("Face to Face".into())
        )
    );
    assert_eq!(
        plans[2],
        (
            "SEC#37".into(),
            Some("17-21 Sept 2018".into()),
            Some("Bundang (KR)".into()),
            Some("Face to face".into())
        )
    );
    assert_eq!(plans.len(), 3);
}

#[test]
fn conflicting_decisions_are_errors() {
    let m =
        meeting("# 2 Agenda\nSEC-2018-0061R04 was AGREED\nSEC-2018-0061R04 was NOTED");
    assert!(m
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error && d.location == Span::Line(3)));
}

#[test]
fn decision_column_in_a_contribution_table() {
    let m = meeting("# 4 Contributions\n| Tdoc | Title | Source | Decision\n| ARC-2019-0100 | A CR | Acme | Agreed\n| ARC-2019-0101 | B CR | Beta | Revised to ARC-2019-0101R01\n| ARC-2019-0102 | C CR | Gamma | See discussion\n| ARC-2019-0103 | D CR | Delta |");
    assert_eq!(dispositions(&m), ["ARC-2019-0100 Agreed", "ARC-2019-0101 Revised"]);
    assert_eq!(m.dispositions()[1].comment, "to ARC-2019-0101R01");
    assert!(m.diagnostics.iter().any(|d| d.message.contains("`See discussion`")));
}

// Fuzzing regression (roundtrip-3): a one-row table whose title says "were accepted"
// becomes a document heading, never a decision, and the cell is reported.
#[test]
fn decision_words_in_a_table_title_are_reported_not_recorded() {
    let m = meeting("# 4 Contributions\n| ARC-2019-0101 | TS-0001 CR; only the bullets were accepted / ARC-2019-0102 was agreed | Acme\nPresented by X");
    assert!(m.dispositions().is_empty());
    assert!(m.diagnostics.iter().any(|d| d.message.contains("reads like a decision")));
    let again = meeting("# 4 Contributions\nARC-2019-0101 - TS-0001 CR; only the bullets were accepted\nPresented by X");
    assert!(again.dispositions().is_empty());
    assert!(said(&again, 2, "not a recognised decision line"));
}

// Fuzzing regression (roundtrip-12): `02` and `6.01` are sections 2 and 6.1; `6.0` stays.
#[test]
fn section_numbers_are_canonical() {
    let m = meeting("# 02 Agenda\n# 6 Contributions\n# 6.0 Baselines\n# 6.01 TS-0003");
    let numbers: Vec<&str> = m.all_sections().iter().map(|s| s.number.as_str()).collect();
    assert_eq!(numbers, ["2", "6", "6.0", "6.1"]);
}

/// (tdoc, status, section, revised_to, merged_into) of every disposition.
fn linked(meeting: &Meeting) -> Vec<(String, String, String, String, String)> {
    let text = |t: &Option<minutes_model::Tdoc>| {
        t.as_ref().map(ToString::to_string).unwrap_or_default()
    };
    meeting
        .dispositions()
        .into_iter()
        .map(|d| {
            (
                d.tdoc.to_string(),
                d.status.as_str().to_string(),
                d.section.clone(),
                text(&d.revised_to),
                text(&d.merged_into),
            )
        })
        .collect()
}

fn row(
    tdoc: &str,
    status: &str,
    section: &str,
    revised: &str,
    merged: &str,
) -> (String, String, String, String, String) {
    (tdoc.into(), status.into(), section.into(), revised.into(), merged.into())
}

// Issue 14: a Tdoc list as a table gives one decision per row with a result, its agenda
// item from the AI column and its links from the link columns or the comment.
#[test]
fn decision_table_rows_with_agenda_items_and_links() {
    let meeting = recognise(&flow(
        "# 1 Tdoc list\n\
         | AI | TD# | Title | Source | Comments | Result | Merged to\n\
         | 4.1 | S2-1810151 | Draft reply LS | MediaTek | Response to S2-1810034. Revised to S2-1810800. | Revised | -\n\
         | 4.1 | S2-1810800 | Reply LS | MediaTek | Revision of S2-1810151. Approved. | Approved | -\n\
         | 5.1 | S2-1810129 | Discussion | Ericsson | - | Merged | S2-1810200\n\
         | 5.1 | S2-1810130 | Open one | Ericsson | - | OPEN | -",
    ));
    assert_eq!(
        linked(&meeting),
        [
            row("S2-1810151", "Revised", "4.1", "S2-1810800", ""),
            row("S2-1810800", "Approved", "4.1", "", ""),
            row("S2-1810129", "Merged", "5.1", "", "S2-1810200"),
        ]
    );
    let revision_of =
        meeting.dispositions()[1].revision_of.as_ref().map(ToString::to_string);
    assert_eq!(revision_of.as_deref(), Some("S2-1810151"));
}

// Issue 14: a summary table restating the body's decisions is one disposition per
// revision and no warning; a different status is an error naming both places.
#[test]
fn summary_table_agrees_or_conflicts_with_the_body() {
    let agreeing = recognise(&flow(
        "# 2 Documents\nTD TP-2020-0101 Agenda\nApproved.\n# 3 Summary\n| Tdoc | Decision\n| TP-2020-0101 | Approved",
    ));
    assert_eq!(linked(&agreeing), [row("TP-2020-0101", "Approved", "2", "", "")]);
    assert!(agreeing.diagnostics.iter().all(|d| !d.message.contains("twice")));
    let disagreeing = recognise(&flow(
        "# 2 Documents\nTD TP-2020-0101 Agenda\nApproved.\n# 3 Summary\n| Tdoc | Decision\n| TP-2020-0101 | Noted",
    ));
    let error = disagreeing
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
        .map(|d| d.message.clone())
        .unwrap_or_default();
    assert!(error.contains("line 3") && error.contains("conflicting"), "{error}");
}

// Issue 14: oneM2M decision lines name their merge or revision target.
#[test]
fn suffix_decisions_name_their_targets() {
    let meeting = recognise(&flow(
        "# 6 Documents\nTST-2020-0039 was merged into TST-2020-0038R01.\nTST-2020-0040 was revised to TST-2020-0040R01",
    ));
    assert_eq!(
        linked(&meeting),
        [
            row("TST-2020-0039", "Merged", "6", "", "TST-2020-0038R01"),
            row("TST-2020-0040", "Revised", "6", "TST-2020-0040R01", ""),
        ]
    );
}

// Issue 14: in a draft without numbered headings, the rows of an agenda table are the
// sections; the table stays in the body.
#[test]
fn agenda_table_rows_are_sections() {
    let meeting = recognise(&flow(
        "SA WG2 Meeting #136\n\
         | AI# | Topic | Specs | Rapporteur\n\
         | 1 | Opening of the meeting | - | -\n\
         | 6 | Rel-16 maintenance / NOTE: FASMO criterion | 23.501 | -\n\
         | 6.10 | Non-3GPP access | 23.502 | Marco Spini\n\
         | - | Joint session | - | -",
    ));
    let numbers: Vec<(String, String)> = meeting
        .all_sections()
        .into_iter()
        .map(|s| (s.number.clone(), s.title.clone()))
        .filter(|(n, _)| !n.is_empty())
        .collect();
    assert_eq!(
        numbers,
        [
            ("1".to_string(), "Opening of the meeting".to_string()),
            ("6".to_string(), "Rel-16 maintenance".to_string()),
            ("6.10".to_string(), "Non-3GPP access".to_string()),
        ]
    );
    let tables = meeting
        .all_sections()
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| matches!(b, Block::Table { .. }))
        .count();
    assert_eq!(tables, 1, "the agenda table stays in the body");
}

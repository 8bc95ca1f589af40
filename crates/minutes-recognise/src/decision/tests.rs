//! Decision-line tests, one per phrasing of PATTERNS.md F and its negatives.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use minutes_model::Status;
use pretty_assertions::assert_eq;

use super::*;

fn ids(parsed: &ParsedDecision) -> Vec<String> {
    parsed
        .tdocs
        .iter()
        .map(|(r, w)| match r {
            TdocRef::Full(t) => t.to_string(),
            TdocRef::Abbreviated { .. } => w.clone(),
        })
        .collect()
}

fn decide(text: &str) -> (Vec<String>, Status, String, Option<String>, Option<String>) {
    let p = parse_decision(text).unwrap_or_else(|| panic!("not a decision: {text}"));
    (ids(&p), p.status, p.status_as_written.clone(), p.title.clone(), p.comment.clone())
}

#[test]
fn f1_prefix_dash() {
    let (ids, status, written, title, _) =
        decide("AGREED - SEC-2015-0515R02- Security requirements for WI-0023");
    assert_eq!(ids, ["SEC-2015-0515R02"]);
    assert_eq!((status, written.as_str()), (Status::Agreed, "AGREED"));
    assert_eq!(title.as_deref(), Some("Security requirements for WI-0023"));
}

#[test]
fn e1_prefix_glued_title() {
    let (ids, _, _, title, _) = decide("AGREED - SEC-2015-0524R02-SEC_17_Agenda");
    assert_eq!(ids, ["SEC-2015-0524R02"]);
    assert_eq!(title.as_deref(), Some("SEC_17_Agenda"));
}

#[test]
fn f2_prefix_en_dash_and_year_typo_kept() {
    let (ids, status, _, title, _) = decide("AGREED – SEC-2105-0576 – Use Case of PPM");
    assert_eq!((ids[0].as_str(), status), ("SEC-2105-0576", Status::Agreed));
    assert_eq!(title.as_deref(), Some("Use Case of PPM"));
}

#[test]
fn f3_dispensation_phrases() {
    let (ids, status, written, title, _) =
        decide("Dispensation to be handled in TP - TP-2015-0670- Reply LS on use of OIDs for IoT");
    assert_eq!((ids[0].as_str(), status), ("TP-2015-0670", Status::DispensationToTp));
    assert_eq!(written, "Dispensation to be handled in TP");
    assert_eq!(title.as_deref(), Some("Reply LS on use of OIDs for IoT"));
    assert_eq!(
        decide("Dispensation handled in TP - TP-2015-0685- Dynamic").1,
        Status::DispensationToTp
    );
}

#[test]
fn f4_suffix_was() {
    let (ids, status, written, title, comment) = decide("SEC-2018-0061R02 was NOTED");
    assert_eq!(
        (ids[0].as_str(), status, written.as_str()),
        ("SEC-2018-0061R02", Status::Noted, "NOTED")
    );
    assert_eq!((title, comment), (None, None));
}

#[test]
fn f5_suffix_with_qualifier() {
    let (_, status, written, _, comment) =
        decide("SEC-2018-0056 was AGREED by correspondence.");
    assert_eq!((status, written.as_str()), (Status::Agreed, "AGREED"));
    assert_eq!(comment.as_deref(), Some("by correspondence"));
}

#[test]
fn f6_glued_was() {
    let (ids, status, ..) = decide("SEC-2018-0060R02was NOTED");
    assert_eq!((ids[0].as_str(), status), ("SEC-2018-0060R02", Status::Noted));
}

#[test]
fn f10_decision_inside_a_bullet_sentence() {
    let (ids, status, _, title, _) = decide(
        "SEC-2015-0541, Justification and Principle of Distributed Authorization System, was discussed with this item and was NOTED.",
    );
    assert_eq!((ids[0].as_str(), status), ("SEC-2015-0541", Status::Noted));
    assert_eq!(
        title.as_deref(),
        Some("Justification and Principle of Distributed Authorization System")
    );
}

#[test]
fn other_phrasings() {
    assert_eq!(
        decide("PRO-2019-0209 has been withdrawn by the source.").1,
        Status::Withdrawn
    );
    assert_eq!(
        decide("PRO-2019-0210R02 is postponed to PRO#39.").4.as_deref(),
        Some("to PRO#39")
    );
    assert_eq!(
        decide("ARC-2019-0110 – Technically endorsed").1,
        Status::TechnicallyEndorsed
    );
    assert_eq!(decide("SEC-2019-0012R01: Agreed.").1, Status::Agreed);
    assert_eq!(decide("Decision: ARC-2019-0107R02 is agreed.").0, ["ARC-2019-0107R02"]);
    assert_eq!(decide("Noted: ARC-2019-0101").1, Status::Noted);
    assert_eq!(decide("APPROVED - PRO-2019-0201R03 - Title").1, Status::Approved);
    let (ids, status, ..) = decide("ARC-2019-0100 and ARC-2019-0101R01 were agreed.");
    assert_eq!(
        (ids, status),
        (
            vec!["ARC-2019-0100".to_string(), "ARC-2019-0101R01".to_string()],
            Status::Agreed
        )
    );
    assert_eq!(decide("TST-2020-0031R01 was noted").1, Status::Noted);
}

#[test]
fn decisions_in_later_sentences_and_after_lead_ins() {
    let found = parse_decisions(
        "ARC-2019-0121R01 was reviewed on screen. Decision: ARC-2019-0121R01 is agreed and will be sent to TP.",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(
        (ids(&found[0]), found[0].status),
        (vec!["ARC-2019-0121R01".to_string()], Status::Agreed)
    );
    assert_eq!(
        decide("Due to lack of time PRO-2019-0215 was not handled.").1,
        Status::NotHandled
    );
    assert_eq!(decide("Finally, SEC-2019-0001 was agreed.").1, Status::Agreed);
    for prose in [
        "If SEC-2019-0001 is agreed, TS-0004 will change.",
        "It was said that SEC-2019-0001 was agreed earlier.",
        "The rapporteur noted that PRO-2019-0215 depends on ARC work.",
        "The group discussed whether ARC-2019-0100 was agreed at ARC#40.",
    ] {
        assert!(parse_decisions(prose).is_empty(), "{prose}");
    }
}

#[test]
fn two_ids_in_a_prefix_decision() {
    assert_eq!(
        decide("NOTED - SEC-2015-0507/-0576 - Use case").0,
        ["SEC-2015-0507", "-0576"]
    );
}

#[test]
fn f13_prose_is_never_a_decision() {
    for text in [
        "It was noted that this requirement is a more general representation.",
        "It was noted that if this proposal is agreed it would be brought to the SC.",
        "Participants discussed how this proposal differs from the structure agreed in the SC.",
        "It was agreed it would be preferable to have the authority ID prior to the registration ID.",
        "Confirm that TS-0003 and TS-0004 get properly aligned with agreed TS-0001 CR in ARC-2018-0047R01",
        "introduction of Annex B into TS-0008v3_1_0 which was agreed at the PRO#34 meeting.",
        "Fixed typo so the document is revised.",
        "These requirements will be revised and merged with the other requirements.",
        "SEC meeting minutes were approved electronically.",
        "The objectives, as listed on the agenda, were noted.",
        "A  R03 was discussed and agreed.",
        "SEC-2015-0512- Withdrawn proposal for end-to-end security",
        "SEC-2018-0064R01 Presented by Wolfgang on Friday session-1 SEC",
        "SEC-2019-0001 was discussed and it was noted that more work is needed",
        "ARC-2019-0100 introduces a new resource. It was agreed to continue offline.",
        "Mirror CR of SEC-2018-0060R01",
        "It is linked to SEC-2018-0063 (“Discussion on Multicast Security”).",
        // The heading form: a title that says "were accepted" decides nothing.
        "ARC-2019-0101 - TS-0001 CR; only the bullets on <timeSeries> were accepted",
        "SDS-2022-0042 – Title with TST-2020-0032 was agreed in it",
    ] {
        assert_eq!(parse_decision(text), None, "{text}");
    }
}

#[test]
fn f7_trailing_comment_is_split_from_the_title() {
    let (title, comment) = split_title_comment(
        "WI Proposal TR-0008 Release 2, will be presented to TP for discussion and agreement.  ",
        Some("WI Proposal TR-0008 Release 2"),
        Context::builtin(),
    );
    assert_eq!(title, "WI Proposal TR-0008 Release 2");
    assert_eq!(
        comment.as_deref(),
        Some("will be presented to TP for discussion and agreement")
    );
    let (title, comment) =
        split_title_comment("Some CR, to be sent to TP", None, Context::builtin());
    assert_eq!(
        (title.as_str(), comment.as_deref()),
        ("Some CR", Some("to be sent to TP"))
    );
    let (title, comment) = split_title_comment(
        "Use Case of PPM (the update contained in -0576)",
        Some("Use case of PPM"),
        Context::builtin(),
    );
    assert_eq!(
        (title.as_str(), comment),
        ("Use Case of PPM (the update contained in -0576)", None)
    );
}

/// The former `sentences`, collected.
fn former_sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(". ") {
        let next = text.get(at + 2..).and_then(|rest| rest.trim_start().chars().next());
        if next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
            sentences.push(text.get(start..=at).unwrap_or_default().trim());
            start = at + 2;
        }
    }
    sentences.push(text.get(start..).unwrap_or_default().trim());
    sentences.retain(|s| !s.is_empty());
    sentences
}

/// The former `more_ids` test: the ids blanked out, only joiners left.
fn former_joiners_only(middle: &str) -> bool {
    let found = minutes_model::find_tdocs(middle);
    let mut rest = middle.to_string();
    for m in found.iter().rev() {
        rest.replace_range(m.start..m.end, " ");
    }
    !found.is_empty()
        && rest
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '&'))
            .all(|word| word.is_empty() || word.eq_ignore_ascii_case("and"))
}

proptest::proptest! {
    #[test]
    fn sentences_split_as_they_did(text in "[Aa1. é]{0,24}") {
        proptest::prop_assert_eq!(sentences(&text).collect::<Vec<_>>(), former_sentences(&text));
    }

    #[test]
    fn more_ids_accepts_what_it_did(
        parts in proptest::collection::vec(
            "SEC-2015-0001|ARC-2019-0101R01|/-0576|,|and|AND|&| |x|/",
            0..6,
        )
    ) {
        let middle = parts.concat();
        proptest::prop_assert_eq!(more_ids(&middle, Context::builtin()).is_some(), former_joiners_only(&middle));
    }
}

//! The two real SEC minutes of `../shared/seeds` against `../shared/truth`. Skipped (with a
//! message) when `../shared` is not beside the project.

use std::path::PathBuf;

use minutes_model::{Meeting, Purpose};
use minutes_tests::{
    action_rows, contribution_cells, disposition_rows, load, read_tsv, section_rows,
    shared_dir,
};
use pretty_assertions::assert_eq;

const SEEDS: [&str; 2] = ["sec17-sapporo-2015", "sec35-sophia-2018"];

fn seed(stem: &str) -> Option<(Meeting, PathBuf)> {
    let Some(shared) = shared_dir() else {
        eprintln!("../shared is not there: seed acceptance skipped");
        return None;
    };
    Some((load(&shared.join(format!("seeds/{stem}.txt"))), shared.join("truth")))
}

// Acceptance: exactly the truth's (Tdoc, Status) rows, in document order, with sections.
#[test]
fn dispositions_equal_truth() {
    for stem in SEEDS {
        let Some((meeting, truth)) = seed(stem) else { return };
        let expected: Vec<(String, String, String)> =
            read_tsv(&truth.join(format!("{stem}.tsv")))
                .into_iter()
                .map(|r| {
                    let status = match r["decision_norm"].as_str() {
                        "DispensationTP" => "Dispensation to TP".to_string(),
                        other => other.to_string(),
                    };
                    (r["tdoc_normalized"].clone(), status, r["section"].clone())
                })
                .collect();
        assert_eq!(disposition_rows(&meeting), expected, "{stem}");
    }
}

// The seeds are oneM2M meetings, detected from their ids (no `--body`).
#[test]
fn seeds_are_onem2m_meetings() {
    for stem in SEEDS {
        let Some((meeting, _)) = seed(stem) else { return };
        assert_eq!(meeting.body, Some(minutes_model::Scheme::OneM2m), "{stem}");
    }
}

// Acceptance: the decision lines are where the truth says (its `line` column).
#[test]
fn dispositions_point_at_their_lines() {
    for stem in SEEDS {
        let Some((meeting, truth)) = seed(stem) else { return };
        let expected: Vec<String> = read_tsv(&truth.join(format!("{stem}.tsv")))
            .into_iter()
            .map(|r| format!("line {}", r["line"]))
            .collect();
        let lines: Vec<String> =
            meeting.dispositions().into_iter().map(|d| d.location.to_string()).collect();
        assert_eq!(lines, expected, "{stem}");
    }
}

#[test]
fn sections_equal_truth() {
    for stem in SEEDS {
        let Some((meeting, truth)) = seed(stem) else { return };
        let expected: Vec<(String, String)> =
            read_tsv(&truth.join(format!("{stem}_sections.tsv")))
                .into_iter()
                .map(|r| (r["number"].clone(), r["title"].clone()))
                .collect();
        assert_eq!(section_rows(&meeting), expected, "{stem}");
    }
}

#[test]
fn contribution_rows_equal_truth() {
    for stem in SEEDS {
        let Some((meeting, truth)) = seed(stem) else { return };
        let expected: Vec<(String, String, String, String)> =
            read_tsv(&truth.join(format!("{stem}_contrib_tables.tsv")))
                .into_iter()
                .map(|r| {
                    (
                        r["section"].clone(),
                        r["tdoc_cell"].clone(),
                        r["title_cell"].clone(),
                        r["source_cell"].clone(),
                    )
                })
                .collect();
        assert_eq!(contribution_cells(&meeting), expected, "{stem}");
    }
}

#[test]
fn action_items_equal_truth() {
    for stem in SEEDS {
        let Some((meeting, truth)) = seed(stem) else { return };
        let rows = read_tsv(&truth.join(format!("{stem}_actions.tsv")));
        let expected: Vec<(String, String, String)> = rows
            .iter()
            .map(|r| (r["reference"].clone(), r["who"].clone(), r["status"].clone()))
            .collect();
        assert_eq!(action_rows(&meeting), expected, "{stem}");
        let what: Vec<String> = rows.iter().map(|r| r["what"].clone()).collect();
        let ours: Vec<String> =
            meeting.action_items.iter().map(|a| a.what.replace('\n', " | ")).collect();
        assert_eq!(ours, what, "{stem}");
    }
}

// Cover fields of `truth/meta-and-negatives.md`.
#[test]
fn cover_fields_equal_truth() {
    let Some((sec17, _)) = seed("sec17-sapporo-2015") else { return };
    let cover = &sec17.cover;
    assert_eq!(cover.title.as_deref(), Some("SEC17 Meeting – Sapporo, Japan"));
    assert_eq!(
        cover.chair.as_deref(),
        Some("Francois Ennesser, Gemalto (Francois.Ennesser@gemalto.com)")
    );
    assert_eq!(
        cover.vice_chairs,
        ["Dragan Vujcic, Oberthur Technologies (V.Dragan@oberthur.com)"]
    );
    assert_eq!(
        cover.secretary.as_deref(),
        Some("Nicole Butler, ATIS (nbutler@atis.org)")
    );
    assert_eq!(cover.date.as_deref(), Some("17-21 May 2015"));
    assert_eq!(
        cover.purpose, None::<Purpose>,
        "the ticked box is lost in the text export"
    );

    let Some((sec35, _)) = seed("sec35-sophia-2018") else { return };
    let cover = &sec35.cover;
    assert_eq!(cover.chair.as_deref(), Some("François Ennesser"));
    assert_eq!(
        cover.title.as_deref(),
        Some("Face to Face meeting in Sophia-Antipolis , France")
    );
    assert_eq!((cover.secretary.as_ref(), cover.date.as_ref()), (None, None));
    assert!(sec35.diagnostics.iter().any(|d| d.message.starts_with("no cover sheet")));
}

// Acceptance of `check`: the year typos, the 0606 heading, documents absent from the tables.
#[test]
fn sec17_diagnostics() {
    let Some((meeting, _)) = seed("sec17-sapporo-2015") else { return };
    let has = |line: &str, text: &str| {
        meeting.diagnostics.iter().any(|d| {
            d.location.to_string() == format!("line {line}") && d.message.contains(text)
        })
    };
    assert!(has("128", "year typo: `SEC-2105-0576` read as SEC-2015-0576"));
    assert!(has("417", "year typo: `SEC-2105-0538` read as SEC-2015-0538"));
    assert!(has("421", "year typo: `SEC-2105-0539` read as SEC-2015-0539"));
    assert!(has("75", "document heading names SEC-2015-0606 but the decision at line 77 is on SEC-2015-0506"));
    assert!(has(
        "161",
        "SEC-2015-0527R01 is decided but absent from every contribution table"
    ));
    assert!(has(
        "339",
        "SEC-2015-0541 is decided but absent from every contribution table"
    ));
    assert!(!meeting
        .diagnostics
        .iter()
        .any(|d| d.severity == minutes_model::Severity::Error));
}

// Truth: documents discussed with no decision are reported, never given one.
#[test]
fn sec35_undecided_documents_are_reported() {
    let Some((meeting, _)) = seed("sec35-sophia-2018") else { return };
    let noted = |text: &str| meeting.diagnostics.iter().any(|d| d.message.contains(text));
    assert!(noted("PRO-2018-0177R02 is discussed but no decision is recorded"));
    assert!(noted("TP-2018-0157 is discussed but no decision is recorded"));
    assert!(!meeting
        .dispositions()
        .iter()
        .any(|d| d.tdoc.to_string() == "PRO-2018-0177R02"));
}

// I: the planned meetings of both seeds.
#[test]
fn next_meetings() {
    let Some((sec17, _)) = seed("sec17-sapporo-2015") else { return };
    let plans: Vec<(String, Option<String>)> =
        sec17.next_meetings.iter().map(|m| (m.name.clone(), m.when.clone())).collect();
    assert_eq!(
        plans,
        [
            ("SEC#17.1".to_string(), Some("June 11, 2015, UTC 13:00-15:00".to_string())),
            ("SEC#17.2".to_string(), Some("July 8, 2015, UTC 13:00-15:00".to_string())),
            ("SEC#17.3".to_string(), Some("Jul 15, 2015, UTC 13:00-15:00".to_string())),
            ("TP18".to_string(), Some("July 2015".to_string())),
        ]
    );
    let Some((sec35, _)) = seed("sec35-sophia-2018") else { return };
    let last = sec35.next_meetings.last().cloned().unwrap_or_default();
    assert_eq!(
        (
            last.name.as_str(),
            last.when.as_deref(),
            last.place.as_deref(),
            last.kind.as_deref()
        ),
        ("SEC#37", Some("17-21 Sept 2018"), Some("Bundang (KR)"), Some("Face to face"))
    );
    assert_eq!(sec35.next_meetings.len(), 3);
}

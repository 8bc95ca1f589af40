//! The bundled samples (`samples/*.txt`, written in styles the seeds don't show) against
//! their hand-written expected results in `samples/expected/`.

use std::path::{Path, PathBuf};

use minutes_model::Meeting;
use minutes_tests::{
    action_rows, contribution_rows, disposition_rows, load, project_dir, read_tsv,
    section_rows,
};
use pretty_assertions::assert_eq;

fn samples() -> Vec<PathBuf> {
    let mut samples: Vec<PathBuf> = std::fs::read_dir(project_dir().join("samples"))
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    samples.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    samples.sort();
    assert!(samples.len() >= 3, "at least three samples");
    samples
}

fn expected(sample: &Path, what: &str) -> Vec<std::collections::HashMap<String, String>> {
    let stem = sample.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    read_tsv(&project_dir().join(format!("samples/expected/{stem}.{what}.tsv")))
}

fn check(sample: &Path, meeting: &Meeting) {
    let name = sample.display();
    let rows: Vec<(String, String, String)> = expected(sample, "dispositions")
        .into_iter()
        .map(|r| (r["tdoc"].clone(), r["status"].clone(), r["section"].clone()))
        .collect();
    assert_eq!(disposition_rows(meeting), rows, "dispositions of {name}");
    // Every bundled sample is a oneM2M meeting, detected from its ids.
    assert_eq!(meeting.body, Some(minutes_model::Scheme::OneM2m), "body of {name}");

    let sections: Vec<(String, String)> = expected(sample, "sections")
        .into_iter()
        .map(|r| (r["number"].clone(), r["title"].clone()))
        .collect();
    assert_eq!(section_rows(meeting), sections, "sections of {name}");

    let contributions: Vec<(String, String, String, String)> =
        expected(sample, "contributions")
            .into_iter()
            .map(|r| {
                (
                    r["section"].clone(),
                    r["tdoc"].clone(),
                    r["title"].clone(),
                    r["source"].clone(),
                )
            })
            .collect();
    assert_eq!(contribution_rows(meeting), contributions, "contributions of {name}");

    let actions: Vec<(String, String, String)> = expected(sample, "actions")
        .into_iter()
        .map(|r| (r["reference"].clone(), r["who"].clone(), r["status"].clone()))
        .collect();
    assert_eq!(action_rows(meeting), actions, "action items of {name}");

    let cover = &meeting.cover;
    let fields = [
        ("title", &cover.title),
        ("chair", &cover.chair),
        ("secretary", &cover.secretary),
        ("date", &cover.date),
    ];
    let mut ours: Vec<(String, String)> = fields
        .iter()
        .filter_map(|(f, v)| v.as_ref().map(|v| (f.to_string(), v.clone())))
        .collect();
    ours.extend(cover.vice_chairs.iter().map(|v| ("vice_chairs".to_string(), v.clone())));
    let mut theirs: Vec<(String, String)> = expected(sample, "cover")
        .into_iter()
        .map(|r| (r["field"].clone(), r["value"].clone()))
        .collect();
    ours.sort();
    theirs.sort();
    assert_eq!(ours, theirs, "cover of {name}");
}

// Every text sample recognises to exactly its expected results.
#[test]
fn text_samples_match_expected() {
    for sample in samples() {
        check(&sample, &load(&sample));
    }
}

// Issue 3: each DOCX sample (Word headings, numbering, real tables, checkboxes) recognises
// to the same results as its text version.
#[test]
fn docx_samples_match_expected() {
    for sample in samples() {
        let stem = sample.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let docx = project_dir().join(format!("samples/docx/{stem}.docx"));
        if docx.exists() {
            check(&sample, &load(&docx));
        }
    }
}

// The ticked purpose box, where the sample's format keeps it (lost in text exports of
// checkbox fields, kept in DOCX).
#[test]
fn purpose_of_samples() {
    for row in read_tsv(&project_dir().join("samples/expected/purpose.tsv")) {
        let path = match row["format"].as_str() {
            "docx" => format!("samples/docx/{}.docx", row["sample"]),
            _ => format!("samples/{}.txt", row["sample"]),
        };
        let meeting = load(&project_dir().join(&path));
        let purpose = meeting
            .cover
            .purpose
            .map(|p| p.label().split(' ').next().unwrap_or_default().to_lowercase());
        assert_eq!(purpose.unwrap_or_default(), row["purpose"], "{path}");
    }
}

/// The action items of a table stay in its section: pro-38's new items A-38-1 and A-38-2
/// are in §9 of the DOCX and of the Markdown, and only there (issue 13).
#[test]
fn action_items_stay_where_the_draft_has_them() {
    let sample = project_dir().join("samples/pro-38-f2f.txt");
    let meeting = load(&sample);
    let docx = minutes_write::write_docx(
        &meeting,
        &minutes_write::Template::builtin(),
        &minutes_write::DocxWriteOptions::default(),
    )
    .unwrap_or_default();
    let written = minutes::load(&docx).map(|l| l.meeting).unwrap_or_default();
    for (what, meeting) in [("draft", &meeting), ("DOCX", &written)] {
        let references_in = |number: &str| -> Vec<String> {
            let section = meeting.all_sections().into_iter().find(|s| s.number == number);
            let mut references = Vec::new();
            for block in section.map(|s| s.blocks.as_slice()).unwrap_or_default() {
                if let minutes_model::Block::ActionItems { items: Some(range), .. } =
                    block
                {
                    for item in
                        meeting.action_items.get(range.clone()).unwrap_or_default()
                    {
                        references.push(item.reference.clone());
                    }
                }
            }
            references
        };
        assert_eq!(references_in("4"), ["A-37-1", "A-37-2", "A-37-3 (R4)"], "{what} §4");
        assert_eq!(references_in("9"), ["A-38-1", "A-38-2"], "{what} §9");
    }
    let markdown = minutes_write::write_markdown(&meeting);
    let section_9 = markdown.split("## 9 ").nth(1).unwrap_or_default();
    let before_9 = markdown.split("## 9 ").next().unwrap_or_default();
    assert!(section_9.contains("A-38-1") && section_9.contains("A-38-2"));
    assert!(!before_9.contains("A-38-1") && !before_9.contains("A-38-2"));
}

/// DOCX-only samples (`samples/sources/<stem>.txt` built by `scripts/make_sample_docx.py`
/// into `samples/docx/<stem>.docx`): an agenda whose items are table rows and a draft whose
/// only headings are unnumbered Heading-styled titles recognise to their expected results,
/// and their official minutes hold every row and paragraph (issue 13).
#[test]
fn docx_only_samples_match_expected_and_keep_everything() {
    let mut sources: Vec<PathBuf> =
        std::fs::read_dir(project_dir().join("samples/sources"))
            .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
    sources.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    sources.sort();
    assert!(sources.len() >= 2, "DOCX-only samples missing");
    for source in sources {
        let stem = source.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let docx = project_dir().join(format!("samples/docx/{stem}.docx"));
        check(&source, &load(&docx));
        let bytes = std::fs::read(&docx).unwrap_or_default();
        let measure = minutes_tests::body_conservation::measure(&bytes)
            .unwrap_or_else(|e| panic!("{}: {e}", docx.display()));
        assert_eq!(
            measure.missing, 0,
            "{stem}: words missing: {:?}",
            measure.missing_words
        );
        assert_eq!(measure.in_order, measure.blocks, "{stem}: blocks out of order");
    }
}

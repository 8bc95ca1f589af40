//! `inspect --format json` output reads back in as a draft giving the identical model.

use minutes_model::Meeting;
use minutes_tests::{load, text_drafts};
use pretty_assertions::assert_eq;

#[test]
fn json_reads_back_identical() {
    for draft in text_drafts() {
        let meeting = load(&draft);
        let json = meeting.to_json();
        let loaded = minutes::load(json.as_bytes())
            .unwrap_or_else(|e| panic!("{}: {e}", draft.display()));
        assert_eq!(loaded.format, minutes::InputFormat::Json);
        assert_eq!(loaded.meeting, meeting, "{}", draft.display());
        assert_eq!(loaded.meeting.to_json(), json);
    }
}

// The JSON carries the DESIGN.md §5 field names.
#[test]
fn json_has_contract_fields() {
    let meeting = Meeting::default();
    let value: serde_json::Value =
        serde_json::from_str(&meeting.to_json()).unwrap_or_default();
    for field in [
        "cover",
        "body",
        "sections",
        "dispositions",
        "action_items",
        "next_meetings",
        "diagnostics",
    ] {
        assert!(value.get(field).is_some(), "{field}");
    }
}

// A JSON document that is not a model is a clear error, not a panic.
#[test]
fn invalid_json_model_is_an_error() {
    let err = minutes::load(b"{\"sections\": 3}")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("not a valid meeting model"), "{err}");
}

/// The meeting's body is written by its `--body` name (`null` when unknown) and read back;
/// models written before it was recorded load with an unknown body.
#[test]
fn the_body_is_written_and_read_back() {
    let gpp =
        Meeting { body: Some(minutes_model::Scheme::ThreeGpp), ..Meeting::default() };
    let json = gpp.to_json();
    assert!(json.contains("\"body\": \"3gpp\""), "{json}");
    assert_eq!(Meeting::from_json(&json).unwrap().body, gpp.body);
    let unknown = Meeting::default().to_json();
    assert!(unknown.contains("\"body\": null"), "{unknown}");
    let former = Meeting::from_json(r#"{"cover": {"title": "SEC17"}}"#).unwrap();
    assert_eq!(former.body, None);
    let bad = Meeting::from_json(r#"{"body": "etsi"}"#).map(|m| m.body);
    assert!(bad.is_err(), "{bad:?}");
}

/// Models written before issue 13 (no `contributions` block, `action_items` blocks without
/// `items`) still load, and the official minutes still show their contribution tables at
/// the top of their section and every action item once.
#[test]
fn models_of_the_former_contract_still_load_and_write() {
    let json = r#"{
      "cover": {"title": "SEC17"},
      "sections": [
        {"number": "2", "title": "Agenda",
         "contributions": [{"tdoc": "SEC-2015-0524R02", "title": "Agenda", "source": "Chair"}],
         "blocks": [
           {"type": "decision", "tdoc": "SEC-2015-0524R02", "tdoc_as_written": "SEC-2015-0524R02",
            "status": "Agreed", "status_as_written": "AGREED", "title": "Agenda",
            "as_written": "AGREED - SEC-2015-0524R02 - Agenda"},
           {"type": "action_items"}
         ]}
      ],
      "action_items": [{"reference": "A-1", "what": "Write", "who": "All", "status": "OPEN"}]
    }"#;
    let meeting = Meeting::from_json(json).unwrap();
    let docx = minutes_write::write_docx(
        &meeting,
        &minutes_write::Template::builtin(),
        &minutes_write::DocxWriteOptions::default(),
    )
    .unwrap();
    let flow = minutes::read_flow(&docx).unwrap().output;
    let text = minutes::flow::render_flow(&flow);
    let after_heading = text.split("# 2 Agenda\n").nth(1).unwrap_or_default();
    assert!(
        after_heading.starts_with(
            "| Tdoc number\tTitle\tSource\n| SEC-2015-0524R02\tAgenda\tChair\n"
        ),
        "{text}"
    );
    assert_eq!(text.matches("| A-1\t").count(), 1, "{text}");
}

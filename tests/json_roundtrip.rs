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

//! Markdown view of a meeting.

use minutes_model::Meeting;

/// The meeting as Markdown.
pub fn write_markdown(_meeting: &Meeting) -> String {
    String::new()
}

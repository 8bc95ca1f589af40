//! Plain-text reader (stub, being written).
use minutes_flow::{Flow, Warned};

/// Decodes text bytes.
pub fn decode_text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Reads a text draft into a Flow.
pub fn read_text(bytes: &[u8]) -> Warned<Flow> {
    let _ = decode_text(bytes);
    Warned::new(Flow::default())
}

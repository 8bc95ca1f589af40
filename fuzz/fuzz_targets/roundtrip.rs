//! Fuzz target: Meeting → official DOCX (built-in template) → DOCX reader → recogniser →
//! Meeting; the fields that must survive are compared. The Meeting comes from fuzzed text
//! through the text reader and recogniser.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    minutes_fuzz::roundtrip(data);
});

//! Fuzz target: bytes → text reader → recogniser → Meeting, then the views every writer
//! uses (dispositions, CSV, JSON round trip).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    minutes_fuzz::recognise(data);
});

//! Fuzz target: any bytes through the text reader (decoding, line ends, blocks). The text
//! reader never fails, so the only finding is a panic, a hang or runaway memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    minutes_fuzz::read_text(data);
});

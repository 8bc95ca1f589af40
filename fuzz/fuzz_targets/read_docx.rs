//! Fuzz target: the DOCX reader. Bytes starting with `PK` are a package as they are (seeds:
//! `samples/docx/*.docx`); anything else builds a package around fuzzed parts (see
//! `minutes_fuzz::build_package`), so that most inputs reach the XML parser.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    minutes_fuzz::read_docx(data);
});

//! Fuzz target: the `.doc` reader. Bytes starting with the OLE signature are a compound
//! file as they are (seeds: small `.doc` files); anything else builds one around fuzzed
//! `WordDocument` and table streams (see `minutes_fuzz::build_doc`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    minutes_fuzz::read_doc(data);
});

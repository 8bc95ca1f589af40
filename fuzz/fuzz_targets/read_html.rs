//! Fuzz target: any bytes through the HTML reader (charset prescan, html5ever's repairs,
//! the tree walk with lists and spanned tables), then the recogniser and its writers'
//! invariants, as `recognise` checks them for text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    minutes_fuzz::read_html(data);
});

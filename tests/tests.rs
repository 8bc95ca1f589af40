//! Integration tests: one module per feature. New feature, new module; keep them sorted.

/// The `minutes` command: exit codes, messages, files written.
mod cli;
/// The model's JSON form reads back as the identical model.
mod json_roundtrip;
/// The bundled samples against their hand-written expected results.
mod samples;
/// The two real seeds against their hand-checked truth (needs `../shared`).
mod seeds;

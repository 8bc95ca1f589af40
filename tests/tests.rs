//! Integration tests: one module per feature. New feature, new module; keep them sorted.

// Tests index truth rows by column name and unwrap freely: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

/// Agendas: this meeting's, the next meeting's, from a contributions list.
mod agenda;
/// Batch conversion: mirrored tree, report, failures.
mod batch;
/// The `minutes` command: exit codes, messages, files written.
mod cli;
/// Every (Tdoc, status) survives into the CSV, the official DOCX and the JSON.
mod conservation;
/// Word 97–2003 `.doc` drafts read like their DOCX form; other OLE files refused by name.
mod doc;
/// An independent reader (docx-rs) sees what our official DOCX holds.
mod docx_independent;
/// Model → official DOCX → model keeps what the minutes must keep.
mod docx_roundtrip;
/// Errors are errors: exit 1 unless `--allow-errors`; no minutes refused unless `--force`.
mod errors;
/// Input formats read (HTML, XLSX, Markdown) and refused by name (PDF, images, archives).
mod formats;
/// Golden files per stage (flow, meeting, diagnostics, CSV, document.xml) of every sample.
mod golden;
/// The model's JSON form reads back as the identical model.
mod json_roundtrip;
/// The real 3GPP documents against their truth: precision and recall (needs `../shared`).
mod real_3gpp;
/// Fuzzing crash inputs (`tests/fixtures/regressions/`) replayed through their targets.
mod regressions;
/// Hostile and broken input: exit 1 naming the file, bounded time, nothing left behind.
mod robustness;
/// The bundled samples against their hand-written expected results.
mod samples;
/// The two real seeds against their hand-checked truth (needs `../shared`).
mod seeds;
/// Templates: package naming variants, any Word document as `--template`.
mod templates;

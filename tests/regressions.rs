//! Fuzzing crash inputs replayed: every `tests/fixtures/regressions/<target>-<n>.bin` goes
//! through the body of fuzz target `<target>` (the very code in `fuzz/src/lib.rs`, included
//! here), which panics if and only if the bug is still there. New crash inputs: copy them
//! from `fuzz/artifacts/<target>/` under the next free `<n>` (see FUZZING.md).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::PathBuf;

use minutes_tests::project_dir;

#[path = "../fuzz/src/lib.rs"]
mod harness;

/// A fuzz target's body.
type Target = fn(&[u8]);

/// The targets, by the file-name prefix of their inputs.
const TARGETS: [(&str, Target); 6] = [
    ("read_text", harness::read_text),
    ("read_html", harness::read_html),
    ("read_docx", harness::read_docx),
    ("read_doc", harness::read_doc),
    ("recognise", harness::recognise),
    ("roundtrip", harness::roundtrip),
];

fn inputs() -> Vec<PathBuf> {
    let mut inputs: Vec<PathBuf> =
        std::fs::read_dir(project_dir().join("tests/fixtures/regressions"))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
    inputs.retain(|p| p.extension().is_some_and(|e| e == "bin"));
    inputs.sort();
    inputs
}

// Every crash input replays without a panic, each reported on its own.
#[test]
fn crash_inputs_do_not_panic() {
    let mut failures = Vec::new();
    for input in inputs() {
        let name = input
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let target = TARGETS.iter().find(|(prefix, _)| {
            name.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('-'))
        });
        let Some((_, run)) = target else {
            failures.push(format!("{name}: no target of that name"));
            continue;
        };
        let bytes = std::fs::read(&input).unwrap();
        if let Err(panic) = std::panic::catch_unwind(|| run(&bytes)) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(format!("{name}: {message}"));
        }
    }
    assert!(failures.is_empty(), "crash inputs still crash:\n{}", failures.join("\n"));
}

// The seeds of the structured DOCX target build packages the reader accepts, so that
// fuzzing reaches the XML parser.
#[test]
fn structured_packages_read() {
    let body = br#"<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>1 Opening</w:t></w:r></w:p>"#;
    for flags in [16u8, 16 | 8, 16 | 32, 16 | 4] {
        let mut data = vec![flags];
        data.extend_from_slice(body);
        let package = harness::build_package(&data);
        let flow =
            minutes_read::read_docx(&package, &minutes_read::DocxOptions::default())
                .unwrap_or_else(|e| panic!("flags {flags}: {e}"));
        assert_eq!(flow.output.blocks.len(), 1, "flags {flags}");
    }
}

//! Word 97–2003 `.doc` drafts: sniffed and read like their DOCX form. The SA2#132 report
//! (`../shared/real/3gpp/`) against its LibreOffice DOCX conversion, the shared `.doc`
//! corpus for panics and errors, and refusals of other OLE files by name.

use std::{collections::HashMap, io::Cursor, io::Write, path::Path};

use minutes_flow::render_flow;
use minutes_write::{Column, CsvOptions};

use minutes_tests::{minutes_command, shared_dir};

fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

/// Shared words over the larger word count (bag of words).
fn agreement(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    let total = a.values().sum::<usize>().max(b.values().sum::<usize>()).max(1);
    let common: usize =
        a.iter().map(|(w, n)| (*n).min(b.get(w).copied().unwrap_or(0))).sum();
    common as f64 / total as f64
}

fn flow_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    render_flow(&minutes::read_flow(&bytes).unwrap().output)
}

fn dispositions_csv(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let meeting = minutes::load(&bytes).unwrap().meeting;
    let mut csv = Vec::new();
    // Every column but the location: LibreOffice's conversion numbers the paragraphs of the
    // table of contents differently (the .docx has one paragraph fewer before clause 2).
    let options = CsvOptions {
        columns: Column::ALL.iter().copied().filter(|c| *c != Column::Span).collect(),
        all_documents: true,
        ..CsvOptions::default()
    };
    minutes_write::write_dispositions(&meeting, &options, &mut csv).unwrap();
    String::from_utf8(csv).unwrap()
}

// The SA2#132 report as published (.doc) reads to the Flow of its DOCX form: at least
// 99 % of the words and every heading agree, and the dispositions (every column) are
// the same rows (every column but the location), whatever the recogniser makes of them.
#[test]
fn sa2_132_doc_reads_as_its_docx() {
    let Some(shared) = shared_dir() else { return };
    let dir = shared.join("real/3gpp/sa2-132-report");
    let (doc, docx) =
        (dir.join("S2_132_Draft_Rep_v002.doc"), dir.join("S2_132_Draft_Rep_v002.docx"));
    if !doc.exists() {
        return;
    }
    let (from_doc, from_docx) = (flow_text(&doc), flow_text(&docx));
    let similarity = agreement(&from_doc, &from_docx);
    assert!(similarity >= 0.99, "word agreement {similarity:.4}");
    let headings = |text: &str| -> Vec<String> {
        text.lines().filter(|l| l.starts_with('#')).map(str::to_string).collect()
    };
    pretty_assertions::assert_eq!(headings(&from_doc), headings(&from_docx));
    assert!(headings(&from_doc).len() > 60);
    pretty_assertions::assert_eq!(dispositions_csv(&doc), dispositions_csv(&docx));
}

// Every file of the shared .doc corpus reads or fails with a message, never a panic;
// every file LibreOffice reads (not in `ref-text/FAILED.tsv`) is read, the four whose
// container the `cfb` crate refuses as malformed through the lenient fallback.
#[test]
fn doc_corpus_reads_without_panic() {
    let Some(shared) = shared_dir() else { return };
    let dir = shared.join("corpus/doc");
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    let failed =
        std::fs::read_to_string(dir.join("ref-text/FAILED.tsv")).unwrap_or_default();
    let mut unexpected = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".doc") {
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap();
        let result = std::panic::catch_unwind(|| minutes::read_flow(&bytes).map(|_| ()));
        match result {
            Err(_) => unexpected.push(format!("{name}: panic")),
            Ok(Err(e)) => {
                let message = e.to_string();
                let known = failed.lines().any(|l| l.starts_with(&format!("{name}\t")));
                if !known {
                    unexpected.push(format!("{name}: {message}"));
                }
            }
            Ok(Ok(())) => {}
        }
    }
    assert!(unexpected.is_empty(), "{unexpected:#?}");
}

/// A compound file of the given streams.
fn compound(streams: &[(&str, &[u8])]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    for (name, bytes) in streams {
        file.create_stream(name).unwrap().write_all(bytes).unwrap();
    }
    file.flush().unwrap();
    file.into_inner().into_inner()
}

// An Excel workbook and an encrypted .docx in OLE files are refused by name, exit 1.
#[test]
fn other_ole_files_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    for (name, streams, expected) in [
        ("tdocs.xls", vec![("/Workbook", &b"\x09\x08"[..])], "an Excel workbook (.xls)"),
        (
            "locked.docx",
            vec![("/EncryptionInfo", &b"x"[..]), ("/EncryptedPackage", &b"x"[..])],
            "password-protected Word (.docx)",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, compound(&streams)).unwrap();
        let output = minutes_command().arg("flow").arg(&path).output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(name) && stderr.contains(expected), "{stderr}");
    }
}

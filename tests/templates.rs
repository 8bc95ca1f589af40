//! Templates whose package names its parts in ways Word and other producers write:
//! Strict relationship types, upper-case part names, `%20` in a part name. Each is used
//! as `--template` and the output is read back.

use std::io::{Cursor, Read, Write};

use minutes_tests::{load, minutes_command, project_dir};

/// The user template of the samples, a Word document with the oneM2M cover table.
fn acme() -> Vec<u8> {
    std::fs::read(project_dir().join("samples/templates/acme-minutes.docx")).unwrap()
}

/// The entries of a zip package: name and bytes, in order.
fn entries(package: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(package)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

/// A package of these entries.
fn package(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        writer
            .start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// `template` with entries renamed (`from` → `to`) and texts replaced in every part.
fn edited(
    template: &[u8],
    renames: &[(&str, &str)],
    replaces: &[(&str, &str)],
) -> Vec<u8> {
    let edited: Vec<(String, Vec<u8>)> = entries(template)
        .into_iter()
        .map(|(name, bytes)| {
            let name = renames
                .iter()
                .find(|(from, _)| *from == name)
                .map_or(name, |(_, to)| (*to).to_string());
            let bytes = match String::from_utf8(bytes) {
                Ok(mut text) => {
                    for (from, to) in replaces {
                        text = text.replace(from, to);
                    }
                    text.into_bytes()
                }
                Err(e) => e.into_bytes(),
            };
            (name, bytes)
        })
        .collect();
    package(&edited)
}

/// Converts the sample with `template`; returns the output's bytes after checking that
/// minutes reads back the sample's cover and decisions from it.
fn convert_with(template: &[u8], label: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let template_path = dir.path().join(format!("{label}.docx"));
    std::fs::write(&template_path, template).unwrap();
    let draft = project_dir().join("samples/pro-38-f2f.txt");
    let out = dir.path().join("out.docx");
    let output = minutes_command()
        .arg("convert")
        .arg(&draft)
        .arg("--template")
        .arg(&template_path)
        .arg("-o")
        .arg(&out)
        .arg("--quiet")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{label}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let expected = load(&draft);
    let read_back = load(&out);
    assert_eq!(read_back.cover.title, expected.cover.title, "{label}");
    assert_eq!(read_back.cover.chair, expected.cover.chair, "{label}");
    assert_eq!(
        minutes_tests::disposition_rows(&read_back),
        minutes_tests::disposition_rows(&expected),
        "{label}"
    );
    std::fs::read(&out).unwrap()
}

/// The names of the entries of a package.
fn names(package: &[u8]) -> Vec<String> {
    entries(package).into_iter().map(|(name, _)| name).collect()
}

const STRICT: &str = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
const TRANSITIONAL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// Relationship types of Strict OOXML (the package's main document, the styles and the
// numbering) are the Transitional ones.
#[test]
fn strict_relationships() {
    let template = edited(&acme(), &[], &[(TRANSITIONAL, STRICT)]);
    let out = convert_with(&template, "strict");
    // The numbering part the template has is rewritten, not added beside it.
    assert_eq!(names(&out), names(&template));
}

// Part names compare case-insensitively: the rewritten parts keep the template's names.
#[test]
fn upper_case_part_names() {
    let template = edited(
        &acme(),
        &[
            ("word/document.xml", "Word/Document.xml"),
            ("word/_rels/document.xml.rels", "Word/_rels/Document.xml.rels"),
            ("word/styles.xml", "Word/STYLES.XML"),
            ("word/numbering.xml", "Word/Numbering.xml"),
        ],
        &[],
    );
    let out = convert_with(&template, "upper");
    assert_eq!(names(&out), names(&template));
}

// A part name written with `%20` in the relationships and content types, stored with a
// space in the zip.
#[test]
fn percent_escaped_part_name() {
    let template = edited(
        &acme(),
        &[
            ("word/document.xml", "word/main document.xml"),
            ("word/_rels/document.xml.rels", "word/_rels/main document.xml.rels"),
        ],
        &[
            ("Target=\"word/document.xml\"", "Target=\"word/main%20document.xml\""),
            ("PartName=\"/word/document.xml\"", "PartName=\"/word/main%20document.xml\""),
        ],
    );
    assert!(names(&template).iter().any(|n| n == "word/main document.xml"));
    let out = convert_with(&template, "escaped");
    assert_eq!(names(&out), names(&template));
}

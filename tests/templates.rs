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

// ---------------------------------------------------------------------------------------
// Templates of other bodies: any Word document, and the built-in `plain` one.

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A Word document whose body is `body`: the parts of `templates/plain/` (styles,
/// settings, fonts, theme) with another main part.
fn word_document(body: &str) -> Vec<u8> {
    let root = project_dir().join("templates/plain");
    let mut parts = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let name =
                path.strip_prefix(&root).unwrap().to_str().unwrap().replace('\\', "/");
            if name != "README.md" {
                parts.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    for (name, bytes) in &mut parts {
        if name == "word/document.xml" {
            *bytes = document.clone().into_bytes();
        }
    }
    parts.sort();
    package(&parts)
}

fn para(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// Converts `draft` with `template` (a path or a built-in name); returns the output.
fn convert_draft(
    draft: &std::path::Path,
    template: &str,
    out: &std::path::Path,
) -> Vec<u8> {
    let output = minutes_command()
        .arg("convert")
        .arg(draft)
        .args(["--template", template, "--quiet", "-o"])
        .arg(out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{template}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::read(out).unwrap()
}

/// The paragraph texts docx-rs sees in a package, table cells and content controls
/// included.
fn docx_rs_texts(bytes: &[u8]) -> Vec<String> {
    use docx_rs::{DocumentChild, TableCellContent, TableChild, TableRowChild};
    let docx = docx_rs::read_docx(bytes).unwrap_or_else(|e| panic!("docx-rs: {e}"));
    let mut out = Vec::new();
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => out.push(p.raw_text()),
            DocumentChild::Table(table) => {
                for TableChild::TableRow(row) in &table.rows {
                    for TableRowChild::TableCell(cell) in &row.cells {
                        for content in &cell.children {
                            if let TableCellContent::Paragraph(p) = content {
                                out.push(p.raw_text());
                            }
                        }
                    }
                }
            }
            DocumentChild::StructuredDataTag(tag) => {
                let text: String = tag
                    .children
                    .iter()
                    .filter_map(|c| match c {
                        docx_rs::StructuredDataTagChild::Paragraph(p) => {
                            Some(p.raw_text())
                        }
                        _ => None,
                    })
                    .collect();
                out.push(text);
            }
            _ => {}
        }
    }
    out
}

/// Checks an output filled from a template of another body: minutes reads back the
/// draft's decisions, and docx-rs sees every decision line and the cover values in
/// `cover_texts`.
fn assert_read_back(
    out: &std::path::Path,
    draft: &std::path::Path,
    cover_texts: &[&str],
) {
    let expected = load(draft);
    let read_back = load(out);
    assert_eq!(
        minutes_tests::disposition_rows(&read_back),
        minutes_tests::disposition_rows(&expected),
        "{}",
        out.display()
    );
    let seen = docx_rs_texts(&std::fs::read(out).unwrap());
    for (_, decision) in expected.decisions() {
        assert!(
            seen.iter().any(|t| t.trim() == decision.as_written.trim()),
            "`{}` not seen by docx-rs",
            decision.as_written
        );
    }
    for text in cover_texts {
        assert!(seen.iter().any(|t| t.contains(text)), "`{text}` not seen: {seen:?}");
    }
    assert!(!seen.iter().any(|t| t.contains("{{")), "a marker is left: {seen:?}");
}

fn sample(name: &str) -> std::path::PathBuf {
    project_dir().join("samples").join(name)
}

// `--template plain`: the cover in label lines, read back as the same cover.
#[test]
fn plain_template() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["pro-38-f2f.txt", "arc-41-teleconference.txt", "req-edge-cases.txt"] {
        let draft = sample(name);
        let out = dir.path().join(format!("{name}.docx"));
        convert_draft(&draft, "plain", &out);
        let expected = load(&draft);
        let read_back = load(&out);
        assert_eq!(read_back.cover.title, expected.cover.title, "{name}");
        assert_eq!(read_back.cover.chair, expected.cover.chair, "{name}");
        assert_eq!(read_back.cover.secretary, expected.cover.secretary, "{name}");
        assert_eq!(read_back.cover.date, expected.cover.date, "{name}");
        let title = expected.cover.title.clone().unwrap_or_default();
        assert_read_back(&out, &draft, &["Minutes", &title]);
    }
}

// Content controls named by tag (run-level, in a label line) or by title (block-level)
// take the cover values; without a `{{body}}` paragraph the minutes follow the
// template's content.
#[test]
fn content_controls_take_the_cover() {
    let run_control = |tag: &str| {
        format!(
            r#"<w:sdt><w:sdtPr><w:tag w:val="{tag}"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:b/></w:rPr><w:t>Click or tap here to enter text.</w:t></w:r></w:sdtContent></w:sdt>"#
        )
    };
    let body = format!(
        r#"{}<w:sdt><w:sdtPr><w:alias w:val="Meeting title"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Title here</w:t></w:r></w:p><w:p><w:r><w:t>second line</w:t></w:r></w:p></w:sdtContent></w:sdt><w:p><w:r><w:t xml:space="preserve">Chair: </w:t></w:r>{}</w:p><w:p><w:r><w:t xml:space="preserve">Meeting Date: </w:t></w:r>{}</w:p>{}"#,
        para("Report of the meeting"),
        run_control("chair"),
        run_control("date"),
        para("Our house style."),
    );
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("controls.docx");
    std::fs::write(&template, word_document(&body)).unwrap();
    let draft = sample("pro-38-f2f.txt");
    let out = dir.path().join("out.docx");
    let bytes = convert_draft(&draft, template.to_str().unwrap(), &out);
    let expected = load(&draft);
    let chair = expected.cover.chair.clone().unwrap();
    let title = expected.cover.title.clone().unwrap();
    assert_read_back(&out, &draft, &[&format!("Chair: {chair}"), &title]);
    let read_back = load(&out);
    assert_eq!(read_back.cover.chair, expected.cover.chair);
    assert_eq!(read_back.cover.date, expected.cover.date);
    let document = entries(&bytes)
        .into_iter()
        .find(|(name, _)| name == "word/document.xml")
        .map(|(_, bytes)| String::from_utf8(bytes).unwrap())
        .unwrap();
    assert!(!document.contains("showingPlcHdr") && !document.contains("Click or tap"));
    assert!(!document.contains("second line"));
    // The minutes come after the template's content.
    let house = document.find("Our house style.").unwrap();
    let opening = document.find("Opening of the meeting").unwrap();
    assert!(house < opening);
}

// `{{title}}` markers, even split across runs, and the `{{body}}` paragraph with the
// template's content after it.
#[test]
fn markers_take_the_cover_and_the_body() {
    let body = format!(
        r#"<w:p><w:r><w:t>{{{{ti</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>tle}}}}</w:t></w:r></w:p>{}{}{}{}"#,
        para("Chair: {{chair}} (Secretary: {{secretary}})"),
        para("Vice Chairs: {{vice_chairs}}"),
        para("{{body}}"),
        para("End of the report."),
    );
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("markers.docx");
    std::fs::write(&template, word_document(&body)).unwrap();
    let draft = sample("arc-41-teleconference.txt");
    let out = dir.path().join("out.docx");
    let bytes = convert_draft(&draft, template.to_str().unwrap(), &out);
    let expected = load(&draft);
    let title = expected.cover.title.clone().unwrap();
    assert_read_back(&out, &draft, &[&title, "End of the report."]);
    let document = entries(&bytes)
        .into_iter()
        .find(|(name, _)| name == "word/document.xml")
        .map(|(_, bytes)| String::from_utf8(bytes).unwrap())
        .unwrap();
    let first_section = expected.sections.first().map(|s| s.title.clone()).unwrap();
    let body_at = document.find(&first_section).unwrap();
    assert!(body_at < document.find("End of the report.").unwrap());
    // A line whose only marker has no value goes.
    if expected.cover.vice_chairs.is_empty() {
        assert!(!document.contains("Vice Chairs:"));
    }
}

// A Word document that asks for nothing: the cover as label lines after its content,
// then the minutes; minutes reads the cover back.
#[test]
fn any_word_document() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("letter.docx");
    std::fs::write(&template, word_document(&para("Our minutes"))).unwrap();
    let draft = sample("pro-38-f2f.txt");
    let out = dir.path().join("out.docx");
    convert_draft(&draft, template.to_str().unwrap(), &out);
    let expected = load(&draft);
    let read_back = load(&out);
    assert_eq!(read_back.cover.title, expected.cover.title);
    assert_eq!(read_back.cover.chair, expected.cover.chair);
    assert_eq!(read_back.cover.date, expected.cover.date);
    assert_read_back(&out, &draft, &["Our minutes"]);
}

//! Input formats: what is read (HTML, XLSX, Markdown beside DOCX and text) and what is
//! refused by name (PDF, images, archives, other Office packages).

use std::{io::Write, path::Path};

use minutes_flow::{BlockKind, Flow};
use minutes_tests::{minutes_command, project_dir, shared_dir};

fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Files that are not drafts: each is refused with exit 1, one line naming the file and
/// its format, and no output file.
#[test]
fn other_formats_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "report.docx",
            b"%PDF-1.6\n%\xE2\xE3\xCF\xD3\n1 0 obj\n".to_vec(),
            "a PDF document",
        ),
        ("scan.txt", b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR".to_vec(), "a PNG image"),
        ("photo.docx", b"\xFF\xD8\xFF\xE0\0\x10JFIF".to_vec(), "a JPEG image"),
        ("bundle.docx", zip_of(&[("notes.txt", "x"), ("a/b.txt", "y")]), "a zip archive"),
        (
            "slides.docx",
            zip_of(&[
                ("[Content_Types].xml", "<Types/>"),
                ("ppt/presentation.xml", "<p/>"),
            ]),
            "a PowerPoint presentation",
        ),
        (
            "draft.odt",
            zip_of(&[
                ("mimetype", "application/vnd.oasis.opendocument.text"),
                ("content.xml", "<x/>"),
            ]),
            "an OpenDocument file",
        ),
        ("old.txt", b"\x1F\x8B\x08\0\0\0\0\0".to_vec(), "a gzip archive"),
        ("draft.rtf", b"{\\rtf1\\ansi\\deff0 {\\fonttbl}".to_vec(), "an RTF document"),
    ];
    for (name, bytes, format) in cases {
        let input = dir.path().join(name);
        std::fs::write(&input, bytes).unwrap();
        for command in ["convert", "dispositions", "check", "flow"] {
            let out = dir.path().join(format!("{name}.{command}.out"));
            let mut cmd = minutes_command();
            cmd.arg(command).arg(&input);
            if matches!(command, "convert" | "dispositions") {
                cmd.arg("-o").arg(&out);
            }
            let output = cmd.output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(1), "{command} {name}: {stderr}");
            let lines: Vec<&str> = stderr.lines().collect();
            assert_eq!(lines.len(), 1, "{command} {name}: {stderr}");
            assert!(
                lines[0].contains(name) && lines[0].contains(format),
                "{command} {name}: {stderr}"
            );
            assert!(!out.exists(), "{command} {name} left {}", out.display());
        }
    }
}

fn flow_of(path: &Path) -> Flow {
    let bytes = std::fs::read(path).unwrap();
    minutes::read_flow_named(&bytes, Some(path)).unwrap().output
}

/// The sample Markdown minutes read to the same dispositions as their text form.
#[test]
fn markdown_sample_reads_as_its_text_form() {
    let markdown = project_dir().join("samples/markdown/tst-12-minutes.md");
    let text = project_dir().join("samples/tst-12-minutes.txt");
    let bytes = std::fs::read(&markdown).unwrap();
    assert_eq!(minutes::sniff(&bytes).unwrap(), minutes::InputFormat::Markdown);
    let from_markdown = minutes_tests::load(&markdown);
    let from_text = minutes_tests::load(&text);
    let rows = minutes_tests::disposition_rows(&from_markdown);
    assert!(!rows.is_empty());
    assert_eq!(rows, minutes_tests::disposition_rows(&from_text));
    assert_eq!(
        minutes_tests::section_rows(&from_markdown),
        minutes_tests::section_rows(&from_text)
    );
}

/// Every HTML and XLSX Tdoc list of the real 3GPP material: its table has a row per
/// document of the list (the TSV beside each list has one line per document), each in the
/// document-id column.
#[test]
fn real_tdoc_lists_keep_every_row() {
    let Some(shared) = shared_dir() else { return };
    let lists = shared.join("real/3gpp/tdoc-lists");
    let Ok(entries) = std::fs::read_dir(&lists) else { return };
    let mut checked = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
        if !matches!(extension, "htm" | "html") {
            continue;
        }
        let expected = minutes_tests::read_tsv(&path.with_extension("tsv")).len();
        let flow = flow_of(&path);
        assert_eq!(
            document_rows(&flow, &["TD#", "Tdoc"]),
            expected,
            "{}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 5, "{checked} lists");
    let xlsx = shared.join("real/3gpp/ran1-84/3GPP_RAN1_TDoc_List_TSGR1_84.xlsx");
    if xlsx.exists() {
        let flow = flow_of(&xlsx);
        let rows = document_rows(&flow, &["TDoc"]);
        // The portal's list of RAN1#84: one row per Tdoc under its header.
        let table_rows = flow.blocks.iter().find_map(|b| match &b.kind {
            BlockKind::Table(t) => Some(t.rows.len()),
            _ => None,
        });
        assert_eq!(Some(rows + 1), table_rows);
        assert!(rows > 1_000, "{rows}");
    }
}

/// The number of rows, over all tables, whose cell under a header named in `headers`
/// holds a document id (letters, a dash, digits: `S2-186305`, `R1-160235`).
fn document_rows(flow: &Flow, headers: &[&str]) -> usize {
    let mut count = 0;
    for block in &flow.blocks {
        let BlockKind::Table(table) = &block.kind else { continue };
        let Some(header) = table.rows.first() else { continue };
        let Some(column) =
            header.cells.iter().position(|c| headers.contains(&c.text().trim()))
        else {
            continue;
        };
        count += table.rows[1..]
            .iter()
            .filter(|row| {
                row.cells.get(column).is_some_and(|c| is_document_id(&c.text()))
            })
            .count();
    }
    count
}

fn is_document_id(text: &str) -> bool {
    let text = text.trim();
    text.split_once('-').is_some_and(|(prefix, number)| {
        !prefix.is_empty()
            && prefix.chars().all(|c| c.is_ascii_alphanumeric())
            && number.len() >= 4
            && number.chars().all(|c| c.is_ascii_digit())
    })
}

/// The 3GPP portal's Tdoc list of RAN1#84 (`.xlsx`): every row whose `TDoc Status` is a
/// decision gives that disposition, and no other row gives one (`available` documents were
/// never handled; `treated` names no outcome and is warned).
#[test]
fn portal_xlsx_list_gives_its_status_column() {
    let Some(shared) = shared_dir() else { return };
    let path = shared.join("real/3gpp/ran1-84/3GPP_RAN1_TDoc_List_TSGR1_84.xlsx");
    let bytes = std::fs::read(&path).unwrap();
    let flow = minutes::read_flow(&bytes).unwrap().output;
    let Some(BlockKind::Table(table)) =
        flow.blocks.iter().map(|b| &b.kind).find(|k| matches!(k, BlockKind::Table(_)))
    else {
        panic!("no table in {}", path.display())
    };
    let cells: Vec<Vec<String>> =
        table.rows.iter().map(|r| r.cells.iter().map(|c| c.text()).collect()).collect();
    let header = &cells[0];
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (tdoc, status) = (column("TDoc"), column("TDoc Status"));
    let mut expected: Vec<(String, String)> = cells[1..]
        .iter()
        .filter(|row| !matches!(row[status].as_str(), "available" | "treated" | ""))
        .map(|row| (row[tdoc].clone(), row[status].to_lowercase()))
        .collect();
    let meeting = minutes::load(&bytes).unwrap().meeting;
    let mut got: Vec<(String, String)> = meeting
        .dispositions()
        .into_iter()
        .map(|d| (d.tdoc.to_string(), d.status.as_str().to_lowercase()))
        .collect();
    expected.sort();
    got.sort();
    assert_eq!(got.len(), 729);
    pretty_assertions::assert_eq!(got, expected);
}

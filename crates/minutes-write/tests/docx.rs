//! Integration tests of the official minutes DOCX writer: a snapshot of the generated
//! `word/document.xml`, the sample user template surviving the fill, and (opt-in) the
//! heading numbers LibreOffice displays.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "support/sample_model.rs"]
mod sample_model;

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use minutes_write::{write_docx, DocxWriteOptions, Template};
use pretty_assertions::assert_eq;

fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        parts.insert(file.name().unwrap().into_owned(), data);
    }
    parts
}

/// One element per line, so that snapshot diffs point at the element that changed.
fn one_element_per_line(xml: &str) -> String {
    xml.replace("><", ">\n<")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn options() -> DocxWriteOptions {
    DocxWriteOptions { timestamp: Some(1_431_820_800), ..DocxWriteOptions::default() }
}

#[test]
fn small_meeting_document_xml() {
    // The whole main part for a small model with the built-in template.
    let out =
        write_docx(&sample_model::small_meeting(), &Template::builtin(), &options())
            .unwrap();
    let parts = unzip(&out);
    let document = String::from_utf8(parts["word/document.xml"].clone()).unwrap();
    insta::assert_snapshot!(
        "small_meeting_document_xml",
        one_element_per_line(&document)
    );
    let numbering = String::from_utf8(parts["word/numbering.xml"].clone()).unwrap();
    insta::assert_snapshot!(
        "small_meeting_numbering_xml",
        one_element_per_line(&numbering)
    );
}

#[test]
fn output_is_deterministic() {
    // Same inputs, same bytes: nothing reads the clock.
    let meeting = sample_model::sample_meeting();
    let a = write_docx(&meeting, &Template::builtin(), &options()).unwrap();
    let b = write_docx(&meeting, &Template::builtin(), &options()).unwrap();
    assert!(a == b);
}

#[test]
fn user_template_survives() {
    // The sample user template keeps its header, footer, logo, styles, theme, custom XML
    // and page setup byte-for-byte; its cover table is filled and its placeholder body
    // replaced.
    let path = repo_root().join("samples/templates/acme-minutes.docx");
    let bytes = std::fs::read(&path).unwrap();
    let template_parts = unzip(&bytes);
    let template = Template::from_bytes(bytes).unwrap();
    let out = write_docx(&sample_model::sample_meeting(), &template, &options()).unwrap();
    let parts = unzip(&out);
    let kept: Vec<&String> = template_parts
        .keys()
        .filter(|name| {
            name.starts_with("word/header")
                || name.starts_with("word/footer")
                || name.starts_with("word/media/")
                || name.starts_with("customXml/")
                || name.contains("_rels/header")
                || [
                    "word/styles.xml",
                    "word/theme/theme1.xml",
                    "word/settings.xml",
                    "word/fontTable.xml",
                ]
                .contains(&name.as_str())
        })
        .collect();
    assert!(kept.iter().any(|n| n.starts_with("word/media/")), "the sample has a logo");
    assert!(kept.iter().any(|n| n.starts_with("word/header")), "the sample has a header");
    for name in kept {
        assert!(parts[name] == template_parts[name], "{name} changed");
    }
    for name in template_parts.keys() {
        assert!(parts.contains_key(name), "{name} dropped");
    }
    let document = String::from_utf8(parts["word/document.xml"].clone()).unwrap();
    let template_document =
        String::from_utf8(template_parts["word/document.xml"].clone()).unwrap();
    let sect = |xml: &str| xml[xml.rfind("<w:sectPr").unwrap()..].to_string();
    assert_eq!(sect(&document), sect(&template_document));
    assert!(!document.contains("(to be filled)"));
    assert!(!document.contains("This placeholder is replaced"));
    assert!(document.contains("SEC17 Meeting – Sapporo, Japan"));
    assert!(document.contains("Nicole Butler, ATIS (nbutler@atis.org)"));
    assert!(document.contains(r#"<w14:checked w14:val="1"/>"#));
    assert!(document.contains("Annex 1 of the Partnership Agreement."));
}

#[test]
#[ignore = "needs LibreOffice (soffice); run with --ignored"]
fn libreoffice_shows_the_model_numbers() {
    // Every heading displays exactly its model number, for both templates.
    let meeting = sample_model::sample_meeting();
    let mut expected = Vec::new();
    meeting.walk_sections(&mut |s| expected.push(format!("{} {}", s.number, s.title)));
    let dir =
        std::env::temp_dir().join(format!("minutes-write-lo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let user =
        std::fs::read(repo_root().join("samples/templates/acme-minutes.docx")).unwrap();
    for (name, template) in
        [("builtin", Template::builtin()), ("user", Template::from_bytes(user).unwrap())]
    {
        let docx = dir.join(format!("{name}.docx"));
        std::fs::write(&docx, write_docx(&meeting, &template, &options()).unwrap())
            .unwrap();
        let status = std::process::Command::new("soffice")
            .arg(format!("-env:UserInstallation=file://{}/profile", dir.display()))
            .args(["--headless", "--convert-to", "txt:Text", "--outdir"])
            .arg(&dir)
            .arg(&docx)
            .output()
            .unwrap();
        assert!(status.status.success());
        let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for heading in &expected {
            assert!(
                lines.contains(&heading.as_str()),
                "{name}: `{heading}` not shown:\n{text}"
            );
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Returns true if and only if `bytes` is well-formed XML (quick-xml, end names checked).
fn well_formed(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else { return false };
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => return true,
            Ok(_) => {}
            Err(_) => return false,
        }
    }
}

fn arbitrary_meeting() -> impl proptest::strategy::Strategy<Value = minutes_model::Meeting>
{
    use minutes_model::{ActionItem, Block, Cover, Meeting, Section};
    use proptest::prelude::*;
    let block = prop_oneof![
        any::<String>().prop_map(|text| Block::Paragraph {
            text,
            location: minutes_model::Span::Unknown
        }),
        (any::<u8>(), any::<String>()).prop_map(|(level, text)| Block::Bullet {
            label: None,
            level,
            text,
            location: minutes_model::Span::Unknown
        }),
        proptest::collection::vec(proptest::collection::vec(any::<String>(), 0..4), 0..3)
            .prop_map(|rows| Block::Table {
                rows,
                location: minutes_model::Span::Unknown
            }),
        Just(Block::ActionItems {
            items: None,
            header: Vec::new(),
            location: minutes_model::Span::Unknown
        }),
    ];
    let section =
        ("[0-9A-Z%.]{0,8}", any::<String>(), proptest::collection::vec(block, 0..4))
            .prop_map(|(number, title, blocks)| Section {
                number,
                title,
                blocks,
                ..Section::default()
            });
    let sections = proptest::collection::vec(
        (section.clone(), proptest::collection::vec(section, 0..3)).prop_map(
            |(mut parent, children)| {
                parent.sections = children;
                parent
            },
        ),
        0..5,
    );
    (
        sections,
        any::<Option<String>>(),
        proptest::collection::vec(any::<String>(), 0..3),
        any::<String>(),
    )
        .prop_map(|(sections, title, vice_chairs, what)| Meeting {
            cover: Cover { title, vice_chairs, ..Cover::default() },
            sections,
            action_items: vec![ActionItem { what, ..ActionItem::default() }],
            ..Meeting::default()
        })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn any_meeting_gives_well_formed_parts(meeting in arbitrary_meeting()) {
        // No panic, and every rewritten part is well-formed XML, whatever the text.
        let out = write_docx(&meeting, &Template::builtin(), &DocxWriteOptions::default()).unwrap();
        let parts = unzip(&out);
        for name in ["word/document.xml", "word/numbering.xml", "docProps/core.xml"] {
            proptest::prop_assert!(well_formed(&parts[name]), "{name}");
        }
    }
}

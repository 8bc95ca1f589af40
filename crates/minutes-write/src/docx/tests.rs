//! Unit tests of the DOCX writer: template filling, package bookkeeping, fallbacks and
//! hostile inputs. Integration tests with snapshots are in `tests/docx.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

use minutes_model::{
    ActionItem, Block, Contribution, Cover, Decision, DocumentHeading, Meeting, Purpose,
    Section, Status, Tdoc,
};
use zip::write::SimpleFileOptions;

use super::template::BUILTIN_PARTS;
use super::xml::{parse, Element};
use super::*;

/// The parts of a package, by name.
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

/// The built-in template as a package, with `edit` applied to each part (`None` drops it).
fn builtin_package(edit: impl Fn(&str, &[u8]) -> Option<Vec<u8>>) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in BUILTIN_PARTS {
        if let Some(bytes) = edit(name, bytes) {
            writer.start_file(*name, SimpleFileOptions::default()).unwrap();
            writer.write_all(&bytes).unwrap();
        }
    }
    writer.finish().unwrap().into_inner()
}

fn replace(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    String::from_utf8(bytes.to_vec()).unwrap().replace(from, to).into_bytes()
}

fn tdoc(text: &str) -> Tdoc {
    text.parse().unwrap()
}

fn meeting() -> Meeting {
    let mut s6 = Section {
        number: "6".into(),
        title: "Contributions".into(),
        ..Section::default()
    };
    let mut s60 = Section {
        number: "6.0".into(),
        title: "Baselines & <others>".into(),
        ..Section::default()
    };
    s60.contributions.push(Contribution {
        tdoc: tdoc("SEC-2015-0507"),
        tdoc_as_written: "SEC-2015-0507".into(),
        title: "Use case of PPM".into(),
        source: "KDDI".into(),
        location: minutes_model::Span::Unknown,
    });
    s60.blocks = vec![
        Block::Document(DocumentHeading {
            in_table: false,
            tdocs: vec![tdoc("SEC-2015-0507"), tdoc("SEC-2015-0576")],
            title: Some("Use case of PPM".into()),
            note: None,
            as_written: String::new(),
            location: minutes_model::Span::Unknown,
        }),
        Block::Bullet {
            label: None,
            level: 2,
            text: "  spaced  text ".into(),
            location: minutes_model::Span::Unknown,
        },
        Block::Decision(Decision {
            in_table: false,
            tdoc: tdoc("SEC-2018-0060R02"),
            tdoc_as_written: "SEC-2018-0060R02".into(),
            status: Status::Noted,
            status_as_written: "NOTED".into(),
            title: None,
            comment: None,
            as_written: "SEC-2018-0060R02 was NOTED".into(),
            location: minutes_model::Span::Unknown,
            links: Default::default(),
        }),
        Block::Paragraph {
            text: "line one\nline two\u{0}".into(),
            location: minutes_model::Span::Unknown,
        },
    ];
    s6.sections.push(s60);
    Meeting {
        cover: Cover {
            title: Some("SEC35 Meeting".into()),
            chair: Some("Chair A".into()),
            vice_chairs: vec!["Vice B".into(), "Vice C".into()],
            secretary: Some("Secretary D".into()),
            date: Some("1-5 May 2018".into()),
            purpose: Some(Purpose::Discussion),
        },
        body: None,
        sections: vec![s6],
        action_items: vec![ActionItem {
            reference: "A-1".into(),
            what: "first\nsecond".into(),
            who: "All".into(),
            status: "OPEN".into(),
            location: minutes_model::Span::Unknown,
        }],
        next_meetings: Vec::new(),
        diagnostics: Vec::new(),
    }
}

fn document(parts: &BTreeMap<String, Vec<u8>>) -> Element {
    parse(&parts["word/document.xml"], "word/document.xml").unwrap().root
}

fn text_of(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn fills_the_cover_table_by_labels() {
    // The value of each label goes into the next cell; vice chairs one paragraph each.
    let out = write_docx(&meeting(), &Template::builtin(), &DocxWriteOptions::default())
        .unwrap();
    let root = document(&unzip(&out));
    let table = root.descendants().into_iter().find(|e| e.is_w("tbl")).unwrap();
    let rows: Vec<Vec<String>> = table
        .elements()
        .filter(|e| e.is_w("tr"))
        .map(|tr| {
            tr.elements().filter(|e| e.is_w("tc")).map(Element::text_content).collect()
        })
        .collect();
    assert_eq!(rows[0], ["Meeting title:", "SEC35 Meeting"]);
    assert_eq!(rows[1], ["Chair:", "Chair A"]);
    assert_eq!(rows[2], ["Vice Chairs:", "Vice B\nVice C"]);
    assert_eq!(rows[3], ["Secretary:", "Secretary D"]);
    assert_eq!(rows[4], ["Meeting Date:", "1-5 May 2018"]);
    assert_eq!(rows[5][1], "☐ Decision\n☒ Discussion\n☐ Information\n☐ Other <specify>");
}

#[test]
fn ticks_the_purpose_checkbox_control() {
    // The ticked box is a real w14:checkbox with w14:checked=1 and the ☒ glyph.
    let out = write_docx(&meeting(), &Template::builtin(), &DocxWriteOptions::default())
        .unwrap();
    let xml = text_of(&unzip(&out)["word/document.xml"]);
    assert_eq!(xml.matches(r#"<w14:checked w14:val="1"/>"#).count(), 1);
    assert_eq!(xml.matches(r#"<w14:checked w14:val="0"/>"#).count(), 3);
    let discussion = xml.find("purpose-discussion").unwrap();
    let checked = xml[discussion..].find(r#"w14:val="1""#).unwrap();
    let next = xml[discussion..].find("purpose-information").unwrap();
    assert!(checked < next);
}

#[test]
fn replaces_the_body_after_the_notice_and_keeps_the_section() {
    let template = builtin_package(|name, bytes| {
        Some(if name == "word/document.xml" {
            replace(
                bytes,
                "<w:sectPr>",
                "<w:p><w:r><w:t>PLACEHOLDER</w:t></w:r></w:p><w:sectPr>",
            )
        } else {
            bytes.to_vec()
        })
    });
    let template = Template::from_bytes(template).unwrap();
    let out = write_docx(&meeting(), &template, &DocxWriteOptions::default()).unwrap();
    let xml = text_of(&unzip(&out)["word/document.xml"]);
    assert!(!xml.contains("PLACEHOLDER"));
    assert!(xml.contains("oneM2M Notice"));
    assert!(xml.contains("Annex 1 of the Partnership Agreement."));
    let root = document(&unzip(&out));
    let body = root.first_w("body").unwrap();
    let last = body.elements().last().unwrap();
    assert!(last.is_w("sectPr"));
    assert!(last.first_w("headerReference").is_some());
}

#[test]
fn writes_decisions_exactly_with_the_status_in_bold() {
    let out = write_docx(&meeting(), &Template::builtin(), &DocxWriteOptions::default())
        .unwrap();
    let root = document(&unzip(&out));
    let p = root
        .descendants()
        .into_iter()
        .find(|e| e.is_w("p") && e.text_content() == "SEC-2018-0060R02 was NOTED")
        .unwrap();
    let bold: Vec<String> = p
        .elements()
        .filter(|r| {
            r.is_w("r") && r.first_w("rPr").is_some_and(|rpr| rpr.first_w("b").is_some())
        })
        .map(Element::text_content)
        .collect();
    assert_eq!(bold, ["NOTED"]);
}

#[test]
fn writes_headings_tables_and_text_exactly() {
    let out = write_docx(&meeting(), &Template::builtin(), &DocxWriteOptions::default())
        .unwrap();
    let root = document(&unzip(&out));
    let paragraphs: Vec<&Element> =
        root.descendants().into_iter().filter(|e| e.is_w("p")).collect();
    let styled = |style: &str| -> Vec<String> {
        paragraphs
            .iter()
            .filter(|p| {
                p.first_w("pPr")
                    .and_then(|ppr| ppr.first_w("pStyle"))
                    .and_then(|s| s.get("val"))
                    .as_deref()
                    == Some(style)
            })
            .map(|p| p.text_content())
            .collect()
    };
    assert_eq!(styled("Heading1"), ["Contributions"]);
    assert_eq!(styled("Heading2"), ["Baselines & <others>"]);
    assert_eq!(
        styled("DocumentHeading"),
        ["SEC-2015-0507/SEC-2015-0576 - Use case of PPM"]
    );
    assert_eq!(styled("ListBullet"), ["  spaced  text "]);
    assert!(paragraphs.iter().any(|p| p.text_content() == "line one\nline two"));
    let xml = text_of(&unzip(&out)["word/document.xml"]);
    assert!(xml.contains("<w:tblHeader/>"));
    assert!(xml.contains(r#"<w:t xml:space="preserve">Tdoc number</w:t>"#));
    assert!(xml.contains(r#"<w:t xml:space="preserve">SEC-2015-0507</w:t>"#));
    // The action items have no block: they come at the end, cells split into paragraphs.
    let tables: Vec<&Element> =
        root.descendants().into_iter().filter(|e| e.is_w("tbl")).collect();
    let actions = tables.last().unwrap();
    let rows: Vec<&Element> = actions.elements().filter(|e| e.is_w("tr")).collect();
    assert_eq!(rows[0].text_content(), "REFERENCE\nWHAT\nWHO\nSTATUS");
    assert_eq!(rows[1].text_content(), "A-1\nfirst\nsecond\nAll\nOPEN");
}

#[test]
fn numbers_irregular_headings_with_fresh_lists() {
    // 6.0 cannot come from the style's list: the heading gets its own numPr.
    let out = write_docx(&meeting(), &Template::builtin(), &DocxWriteOptions::default())
        .unwrap();
    let parts = unzip(&out);
    let numbering = text_of(&parts["word/numbering.xml"]);
    assert!(numbering.contains(r#"<w:lvlText w:val="6.%2"/>"#), "{numbering}");
    let last_abstract = numbering.rfind("<w:abstractNum ").unwrap();
    assert!(last_abstract < numbering.find("<w:num ").unwrap());
    let xml = text_of(&parts["word/document.xml"]);
    // "6" (the first heading) starts list 3 at 6; "6.0" starts list 4.
    assert!(
        xml.contains(r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>"#),
        "{xml}"
    );
    assert!(
        xml.contains(r#"<w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr>"#),
        "{xml}"
    );
}

#[test]
fn copies_untouched_parts_byte_for_byte() {
    let out = write_docx(&meeting(), &Template::builtin(), &DocxWriteOptions::default())
        .unwrap();
    let parts = unzip(&out);
    for (name, bytes) in BUILTIN_PARTS {
        if !["word/document.xml", "word/numbering.xml", "docProps/core.xml"]
            .contains(name)
        {
            assert_eq!(parts[*name], *bytes, "{name}");
        }
    }
    assert_eq!(parts.len(), BUILTIN_PARTS.len());
}

#[test]
fn sets_title_and_timestamp_in_core_properties() {
    let options = DocxWriteOptions {
        timestamp: Some(1_431_820_800),
        ..DocxWriteOptions::default()
    };
    let out = write_docx(&meeting(), &Template::builtin(), &options).unwrap();
    let core = text_of(&unzip(&out)["docProps/core.xml"]);
    assert!(core.contains("<dc:title>SEC35 Meeting</dc:title>"), "{core}");
    assert!(core.contains(r#"<dcterms:modified xsi:type="dcterms:W3CDTF">2015-05-17T00:00:00Z</dcterms:modified>"#));
}

#[test]
fn accepts_dotx_templates() {
    let template = builtin_package(|name, bytes| {
        Some(if name == "[Content_Types].xml" {
            replace(
                bytes,
                "wordprocessingml.document.main+xml",
                "wordprocessingml.template.main+xml",
            )
        } else {
            bytes.to_vec()
        })
    });
    let out = write_docx(
        &meeting(),
        &Template::from_bytes(template).unwrap(),
        &DocxWriteOptions::default(),
    )
    .unwrap();
    let types = text_of(&unzip(&out)["[Content_Types].xml"]);
    assert!(
        types.contains("wordprocessingml.document.main+xml")
            && !types.contains("template.main")
    );
}

#[test]
fn adds_a_numbering_part_when_the_template_has_none() {
    let template = builtin_package(|name, bytes| match name {
        "word/numbering.xml" => None,
        "word/_rels/document.xml.rels" => Some(replace(
            bytes,
            r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#,
            "",
        )),
        "[Content_Types].xml" => Some(replace(
            bytes,
            r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#,
            "",
        )),
        _ => Some(bytes.to_vec()),
    });
    let out = write_docx(
        &meeting(),
        &Template::from_bytes(template).unwrap(),
        &DocxWriteOptions::default(),
    )
    .unwrap();
    let parts = unzip(&out);
    assert!(text_of(&parts["word/numbering.xml"]).contains("<w:abstractNum "));
    assert!(text_of(&parts["word/_rels/document.xml.rels"])
        .contains("Target=\"numbering.xml\""));
    assert!(text_of(&parts["[Content_Types].xml"]).contains("/word/numbering.xml"));
}

#[test]
fn falls_back_when_styles_are_missing() {
    // Without the oneM2M styles nothing refers to an undefined style id.
    let template = builtin_package(|name, bytes| {
        Some(if name == "word/styles.xml" {
            let text = text_of(bytes);
            let mut out = String::new();
            let mut rest = text.as_str();
            while let Some(start) = rest.find("<w:style ") {
                out.push_str(&rest[..start]);
                let end = rest[start..].find("</w:style>").unwrap()
                    + start
                    + "</w:style>".len();
                let style = &rest[start..end];
                if style.contains("w:styleId=\"Normal\"")
                    || style.contains("w:styleId=\"TableNormal\"")
                {
                    out.push_str(style);
                }
                rest = &rest[end..];
            }
            out.push_str(rest);
            out.into_bytes()
        } else {
            bytes.to_vec()
        })
    });
    let out = write_docx(
        &meeting(),
        &Template::from_bytes(template).unwrap(),
        &DocxWriteOptions::default(),
    )
    .unwrap();
    let xml = text_of(&unzip(&out)["word/document.xml"]);
    let (_, body) = xml.split_once("Annex 1 of the Partnership Agreement.").unwrap();
    for tag in ["<w:pStyle", "<w:rStyle", "<w:tblStyle"] {
        assert!(!body.contains(tag), "{tag} in {body}");
    }
    assert!(body.contains("<w:outlineLvl w:val=\"1\"/>"));
    assert!(body.contains("<w:tblBorders>"));
}

#[test]
fn fills_a_template_without_cover_table() {
    // Without label cells the template is any Word document: the cover goes to its
    // markers, else to label lines before the minutes.
    let template = builtin_package(|name, bytes| {
        Some(if name == "word/document.xml" {
            let mut text = text_of(bytes);
            for label in [
                "Meeting title:",
                "Chair:",
                "Vice Chairs:",
                "Secretary:",
                "Meeting Date:",
                "Intended purpose of document:",
            ] {
                text = text.replace(label, "X");
            }
            text.into_bytes()
        } else {
            bytes.to_vec()
        })
    });
    let template = Template::from_bytes(template).unwrap();
    let meeting = Meeting {
        cover: minutes_model::Cover {
            chair: Some("A. Chair".to_string()),
            ..Default::default()
        },
        ..Meeting::default()
    };
    let bytes = write_docx(&meeting, &template, &DocxWriteOptions::default()).unwrap();
    let document = text_of(&unzip(&bytes)["word/document.xml"]);
    assert!(document.contains("Chair: A. Chair"), "{document}");
}

#[test]
fn survives_odd_meetings() {
    // Empty meeting, deep nesting, odd numbers, control characters, empty texts.
    let empty = Meeting::default();
    write_docx(&empty, &Template::builtin(), &DocxWriteOptions::default()).unwrap();
    let mut deep =
        Section { number: "1".into(), title: String::new(), ..Section::default() };
    for depth in (2..=12).rev() {
        let number = std::iter::repeat_n("1", depth).collect::<Vec<_>>().join(".");
        let child = std::mem::take(&mut deep.sections);
        deep.sections = vec![Section {
            number,
            title: "\u{1}x\u{FFFF}".into(),
            sections: child,
            ..Section::default()
        }];
    }
    let odd = Meeting {
        sections: vec![
            deep,
            Section { number: "A".into(), title: "Annex".into(), ..Section::default() },
            Section {
                number: "99999999999".into(),
                title: "Big".into(),
                ..Section::default()
            },
            Section {
                number: "2.%1".into(),
                title: "Percent".into(),
                ..Section::default()
            },
        ],
        action_items: vec![ActionItem::default()],
        ..Meeting::default()
    };
    let mut odd = odd;
    odd.sections[1].blocks.push(Block::Table {
        rows: vec![vec![], vec!["a".into()]],
        location: minutes_model::Span::Unknown,
    });
    odd.sections[1]
        .blocks
        .push(Block::Table { rows: vec![], location: minutes_model::Span::Unknown });
    odd.sections[1].blocks.push(Block::Bullet {
        label: None,
        level: 200,
        text: String::new(),
        location: minutes_model::Span::Unknown,
    });
    odd.sections[1].blocks.push(Block::Bullet {
        label: None,
        level: 0,
        text: "zero".into(),
        location: minutes_model::Span::Unknown,
    });
    odd.sections[1].blocks.push(Block::Decision(Decision {
        in_table: false,
        tdoc: tdoc("SEC-2015-0001"),
        tdoc_as_written: String::new(),
        status: Status::Agreed,
        status_as_written: "ÅGREED".into(),
        title: None,
        comment: None,
        as_written: String::new(),
        location: minutes_model::Span::Unknown,
        links: Default::default(),
    }));
    let out = write_docx(
        &odd,
        &Template::builtin(),
        &DocxWriteOptions {
            timestamp: Some(i64::MIN / 2),
            ..DocxWriteOptions::default()
        },
    )
    .unwrap();
    let parts = unzip(&out);
    parse(&parts["word/document.xml"], "d").unwrap();
    parse(&parts["word/numbering.xml"], "n").unwrap();
}

#[test]
fn unique_ids_in_the_output() {
    let out = write_docx(&meeting(), &Template::builtin(), &DocxWriteOptions::default())
        .unwrap();
    let parts = unzip(&out);
    let root = document(&parts);
    let mut ids: Vec<String> = root
        .descendants()
        .into_iter()
        .filter(|e| e.is_w("sdtPr"))
        .filter_map(|e| e.first_w("id").and_then(|id| id.get("val")))
        .collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count);
    let numbering = parse(&parts["word/numbering.xml"], "n").unwrap().root;
    let mut nums: Vec<String> = numbering
        .elements()
        .filter(|e| e.is_w("num"))
        .filter_map(|e| e.get("numId"))
        .collect();
    let count = nums.len();
    nums.sort();
    nums.dedup();
    assert_eq!(nums.len(), count);
}

#[test]
fn keeps_section_breaks_of_the_replaced_body() {
    // A template whose body after the notice holds a landscape section break keeps the
    // break (without its text) before the minutes.
    let template = builtin_package(|name, bytes| {
        Some(if name == "word/document.xml" {
            replace(
                bytes,
                "<w:sectPr>",
                r#"<w:p><w:pPr><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:pPr><w:r><w:t>OLD</w:t></w:r></w:p><w:sectPr>"#,
            )
        } else {
            bytes.to_vec()
        })
    });
    let out = write_docx(
        &meeting(),
        &Template::from_bytes(template).unwrap(),
        &DocxWriteOptions::default(),
    )
    .unwrap();
    let xml = text_of(&unzip(&out)["word/document.xml"]);
    assert!(!xml.contains("OLD"));
    let brk = xml.find(r#"w:orient="landscape""#).unwrap();
    assert!(brk < xml.find("Contributions").unwrap());
}

#[test]
fn ticks_plain_glyph_checkboxes() {
    // A template whose purpose boxes are plain ☐ runs (no content control) gets ☒.
    let template = builtin_package(|name, bytes| {
        Some(if name == "word/document.xml" {
            let mut text = text_of(bytes);
            while let (Some(start), Some(end)) =
                (text.find("<w:sdt>"), text.find("</w:sdt>"))
            {
                text.replace_range(
                    start..end + "</w:sdt>".len(),
                    "<w:r><w:t>☐</w:t></w:r>",
                );
            }
            text.into_bytes()
        } else {
            bytes.to_vec()
        })
    });
    let out = write_docx(
        &meeting(),
        &Template::from_bytes(template).unwrap(),
        &DocxWriteOptions::default(),
    )
    .unwrap();
    let root = document(&unzip(&out));
    let text = root.text_content();
    assert!(
        text.contains("☐ Decision\n☒ Discussion\n☐ Information\n☐ Other <specify>"),
        "{text}"
    );
}

#[test]
fn drops_bookmarks_cut_in_half() {
    // A bookmark starting in the kept cover and ending in the replaced body is dropped.
    let template = builtin_package(|name, bytes| {
        Some(if name == "word/document.xml" {
            let text = replace(
                bytes,
                "<w:t>oneM2M Notice</w:t>",
                r#"<w:t>oneM2M Notice</w:t></w:r><w:bookmarkStart w:id="7" w:name="cut"/><w:r>"#,
            );
            replace(
                &text,
                "<w:sectPr>",
                r#"<w:p><w:bookmarkEnd w:id="7"/></w:p><w:sectPr>"#,
            )
        } else {
            bytes.to_vec()
        })
    });
    let out = write_docx(
        &meeting(),
        &Template::from_bytes(template).unwrap(),
        &DocxWriteOptions::default(),
    )
    .unwrap();
    let xml = text_of(&unzip(&out)["word/document.xml"]);
    assert!(!xml.contains("bookmarkStart"), "{xml}");
}

//! Official minutes DOCX: fills a template package with a Meeting (DESIGN.md §7).
//!
//! The template (the built-in one, embedded from `templates/onem2m-minutes/`, or a user's
//! `.docx`/`.dotx`) is filled, not replaced:
//! - every part is copied byte-for-byte (zip raw copy) except `word/document.xml` (the
//!   main part, found through `_rels/.rels`), the numbering part (lists added), the
//!   relationships and content types (only when a part is added, and a `.dotx` main part
//!   retyped as a document) and `docProps/core.xml` (title, timestamps);
//! - the cover table is found by its labels (`Meeting title:`, `Chair:`, `Vice Chairs:`,
//!   `Secretary:`, `Meeting Date:`, `Intended purpose of document:`) and each value goes
//!   into the next cell of the row; the purpose is ticked in its `w14:checkbox`;
//! - the body after the "oneM2M Notice" paragraphs (else after the cover table) is
//!   replaced by the minutes, keeping the final `w:sectPr` (and any section breaks);
//! - styles are looked up by name (`heading 2`, `oneM2M Contribution Table`, `List
//!   Bullet`, …) and a missing style falls back to another or to direct formatting,
//!   never to a dangling id;
//! - headings use the template's heading styles and Word numbering; each displays exactly
//!   its model number (see `numbering`).
//!
//! A template without a cover table is an error ([`crate::ErrorKind::Template`]).

mod body;
mod cover;
mod numbering;
mod package;
mod styles;
mod template;
mod xml;

use minutes_model::Meeting;

pub use self::template::Template;
use self::{
    body::BodyWriter,
    numbering::Numbering,
    package::Rewrites,
    styles::Styles,
    template::{part_dir, rels_name, resolve_target},
    xml::{Element, Node, Wml, W_NS},
};
use crate::{Error, Result};

/// Options of the DOCX writer.
#[derive(Debug, Clone, Default)]
pub struct DocxWriteOptions {
    /// The time written as created and modified in `docProps/core.xml`, in seconds since
    /// the Unix epoch (UTC). The default, `None`, keeps the template's times, so that the
    /// output depends on nothing but the inputs.
    pub timestamp: Option<i64>,
    /// The text of the document's title paragraph (the template's `Minutes` above the
    /// cover table), e.g. `Agenda`. The default, `None`, keeps the template's title.
    pub document_title: Option<String>,
}

/// Writes the official minutes of `meeting` by filling `template`; returns the bytes of
/// the `.docx` package.
pub fn write_docx(
    meeting: &Meeting,
    template: &Template,
    options: &DocxWriteOptions,
) -> Result<Vec<u8>> {
    // Models that break `Meeting::validate` (empty or repeated section numbers) are
    // written as they are: every number is shown literally where lists cannot show it.
    let names = template.names()?;
    let main = template.main_part(&names)?;
    let main_dir = part_dir(&main);
    let read_xml = |name: &str| -> Result<Option<xml::XmlDoc>> {
        match template.read_part(name)? {
            Some(bytes) => Ok(Some(xml::parse(&bytes, name)?)),
            None => Ok(None),
        }
    };
    let mut rewrites = Rewrites::new();
    let mut added_types: Vec<(String, &str)> = Vec::new();

    // Main part relationships: styles and numbering parts.
    let main_rels_name = rels_name(&main);
    let mut main_rels = read_xml(&main_rels_name)?.unwrap_or_else(package::empty_rels);
    let target_of = |rels: &xml::XmlDoc, rel_type: &str| {
        template::relationship_target(&rels.root, rel_type)
            .map(|t| resolve_target(&main_dir, &t))
    };
    let styles = match target_of(&main_rels, template::REL_STYLES) {
        Some(part) => {
            read_xml(&part)?.map(|doc| Styles::parse(&doc.root)).unwrap_or_default()
        }
        None => Styles::default(),
    };
    let numbering_part = target_of(&main_rels, template::REL_NUMBERING);
    let numbering_doc = match &numbering_part {
        Some(part) => read_xml(part)?,
        None => None,
    };
    let mut numbering = Numbering::new(numbering_doc);

    // The main part.
    let mut document = read_xml(&main)?
        .ok_or_else(|| Error::template(format!("`{main}` is missing")))?;
    if !document.root.is_w("document") {
        return Err(Error::template(format!(
            "`{main}` is not a WordprocessingML document"
        )));
    }
    let w = Wml::new(&xml::ensure_prefix(&mut document.root, W_NS, "w"));
    let body = document
        .root
        .first_w_mut("body")
        .ok_or_else(|| Error::template(format!("`{main}` has no body")))?;
    let cover_index = cover::fill_cover(body, &meeting.cover, &w)?;
    if let Some(title) = &options.document_title {
        retitle(body, cover_index, title);
    }
    let text_width = text_width(body);
    let content = BodyWriter::new(w.clone(), &styles, &mut numbering, text_width)
        .write(meeting, &styles)?;
    replace_body(body, cover_index, content);
    rewrites.insert(main.clone(), xml::serialize(&document).into_bytes());

    // Numbering: rewritten when lists were added, created when the template had none.
    if numbering.changed() {
        let part =
            numbering_part.clone().unwrap_or_else(|| format!("{main_dir}numbering.xml"));
        if numbering_part.is_none() {
            if names.contains(&part) {
                return Err(Error::template(format!(
                    "`{part}` exists but is not the numbering part"
                )));
            }
            package::add_relationship(
                &mut main_rels,
                template::REL_NUMBERING,
                "numbering.xml",
            );
            rewrites
                .insert(main_rels_name.clone(), xml::serialize(&main_rels).into_bytes());
        }
        if !names.contains(&part) {
            added_types.push((part.clone(), package::NUMBERING));
        }
        rewrites.insert(part, numbering.to_bytes());
    }

    // Core properties: the title and the timestamp.
    let timestamp = options.timestamp.map(package::w3cdtf);
    let title = meeting.cover.title.as_deref().filter(|t| !t.trim().is_empty());
    if title.is_some() || timestamp.is_some() {
        let mut package_rels =
            read_xml("_rels/.rels")?.unwrap_or_else(package::empty_rels);
        let core_part =
            template::relationship_target(&package_rels.root, template::REL_CORE)
                .map(|t| resolve_target("", &t));
        let (core_name, mut core) = match core_part {
            Some(name) => {
                let doc = read_xml(&name)?.unwrap_or_else(package::empty_core);
                if !names.contains(&name) {
                    added_types.push((name.clone(), package::CORE));
                }
                (name, doc)
            }
            None => {
                let name = if names.iter().any(|n| n == "docProps/core.xml") {
                    "docProps/minutes-core.xml".to_string()
                } else {
                    "docProps/core.xml".to_string()
                };
                package::add_relationship(&mut package_rels, template::REL_CORE, &name);
                rewrites.insert(
                    "_rels/.rels".to_string(),
                    xml::serialize(&package_rels).into_bytes(),
                );
                added_types.push((name.clone(), package::CORE));
                (name, package::empty_core())
            }
        };
        package::core_properties(&mut core, title, timestamp.as_deref());
        rewrites.insert(core_name, xml::serialize(&core).into_bytes());
    }

    let mut types = read_xml("[Content_Types].xml")?
        .ok_or_else(|| Error::template("the package has no `[Content_Types].xml`"))?;
    if package::content_types(&mut types, &main, &added_types) {
        rewrites.insert(
            "[Content_Types].xml".to_string(),
            xml::serialize(&types).into_bytes(),
        );
    }

    package::write_package(template, &names, &rewrites)
}

/// Replaces the text of the title paragraph (`Minutes`) before the cover table, keeping
/// its paragraph and run properties.
fn retitle(body: &mut Element, cover_index: usize, title: &str) {
    fn set_text(element: &mut Element, title: &str, done: &mut bool) {
        for child in element.elements_mut() {
            if child.is_w("t") {
                let text = if *done { String::new() } else { xml::escape(title) };
                child.children = vec![Node::Text(text)];
                *done = true;
            } else {
                set_text(child, title, done);
            }
        }
    }
    let paragraphs =
        body.children.iter_mut().take(cover_index).filter_map(|node| match node {
            Node::Element(e) if e.is_w("p") => Some(e),
            _ => None,
        });
    for paragraph in paragraphs {
        if paragraph.text_content().trim().eq_ignore_ascii_case("minutes") {
            set_text(paragraph, title, &mut false);
            return;
        }
    }
}

/// Returns true if and only if the body child reads like the oneM2M notice.
fn is_notice(element: &Element) -> bool {
    let text = element.text_content().to_lowercase();
    ["onem2m notice", "submitted to onem2m", "partnership agreement"]
        .iter()
        .any(|needle| text.contains(needle))
}

/// Replaces the body after the notice (else after the cover table at `cover_index`) with
/// `content`, keeping section breaks of the replaced part and the final `w:sectPr`.
fn replace_body(body: &mut Element, cover_index: usize, content: Vec<Element>) {
    let children = std::mem::take(&mut body.children);
    let final_sect =
        children.iter().rposition(|n| matches!(n, Node::Element(e) if e.is_w("sectPr")));
    let end = final_sect.unwrap_or(children.len());
    let anchor = children
        .iter()
        .take(end)
        .enumerate()
        .skip(cover_index)
        .filter(|(_, n)| matches!(n, Node::Element(e) if is_notice(e)))
        .map(|(i, _)| i)
        .next_back()
        .unwrap_or(cover_index);
    let mut kept_breaks = Vec::new();
    let mut tail = Vec::new();
    for (i, node) in children.into_iter().enumerate() {
        if i <= anchor {
            body.children.push(node);
        } else if i < end {
            // A paragraph carrying a section break keeps the break, not its text.
            if let Node::Element(mut e) = node {
                if e.is_w("p")
                    && e.first_w("pPr").is_some_and(|p| p.first_w("sectPr").is_some())
                {
                    e.children.retain(|n| matches!(n, Node::Element(c) if c.is_w("pPr")));
                    kept_breaks.push(Node::Element(e));
                }
            }
        } else {
            tail.push(node);
        }
    }
    body.children.extend(kept_breaks);
    body.children.extend(content.into_iter().map(Node::Element));
    body.children.extend(tail);
    prune_bookmarks(body);
}

/// Drops the `w:bookmarkStart`/`w:bookmarkEnd` whose partner went with the replaced body
/// (ECMA-376 Part 1 §17.13.6: each start needs its end with the same `w:id`).
fn prune_bookmarks(body: &mut Element) {
    let ids = |local: &str| -> std::collections::HashSet<String> {
        body.descendants()
            .into_iter()
            .filter(|e| e.is_w(local))
            .filter_map(|e| e.get("id"))
            .collect()
    };
    let starts = ids("bookmarkStart");
    let ends = ids("bookmarkEnd");
    let unmatched: std::collections::HashSet<String> =
        starts.symmetric_difference(&ends).cloned().collect();
    if unmatched.is_empty() {
        return;
    }
    let mut stack: Vec<&mut Element> = vec![body];
    while let Some(element) = stack.pop() {
        element.children.retain(|node| match node {
            Node::Element(e) if e.is_w("bookmarkStart") || e.is_w("bookmarkEnd") => {
                !e.get("id").is_some_and(|id| unmatched.contains(&id))
            }
            _ => true,
        });
        stack.extend(element.elements_mut());
    }
}

/// The width of the text column of the final section, in twips.
fn text_width(body: &Element) -> u32 {
    let sect = body.elements().filter(|e| e.is_w("sectPr")).last();
    let number =
        |e: Option<&Element>, attr: &str| -> Option<i64> { e?.get(attr)?.parse().ok() };
    let page = number(sect.and_then(|s| s.first_w("pgSz")), "w").unwrap_or(11_906);
    let margins = sect.and_then(|s| s.first_w("pgMar"));
    let used = number(margins, "left").unwrap_or(1134)
        + number(margins, "right").unwrap_or(1134)
        + number(margins, "gutter").unwrap_or(0);
    u32::try_from((page - used).clamp(2_000, 30_000)).unwrap_or(9_638)
}

#[cfg(test)]
mod tests;

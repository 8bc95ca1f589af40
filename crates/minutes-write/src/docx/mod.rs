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
//! A template without a cover table (any Word document, the built-in `plain` one) is
//! filled through its content controls and `{{title}}`-style markers (see `generic`).
//!
//! The main part is streamed: the template's text before and after the body is
//! serialised once, and the minutes are written between, paragraph by paragraph, straight
//! into the zip entry (`body`), so the writer's memory does not grow with the meeting.
//! The template's parts are parsed once per [`Template`] (`parts`); the built-in one is
//! deflated at build time, so its untouched parts are copied raw like a user's.

mod body;
mod cover;
mod emit;
mod generic;
mod numbering;
mod parts;
mod styles;
mod template;
/// The editable XML tree of `minutes_ooxml`, under the name the writer's modules use.
pub(crate) use minutes_ooxml::xml_tree as xml;

use std::io::{Cursor, Seek, Write};

use minutes_model::Meeting;
use minutes_ooxml::{edit, rel_types, Rewrites};

pub use self::template::Template;
use self::{
    body::BodyWriter,
    numbering::Numbering,
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
/// the `.docx` package. See [`write_docx_to`] to write a large meeting to a file.
pub fn write_docx(
    meeting: &Meeting,
    template: &Template,
    options: &DocxWriteOptions,
) -> Result<Vec<u8>> {
    let out = write_docx_to(meeting, template, options, Cursor::new(Vec::new()))?;
    Ok(out.into_inner())
}

/// Writes the official minutes of `meeting` by filling `template` into `out` (a file, a
/// `Cursor<Vec<u8>>`), and returns `out`. The body is streamed into the package as it is
/// written: beyond the meeting itself, memory stays small whatever its size.
pub fn write_docx_to<W: Write + Seek>(
    meeting: &Meeting,
    template: &Template,
    options: &DocxWriteOptions,
    out: W,
) -> Result<W> {
    // Models that break `Meeting::validate` (empty or repeated section numbers) are
    // written as they are: every number is shown literally where lists cannot show it.
    let parts = template.parts()?;
    let mut rewrites = Rewrites::new();
    let mut added_types: Vec<(String, &str)> = Vec::new();

    // The main part: the template's text before and after the minutes body.
    let mut document = parts.document.clone();
    let prefix = xml::ensure_prefix(&mut document.root, W_NS, "w");
    let w = Wml::new(&prefix);
    let Some(Node::Element(body)) = document.root.children.get_mut(parts.body) else {
        return Err(Error::template(format!("`{}` has no body", parts.main)));
    };
    let text_width = text_width(body);
    let splice = if cover::has_cover_table(body) {
        let cover_index = cover::fill_cover(body, &meeting.cover, &w)?;
        if let Some(title) = &options.document_title {
            retitle(body, cover_index, title);
        }
        replace_body(body, cover_index)
    } else {
        generic::fill(body, &meeting.cover, options.document_title.as_deref(), &w)
    };
    let (head, tail) = xml::serialize_around(&document, parts.body, splice);
    drop(document);

    // The lists the body refers to, added before the body is written.
    let mut numbering = Numbering::new(parts.numbering.as_ref());
    let mut body_writer = BodyWriter::new(&prefix, &parts.styles, text_width);
    body_writer.plan(meeting, &mut numbering, &parts.styles)?;

    // Numbering: rewritten when lists were added, created when the template had none.
    if numbering.changed() {
        let part = parts
            .numbering_part
            .clone()
            .unwrap_or_else(|| format!("{}numbering.xml", parts.main_dir));
        if parts.numbering_part.is_none() {
            if parts.has(&part) {
                return Err(Error::template(format!(
                    "`{part}` exists but is not the numbering part"
                )));
            }
            let mut main_rels = parts.main_rels.clone();
            edit::add_relationship(&mut main_rels, rel_types::NUMBERING, "numbering.xml");
            rewrites.insert(
                parts.main_rels_name.clone(),
                xml::serialize(&main_rels).into_bytes(),
            );
        }
        if !parts.has(&part) {
            added_types.push((part.clone(), edit::NUMBERING));
        }
        rewrites.insert(part, numbering.to_bytes());
    }
    drop(numbering);

    // Core properties: the title and the timestamp.
    let timestamp = options.timestamp.map(edit::w3cdtf);
    let title = meeting.cover.title.as_deref().filter(|t| !t.trim().is_empty());
    if title.is_some() || timestamp.is_some() {
        let (core_name, mut core) = match &parts.core_part {
            Some(name) => {
                let doc = parts.core.clone().unwrap_or_else(edit::empty_core);
                if !parts.has(name) {
                    added_types.push((name.clone(), edit::CORE));
                }
                (name.clone(), doc)
            }
            None => {
                let name = if parts.has("docProps/core.xml") {
                    "docProps/minutes-core.xml".to_string()
                } else {
                    "docProps/core.xml".to_string()
                };
                let mut package_rels = parts.package_rels.clone();
                edit::add_relationship(
                    &mut package_rels,
                    rel_types::CORE_PROPERTIES,
                    &name,
                );
                rewrites.insert(
                    parts.package_rels_name.clone(),
                    xml::serialize(&package_rels).into_bytes(),
                );
                added_types.push((name.clone(), edit::CORE));
                (name, edit::empty_core())
            }
        };
        edit::core_properties(&mut core, title, timestamp.as_deref());
        rewrites.insert(core_name, xml::serialize(&core).into_bytes());
    }

    let mut types = parts.content_types.clone();
    if edit::content_types(&mut types, &parts.main, &added_types) {
        rewrites.insert(
            parts.content_types_name.clone(),
            xml::serialize(&types).into_bytes(),
        );
    }

    minutes_ooxml::write_package(
        template.source().package(),
        &parts.names,
        &rewrites,
        &parts.main,
        |sink| {
            sink.write_all(head.as_bytes())?;
            body_writer.write(meeting, sink)?;
            sink.write_all(tail.as_bytes())?;
            Ok(())
        },
        out,
    )
}

/// Replaces the text of the title paragraph (`Minutes`) before the cover table, keeping
/// its paragraph and run properties.
fn retitle(body: &mut Element, cover_index: usize, title: &str) {
    fn set_text(element: &mut Element, title: &str, done: &mut bool) {
        for child in element.elements_mut() {
            if child.is_w("t") {
                let text = if *done { String::new() } else { xml::escape(title) };
                child.children = vec![Node::Text(text.into())];
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

/// Cuts the body after the notice (else after the cover table at `cover_index`),
/// keeping section breaks of the cut part and the final `w:sectPr`; returns the index
/// of the body child before which the minutes go.
fn replace_body(body: &mut Element, cover_index: usize) -> usize {
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
    let splice = body.children.len();
    body.children.extend(tail);
    prune_bookmarks(body, splice)
}

/// Drops the `w:bookmarkStart`/`w:bookmarkEnd` whose partner went with the replaced body
/// (ECMA-376 Part 1 §17.13.6: each start needs its end with the same `w:id`); returns
/// `splice`, the index of a body child, moved back past the dropped ones before it. The
/// minutes themselves have no bookmarks.
fn prune_bookmarks(body: &mut Element, splice: usize) -> usize {
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
        return splice;
    }
    let orphan = |node: &Node| match node {
        Node::Element(e) if e.is_w("bookmarkStart") || e.is_w("bookmarkEnd") => {
            e.get("id").is_some_and(|id| unmatched.contains(&id))
        }
        _ => false,
    };
    let dropped_before = body.children.iter().take(splice).filter(|n| orphan(n)).count();
    let mut stack: Vec<&mut Element> = vec![body];
    while let Some(element) = stack.pop() {
        element.children.retain(|node| !orphan(node));
        stack.extend(element.elements_mut());
    }
    splice - dropped_before
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

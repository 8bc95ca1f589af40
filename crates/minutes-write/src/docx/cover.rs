//! The cover sheet: the template's cover table is found by its labels (`Chair:` …) and
//! each value goes into the cell after its label; the purpose boxes are `w14:checkbox`
//! content controls (or plain ☐/☒ glyphs) ticked by their label.

use minutes_model::{Cover, CoverField as Field, Purpose};

use super::body::Piece;
use super::xml::{self, Element, Node, Wml, W14_NS};
use crate::{Error, Result};

/// The checked and unchecked glyphs Word's checkbox controls show by default.
const CHECKED: char = '\u{2612}';
const UNCHECKED: char = '\u{2610}';

/// The field a label cell names: `Meeting title:`, `Vice Chairs:`, …
fn field_of(label: &str) -> Option<Field> {
    Field::from_label(label)
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Returns true if and only if `body` has a table with cover labels.
pub(crate) fn has_cover_table(body: &Element) -> bool {
    body.elements().any(|e| !cover_tables(e).is_empty())
}

/// The error of a template without cover table.
pub(crate) fn no_cover_table() -> Error {
    Error::template(
        "no cover table: no table cell reads `Meeting title:`, `Chair:`, `Secretary:` or `Meeting Date:`",
    )
}

/// Fills the first table of `body` that has cover labels. Returns the index of the body
/// child holding it. A template without such a table is an error naming what was sought.
pub(crate) fn fill_cover(body: &mut Element, cover: &Cover, w: &Wml) -> Result<usize> {
    let index = body
        .children
        .iter()
        .position(|node| matches!(node, Node::Element(e) if !cover_tables(e).is_empty()))
        .ok_or_else(no_cover_table)?;
    if let Some(Node::Element(holder)) = body.children.get_mut(index) {
        fill_first_table(holder, cover, w);
    }
    Ok(index)
}

/// The tables with cover labels at `element` (itself, or inside a block content control).
fn cover_tables(element: &Element) -> Vec<&Element> {
    let mut found = Vec::new();
    if element.is_w("tbl") && has_labels(element) {
        found.push(element);
    }
    if found.is_empty()
        && (element.is_w("sdt")
            || element.is_w("sdtContent")
            || element.is_w("customXml"))
    {
        for child in element.elements() {
            found.extend(cover_tables(child));
        }
    }
    found
}

fn has_labels(table: &Element) -> bool {
    rows(table)
        .iter()
        .any(|row| cells(row).iter().any(|cell| field_of(&cell.text_content()).is_some()))
}

fn rows(table: &Element) -> Vec<&Element> {
    table.elements().filter(|e| e.is_w("tr")).collect()
}

fn cells(row: &Element) -> Vec<&Element> {
    row.elements().filter(|e| e.is_w("tc")).collect()
}

fn fill_first_table(element: &mut Element, cover: &Cover, w: &Wml) -> bool {
    if element.is_w("tbl") && has_labels(element) {
        fill_table(element, cover, w);
        return true;
    }
    element.elements_mut().any(|child| {
        (child.is_w("sdt")
            || child.is_w("sdtContent")
            || child.is_w("customXml")
            || child.is_w("tbl"))
            && fill_first_table(child, cover, w)
    })
}

fn fill_table(table: &mut Element, cover: &Cover, w: &Wml) {
    for row in table.elements_mut().filter(|e| e.is_w("tr")) {
        let mut pending: Option<Field> = None;
        for cell in row.elements_mut().filter(|e| e.is_w("tc")) {
            if let Some(field) = pending.take() {
                fill_value(cell, field, cover, w);
                continue;
            }
            pending = field_of(&cell.text_content());
        }
    }
}

fn fill_value(cell: &mut Element, field: Field, cover: &Cover, w: &Wml) {
    let one = |value: &Option<String>| vec![value.clone().unwrap_or_default()];
    let values = match field {
        Field::Title => one(&cover.title),
        Field::Chair => one(&cover.chair),
        Field::Secretary => one(&cover.secretary),
        Field::Date => one(&cover.date),
        Field::ViceChairs => {
            if cover.vice_chairs.is_empty() {
                vec![String::new()]
            } else {
                cover.vice_chairs.clone()
            }
        }
        Field::Purpose => {
            tick_purpose(cell, cover.purpose);
            return;
        }
    };
    set_paragraphs(cell, &values, w);
}

/// Replaces the cell's content with one paragraph per value, keeping the first
/// paragraph's properties and its first run's formatting.
fn set_paragraphs(cell: &mut Element, values: &[String], w: &Wml) {
    let first_p = cell.descendants().into_iter().find(|e| e.is_w("p")).cloned();
    let ppr = first_p.as_ref().and_then(|p| p.first_w("pPr")).cloned().map(|mut ppr| {
        // A paragraph mark's run properties and section breaks stay with the old paragraph.
        ppr.children.retain(
            |n| !matches!(n, Node::Element(e) if e.is_w("sectPr") || e.is_w("pPrChange")),
        );
        ppr
    });
    let rpr = first_p
        .as_ref()
        .and_then(|p| p.descendants().into_iter().find(|e| e.is_w("r")).cloned())
        .and_then(|r| r.first_w("rPr").cloned());
    cell.children.retain(|n| match n {
        Node::Element(e) => {
            !(e.is_w("p") || e.is_w("tbl") || e.is_w("sdt") || e.is_w("customXml"))
        }
        Node::Text(_) | Node::Raw(_) => false,
    });
    for value in values {
        let mut p = w.el("p");
        if let Some(ppr) = &ppr {
            p = p.child(ppr.clone());
        }
        if !value.is_empty() {
            let mut run = w.el("r");
            if let Some(rpr) = &rpr {
                run = run.child(rpr.clone());
            }
            run.children.extend(run_content(value, w));
            p = p.child(run);
        }
        cell.children.push(Node::Element(p));
    }
}

/// The content of a run showing `text` (see [`super::body::pieces`]).
fn run_content(text: &str, w: &Wml) -> Vec<Node> {
    super::body::pieces(text)
        .map(|piece| match piece {
            Piece::Text(text) => w.el("t").attr("xml:space", "preserve").text(text),
            Piece::Break => w.el("br"),
            Piece::Tab => w.el("tab"),
        })
        .map(Node::Element)
        .collect()
}

/// Ticks the box of `purpose` (and clears the others) among the cell's checkboxes.
fn tick_purpose(cell: &mut Element, purpose: Option<Purpose>) {
    for p in paragraphs_mut(cell) {
        // Each box is labelled by the text that follows it up to the next box.
        let boxes: Vec<(usize, String)> = {
            let children = &p.children;
            let box_at: Vec<usize> = children
                .iter()
                .enumerate()
                .filter(|(_, n)| matches!(n, Node::Element(e) if is_checkbox(e) || has_glyph(e)))
                .map(|(i, _)| i)
                .collect();
            box_at
                .iter()
                .enumerate()
                .map(|(k, &at)| {
                    let end = box_at.get(k + 1).copied().unwrap_or(children.len());
                    let mut label = String::new();
                    for node in children.iter().take(end).skip(at) {
                        if let Node::Element(e) = node {
                            if !is_checkbox(e) {
                                let mut holder = Element::default();
                                holder.children.push(Node::Element(e.clone()));
                                label.push_str(&holder.text_content());
                            }
                        }
                    }
                    (at, label)
                })
                .collect()
        };
        for (at, label) in boxes {
            let label = normalise(&label.replace([CHECKED, UNCHECKED], ""));
            let Some(which) = Purpose::ALL.into_iter().find(|p| {
                let word = p
                    .label()
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_lowercase();
                label.starts_with(&word)
            }) else {
                continue;
            };
            let checked = purpose == Some(which);
            if let Some(Node::Element(e)) = p.children.get_mut(at) {
                if is_checkbox(e) {
                    set_checkbox(e, checked);
                } else {
                    set_glyphs(e, if checked { CHECKED } else { UNCHECKED });
                }
            }
        }
    }
}

fn paragraphs_mut(element: &mut Element) -> Vec<&mut Element> {
    let mut out = Vec::new();
    for child in element.elements_mut() {
        if child.is_w("p") {
            out.push(child);
        } else if !child.is_w("tcPr") {
            out.extend(paragraphs_mut(child));
        }
    }
    out
}

/// Returns true if and only if `e` is a `w:sdt` with a `w14:checkbox`.
fn is_checkbox(e: &Element) -> bool {
    e.is_w("sdt")
        && e.first_w("sdtPr")
            .is_some_and(|pr| pr.elements().any(|c| c.is(W14_NS, "checkbox")))
}

/// Returns true if and only if `e` is a run showing ☐ or ☒.
fn has_glyph(e: &Element) -> bool {
    e.is_w("r") && e.text_content().trim_start().starts_with([CHECKED, UNCHECKED])
}

fn set_checkbox(sdt: &mut Element, checked: bool) {
    let mut glyph = if checked { CHECKED } else { UNCHECKED };
    if let Some(checkbox) = sdt
        .first_w_mut("sdtPr")
        .and_then(|pr| pr.elements_mut().find(|c| c.is(W14_NS, "checkbox")))
    {
        let state = if checked { "checkedState" } else { "uncheckedState" };
        if let Some(c) = checkbox
            .elements()
            .find(|c| c.is(W14_NS, state))
            .and_then(|s| s.get("val"))
            .and_then(|v| u32::from_str_radix(&v, 16).ok())
            .and_then(char::from_u32)
            .filter(|c| xml::is_xml_char(*c))
        {
            glyph = c;
        }
        if let Some(flag) = checkbox.elements_mut().find(|c| c.is(W14_NS, "checked")) {
            let name = flag
                .attrs
                .iter()
                .find(|(n, _)| n.rsplit(':').next() == Some("val"))
                .map(|(n, _)| n.to_string());
            let name = name.unwrap_or_else(|| {
                format!("{}:val", flag.name.split(':').next().unwrap_or("w14"))
            });
            flag.set(&name, if checked { "1" } else { "0" });
        }
    }
    if let Some(content) = sdt.first_w_mut("sdtContent") {
        set_glyphs(content, glyph);
    }
}

/// Writes the glyph into the first `w:t` under `e` and empties the others.
fn set_glyphs(e: &mut Element, glyph: char) {
    let mut first = true;
    let mut stack: Vec<&mut Element> = vec![e];
    while let Some(el) = stack.pop() {
        if el.is_w("t") {
            let text = if first { glyph.to_string() } else { String::new() };
            first = false;
            el.children = vec![Node::Text(xml::escape(&text).into())];
            continue;
        }
        let mut children: Vec<&mut Element> = el.elements_mut().collect();
        children.reverse();
        stack.extend(children);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn recognises_labels() {
        assert_eq!(field_of("Meeting title:"), Some(Field::Title));
        assert_eq!(field_of(" Vice  Chairs: "), Some(Field::ViceChairs));
        assert_eq!(field_of("Intended purpose of\ndocument:"), Some(Field::Purpose));
        assert_eq!(field_of("Something else"), None);
    }
}

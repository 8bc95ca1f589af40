//! Templates of other bodies: a Word document without the oneM2M cover table is filled
//! too. The cover values go to content controls whose tag or title names them (`title`,
//! `chair`, `vice_chairs`, `secretary`, `date`, `document_title`, or a cover label such as
//! `Meeting Date`) and to `{{title}}`-style markers in the text; the minutes go where the
//! paragraph `{{body}}` stands, else after the template's content. A template with neither
//! controls nor markers for the cover gets the cover as label lines (`Chair: …`) before
//! the minutes, so that no cover value is lost.

use minutes_model::{Cover, CoverField};

use super::xml::{self, Element, Node, Wml};

/// The marker of the paragraph the minutes replace.
const BODY_KEY: &str = "body";

/// The cover values a template can ask for, by key.
struct Values {
    entries: Vec<(&'static str, String)>,
}

impl Values {
    fn new(cover: &Cover, document_title: Option<&str>) -> Values {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        Values {
            entries: vec![
                ("document_title", document_title.unwrap_or("Minutes").to_string()),
                ("title", text(&cover.title)),
                ("chair", text(&cover.chair)),
                ("vice_chairs", cover.vice_chairs.join("; ")),
                ("secretary", text(&cover.secretary)),
                ("date", text(&cover.date)),
            ],
        }
    }

    /// The value of a key, a tag or a title as a template writes it: `Vice chairs`,
    /// `vice-chairs`, `Meeting Date:`.
    fn get(&self, name: &str) -> Option<&str> {
        let key = key_of(name)?;
        self.entries.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_str())
    }
}

/// The key a name stands for: a key itself, spaced or dashed, or a cover label.
fn key_of(name: &str) -> Option<&'static str> {
    let folded = name.trim().to_lowercase().replace([' ', '-'], "_");
    let known = ["document_title", "title", "chair", "vice_chairs", "secretary", "date"];
    if let Some(key) = known.iter().find(|k| **k == folded) {
        return Some(key);
    }
    match CoverField::from_label(name)? {
        CoverField::Title => Some("title"),
        CoverField::Chair => Some("chair"),
        CoverField::ViceChairs => Some("vice_chairs"),
        CoverField::Secretary => Some("secretary"),
        CoverField::Date => Some("date"),
        CoverField::Purpose => None,
    }
}

/// Fills `body` (the template's `w:body`, with no cover table) with the cover values;
/// returns the index of the body child before which the minutes go.
pub(super) fn fill(
    body: &mut Element,
    cover: &Cover,
    document_title: Option<&str>,
    w: &Wml,
) -> usize {
    let values = Values::new(cover, document_title);
    let mut placed = fill_controls(body, &values, w);
    placed |= fill_markers(body, &values);
    let end = body
        .children
        .iter()
        .rposition(|n| matches!(n, Node::Element(e) if e.is_w("sectPr")))
        .unwrap_or(body.children.len());
    let marker = body.children.iter().position(|n| {
        matches!(n, Node::Element(e) if e.is_w("p") && is_marker(&e.text_content(), BODY_KEY))
    });
    let mut splice = match marker {
        Some(at) => {
            body.children.remove(at);
            at
        }
        None => end,
    };
    if !placed {
        let lines = cover_lines(cover, w);
        let count = lines.len();
        body.children.splice(splice..splice, lines.into_iter().map(Node::Element));
        splice += count;
    }
    super::prune_bookmarks(body, splice)
}

/// Returns true if and only if `text` is the marker of `key` and nothing else.
fn is_marker(text: &str, key: &str) -> bool {
    text.trim()
        .strip_prefix("{{")
        .and_then(|t| t.strip_suffix("}}"))
        .is_some_and(|inner| inner.trim().eq_ignore_ascii_case(key))
}

/// Fills the content controls whose tag or title names a cover value; returns true if
/// and only if one was filled.
fn fill_controls(element: &mut Element, values: &Values, w: &Wml) -> bool {
    let mut filled = false;
    for child in element.elements_mut() {
        if child.is_w("sdt") {
            if let Some(value) = control_name(child).and_then(|name| values.get(&name)) {
                set_control(child, value, w);
                filled = true;
                continue;
            }
        }
        filled |= fill_controls(child, values, w);
    }
    filled
}

/// The tag of a content control, else its title (`w:alias`).
fn control_name(sdt: &Element) -> Option<String> {
    let properties = sdt.first_w("sdtPr")?;
    let tag = properties.first_w("tag").and_then(|t| t.get("val"));
    let named =
        |name: &Option<String>| name.as_deref().is_some_and(|n| key_of(n).is_some());
    if named(&tag) {
        return tag;
    }
    properties.first_w("alias").and_then(|a| a.get("val"))
}

/// Replaces the content of a control by `value`, in the paragraph and run formatting of
/// its first paragraph and run; the control no longer shows its placeholder.
fn set_control(sdt: &mut Element, value: &str, w: &Wml) {
    if let Some(properties) = sdt.first_w_mut("sdtPr") {
        properties
            .children
            .retain(|n| !matches!(n, Node::Element(e) if e.is_w("showingPlcHdr")));
    }
    if sdt.first_w("sdtContent").is_none() {
        sdt.children.push(Node::Element(w.el("sdtContent")));
    }
    let Some(content) = sdt.first_w_mut("sdtContent") else { return };
    let run_properties =
        content.descendants().into_iter().find(|e| e.is_w("rPr")).cloned();
    let run = text_run(value, run_properties, w);
    let has_paragraph = content.descendants().into_iter().any(|e| e.is_w("p"));
    if !has_paragraph {
        content.children = vec![Node::Element(run)];
        return;
    }
    // Block or cell content: the first paragraph takes the value, the others go.
    let mut done = false;
    set_first_paragraph(content, run, &mut done);
}

fn set_first_paragraph(element: &mut Element, run: Element, done: &mut bool) {
    let mut run = Some(run);
    element.children.retain_mut(|node| {
        let Node::Element(e) = node else { return true };
        if !e.is_w("p") {
            return true;
        }
        if *done {
            return false;
        }
        *done = true;
        e.children.retain(|n| matches!(n, Node::Element(c) if c.is_w("pPr")));
        if let Some(run) = run.take() {
            e.children.push(Node::Element(run));
        }
        true
    });
    if let Some(run) = run {
        for child in element.elements_mut() {
            if !*done && child.descendants().into_iter().any(|e| e.is_w("p")) {
                set_first_paragraph(child, run, done);
                return;
            }
        }
    }
}

/// A run of `text`, with `properties` when given.
fn text_run(text: &str, properties: Option<Element>, w: &Wml) -> Element {
    let mut run = w.el("r");
    if let Some(properties) = properties {
        run = run.child(properties);
    }
    run.child(w.el("t").attr("xml:space", "preserve").text(text))
}

/// Replaces the cover markers of every paragraph; a top-level paragraph whose markers all
/// had no value (`Vice Chairs: {{vice_chairs}}` for a meeting without) is dropped.
/// Returns true if and only if a marker was replaced.
fn fill_markers(body: &mut Element, values: &Values) -> bool {
    let mut replaced = false;
    let mut empty = Vec::new();
    for (index, node) in body.children.iter_mut().enumerate() {
        let Node::Element(e) = node else { continue };
        let outcome = replace_markers(e, values);
        replaced |= outcome.replaced;
        if e.is_w("p") && outcome.replaced && !outcome.valued {
            empty.push(index);
        }
    }
    for index in empty.into_iter().rev() {
        body.children.remove(index);
    }
    replaced
}

/// What replacing the markers of an element did.
#[derive(Default)]
struct Outcome {
    /// A marker was replaced.
    replaced: bool,
    /// A marker was replaced by a non-empty value.
    valued: bool,
}

/// Replaces the markers in the paragraphs at or under `element`.
fn replace_markers(element: &mut Element, values: &Values) -> Outcome {
    if !element.is_w("p") {
        let mut outcome = Outcome::default();
        for child in element.elements_mut() {
            let inner = replace_markers(child, values);
            outcome.replaced |= inner.replaced;
            outcome.valued |= inner.valued;
        }
        return outcome;
    }
    let mut texts = Vec::new();
    collect_texts(element, &mut texts);
    let originals: Vec<String> = texts.iter().map(|t| text_of(t)).collect();
    let (edited, outcome) = replace_in(&originals, values);
    if outcome.replaced {
        for ((t, new), old) in texts.into_iter().zip(&edited).zip(&originals) {
            if new != old {
                t.children = vec![Node::Text(xml::escape(new).into())];
                t.set("xml:space", "preserve");
            }
        }
    }
    outcome
}

/// The `w:t` elements of a paragraph, in order (deleted text left out).
fn collect_texts<'a>(element: &'a mut Element, out: &mut Vec<&'a mut Element>) {
    for child in element.elements_mut() {
        if child.is_w("t") {
            out.push(child);
        } else if !child.is_w("del") && !child.is_w("p") {
            collect_texts(child, out);
        }
    }
}

fn text_of(t: &Element) -> String {
    t.children
        .iter()
        .filter_map(|n| match n {
            Node::Text(text) => Some(xml::unescape(text)),
            _ => None,
        })
        .collect()
}

/// The texts of a paragraph's runs with every known marker replaced; a marker may span
/// runs (Word splits `{{title}}` where the spelling checker or an edit stopped), and its
/// value goes into the run where it starts.
fn replace_in(texts: &[String], values: &Values) -> (Vec<String>, Outcome) {
    let joined: String = texts.concat();
    let mut markers = Vec::new();
    let mut from = 0;
    while let Some(open) = joined.get(from..).and_then(|rest| rest.find("{{")) {
        let start = from + open;
        let Some(close) = joined.get(start..).and_then(|rest| rest.find("}}")) else {
            break;
        };
        let end = start + close + 2;
        let name = joined.get(start + 2..end - 2).unwrap_or_default();
        if let Some(value) = values.get(name) {
            markers.push((start, end, value.to_string()));
        }
        from = end;
    }
    let mut outcome = Outcome::default();
    let mut edited = texts.to_vec();
    // From the last marker back, so that the offsets of the earlier ones still hold.
    for (start, end, value) in markers.into_iter().rev() {
        outcome.replaced = true;
        outcome.valued |= !value.trim().is_empty();
        let (first, first_at) = locate(texts, start);
        let (last, last_at) = locate(texts, end);
        for (index, text) in edited.iter_mut().enumerate().take(last + 1).skip(first) {
            let keep_head = if index == first { first_at } else { 0 };
            let keep_tail = if index == last { last_at } else { text.len() };
            let head = text.get(..keep_head).unwrap_or_default().to_string();
            let tail = text.get(keep_tail..).unwrap_or_default().to_string();
            let middle = if index == first { value.as_str() } else { "" };
            *text = format!("{head}{middle}{tail}");
        }
    }
    (edited, outcome)
}

/// The text holding byte `at` of the joined texts, and the offset in it; the end of the
/// last text for `at` past them.
fn locate(texts: &[String], at: usize) -> (usize, usize) {
    let mut passed = 0;
    for (index, text) in texts.iter().enumerate() {
        if at < passed + text.len() {
            return (index, at - passed);
        }
        passed += text.len();
    }
    let last = texts.len().saturating_sub(1);
    (last, texts.last().map_or(0, String::len))
}

/// The cover as label lines, for a template that asks for none of its values.
fn cover_lines(cover: &Cover, w: &Wml) -> Vec<Element> {
    let mut lines = Vec::new();
    let mut line = |label: &str, value: &str| {
        if !value.trim().is_empty() {
            let run = text_run(&format!("{label} {value}"), None, w);
            lines.push(w.el("p").child(run));
        }
    };
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    line(CoverField::Title.label(), &text(&cover.title));
    line(CoverField::Chair.label(), &text(&cover.chair));
    line(CoverField::ViceChairs.label(), &cover.vice_chairs.join("; "));
    line(CoverField::Secretary.label(), &text(&cover.secretary));
    line(CoverField::Date.label(), &text(&cover.date));
    lines
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    fn values() -> Values {
        let cover = Cover {
            title: Some("PRO#38".to_string()),
            chair: Some("Shu".to_string()),
            ..Cover::default()
        };
        Values::new(&cover, None)
    }

    fn strings(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| (*t).to_string()).collect()
    }

    // Markers are replaced within a run and across runs; unknown ones are left.
    #[test]
    fn replaces_markers_across_runs() {
        let (out, outcome) = replace_in(
            &strings(&["Title: {{title}} by {{ch", "air}}!", " {{x}}"]),
            &values(),
        );
        assert_eq!(out, ["Title: PRO#38 by Shu", "!", " {{x}}"]);
        assert!(outcome.replaced && outcome.valued);
        let (out, outcome) = replace_in(&strings(&["Vice: {{Vice Chairs}}"]), &values());
        assert_eq!(out, ["Vice: "]);
        assert!(outcome.replaced && !outcome.valued);
    }

    // Tags and titles name values by key or by cover label.
    #[test]
    fn keys_by_name_or_label() {
        assert_eq!(key_of("vice-chairs"), Some("vice_chairs"));
        assert_eq!(key_of("Meeting Date:"), Some("date"));
        assert_eq!(key_of("Document title"), Some("document_title"));
        assert_eq!(key_of("body"), None);
        assert!(is_marker(" {{ Body }} ", BODY_KEY));
    }
}

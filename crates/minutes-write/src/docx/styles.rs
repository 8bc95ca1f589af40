//! The template's styles, looked up by name (`w:style/w:name`), never by id: style ids are
//! localised (`berschrift1`) while names are stable (`heading 1`).

use std::collections::HashMap;

use super::xml::{Element, XmlDoc};

/// How many `w:basedOn` links are followed before giving up (cycles).
const MAX_BASED_ON: usize = 32;

/// One style of `styles.xml`.
#[derive(Debug, Clone, Default)]
struct Style {
    id: String,
    kind: String,
    based_on: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u32>,
}

/// The styles of a template, by lower-cased name and by id.
#[derive(Debug, Clone, Default)]
pub(crate) struct Styles {
    by_name: HashMap<String, usize>,
    by_id: HashMap<String, usize>,
    styles: Vec<Style>,
}

/// The names the writer asks for, most wanted first.
pub(crate) mod names {
    /// The contribution table style.
    pub const CONTRIBUTION_TABLE: &[&str] = &["onem2m contribution table", "table grid"];
    /// The action-item table style.
    pub const ACTION_TABLE: &[&str] =
        &["onem2m action items table", "onem2m contribution table", "table grid"];
    /// A plain table.
    pub const PLAIN_TABLE: &[&str] = &["table grid"];
    /// Paragraphs inside tables.
    pub const TABLE_TEXT: &[&str] = &["onem2m table text"];
    /// A document heading in the discussion.
    pub const DOCUMENT_HEADING: &[&str] = &["onem2m document heading"];
    /// Bullets.
    pub const BULLET: &[&str] = &["list bullet", "list paragraph"];
    /// The decision status words.
    pub const DECISION_STATUS: &[&str] = &["onem2m decision status", "strong"];
}

/// What a `w:style` says, as read from its element.
#[derive(Debug, Default)]
struct Reading {
    style: Option<(String, String)>,
    name: Option<String>,
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<String>,
}

impl Styles {
    /// The styles of a styles part (`w:styles`: a user's, or the built-in template's,
    /// parsed at build time), keeping of each `w:style` its id, type, name, `w:basedOn`
    /// and the `w:numPr` of its paragraph properties. Of each `w:style` only the first
    /// `w:name`, `w:basedOn`, `w:pPr` (and its first `w:numPr`, and that one's first
    /// `w:numId` and `w:ilvl`) count.
    pub(crate) fn from_tree(doc: &XmlDoc) -> Styles {
        let mut styles = Styles::default();
        let val = |element: Option<&Element>| element.and_then(|e| e.get("val"));
        for style in doc.root.elements().filter(|e| e.is_w("style")) {
            let num_pr = style.first_w("pPr").and_then(|ppr| ppr.first_w("numPr"));
            styles.add(Reading {
                style: style.get("styleId").map(|id| {
                    (id, style.get("type").unwrap_or_else(|| "paragraph".to_string()))
                }),
                name: val(style.first_w("name")),
                based_on: val(style.first_w("basedOn")),
                num_id: val(num_pr.and_then(|n| n.first_w("numId"))),
                ilvl: val(num_pr.and_then(|n| n.first_w("ilvl"))),
            });
        }
        styles
    }

    /// Adds the style just read, if it has an id.
    fn add(&mut self, reading: Reading) {
        let Some((id, kind)) = reading.style else { return };
        let number = |value: Option<String>| value?.parse().ok();
        let index = self.styles.len();
        self.styles.push(Style {
            id: id.clone(),
            kind,
            based_on: reading.based_on,
            num_id: number(reading.num_id),
            ilvl: number(reading.ilvl),
        });
        self.by_id.entry(id).or_insert(index);
        if let Some(name) = reading.name {
            self.by_name.entry(normalise(&name)).or_insert(index);
        }
    }

    /// The id of the first style of type `kind` named in `wanted`.
    pub(crate) fn find(&self, kind: &str, wanted: &[&str]) -> Option<String> {
        wanted.iter().find_map(|name| {
            let style = self.styles.get(*self.by_name.get(&normalise(name))?)?;
            (style.kind == kind).then(|| style.id.clone())
        })
    }

    /// The paragraph style for a heading at `depth` (1 for a top-level section):
    /// `heading N`, else the deepest shallower heading style defined.
    pub(crate) fn heading(&self, depth: usize) -> Option<String> {
        (1..=depth.clamp(1, 9))
            .rev()
            .find_map(|level| self.find("paragraph", &[&format!("heading {level}")]))
    }

    /// The numbering (`numId`, `ilvl`) a paragraph style gives through `w:numPr`,
    /// following `w:basedOn`; `None` when unnumbered or `numId` 0.
    pub(crate) fn numbering(&self, id: &str) -> Option<(u32, u32)> {
        let mut num_id = None;
        let mut ilvl = None;
        let mut current = self.by_id.get(id).and_then(|&i| self.styles.get(i));
        for _ in 0..MAX_BASED_ON {
            let Some(style) = current else { break };
            num_id = num_id.or(style.num_id);
            ilvl = ilvl.or(style.ilvl);
            if num_id.is_some() && ilvl.is_some() {
                break;
            }
            current = style
                .based_on
                .as_ref()
                .and_then(|b| self.by_id.get(b))
                .and_then(|&i| self.styles.get(i));
        }
        match num_id {
            Some(0) | None => None,
            Some(num) => Some((num, ilvl.unwrap_or(0).min(8))),
        }
    }
}

/// Lower case with single spaces: `Heading  1` → `heading 1`.
fn normalise(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::super::xml;
    use super::*;

    const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="Heading 2"/><w:basedOn w:val="berschrift1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="loop"/><w:basedOn w:val="Loop"/></w:style>
      <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/></w:style>
    </w:styles>"#;

    #[test]
    fn finds_styles_by_name_and_their_numbering() {
        let styles = Styles::from_tree(&xml::parse(STYLES.as_bytes(), "s").unwrap());
        assert_eq!(styles.heading(1).as_deref(), Some("berschrift1"));
        assert_eq!(styles.heading(2).as_deref(), Some("berschrift2"));
        assert_eq!(styles.heading(4).as_deref(), Some("berschrift2"));
        assert_eq!(styles.numbering("berschrift2"), Some((3, 1)));
        assert_eq!(styles.numbering("berschrift1"), Some((3, 0)));
        assert_eq!(styles.numbering("Loop"), None);
        assert_eq!(
            styles.find("character", names::DECISION_STATUS).as_deref(),
            Some("Strong")
        );
        assert_eq!(styles.find("paragraph", &["strong"]), None);
        assert_eq!(styles.find("table", names::PLAIN_TABLE), None);
    }
}

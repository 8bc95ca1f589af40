//! An editable XML tree for the parts a writer rewrites (`word/document.xml`,
//! `word/numbering.xml`, rels, content types): parsed with quick-xml, edited in place and
//! written back with every untouched element, attribute and text kept as it was written.
//!
//! Names are kept with their prefixes as written; [`Element::is`] compares the local name
//! and resolves the prefix through the namespace declarations seen on the way down, so a
//! template that binds WordprocessingML to `ns0:` still matches.

// Common names shared instead of allocated.
mod names;
// Trees packed at build time and read back without parsing.
mod packed;
// Parts read into trees (and the checked event walker they are read with).
mod parse;
// Trees written back as text.
mod write;

use std::borrow::Cow;

pub use self::names::{intern, Name};
pub use self::packed::{pack, unpack_static};
pub use self::parse::{parse, parse_static};
pub use self::write::{serialize, serialize_around, serialize_inserting};
use crate::xml::MAX_XML_DEPTH as MAX_DEPTH;

/// The WordprocessingML main namespace (ECMA-376 Part 1, transitional).
pub const W_NS: &str = crate::xml::W_TRANSITIONAL;
/// The WordprocessingML 2010 namespace of `w14:checkbox`.
pub const W14_NS: &str = crate::xml::W14;

/// Text of a tree: borrowed from the built-in template, or owned.
pub type Text = Cow<'static, str>;

/// A node of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element.
    Element(Element),
    /// Character data, kept escaped as written (entity references included).
    Text(Text),
    /// Anything else (comments, processing instructions, CDATA), written back verbatim.
    Raw(Text),
}

/// An element with its attributes (values kept escaped) and children.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element {
    /// The qualified name as written, `w:p`.
    pub name: Name,
    /// Attributes in document order: qualified name and escaped value.
    pub attrs: Vec<(Name, Text)>,
    /// Child nodes.
    pub children: Vec<Node>,
    /// The namespace URI of the element, resolved when parsed or set when built; the
    /// namespaces the writer knows are borrowed, so that most elements allocate nothing
    /// for it.
    pub ns: Cow<'static, str>,
}

/// A parsed part: what comes before the root element (declaration, comments) and the root.
#[derive(Debug, Clone)]
pub struct XmlDoc {
    /// The XML declaration and anything else before the root, verbatim.
    pub prolog: String,
    /// The root element.
    pub root: Element,
}

/// Builder methods
impl Element {
    /// A new element in namespace `ns` named `name` (prefix included).
    pub fn new(ns: &'static str, name: &str) -> Element {
        Element {
            name: intern(name),
            attrs: Vec::new(),
            children: Vec::new(),
            ns: Cow::Borrowed(ns),
        }
    }

    /// Adds an attribute whose value is escaped here.
    pub fn attr(mut self, name: &str, value: &str) -> Element {
        self.attrs.push((intern(name), escape(value).into()));
        self
    }

    /// Adds a child element.
    pub fn child(mut self, child: Element) -> Element {
        self.children.push(Node::Element(child));
        self
    }

    /// Adds a text child, escaped here.
    pub fn text(mut self, text: &str) -> Element {
        self.children.push(Node::Text(escape(text).into()));
        self
    }
}

/// Getters
impl Element {
    /// The local name, without prefix.
    pub fn local(&self) -> &str {
        self.name.rsplit(':').next().unwrap_or(&self.name)
    }

    /// Returns true if and only if the element is `local` in namespace `ns`.
    pub fn is(&self, ns: &str, local: &str) -> bool {
        self.ns == ns && self.local() == local
    }

    /// Returns true if and only if the element is WordprocessingML `local`.
    pub fn is_w(&self, local: &str) -> bool {
        self.is(W_NS, local)
    }

    /// The unescaped value of the attribute with local name `local` (any prefix).
    pub fn get(&self, local: &str) -> Option<String> {
        self.attrs
            .iter()
            .find(|(name, _)| name.rsplit(':').next() == Some(local))
            .map(|(_, value)| unescape(value))
    }

    /// Sets (or adds) the attribute with qualified name `name`.
    pub fn set(&mut self, name: &str, value: &str) {
        let escaped = escape(value);
        match self.attrs.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = escaped.into(),
            None => self.attrs.push((intern(name), escaped.into())),
        }
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }

    /// The child elements, mutably.
    pub fn elements_mut(&mut self) -> impl Iterator<Item = &mut Element> {
        self.children.iter_mut().filter_map(|node| match node {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }

    /// The first child element that is WordprocessingML `local`.
    pub fn first_w(&self, local: &str) -> Option<&Element> {
        self.elements().find(|e| e.is_w(local))
    }

    /// The first child element that is WordprocessingML `local`, mutably.
    pub fn first_w_mut(&mut self, local: &str) -> Option<&mut Element> {
        self.elements_mut().find(|e| e.is_w(local))
    }

    /// Every descendant element (depth first, self excluded).
    pub fn descendants(&self) -> Vec<&Element> {
        let mut out = Vec::new();
        let mut stack: Vec<&Element> = self.elements().collect();
        stack.reverse();
        while let Some(e) = stack.pop() {
            out.push(e);
            let mut children: Vec<&Element> = e.elements().collect();
            children.reverse();
            stack.extend(children);
        }
        out
    }

    /// The text of the element as Word shows it: `w:t` contents, `w:tab` as a tab,
    /// `w:br`/`w:cr` as a newline, paragraphs separated by newlines; deleted text and
    /// field instructions skipped.
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        collect_text(self, &mut out, 0);
        out
    }
}

fn collect_text(element: &Element, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for node in &element.children {
        let Node::Element(e) = node else { continue };
        if e.ns != W_NS {
            collect_text(e, out, depth + 1);
            continue;
        }
        match e.local() {
            "t" => {
                for child in &e.children {
                    if let Node::Text(text) = child {
                        out.push_str(&unescape(text));
                    }
                }
            }
            "tab" if element.is_w("r") => out.push('\t'),
            "br" | "cr" => out.push('\n'),
            "del" | "delText" | "instrText" | "moveFrom" | "rPr" | "pPr" | "sdtPr" => {}
            "p" => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                collect_text(e, out, depth + 1);
            }
            _ => collect_text(e, out, depth + 1),
        }
    }
}

/// The prefix bound to `ns` on `root`, if any.
pub fn find_prefix(root: &Element, ns: &str) -> Option<String> {
    let escaped = escape(ns);
    root.attrs
        .iter()
        .find(|(key, value)| key.starts_with("xmlns:") && *value == escaped)
        .map(|(key, _)| key.trim_start_matches("xmlns:").to_string())
}

/// The prefix bound to `ns` on `root`, declaring `preferred` (or a variant of it) there
/// when the namespace has no prefix yet: attributes such as `w:val` need one.
pub fn ensure_prefix(root: &mut Element, ns: &str, preferred: &str) -> String {
    if let Some(prefix) = find_prefix(root, ns) {
        return prefix;
    }
    let mut prefix = preferred.to_string();
    while root
        .attrs
        .iter()
        .any(|(key, _)| key.strip_prefix("xmlns:") == Some(prefix.as_str()))
    {
        prefix.push('x');
    }
    root.attrs.push((Cow::Owned(format!("xmlns:{prefix}")), escape(ns).into()));
    prefix
}

/// A qualified name: `w:p`, or `p` for an empty prefix.
pub fn qname(prefix: &str, local: &str) -> String {
    if prefix.is_empty() {
        local.to_string()
    } else {
        format!("{prefix}:{local}")
    }
}

/// Builds WordprocessingML elements with the prefix a part binds to its namespace.
#[derive(Debug, Clone)]
pub struct Wml {
    prefix: String,
}

impl Wml {
    /// A builder for `prefix` (see [`ensure_prefix`]).
    pub fn new(prefix: &str) -> Wml {
        Wml { prefix: prefix.to_string() }
    }

    /// The qualified attribute or element name of `local`.
    pub fn name(&self, local: &str) -> String {
        qname(&self.prefix, local)
    }

    /// An empty element `w:local`.
    pub fn el(&self, local: &str) -> Element {
        Element::new(W_NS, &self.name(local))
    }

    /// An element `w:local` with a `w:val` attribute.
    pub fn val(&self, local: &str, value: &str) -> Element {
        let name = self.name("val");
        self.el(local).attr(&name, value)
    }

    /// Adds the attribute `w:local` to `element`.
    pub fn with(&self, element: Element, local: &str, value: &str) -> Element {
        let name = self.name(local);
        element.attr(&name, value)
    }
}
/// Returns true if and only if `c` may appear in an XML 1.0 document.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes text for element content and attribute values, dropping characters XML 1.0
/// does not allow.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Unescapes text as written in a part; malformed references are kept as written.
pub fn unescape(raw: &str) -> String {
    match quick_xml::escape::unescape(raw) {
        Ok(text) => text.into_owned(),
        Err(_) => raw.to_string(),
    }
}
#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::names::COMMON_NAMES;
    use super::*;

    #[test]
    fn round_trips_verbatim() {
        let text = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t xml:space="preserve"> a &amp; b &#x41; </w:t></w:r></w:p><!-- c --><w:p/></w:body></w:document>"#;
        let doc = parse(text.as_bytes(), "t").unwrap();
        assert_eq!(serialize(&doc), text);
        assert_eq!(doc.root.text_content(), " a & b A \n");
    }

    #[test]
    fn keeps_single_quoted_values_well_formed() {
        let doc = parse(br#"<a b='say "hi"' c='x'/>"#, "t").unwrap();
        assert_eq!(serialize(&doc), r#"<a b="say &quot;hi&quot;" c="x"/>"#);
        assert_eq!(doc.root.get("b").as_deref(), Some(r#"say "hi""#));
    }

    #[test]
    fn resolves_other_prefixes() {
        let text = r#"<ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body/></ns0:document>"#;
        let doc = parse(text.as_bytes(), "t").unwrap();
        assert!(doc.root.is_w("document"));
        assert!(doc.root.first_w("body").is_some());
    }

    #[test]
    fn escapes_and_strips_invalid_characters() {
        assert_eq!(escape("a<b>&\"'\u{1}\u{FFFE}c"), "a&lt;b&gt;&amp;&quot;&apos;c");
    }

    #[test]
    fn common_names_are_sorted_and_shared() {
        let ordered = |a: &str, b: &str| (a.len(), a) < (b.len(), b);
        assert!(COMMON_NAMES.windows(2).all(|w| ordered(w[0], w[1])), "not in order");
        for &name in COMMON_NAMES {
            assert!(matches!(intern(name), Cow::Borrowed(n) if n == name), "{name}");
        }
        assert!(matches!(intern("w:other"), Cow::Owned(n) if n == "w:other"));
        assert!(matches!(intern(""), Cow::Owned(n) if n.is_empty()));
    }

    #[test]
    fn rejects_broken_xml() {
        assert!(parse(b"<a><b></a>", "t").is_err());
        assert!(parse(b"", "t").is_err());
        assert!(parse(b"<a></a><b/>", "t").is_err());
    }
}

//! A small XML tree for the parts the writer rewrites (`word/document.xml`,
//! `word/numbering.xml`, rels, content types): parsed with quick-xml, edited in place and
//! written back with every untouched element, attribute and text kept as it was written.
//!
//! Names are kept with their prefixes as written; [`Element::is`] compares the local name
//! and resolves the prefix through the namespace declarations seen on the way down, so a
//! template that binds WordprocessingML to `ns0:` still matches.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::{Error, Result};

/// The WordprocessingML main namespace (ECMA-376 Part 1, transitional).
pub(crate) const W_NS: &str =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The WordprocessingML 2010 namespace of `w14:checkbox`.
pub(crate) const W14_NS: &str = "http://schemas.microsoft.com/office/word/2010/wordml";

/// Deepest nesting accepted when parsing a part (tables inside tables inside …).
const MAX_DEPTH: usize = 512;

/// A node of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    /// An element.
    Element(Element),
    /// Character data, kept escaped as written (entity references included).
    Text(String),
    /// Anything else (comments, processing instructions, CDATA), written back verbatim.
    Raw(String),
}

/// An element with its attributes (values kept escaped) and children.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Element {
    /// The qualified name as written, `w:p`.
    pub name: String,
    /// Attributes in document order: qualified name and escaped value.
    pub attrs: Vec<(String, String)>,
    /// Child nodes.
    pub children: Vec<Node>,
    /// The namespace URI of the element, resolved when parsed or set when built.
    pub ns: String,
}

/// A parsed part: what comes before the root element (declaration, comments) and the root.
#[derive(Debug, Clone)]
pub(crate) struct XmlDoc {
    /// The XML declaration and anything else before the root, verbatim.
    pub prolog: String,
    /// The root element.
    pub root: Element,
}

/// Builder methods
impl Element {
    /// A new element in namespace `ns` named `name` (prefix included).
    pub fn new(ns: &str, name: &str) -> Element {
        Element {
            name: name.to_string(),
            attrs: Vec::new(),
            children: Vec::new(),
            ns: ns.to_string(),
        }
    }

    /// Adds an attribute whose value is escaped here.
    pub fn attr(mut self, name: &str, value: &str) -> Element {
        self.attrs.push((name.to_string(), escape(value)));
        self
    }

    /// Adds a child element.
    pub fn child(mut self, child: Element) -> Element {
        self.children.push(Node::Element(child));
        self
    }

    /// Adds a text child, escaped here.
    pub fn text(mut self, text: &str) -> Element {
        self.children.push(Node::Text(escape(text)));
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
            Some(slot) => slot.1 = escaped,
            None => self.attrs.push((name.to_string(), escaped)),
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

/// The prefix bound to `ns` on `root`, declaring `preferred` (or a variant of it) there
/// when the namespace has no prefix yet: attributes such as `w:val` need one.
pub(crate) fn ensure_prefix(root: &mut Element, ns: &str, preferred: &str) -> String {
    let escaped = escape(ns);
    if let Some((key, _)) = root
        .attrs
        .iter()
        .find(|(key, value)| key.starts_with("xmlns:") && *value == escaped)
    {
        return key.trim_start_matches("xmlns:").to_string();
    }
    let mut prefix = preferred.to_string();
    while root
        .attrs
        .iter()
        .any(|(key, _)| key.strip_prefix("xmlns:") == Some(prefix.as_str()))
    {
        prefix.push('x');
    }
    root.attrs.push((format!("xmlns:{prefix}"), escaped));
    prefix
}

/// A qualified name: `w:p`, or `p` for an empty prefix.
pub(crate) fn qname(prefix: &str, local: &str) -> String {
    if prefix.is_empty() {
        local.to_string()
    } else {
        format!("{prefix}:{local}")
    }
}

/// Builds WordprocessingML elements with the prefix a part binds to its namespace.
#[derive(Debug, Clone)]
pub(crate) struct Wml {
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

/// Parses a part into a tree, resolving element namespaces.
pub(crate) fn parse(bytes: &[u8], part: &str) -> Result<XmlDoc> {
    let bad = |message: String| Error::template(format!("{part}: {message}"));
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .map_err(|_| bad("not UTF-8".into()))?;
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut prolog = String::new();
    // Open elements with the namespace scope they introduced.
    let mut stack: Vec<(Element, HashMap<String, String>)> = Vec::new();
    let mut scopes: Vec<HashMap<String, String>> = vec![HashMap::new()];
    let mut root: Option<Element> = None;
    loop {
        let event = reader.read_event().map_err(|err| bad(format!("{err}")))?;
        match event {
            Event::Eof => break,
            Event::Start(start) | Event::Empty(start) if root.is_some() => {
                let _ = start;
                return Err(bad("content after the root element".into()));
            }
            Event::Start(start) => {
                if stack.len() > MAX_DEPTH {
                    return Err(bad("nested too deeply".into()));
                }
                let (element, scope) = open(&start, &scopes, part)?;
                scopes.push(scope.clone());
                stack.push((element, scope));
            }
            Event::Empty(start) => {
                let (element, _) = open(&start, &scopes, part)?;
                if stack.is_empty() {
                    root = Some(element);
                } else {
                    push(&mut stack, &mut root, Node::Element(element), &mut prolog);
                }
            }
            Event::End(_) => {
                let Some((element, _)) = stack.pop() else {
                    return Err(bad("unbalanced end tag".into()));
                };
                scopes.pop();
                if let Some((parent, _)) = stack.last_mut() {
                    parent.children.push(Node::Element(element));
                } else {
                    root = Some(element);
                }
            }
            Event::Text(text) => {
                let raw = String::from_utf8_lossy(&text.into_inner()).into_owned();
                push(&mut stack, &mut root, Node::Text(raw), &mut prolog);
            }
            Event::GeneralRef(reference) => {
                let raw =
                    format!("&{};", String::from_utf8_lossy(&reference.into_inner()));
                push(&mut stack, &mut root, Node::Text(raw), &mut prolog);
            }
            Event::CData(data) => {
                let raw = format!(
                    "<![CDATA[{}]]>",
                    String::from_utf8_lossy(&data.into_inner())
                );
                push(&mut stack, &mut root, Node::Raw(raw), &mut prolog);
            }
            Event::Comment(comment) => {
                let raw =
                    format!("<!--{}-->", String::from_utf8_lossy(&comment.into_inner()));
                push(&mut stack, &mut root, Node::Raw(raw), &mut prolog);
            }
            Event::PI(pi) => {
                let raw = format!("<?{}?>", String::from_utf8_lossy(&pi.into_inner()));
                push(&mut stack, &mut root, Node::Raw(raw), &mut prolog);
            }
            Event::Decl(decl) => {
                prolog.push_str(&format!("<?{}?>", String::from_utf8_lossy(&decl)));
            }
            // A DOCTYPE is dropped: OOXML parts never need one.
            Event::DocType(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err(bad("unclosed element".into()));
    }
    let root = root.ok_or_else(|| bad("no root element".into()))?;
    Ok(XmlDoc { prolog, root })
}

fn push(
    stack: &mut [(Element, HashMap<String, String>)],
    root: &mut Option<Element>,
    node: Node,
    prolog: &mut String,
) {
    if let Some((parent, _)) = stack.last_mut() {
        // Adjacent text (text split by entity references) is merged.
        if let (Node::Text(new), Some(Node::Text(last))) =
            (&node, parent.children.last_mut())
        {
            last.push_str(new);
            return;
        }
        parent.children.push(node);
    } else if root.is_none() {
        match node {
            Node::Text(text) => prolog.push_str(&text),
            Node::Raw(raw) => prolog.push_str(&raw),
            Node::Element(_) => {}
        }
    }
}

fn open(
    start: &BytesStart<'_>,
    scopes: &[HashMap<String, String>],
    part: &str,
) -> Result<(Element, HashMap<String, String>)> {
    let mut scope = scopes.last().cloned().unwrap_or_default();
    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for attr in start.attributes().with_checks(false) {
        let attr = attr.map_err(|err| Error::template(format!("{part}: {err}")))?;
        let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
        let value = String::from_utf8_lossy(&attr.value).into_owned();
        if key == "xmlns" {
            scope.insert(String::new(), unescape(&value));
        } else if let Some(prefix) = key.strip_prefix("xmlns:") {
            scope.insert(prefix.to_string(), unescape(&value));
        }
        attrs.push((key, value));
    }
    let prefix = match name.split_once(':') {
        Some((prefix, _)) => prefix.to_string(),
        None => String::new(),
    };
    let ns = scope.get(&prefix).cloned().unwrap_or_default();
    Ok((Element { name, attrs, children: Vec::new(), ns }, scope))
}

/// Writes a tree back as text (the empty root case is handled by the caller's parse).
pub(crate) fn serialize(doc: &XmlDoc) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(&doc.prolog);
    write_element(&doc.root, &mut out);
    out
}

fn write_element(element: &Element, out: &mut String) {
    // An explicit stack keeps deep trees from overflowing the call stack.
    enum Step<'a> {
        Open(&'a Element),
        Close(&'a Element),
        Node(&'a Node),
    }
    let mut stack = vec![Step::Open(element)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Open(e) => {
                out.push('<');
                out.push_str(&e.name);
                for (key, value) in &e.attrs {
                    out.push(' ');
                    out.push_str(key);
                    out.push_str("=\"");
                    // A value read from single quotes may hold `"`.
                    if value.contains('"') {
                        out.push_str(&value.replace('"', "&quot;"));
                    } else {
                        out.push_str(value);
                    }
                    out.push('"');
                }
                if e.children.is_empty() {
                    out.push_str("/>");
                } else {
                    out.push('>');
                    stack.push(Step::Close(e));
                    for child in e.children.iter().rev() {
                        stack.push(Step::Node(child));
                    }
                }
            }
            Step::Close(e) => {
                out.push_str("</");
                out.push_str(&e.name);
                out.push('>');
            }
            Step::Node(Node::Element(e)) => stack.push(Step::Open(e)),
            Step::Node(Node::Text(text) | Node::Raw(text)) => out.push_str(text),
        }
    }
}

/// Returns true if and only if `c` may appear in an XML 1.0 document.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes text for element content and attribute values, dropping characters XML 1.0
/// does not allow.
pub(crate) fn escape(text: &str) -> String {
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
pub(crate) fn unescape(raw: &str) -> String {
    match quick_xml::escape::unescape(raw) {
        Ok(text) => text.into_owned(),
        Err(_) => raw.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
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
    fn rejects_broken_xml() {
        assert!(parse(b"<a><b></a>", "t").is_err());
        assert!(parse(b"", "t").is_err());
        assert!(parse(b"<a></a><b/>", "t").is_err());
    }
}

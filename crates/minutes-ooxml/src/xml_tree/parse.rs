//! Reading a part: a walker over its events that resolves namespaces and checks that the
//! part is one well-formed element, and the tree parser built on it.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{
    intern, unescape, Element, Name, Node, Text, XmlDoc, MAX_DEPTH, W14_NS, W_NS,
};
use crate::{Error, Result};

/// The namespaces the writer looks for, kept as static strings so that parsed elements
/// in them borrow their namespace instead of owning a copy.
const KNOWN_NS: [&str; 8] = [
    W_NS,
    W14_NS,
    "http://schemas.openxmlformats.org/package/2006/relationships",
    "http://schemas.openxmlformats.org/package/2006/content-types",
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/dc/terms/",
    "http://schemas.openxmlformats.org/markup-compatibility/2006",
];

/// A namespace URI as declared (escaped), unescaped and shared when well known.
fn namespace_of(declared: &str) -> Cow<'static, str> {
    let uri = unescape(declared);
    match KNOWN_NS.iter().find(|known| **known == uri) {
        Some(known) => Cow::Borrowed(known),
        None => Cow::Owned(uri),
    }
}

/// The namespace declarations in scope while parsing: `(prefix, uri)` pairs, innermost
/// last, with how many each open element added (most add none).
#[derive(Default)]
struct Scopes {
    bindings: Vec<(String, Cow<'static, str>)>,
    added: Vec<usize>,
}

impl Scopes {
    /// Enters the scope of a start tag; returns the namespace of its element.
    fn open(&mut self, start: &BytesStart<'_>, part: &str) -> Result<Cow<'static, str>> {
        let mut added = 0;
        // Most tags declare nothing: their attributes are not read here.
        let declares = start.attributes_raw().windows(5).any(|w| w == b"xmlns");
        for attr in start.attributes().with_checks(false).take_while(|_| declares) {
            let attr = attr.map_err(|err| Error::xml(part, 0, err))?;
            let key = attr.key.as_ref();
            let prefix = match key.strip_prefix(b"xmlns") {
                Some(b"") => "",
                Some(rest) => match rest.strip_prefix(b":") {
                    Some(prefix) => std::str::from_utf8(prefix).unwrap_or_default(),
                    None => continue,
                },
                None => continue,
            };
            let uri = namespace_of(&String::from_utf8_lossy(&attr.value));
            self.bindings.push((prefix.to_string(), uri));
            added += 1;
        }
        self.added.push(added);
        let name = start.name();
        let prefix = name.prefix().map(|p| p.into_inner()).unwrap_or_default();
        Ok(self
            .bindings
            .iter()
            .rev()
            .find(|(p, _)| p.as_bytes() == prefix)
            .map(|(_, uri)| uri.clone())
            .unwrap_or_default())
    }

    fn close(&mut self) {
        let added = self.added.pop().unwrap_or(0);
        let keep = self.bindings.len().saturating_sub(added);
        self.bindings.truncate(keep);
    }
}

/// One step of a [`Walker`].
pub enum Step<'a> {
    /// A start tag, with the namespace of its element.
    Start(BytesStart<'a>, Cow<'static, str>),
    /// An empty-element tag, with the namespace of its element.
    Empty(BytesStart<'a>, Cow<'static, str>),
    /// An end tag.
    End,
    /// Anything else before the end.
    Other(Event<'a>),
    /// The end of a well-formed part.
    Eof,
}

/// Reads a part's events, resolving element namespaces and refusing what is not one
/// well-formed element (unbalanced, unclosed, nested deeper than [`crate::xml::MAX_XML_DEPTH`], content after the
/// root).
pub struct Walker<'a, 'p> {
    reader: Reader<&'a [u8]>,
    /// The part as text: what the events' bytes are slices of.
    text: &'a str,
    scopes: Scopes,
    depth: usize,
    seen_root: bool,
    part: &'p str,
}

impl<'a, 'p> Walker<'a, 'p> {
    /// A walker over `bytes` (UTF-8, with or without BOM), the part named `part`.
    pub fn new(bytes: &'a [u8], part: &'p str) -> Result<Walker<'a, 'p>> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let text = std::str::from_utf8(bytes)
            .map_err(|err| Error::xml(part, err.valid_up_to() as u64, "not UTF-8"))?;
        let mut reader = Reader::from_str(text);
        reader.config_mut().trim_text(false);
        Ok(Walker {
            reader,
            text,
            scopes: Scopes::default(),
            depth: 0,
            seen_root: false,
            part,
        })
    }

    /// `bytes` as the slice of the part's text they are, when they are one (events read
    /// from the part borrow it): no copy and no second UTF-8 check.
    fn slice_of(&self, bytes: &[u8]) -> Option<&'a str> {
        let offset = (bytes.as_ptr() as usize).checked_sub(self.text.as_ptr() as usize)?;
        self.text.get(offset..offset.checked_add(bytes.len())?)
    }

    fn bad(&self, message: impl std::fmt::Display) -> Error {
        Error::xml(self.part, self.reader.buffer_position(), message)
    }

    /// The next step.
    pub fn next_step(&mut self) -> Result<Step<'a>> {
        let event = self.reader.read_event().map_err(|err| self.bad(err))?;
        match event {
            Event::Eof => {
                if self.depth > 0 {
                    return Err(self.bad("unclosed element"));
                }
                if !self.seen_root {
                    return Err(self.bad("no root element"));
                }
                Ok(Step::Eof)
            }
            Event::Start(_) | Event::Empty(_) if self.seen_root && self.depth == 0 => {
                Err(self.bad("content after the root element"))
            }
            Event::Start(start) => {
                if self.depth > MAX_DEPTH {
                    return Err(self.bad("nested too deeply"));
                }
                let ns = self.scopes.open(&start, self.part)?;
                self.depth += 1;
                Ok(Step::Start(start, ns))
            }
            Event::Empty(start) => {
                let ns = self.scopes.open(&start, self.part)?;
                self.scopes.close();
                self.seen_root |= self.depth == 0;
                Ok(Step::Empty(start, ns))
            }
            Event::End(_) => {
                if self.depth == 0 {
                    return Err(self.bad("unbalanced end tag"));
                }
                self.depth -= 1;
                self.scopes.close();
                self.seen_root |= self.depth == 0;
                Ok(Step::End)
            }
            other => Ok(Step::Other(other)),
        }
    }
}

/// Where the names, values and text of a parsed tree come from.
trait Keep<'a>: Copy {
    /// A name or value found in the part: `text` when it is a slice of the part.
    fn text(self, text: Option<&'a str>, bytes: &[u8]) -> Text;
    /// An element or attribute name found in the part.
    fn name(self, text: Option<&'a str>, bytes: &[u8]) -> Name;
}

/// Strings borrowed from a part that lives as long as the program: the built-in
/// template's, whose trees then allocate nothing for them, and clone cheaply.
#[derive(Clone, Copy)]
struct Borrowing;

impl Keep<'static> for Borrowing {
    fn text(self, text: Option<&'static str>, bytes: &[u8]) -> Text {
        text.map_or_else(|| Cow::Owned(lossy(bytes).into_owned()), Cow::Borrowed)
    }

    fn name(self, text: Option<&'static str>, bytes: &[u8]) -> Name {
        text.map_or_else(|| intern(&lossy(bytes)), Cow::Borrowed)
    }
}

/// Strings copied out of a part read at run time (a user's template); common names are
/// shared.
#[derive(Clone, Copy)]
struct Copying;

impl Keep<'_> for Copying {
    fn text(self, text: Option<&str>, bytes: &[u8]) -> Text {
        Cow::Owned(text.map_or_else(|| lossy(bytes).into_owned(), str::to_owned))
    }

    fn name(self, text: Option<&str>, bytes: &[u8]) -> Name {
        text.map_or_else(|| intern(&lossy(bytes)), intern)
    }
}

/// Parses a part into a tree, resolving element namespaces.
pub fn parse(bytes: &[u8], part: &str) -> Result<XmlDoc> {
    parse_with(bytes, part, Copying)
}

/// [`parse`] for a part embedded in the program: the tree borrows its strings.
pub fn parse_static(bytes: &'static [u8], part: &str) -> Result<XmlDoc> {
    parse_with(bytes, part, Borrowing)
}

fn parse_with<'a>(bytes: &'a [u8], part: &str, keep: impl Keep<'a>) -> Result<XmlDoc> {
    let mut walker = Walker::new(bytes, part)?;
    let mut prolog = String::new();
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        match walker.next_step()? {
            Step::Eof => break,
            Step::Start(start, ns) => stack.push(element(&walker, &start, ns, keep)?),
            Step::Empty(start, ns) => {
                let element = element(&walker, &start, ns, keep)?;
                if stack.is_empty() {
                    root = Some(element);
                } else {
                    push(&mut stack, &mut root, Node::Element(element), &mut prolog);
                }
            }
            Step::End => {
                let Some(element) = stack.pop() else {
                    return Err(walker.bad("unbalanced end tag"));
                };
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(Node::Element(element));
                } else {
                    root = Some(element);
                }
            }
            Step::Other(event) => {
                let (node, in_prolog) = match event {
                    Event::Text(text) => {
                        (Node::Text(keep.text(walker.slice_of(&text), &text)), false)
                    }
                    Event::GeneralRef(r) => (Node::Text(wrap("&", &r, ";")), false),
                    Event::CData(data) => {
                        (Node::Raw(wrap("<![CDATA[", &data, "]]>")), false)
                    }
                    Event::Comment(comment) => {
                        (Node::Raw(wrap("<!--", &comment, "-->")), false)
                    }
                    Event::PI(pi) => (Node::Raw(wrap("<?", &pi, "?>")), false),
                    Event::Decl(decl) => (Node::Raw(wrap("<?", &decl, "?>")), true),
                    // A DOCTYPE is dropped: OOXML parts never need one.
                    _ => continue,
                };
                match node {
                    Node::Raw(decl) if in_prolog => prolog.push_str(&decl),
                    node => push(&mut stack, &mut root, node, &mut prolog),
                }
            }
        }
    }
    let root = root.ok_or_else(|| walker.bad("no root element"))?;
    Ok(XmlDoc { prolog, root })
}

fn push(
    stack: &mut [Element],
    root: &mut Option<Element>,
    node: Node,
    prolog: &mut String,
) {
    if let Some(parent) = stack.last_mut() {
        // Adjacent text (text split by entity references) is merged.
        if let (Node::Text(new), Some(Node::Text(last))) =
            (&node, parent.children.last_mut())
        {
            last.to_mut().push_str(new);
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

/// `bytes` between `open` and `close`, as written back verbatim.
fn wrap(open: &str, bytes: &[u8], close: &str) -> Text {
    Cow::Owned(format!("{open}{}{close}", lossy(bytes)))
}

/// `bytes` as text; they come from a part checked as UTF-8, so the lossy conversion (its
/// slower validation) is never needed in practice.
fn lossy(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// A start tag as an element without children.
fn element<'a>(
    walker: &Walker<'a, '_>,
    start: &BytesStart<'_>,
    ns: Cow<'static, str>,
    keep: impl Keep<'a>,
) -> Result<Element> {
    let name = start.name();
    let name = keep.name(walker.slice_of(name.as_ref()), name.as_ref());
    let mut attrs = Vec::new();
    for attr in start.attributes().with_checks(false) {
        let attr = attr.map_err(|err| walker.bad(err))?;
        let key = keep.name(walker.slice_of(attr.key.as_ref()), attr.key.as_ref());
        let value = keep.text(walker.slice_of(&attr.value), &attr.value);
        attrs.push((key, value));
    }
    Ok(Element { name, attrs, children: Vec::new(), ns })
}

//! Namespace-aware XML helpers over quick-xml's `NsReader`.
//!
//! Elements are matched by namespace URI, never by prefix: some producers write `ns0:` for
//! the WordprocessingML namespace, and Strict OOXML (ECMA-376 Part 1, Strict conformance)
//! uses `http://purl.oclc.org/ooxml/...` URIs instead of the Transitional ones.

use std::borrow::Cow;

use quick_xml::{
    events::{attributes::AttrError, BytesRef, BytesStart, Event},
    name::{Namespace, NamespaceResolver, QName, ResolveResult},
    NsReader,
};

/// The namespaces this crate tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Ns {
    /// WordprocessingML main (`w:`), Transitional or Strict.
    W,
    /// Word 2010 extensions (`w14:`).
    W14,
    /// Markup compatibility (`mc:`).
    Mc,
    /// Office Math (`m:`), Transitional or Strict.
    Math,
    /// WordprocessingML Drawing (`wp:`): where drawings sit, `wp:docPr` alt text.
    Wp,
    /// Office relationships in markup (`r:`), Transitional or Strict.
    R,
    /// The `xml:` namespace.
    Xml,
    /// Some other namespace.
    Other,
    /// No namespace.
    None,
}

/// WordprocessingML main, Transitional.
pub const W_TRANSITIONAL: &str =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// WordprocessingML main, Strict.
pub const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
/// Word 2010 extensions.
pub const W14: &str = "http://schemas.microsoft.com/office/word/2010/wordml";
/// Markup compatibility.
pub const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Namespaces whose content this crate's users can read inside `mc:Choice`: the
/// WordprocessingML 2010+ extensions for shapes, groups, canvases and text.
const UNDERSTOOD: [&str; 12] = [
    W_TRANSITIONAL,
    W_STRICT,
    W14,
    "http://schemas.microsoft.com/office/word/2012/wordml",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "http://schemas.microsoft.com/office/drawing/2010/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "http://schemas.openxmlformats.org/drawingml/2006/main",
    "urn:schemas-microsoft-com:vml",
];

/// The namespace URIs told apart, Transitional and Strict, the most frequent first.
const KNOWN: [(&[u8], Ns); 11] = [
    (b"http://schemas.openxmlformats.org/wordprocessingml/2006/main", Ns::W),
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", Ns::W),
    (b"http://schemas.microsoft.com/office/word/2010/wordml", Ns::W14),
    (b"http://schemas.openxmlformats.org/markup-compatibility/2006", Ns::Mc),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/math", Ns::Math),
    (b"http://purl.oclc.org/ooxml/officeDocument/math", Ns::Math),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships", Ns::R),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", Ns::R),
    (b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing", Ns::Wp),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing", Ns::Wp),
    (b"http://www.w3.org/XML/1998/namespace", Ns::Xml),
];

/// Classifies a namespace URI.
pub fn classify(uri: &[u8]) -> Ns {
    // Whole-slice compares (length first, then one memcmp): a `match` on the literals
    // compiles to a byte-by-byte decision tree, slow for the 60-byte URI of every element.
    KNOWN.iter().find(|(known, _)| *known == uri).map_or(Ns::Other, |&(_, ns)| ns)
}

/// Classifies a resolved name.
pub fn ns_of(result: &ResolveResult<'_>) -> Ns {
    match result {
        ResolveResult::Bound(Namespace(uri)) => classify(uri),
        ResolveResult::Unbound => Ns::None,
        ResolveResult::Unknown(prefix) if prefix.as_slice() == b"xml" => Ns::Xml,
        ResolveResult::Unknown(_) => Ns::Other,
    }
}

/// The value of the attribute `local` in namespace `ns` of element `e`, unescaped.
///
/// Unprefixed attributes (no namespace) also match, as some producers drop the prefix.
pub fn attr<'a, R>(
    reader: &NsReader<R>,
    e: &'a BytesStart<'a>,
    ns: Ns,
    local: &[u8],
) -> Option<Cow<'a, str>> {
    attr_in(reader.resolver(), e, ns, local)
}

/// [`attr`] with the namespaces in scope given by a resolver, for readers that keep
/// their own (a plain `Reader` whose resolver holds only the declaring elements).
pub fn attr_in<'a>(
    names: &NamespaceResolver,
    e: &'a BytesStart<'a>,
    ns: Ns,
    local: &[u8],
) -> Option<Cow<'a, str>> {
    attr_with(e, ns, local, |key| ns_of(&names.resolve_attribute(key).0))
}

/// [`attr`] with attribute names resolved by `namespace_of`, for readers that resolve
/// prefixes their own way (through a cache, say).
pub fn attr_with<'a>(
    e: &'a BytesStart<'a>,
    ns: Ns,
    local: &[u8],
    mut namespace_of: impl FnMut(QName<'_>) -> Ns,
) -> Option<Cow<'a, str>> {
    for attr in e.attributes().with_checks(false).flatten() {
        if attr.key.local_name().as_ref() != local {
            continue;
        }
        let found = namespace_of(attr.key);
        if found == ns || found == Ns::None {
            return Some(match attr.unescape_value() {
                Ok(value) => value,
                Err(_) => Cow::Owned(String::from_utf8_lossy(&attr.value).into_owned()),
            });
        }
    }
    None
}

/// Checks every attribute of `e` (quoting, duplicates), as quick-xml's checked iterator
/// does, without its per-element allocation for the usual few attributes. Returns whether
/// `e` may declare a namespace (an attribute named `xmlns` or `xmlns…`), for callers that
/// cache what prefixes resolve to.
pub fn check_attributes(e: &BytesStart<'_>) -> Result<bool, AttrError> {
    // Most elements have no attributes: nothing to iterate.
    if e.attributes_raw().iter().all(|&b| is_xml_space(b)) {
        return Ok(false);
    }
    let mut keys: [&[u8]; 8] = [&[]; 8];
    let mut declares = false;
    for (count, attribute) in e.attributes().with_checks(false).enumerate() {
        let key = attribute?.key.into_inner();
        let seen = keys.get(..count).unwrap_or_default();
        // A duplicate, or too many to compare cheaply: quick-xml's own check decides
        // (and names the same error).
        if seen.contains(&key) || count == keys.len() {
            e.attributes().try_for_each(|a| a.map(drop))?;
            return Ok(e
                .attributes()
                .with_checks(false)
                .flatten()
                .any(|a| a.key.as_ref().starts_with(b"xmlns")));
        }
        declares |= key.starts_with(b"xmlns");
        if let Some(slot) = keys.get_mut(count) {
            *slot = key;
        }
    }
    Ok(declares)
}

/// XML white space (`S`), which quick-xml skips between attributes.
fn is_xml_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// Returns true if and only if every prefix in an `mc:Choice` `Requires` list is bound to a
/// namespace that readers of this crate understand (an empty list is understood).
pub fn requires_understood<R>(reader: &NsReader<R>, requires: &str) -> bool {
    requires_understood_in(reader.resolver(), requires)
}

/// [`requires_understood`] with the namespaces in scope given by a resolver.
pub fn requires_understood_in(names: &NamespaceResolver, requires: &str) -> bool {
    requires.split_whitespace().all(|prefix| {
        let name = format!("{prefix}:x");
        let (resolved, _) = names.resolve_element(QName(name.as_bytes()));
        match resolved {
            ResolveResult::Bound(Namespace(uri)) => {
                UNDERSTOOD.iter().any(|u| u.as_bytes() == uri)
            }
            _ => false,
        }
    })
}

/// The one limit on element nesting in a document: far deeper than anything Word writes
/// (tables in tables reach a few dozen levels), and shallow enough that recursive walks
/// over a body or a tree (nested tables; writing, cloning and dropping a tree) cannot
/// exhaust a thread's stack. The writer's [`crate::xml_tree`] refuses a part nested
/// deeper; the readers' body parser skips the deeper content with a warning.
pub const MAX_XML_DEPTH: usize = 1_000;

/// Element nesting deeper than this ends the reading of a part ([`Depth`]): not a limit on
/// documents (see [`MAX_XML_DEPTH`]) but a guard for quick-xml's namespace resolver, which
/// counts open elements in 16 bits (and panics past 65,535 in debug builds), while the
/// content past [`MAX_XML_DEPTH`] is skipped.
pub const MAX_EVENT_DEPTH: usize = 50_000;

/// The element nesting of a stream of events, to stop before [`MAX_EVENT_DEPTH`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Depth(usize);

impl Depth {
    /// Records an event; returns false when it opens an element deeper than
    /// [`MAX_EVENT_DEPTH`]: the caller must stop reading.
    pub fn track(&mut self, event: &Event<'_>) -> bool {
        match event {
            Event::Start(_) => {
                self.0 = self.0.saturating_add(1);
                self.0 <= MAX_EVENT_DEPTH
            }
            Event::End(_) => {
                self.0 = self.0.saturating_sub(1);
                true
            }
            _ => true,
        }
    }

    /// Records the end of an element whose end tag was consumed without an event (a
    /// subtree skipped with `read_to_end`).
    pub fn leave(&mut self) {
        self.0 = self.0.saturating_sub(1);
    }
}

/// The next event of a part read whole; malformed XML and nesting deeper than
/// [`MAX_EVENT_DEPTH`] are errors naming `part`. The element's namespace is not resolved:
/// readers look at a few elements by local name and resolve only those ([`element_ns`]).
/// For parts that must be whole (styles, numbering); the body parser, which stops at the
/// depth cap with a warning instead, tracks depth itself.
pub fn next_event<'a>(
    reader: &mut NsReader<&'a [u8]>,
    depth: &mut Depth,
    part: &str,
) -> Result<Event<'a>, crate::Error> {
    let event = reader.read_event();
    tracked(reader, event, depth, part)
}

/// [`next_event`] for a buffered source (a [`crate::PartStream`] read on demand): the
/// event borrows `buf`, which the caller clears between events.
pub fn next_event_into<'b, R: std::io::BufRead>(
    reader: &mut NsReader<R>,
    buf: &'b mut Vec<u8>,
    depth: &mut Depth,
    part: &str,
) -> Result<Event<'b>, crate::Error> {
    let event = reader.read_event_into(buf);
    tracked(reader, event, depth, part)
}

/// An event just read, with its error or a nesting past the cap reported against `part`.
fn tracked<'e, R>(
    reader: &NsReader<R>,
    event: quick_xml::Result<Event<'e>>,
    depth: &mut Depth,
    part: &str,
) -> Result<Event<'e>, crate::Error> {
    let event = event.map_err(|e| crate::Error::xml(part, reader.error_position(), e))?;
    if !depth.track(&event) {
        return Err(crate::Error::xml(
            part,
            reader.buffer_position(),
            format!("elements nest deeper than {MAX_EVENT_DEPTH}"),
        ));
    }
    Ok(event)
}

/// The namespace of element name `name` of the event just read.
pub fn element_ns<R>(reader: &NsReader<R>, name: QName<'_>) -> Ns {
    ns_of(&reader.resolve_element(name).0)
}

/// The text of an entity or character reference (`&amp;`, `&#x2612;`): the five
/// predefined entities and character references; `None` for anything else (DTD entities
/// are never expanded).
pub fn reference_text(r: &BytesRef<'_>) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    let name: &[u8] = r;
    match name {
        b"amp" => Some('&'),
        b"lt" => Some('<'),
        b"gt" => Some('>'),
        b"quot" => Some('"'),
        b"apos" => Some('\''),
        _ => None,
    }
}

/// Parses an OOXML on/off value (`ST_OnOff`): absent means on; `1`, `true`, `on` are on;
/// `0`, `false`, `off` are off.
pub fn on_off(value: Option<&str>) -> bool {
    match value {
        None => true,
        Some(v) => {
            !matches!(v.trim().to_ascii_lowercase().as_str(), "0" | "false" | "off")
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]

    use quick_xml::events::Event;

    use super::*;

    // Any prefix bound to the WordprocessingML URI is `w`, Strict included.
    #[test]
    fn matches_by_uri() {
        let xml = r#"<ns0:p xmlns:ns0="http://purl.oclc.org/ooxml/wordprocessingml/main" ns0:val="x"/>"#;
        let mut reader = NsReader::from_str(xml);
        let (resolved, event) = reader.read_resolved_event().unwrap();
        assert_eq!(ns_of(&resolved), Ns::W);
        let Event::Empty(e) = event else { panic!() };
        assert_eq!(attr(&reader, &e, Ns::W, b"val").as_deref(), Some("x"));
    }

    // On/off values.
    #[test]
    fn on_off_values() {
        assert!(on_off(None));
        assert!(on_off(Some("true")));
        assert!(!on_off(Some("0")));
        assert!(!on_off(Some("off")));
    }
}

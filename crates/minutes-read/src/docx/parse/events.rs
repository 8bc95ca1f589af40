//! The event loop over a part: quick-xml events checked (well-formed, one root, nesting
//! guard), namespaces resolved for the elements that need it, and dispatched to the
//! parser's handlers.

use std::{borrow::Cow, cell::Cell as Slot};

use minutes_flow::Diagnostic;
use minutes_ooxml::xml::{
    check_attributes, ns_of, reference_text, Depth, Ns, MAX_EVENT_DEPTH,
};
use quick_xml::{
    events::{BytesStart, Event},
    name::{NamespaceError, NamespaceResolver, QName},
    Reader,
};

use minutes_flow::Blocks;

use super::{
    BodyParser, ContainerKind, Frame, Parsed, PartKind, VertAlign, BYTES_PER_BLOCK,
};
use crate::{
    docx::{numbering::Numbering, styles::Styles, symbols::SymFont},
    Result,
};

/// Reads a part of `kind` into blocks, note references, notes and warnings.
pub(super) fn parse_part(
    bytes: &[u8],
    part: &str,
    kind: PartKind,
    styles: &mut Styles<'_>,
    numbering: &mut Numbering,
) -> Result<Parsed> {
    let mut parser = BodyParser::new(bytes, part, kind, styles, numbering);
    let mut reader = Reader::from_reader(bytes);
    let mut depth = Depth::default();
    let mut shape = Shape::default();
    let mut cut_short = false;
    let mut names = Names::default();
    loop {
        // Looked at where it lies, not moved out of the result: the move's wide load
        // of what was just stored in narrower pieces stalls (store forwarding).
        let read = reader.read_event();
        let event = match &read {
            Ok(event) => event,
            Err(e) => {
                return Err(minutes_ooxml::Error::xml(part, reader.error_position(), e))
            }
        };
        // A start tag declaring namespaces opens a scope, as `NsReader` would for every
        // element (and a bad declaration fails first, as it did there). On a malformed
        // attribute, the declarations before it are still tried.
        let mut declares = false;
        let mut checked = Ok(false);
        if let Event::Start(e) | Event::Empty(e) = event {
            checked = check_attributes(e);
            declares = !matches!(checked, Ok(false));
            if declares {
                if let Err(err) = names.push(e) {
                    return Err(minutes_ooxml::Error::xml(
                        part,
                        reader.error_position(),
                        quick_xml::Error::Namespace(err),
                    ));
                }
            }
        }
        shape.follow(event, checked, declares, &mut names, part, || {
            reader.buffer_position()
        })?;
        if !depth.track(event) {
            cut_short = true;
            let location = parser.here();
            parser.warnings.push(Diagnostic::warning(
                location,
                format!(
                    "`{part}` nests elements deeper than {MAX_EVENT_DEPTH}; the rest of the part is not read"
                ),
            ));
            break;
        }
        if matches!(event, Event::Eof) {
            break;
        }
        parser.dispatch(&mut names, event, declares, || reader.buffer_position())?;
    }
    shape.complete(cut_short, part, reader.buffer_position())?;
    // Close what the depth cap left open.
    while !parser.stack.is_empty() {
        parser.end();
    }
    parser.skip = 0;
    let blocks = parser.finish();
    Ok(Parsed {
        blocks,
        refs: parser.refs,
        notes: parser.notes,
        warnings: parser.warnings,
    })
}

impl<'s, 'p> BodyParser<'s, 'p> {
    /// A parser of a part of `kind`, `bytes` long.
    fn new(
        bytes: &[u8],
        part: &'s str,
        kind: PartKind,
        styles: &'s mut Styles<'p>,
        numbering: &'s mut Numbering,
    ) -> BodyParser<'s, 'p> {
        BodyParser {
            part,
            part_name: part.into(),
            styles,
            numbering,
            stack: Vec::new(),
            skip: 0,
            frames: vec![Frame::Container {
                kind: ContainerKind::Body,
                blocks: Blocks::from(Vec::with_capacity(bytes.len() / BYTES_PER_BLOCK)),
                carry: None,
            }],
            fields: Vec::new(),
            sdts: Vec::new(),
            alts: Vec::new(),
            run_font: SymFont::Other,
            run_vert: VertAlign::Baseline,
            run_vanish: false,
            kind,
            op_pending: false,
            op_awaiting: None,
            refs: Vec::new(),
            notes: Vec::new(),
            boxes_shown: 0,
            top_index: 0,
            warnings: Vec::new(),
            depth_warned: false,
            spare_text: String::new(),
            style_level: None,
        }
    }

    /// Hands an event to its handler; `position` tells where the reader is, for errors.
    #[inline]
    fn dispatch(
        &mut self,
        names: &mut Names,
        event: &Event<'_>,
        declares: bool,
        position: impl Fn() -> u64,
    ) -> Result<()> {
        match event {
            Event::Start(e) => {
                let ns = self.namespace(names, e, declares);
                self.start(names, ns, e);
            }
            Event::Empty(e) => {
                let ns = self.namespace(names, e, declares);
                self.start(names, ns, e);
                self.end();
                if declares {
                    names.pop();
                }
            }
            Event::End(_) => self.end(),
            Event::Text(t) if self.wants_text() => {
                // Only the text read is checked, while it is in cache: a pass over the
                // whole part first costs a trip through memory for a large one.
                if let Ok(text) = std::str::from_utf8(t) {
                    self.text(text);
                } else {
                    // Bytes that are not UTF-8 make the part malformed (its declaration,
                    // or the default, says UTF-8): refused, naming the part.
                    let text = t.decode().map_err(|e| {
                        minutes_ooxml::Error::xml(self.part, position(), e)
                    })?;
                    self.text(&text);
                }
            }
            Event::GeneralRef(r) if self.wants_text() => {
                if let Some(c) = reference_text(r) {
                    self.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::CData(t) if self.wants_text() => {
                self.text(&String::from_utf8_lossy(t));
            }
            _ => {}
        }
        Ok(())
    }
}

/// The shape of a part read so far: open elements, to tell a complete part from a
/// truncated one, and whether the root has closed (anything but white space after it is
/// malformed).
#[derive(Default)]
struct Shape {
    open: usize,
    root_closed: bool,
    seen_root: bool,
}

impl Shape {
    /// Follows an event: content after the root and malformed attributes (`checked`) are
    /// errors; elements open and close, with the namespace scopes they declare.
    #[inline]
    fn follow(
        &mut self,
        event: &Event<'_>,
        checked: std::result::Result<bool, quick_xml::events::attributes::AttrError>,
        declares: bool,
        names: &mut Names,
        part: &str,
        position: impl Fn() -> u64,
    ) -> Result<()> {
        match event {
            Event::Start(_) | Event::Empty(_) if self.root_closed => {
                return Err(minutes_ooxml::Error::xml(
                    part,
                    position(),
                    "content after the root element",
                ));
            }
            Event::Text(t)
                if self.root_closed && !t.iter().all(u8::is_ascii_whitespace) =>
            {
                return Err(minutes_ooxml::Error::xml(
                    part,
                    position(),
                    "text after the root element",
                ));
            }
            Event::Start(_) | Event::Empty(_) => {
                // Attributes are parsed lazily; check them all so that a malformed one
                // (unquoted value, duplicate name) is refused wherever it stands.
                if let Err(err) = checked {
                    return Err(minutes_ooxml::Error::xml(part, position(), err));
                }
                self.seen_root = true;
                if matches!(event, Event::Start(_)) {
                    self.open += 1;
                    if declares {
                        names.scopes.push(self.open);
                    }
                }
            }
            Event::End(_) => {
                names.close(self.open);
                self.open = self.open.saturating_sub(1);
                self.root_closed = self.open == 0;
            }
            _ => {}
        }
        Ok(())
    }

    /// At the end of the part: a part that ends with elements still open (not cut short
    /// at the nesting guard) is truncated: its end (and whatever decisions were there) is
    /// lost, so it is refused rather than guessed at.
    fn complete(&self, cut_short: bool, part: &str, position: u64) -> Result<()> {
        if !self.seen_root {
            return Err(minutes_ooxml::Error::xml(
                part,
                0,
                "not XML: the part has no root element",
            ));
        }
        if self.open > 0 && !cut_short {
            return Err(minutes_ooxml::Error::xml(
                part,
                position,
                format!(
                    "the part ends with {} element(s) left open (truncated or malformed)",
                    self.open
                ),
            ));
        }
        Ok(())
    }
}

/// The namespaces in scope, kept for the elements that declare some only: `NsReader`
/// opens a scope, walking every attribute, for every element. What prefixes resolve to
/// is remembered until a declaration opens or closes, as resolving walks every binding in
/// scope (a Word root declares dozens) and compares URIs. (The cache sits in cells so
/// that attribute lookups, made through a shared reference, fill it too.)
pub(super) struct Names {
    pub(super) resolver: NamespaceResolver,
    /// Prefixes ([`Names::key`]) and their namespaces; the first `cached` are valid.
    entries: [Slot<(u64, Ns)>; 8],
    cached: Slot<usize>,
    /// The open-element counts at which elements declaring namespaces opened.
    scopes: Vec<usize>,
}

impl Default for Names {
    fn default() -> Names {
        Names {
            resolver: NamespaceResolver::default(),
            entries: std::array::from_fn(|_| Slot::new((0, Ns::None))),
            cached: Slot::new(0),
            scopes: Vec::new(),
        }
    }
}

impl Names {
    /// Opens the scope of `e`, which declares namespaces.
    fn push(&mut self, e: &BytesStart<'_>) -> std::result::Result<(), NamespaceError> {
        self.cached.set(0);
        self.resolver.push(e)
    }

    /// Closes the innermost scope.
    fn pop(&mut self) {
        self.cached.set(0);
        self.resolver.pop();
    }

    /// Open element number `open` closes: its scope too, if it declared namespaces.
    fn close(&mut self, open: usize) {
        if self.scopes.last() == Some(&open) {
            self.scopes.pop();
            self.pop();
        }
    }

    /// A prefix of up to 7 bytes packed with its length into one word, compared without
    /// `memcmp` (`u64::MAX`: no prefix); `None` for longer prefixes, resolved uncached.
    fn key(prefix: Option<&[u8]>) -> Option<u64> {
        let Some(prefix) = prefix else { return Some(u64::MAX) };
        if prefix.len() > 7 {
            return None;
        }
        // Shifted in a register: a copy through memory stalls the load that follows.
        let bytes = prefix.iter().fold(0u64, |key, &b| (key << 8) | u64::from(b));
        Some(bytes | ((prefix.len() as u64) << 56))
    }

    /// The namespace cached for `key`, else `resolve`'s, then cached.
    fn cached(&self, key: u64, resolve: impl FnOnce() -> Ns) -> Ns {
        let cached = self.entries.get(..self.cached.get()).unwrap_or_default();
        if let Some(entry) = cached.iter().find(|entry| entry.get().0 == key) {
            return entry.get().1;
        }
        let ns = resolve();
        if let Some(slot) = self.entries.get(self.cached.get()) {
            slot.set((key, ns));
            self.cached.set(self.cached.get() + 1);
        }
        ns
    }

    /// The namespace of `e`; `declares`: `e` declares namespaces (resolved uncached, as
    /// an empty element's bindings end with it).
    pub(super) fn resolve(&self, e: &BytesStart<'_>, declares: bool) -> Ns {
        let name = e.name();
        let (prefix, _) = split_name(name.into_inner());
        let key = Self::key(prefix).filter(|_| !declares);
        let resolve = || ns_of(&self.resolver.resolve_element(name).0);
        match key {
            Some(key) => self.cached(key, resolve),
            None => resolve(),
        }
    }

    /// The namespace of an attribute name: none without a prefix (attributes take no
    /// default namespace), else its prefix's, as for elements.
    fn attribute(&self, name: QName<'_>) -> Ns {
        let Some(prefix) = name.prefix() else { return Ns::None };
        let resolve = || ns_of(&self.resolver.resolve_attribute(name).0);
        match Self::key(Some(prefix.as_ref())) {
            Some(key) => self.cached(key, resolve),
            None => resolve(),
        }
    }
}

/// A name split at its first colon into prefix and local name, as quick-xml's `QName`
/// splits it; by a plain loop, cheaper than its `memchr` call for names this short.
pub(super) fn split_name(name: &[u8]) -> (Option<&[u8]>, &[u8]) {
    match name.iter().position(|&b| b == b':') {
        Some(i) => (name.get(..i), name.get(i + 1..).unwrap_or_default()),
        None => (None, name),
    }
}

/// A start tag being opened, as every `open_*` handler of the body parser reads it: the
/// element, its namespace and local name, and the namespaces its attributes resolve in.
#[derive(Clone, Copy)]
pub(super) struct Tag<'t> {
    /// The namespaces in scope (prefixes of attributes, `mc:Ignorable` lists).
    pub names: &'t Names,
    /// The start tag.
    pub element: &'t BytesStart<'t>,
    /// The element's namespace.
    pub ns: Ns,
    /// The element's local name.
    pub local: &'t [u8],
}

impl<'t> Tag<'t> {
    /// Returns true if and only if the element is in the WordprocessingML namespace.
    pub fn is_w(&self) -> bool {
        self.ns == Ns::W
    }

    /// The value of attribute `local` in namespace `ns` (see [`attr`]).
    pub fn attr(&self, ns: Ns, local: &[u8]) -> Option<Cow<'t, str>> {
        attr(self.names, self.element, ns, local)
    }

    /// The value of `w:val`, which most property elements hold.
    pub fn val(&self) -> Option<Cow<'t, str>> {
        self.attr(Ns::W, b"val")
    }
}

/// The value of the attribute `local` in namespace `ns` of element `e`, unescaped;
/// unprefixed attributes also match, as some producers drop the prefix
/// (`minutes_ooxml::xml::attr_in` with prefixes resolved through the cache).
pub(super) fn attr<'a>(
    names: &Names,
    e: &'a BytesStart<'a>,
    ns: Ns,
    local: &[u8],
) -> Option<Cow<'a, str>> {
    minutes_ooxml::xml::attr_with(e, ns, local, |key| names.attribute(key))
}

//! The streaming pass over the main document part: one quick-xml event at a time, with an
//! explicit stack of open elements and of the blocks being built, so that no input can
//! overflow the call stack.
//!
//! Each start tag decides from its namespace, local name and parent what it opens
//! ([`Open`]); its end tag closes that. Subtrees that hold nothing for the body text
//! (deleted runs, property changes, section properties, the branch of `mc:AlternateContent`
//! not taken) are skipped by counting depth. Blocks are built in [`Frame`]s: containers
//! (the body, table cells, text boxes), tables, rows and paragraphs.

use std::{borrow::Cow, cell::Cell as Slot, sync::Arc};

use minutes_flow::{Block, Blocks, Cell, Diagnostic, Location, Row};
use minutes_ooxml::xml::{
    check_attributes, ns_of, on_off, reference_text,
    requires_understood_in as requires_understood, Depth, Ns, MAX_EVENT_DEPTH,
};
use quick_xml::{
    events::{BytesStart, Event},
    name::{NamespaceError, NamespaceResolver, QName},
    Reader,
};

use crate::{
    docx::{
        numbering::Numbering,
        styles::{NumPr, Styles},
        symbols::{map_text_char, sym_char, SymFont},
    },
    Result,
};

mod build;

/// Deeper element nesting than this is skipped with a warning: the one document nesting
/// limit of reader and writer.
pub(crate) const MAX_DEPTH: usize = minutes_ooxml::xml::MAX_XML_DEPTH;

/// Fewer bytes of markup than a body block takes at least in practice (about 200 in
/// plain generated drafts, several times that in Word's): room for the body's blocks is
/// made once from the part's size instead of by doubling and copying (the excess is
/// given back at the end).
const BYTES_PER_BLOCK: usize = 160;

/// The glyph of a ticked checkbox.
const TICKED: char = '☒';
/// The glyph of an empty checkbox.
const UNTICKED: char = '☐';

/// What an open element does when it closes, and how its children are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// Read through; nothing to do at the end.
    Plain,
    /// `w:p`: closes the paragraph frame.
    Para,
    /// `w:tc`, `w:txbxContent`: closes a container frame.
    Container,
    /// `w:tbl`.
    Table,
    /// `w:tr`.
    Row,
    /// `w:pPr` of the paragraph being built.
    PPr,
    /// `w:pPr/w:numPr`.
    NumPr,
    /// `w:pPr/w:rPr`: the paragraph mark's run properties.
    MarkRPr,
    /// `w:r`.
    Run,
    /// `w:r/w:rPr`.
    RPr,
    /// `w:tcPr` of the cell being built.
    TcPr,
    /// `w:t` or `m:t`: visible text.
    Text,
    /// `w:instrText`: a field instruction.
    Instr,
    /// `w:fldChar w:fldCharType="begin"` with children.
    FldChar,
    /// `w:ffData`.
    FfData,
    /// `w:ffData/w:checkBox`.
    FfCheckBox,
    /// `w:sdt`.
    Sdt,
    /// `w:sdtPr`.
    SdtPr,
    /// `w14:checkbox`.
    SdtCheckbox,
    /// `mc:AlternateContent`.
    Alt,
    /// The `w:sdtContent` of a `w14:checkbox` whose state was shown as a glyph: read
    /// through, without its own box glyph.
    CheckboxContent,
    /// An OMML element shown as linear TeX-like text: what it writes when it closes.
    Math(&'static str),
    /// `m:naryPr` or `m:accPr`: writes the operator or accent when its `m:chr` is
    /// read, else the default one when it closes.
    OpPr(MathOp),
}

/// OMML elements whose operator is given by an `m:chr` in their properties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MathOp {
    /// `m:nary`: `∫` unless said otherwise.
    Nary,
    /// `m:acc`: a circumflex unless said otherwise.
    Acc,
}

impl MathOp {
    /// The TeX command for the operator character `c` (`None`: the default one).
    fn command(self, c: Option<char>) -> &'static str {
        match self {
            MathOp::Nary => match c {
                Some('∑' | '⅀') => "\\sum",
                Some('∏') => "\\prod",
                Some('∐') => "\\coprod",
                Some('⋃') => "\\bigcup",
                Some('⋂') => "\\bigcap",
                Some('∮') => "\\oint",
                Some('∬') => "\\iint",
                Some('∭') => "\\iiint",
                _ => "\\int",
            },
            MathOp::Acc => match c {
                Some('\u{0303}' | '~') => "\\tilde",
                Some('\u{0304}' | '\u{0305}' | '¯') => "\\bar",
                Some('\u{20D7}' | '\u{20D1}') => "\\vec",
                Some('\u{0307}') => "\\dot",
                Some('\u{0308}') => "\\ddot",
                Some('\u{030C}') => "\\check",
                Some('\u{0306}') => "\\breve",
                Some('\u{0301}') => "\\acute",
                Some('\u{0300}') => "\\grave",
                _ => "\\hat",
            },
        }
    }
}

/// Which kind of block container a frame is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ContainerKind {
    Body,
    Cell {
        vmerge_continue: bool,
        hmerge_continue: bool,
    },
    TextBox,
    /// A `w:footnote` or `w:endnote` in a notes part, by its `w:id`.
    Note {
        id: i64,
    },
}

/// Which part the parser reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PartKind {
    /// The main document part.
    Main,
    /// `footnotes.xml` or `endnotes.xml`.
    Notes,
}

/// Whether a note reference is to a footnote or an endnote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoteKind {
    Footnote,
    Endnote,
}

/// A `w:footnoteReference` or `w:endnoteReference` in the body, in order of appearance;
/// its marker is `[n]` with n its 1-based position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NoteRef {
    pub kind: NoteKind,
    pub id: i64,
}

/// Vertical alignment of a run (`w:vertAlign`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VertAlign {
    Baseline,
    Super,
    Sub,
}

/// A paragraph being read.
#[derive(Debug, Default)]
struct Para {
    /// `w:pStyle`, resolved ([`Styles::para_style`]).
    style: Option<usize>,
    num: Option<NumPr>,
    outline: Option<u8>,
    /// The paragraph runs on into the next one: its mark is deleted (`w:pPr/w:rPr/w:del`,
    /// §17.13, revisions) or it is a drop cap (`w:framePr w:dropCap`).
    runs_on: bool,
    text: String,
    /// Blocks found inside the paragraph (text boxes), emitted after it.
    after: Vec<Block>,
    location: Option<Location>,
}

#[derive(Debug)]
enum Frame {
    /// `carry`: a paragraph whose mark was deleted, held back to join the next (rare:
    /// boxed, so that frames, moved on every push, stay small).
    Container {
        kind: ContainerKind,
        blocks: Blocks,
        carry: Option<Box<Para>>,
    },
    Table {
        rows: Vec<Row>,
        location: Location,
    },
    Row {
        cells: Vec<Cell>,
    },
    Para(Para),
}

/// A complex field (`w:fldChar`, ECMA-376 Part 1 §17.16) being read.
#[derive(Debug, Default)]
struct Field {
    instr: String,
    /// Past `separate`: the result is showing.
    result: bool,
    ff_checked: Option<bool>,
    ff_default: Option<bool>,
    glyph_done: bool,
}

/// The body parser's state.
pub(crate) struct BodyParser<'s, 'p> {
    part: &'s str,
    /// The part's name as locations share it.
    part_name: Arc<str>,
    styles: &'s mut Styles<'p>,
    numbering: &'s mut Numbering,
    stack: Vec<Open>,
    skip: usize,
    frames: Vec<Frame>,
    fields: Vec<Field>,
    /// `w14:checkbox` state of each open `w:sdt` (`None`: not a checkbox).
    sdts: Vec<Option<bool>>,
    /// Whether each open `mc:AlternateContent` has taken a branch yet.
    alts: Vec<bool>,
    run_font: SymFont,
    /// The current run's `w:vertAlign`.
    run_vert: VertAlign,
    /// The current run is hidden (`w:vanish`).
    run_vanish: bool,
    kind: PartKind,
    /// Note references found in the body, in order.
    refs: Vec<NoteRef>,
    /// Notes read from a notes part: `w:id` and blocks.
    notes: Vec<(i64, Vec<Block>)>,
    /// An `m:naryPr` or `m:accPr` is open and its operator not written yet.
    op_pending: bool,
    /// An `m:nary` or `m:acc` just opened: its properties (with the operator) may follow,
    /// else the default operator is written before its first other child.
    op_awaiting: Option<MathOp>,
    /// Open `w14:checkbox` contents whose state is already shown.
    boxes_shown: usize,
    top_index: u32,
    warnings: Vec<Diagnostic>,
    depth_warned: bool,
    /// An empty buffer for the next paragraph's text (see `finish_para`).
    spare_text: String,
    /// The list level last found tied to a paragraph style (`w:numId`, style, level).
    style_level: Option<(u32, Option<usize>, u8)>,
}

/// What a part holds: body blocks, note references, notes, warnings.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub blocks: Vec<Block>,
    pub refs: Vec<NoteRef>,
    pub notes: Vec<(i64, Vec<Block>)>,
    pub warnings: Vec<Diagnostic>,
}

/// Parses the main document part into blocks, note references and warnings.
pub(crate) fn parse_body(
    bytes: &[u8],
    part: &str,
    styles: &mut Styles<'_>,
    numbering: &mut Numbering,
) -> Result<Parsed> {
    parse_part(bytes, part, PartKind::Main, styles, numbering)
}

/// Parses a notes part (`footnotes.xml`, `endnotes.xml`) into its notes by `w:id`.
pub(crate) fn parse_notes(
    bytes: &[u8],
    part: &str,
    styles: &mut Styles<'_>,
    numbering: &mut Numbering,
) -> Result<Parsed> {
    parse_part(bytes, part, PartKind::Notes, styles, numbering)
}

fn parse_part(
    bytes: &[u8],
    part: &str,
    kind: PartKind,
    styles: &mut Styles<'_>,
    numbering: &mut Numbering,
) -> Result<Parsed> {
    let mut parser = BodyParser {
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
    };
    let mut reader = Reader::from_reader(bytes);
    let mut depth = Depth::default();
    // Open elements, to tell a complete part from a truncated one, and whether the root
    // has closed (anything but white space after it is malformed).
    let mut open = 0usize;
    let mut root_closed = false;
    let mut cut_short = false;
    let mut seen_root = false;
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
        match event {
            Event::Start(_) | Event::Empty(_) if root_closed => {
                return Err(minutes_ooxml::Error::xml(
                    part,
                    reader.buffer_position(),
                    "content after the root element",
                ));
            }
            Event::Text(t) if root_closed && !t.iter().all(u8::is_ascii_whitespace) => {
                return Err(minutes_ooxml::Error::xml(
                    part,
                    reader.buffer_position(),
                    "text after the root element",
                ));
            }
            Event::Start(_) | Event::Empty(_) => {
                // Attributes are parsed lazily; check them all so that a malformed one
                // (unquoted value, duplicate name) is refused wherever it stands.
                if let Err(err) = checked {
                    return Err(minutes_ooxml::Error::xml(
                        part,
                        reader.buffer_position(),
                        err,
                    ));
                }
                seen_root = true;
                if matches!(event, Event::Start(_)) {
                    open += 1;
                    if declares {
                        names.scopes.push(open);
                    }
                }
            }
            Event::End(_) => {
                names.close(open);
                open = open.saturating_sub(1);
                root_closed = open == 0;
            }
            _ => {}
        }
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
        match event {
            Event::Start(e) => {
                let ns = parser.namespace(&names, e, declares);
                parser.start(&names, ns, e);
            }
            Event::Empty(e) => {
                let ns = parser.namespace(&names, e, declares);
                parser.start(&names, ns, e);
                parser.end();
                if declares {
                    names.pop();
                }
            }
            Event::End(_) => parser.end(),
            Event::Text(t) if parser.wants_text() => {
                // Only the text read is checked, while it is in cache: a pass over the
                // whole part first costs a trip through memory for a large one.
                if let Ok(text) = std::str::from_utf8(t) {
                    parser.text(text);
                } else {
                    // Bytes that are not UTF-8 make the part malformed (its declaration,
                    // or the default, says UTF-8): refused, naming the part.
                    let text = t.decode().map_err(|e| {
                        minutes_ooxml::Error::xml(part, reader.buffer_position(), e)
                    })?;
                    parser.text(&text);
                }
            }
            Event::GeneralRef(r) if parser.wants_text() => {
                if let Some(c) = reference_text(r) {
                    parser.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::CData(t) if parser.wants_text() => {
                parser.text(&String::from_utf8_lossy(t));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // A part that ends with elements still open is truncated: its end (and whatever
    // decisions were there) is lost, so it is refused rather than guessed at.
    if !seen_root {
        return Err(minutes_ooxml::Error::xml(
            part,
            0,
            "not XML: the part has no root element",
        ));
    }
    if open > 0 && !cut_short {
        return Err(minutes_ooxml::Error::xml(
            part,
            reader.buffer_position(),
            format!(
                "the part ends with {open} element(s) left open (truncated or malformed)"
            ),
        ));
    }
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

/// The namespaces in scope, kept for the elements that declare some only: `NsReader`
/// opens a scope, walking every attribute, for every element. What prefixes resolve to
/// is remembered until a declaration opens or closes, as resolving walks every binding in
/// scope (a Word root declares dozens) and compares URIs. (The cache sits in cells so
/// that attribute lookups, made through a shared reference, fill it too.)
struct Names {
    resolver: NamespaceResolver,
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
    fn resolve(&self, e: &BytesStart<'_>, declares: bool) -> Ns {
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
fn split_name(name: &[u8]) -> (Option<&[u8]>, &[u8]) {
    match name.iter().position(|&b| b == b':') {
        Some(i) => (name.get(..i), name.get(i + 1..).unwrap_or_default()),
        None => (None, name),
    }
}

/// The value of the attribute `local` in namespace `ns` of element `e`, unescaped;
/// unprefixed attributes also match, as some producers drop the prefix
/// (`minutes_ooxml::xml::attr_in` with prefixes resolved through the cache).
fn attr<'a>(
    names: &Names,
    e: &'a BytesStart<'a>,
    ns: Ns,
    local: &[u8],
) -> Option<Cow<'a, str>> {
    minutes_ooxml::xml::attr_with(e, ns, local, |key| names.attribute(key))
}

/// Event handlers
impl BodyParser<'_, '_> {
    /// The namespace of start tag `e`; not resolved inside a skipped subtree, where
    /// nothing looks at it.
    fn namespace(&self, names: &Names, e: &BytesStart<'_>, declares: bool) -> Ns {
        if self.skip > 0 {
            return Ns::None;
        }
        names.resolve(e, declares)
    }

    fn wants_text(&self) -> bool {
        self.skip == 0 && matches!(self.stack.last(), Some(Open::Text | Open::Instr))
    }

    fn start(&mut self, reader: &Names, ns: Ns, e: &BytesStart<'_>) {
        if self.skip > 0 {
            self.skip += 1;
            return;
        }
        if self.stack.len() >= MAX_DEPTH {
            if !self.depth_warned {
                self.depth_warned = true;
                let location = self.here();
                self.warnings.push(Diagnostic::warning(
                    location,
                    format!(
                        "`{}` nests elements deeper than {MAX_DEPTH}; the deeper content is skipped",
                        self.part
                    ),
                ));
            }
            self.skip = 1;
            return;
        }
        match self.open(reader, ns, e) {
            Some(open) => self.stack.push(open),
            None => self.skip = 1,
        }
    }

    /// Decides what a start tag opens; `None` skips its subtree.
    fn open(&mut self, reader: &Names, ns: Ns, e: &BytesStart<'_>) -> Option<Open> {
        let (_, local) = split_name(e.name().into_inner());
        let val = || attr(reader, e, Ns::W, b"val");
        let w = ns == Ns::W;
        match self.stack.last().copied() {
            Some(Open::PPr) => {
                match (w, local) {
                    (true, b"pStyle") => {
                        let style = val().map(|v| self.styles.para_style(&v));
                        self.with_para(|p| p.style = style);
                    }
                    (true, b"outlineLvl") => {
                        let level = val().and_then(|v| v.trim().parse().ok());
                        self.with_para(|p| p.outline = level);
                    }
                    (true, b"numPr") => {
                        self.with_para(|p| {
                            p.num.get_or_insert_with(NumPr::default);
                        });
                        return Some(Open::NumPr);
                    }
                    (true, b"rPr") => return Some(Open::MarkRPr),
                    // A drop cap (`w:framePr w:dropCap`, §17.3) is the first letter of
                    // the next paragraph.
                    (true, b"framePr") => {
                        let drop = attr(reader, e, Ns::W, b"dropCap")
                            .is_some_and(|d| d == "drop" || d == "margin");
                        if drop {
                            self.with_para(|p| p.runs_on = true);
                        }
                    }
                    _ => return None,
                }
                Some(Open::Plain)
            }
            Some(Open::NumPr) => {
                match (w, local) {
                    (true, b"ilvl") => {
                        let ilvl = val().and_then(|v| v.trim().parse().ok());
                        self.with_para(|p| {
                            if let Some(num) = p.num.as_mut() {
                                num.ilvl = ilvl;
                            }
                        });
                    }
                    (true, b"numId") => {
                        let id = val().and_then(|v| v.trim().parse().ok());
                        self.with_para(|p| {
                            if let Some(num) = p.num.as_mut() {
                                num.num_id = id;
                            }
                        });
                    }
                    _ => {}
                }
                None
            }
            Some(Open::MarkRPr) => {
                if w && matches!(local, b"del" | b"moveFrom") {
                    self.with_para(|p| p.runs_on = true);
                }
                None
            }
            Some(Open::RPr) => {
                if w && local == b"vertAlign" {
                    self.run_vert = match val().as_deref() {
                        Some("superscript") => VertAlign::Super,
                        Some("subscript") => VertAlign::Sub,
                        _ => VertAlign::Baseline,
                    };
                } else if w && local == b"vanish" {
                    self.run_vanish = on_off(val().as_deref());
                } else if w && local == b"rFonts" {
                    for name in [&b"ascii"[..], b"hAnsi", b"cs", b"eastAsia"] {
                        if let Some(font) = attr(reader, e, Ns::W, name) {
                            let font = SymFont::from_name(&font);
                            if font != SymFont::Other {
                                self.run_font = font;
                                break;
                            }
                        }
                    }
                }
                None
            }
            Some(Open::TcPr) => {
                // Only the merge marks matter (not widths, borders, shading).
                if w && matches!(local, b"vMerge" | b"hMerge") {
                    let cell = self.frames.last_mut().and_then(|f| match f {
                        Frame::Container { kind: ContainerKind::Cell { .. }, .. } => {
                            Some(f)
                        }
                        _ => None,
                    });
                    if let Some(Frame::Container {
                        kind: ContainerKind::Cell { vmerge_continue, hmerge_continue },
                        ..
                    }) = cell
                    {
                        let v = attr(reader, e, Ns::W, b"val");
                        let continues = v.as_deref().is_none_or(|v| v == "continue");
                        match local {
                            b"vMerge" => *vmerge_continue = continues,
                            b"hMerge" => *hmerge_continue = continues,
                            _ => {}
                        }
                    }
                }
                None
            }
            Some(Open::FldChar) => (w && local == b"ffData").then_some(Open::FfData),
            Some(Open::FfData) => (w && local == b"checkBox").then_some(Open::FfCheckBox),
            Some(Open::FfCheckBox) => {
                if w && matches!(local, b"checked" | b"default") {
                    let on = on_off(val().as_deref());
                    if let Some(field) = self.fields.last_mut() {
                        if local == b"checked" {
                            field.ff_checked = Some(on);
                        } else {
                            field.ff_default = Some(on);
                        }
                    }
                }
                None
            }
            Some(Open::SdtPr) => {
                if ns == Ns::W14 && local == b"checkbox" {
                    if let Some(state) = self.sdts.last_mut() {
                        *state = Some(state.unwrap_or(false));
                    }
                    return Some(Open::SdtCheckbox);
                }
                None
            }
            Some(Open::SdtCheckbox) => {
                if ns == Ns::W14 && local == b"checked" {
                    let on = on_off(attr(reader, e, Ns::W14, b"val").as_deref());
                    if let Some(state) = self.sdts.last_mut() {
                        *state = Some(on);
                    }
                }
                None
            }
            Some(Open::Text | Open::Instr) => None,
            parent => match ns {
                Ns::W => self.open_w(reader, e, local, parent),
                Ns::Mc => self.open_mc(reader, e, local),
                Ns::Math => self.open_math(reader, e, local),
                // An image's alt text (`wp:docPr/@descr`) shows in its place.
                Ns::Wp if local == b"docPr" => {
                    if let Some(descr) = attr(reader, e, Ns::None, b"descr") {
                        let descr =
                            descr.split_whitespace().collect::<Vec<_>>().join(" ");
                        if !descr.is_empty() {
                            let shown = format!("[{descr}]");
                            self.push_visible(&shown);
                        }
                    }
                    None
                }
                _ => Some(Open::Plain),
            },
        }
    }

    /// Opens a WordprocessingML element in content (body, paragraph, run).
    fn open_w(
        &mut self,
        reader: &Names,
        e: &BytesStart<'_>,
        local: &[u8],
        parent: Option<Open>,
    ) -> Option<Open> {
        let in_run = parent == Some(Open::Run);
        Some(match local {
            b"p" => {
                let location = self.block_location();
                self.frames.push(Frame::Para(Para {
                    location: Some(location),
                    text: std::mem::take(&mut self.spare_text),
                    ..Para::default()
                }));
                Open::Para
            }
            b"tbl" => {
                let location = self.block_location();
                self.frames.push(Frame::Table { rows: Vec::new(), location });
                Open::Table
            }
            b"tr" => {
                self.frames.push(Frame::Row { cells: Vec::new() });
                Open::Row
            }
            b"tc" => {
                self.frames.push(Frame::Container {
                    kind: ContainerKind::Cell {
                        vmerge_continue: false,
                        hmerge_continue: false,
                    },
                    blocks: Blocks::new(),
                    carry: None,
                });
                Open::Container
            }
            b"txbxContent" => {
                self.frames.push(Frame::Container {
                    kind: ContainerKind::TextBox,
                    blocks: Blocks::new(),
                    carry: None,
                });
                Open::Container
            }
            b"pPr" if matches!(self.frames.last(), Some(Frame::Para(_))) => Open::PPr,
            b"tcPr" => Open::TcPr,
            b"r" => {
                self.run_font = SymFont::Other;
                self.run_vert = VertAlign::Baseline;
                self.run_vanish = false;
                Open::Run
            }
            b"footnote" | b"endnote"
                if self.kind == PartKind::Notes && self.frames.len() == 1 =>
            {
                // Separators and continuation notices are not notes.
                let note_type = attr(reader, e, Ns::W, b"type");
                if note_type.as_deref().is_some_and(|t| t != "normal") {
                    return None;
                }
                let id = attr(reader, e, Ns::W, b"id")
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(i64::MIN);
                self.block_location();
                self.frames.push(Frame::Container {
                    kind: ContainerKind::Note { id },
                    blocks: Blocks::new(),
                    carry: None,
                });
                Open::Container
            }
            b"footnoteReference" | b"endnoteReference" => {
                if self.kind == PartKind::Main && !self.hidden() && !self.run_vanish {
                    let kind = if local == b"footnoteReference" {
                        NoteKind::Footnote
                    } else {
                        NoteKind::Endnote
                    };
                    let id = attr(reader, e, Ns::W, b"id")
                        .and_then(|v| v.trim().parse().ok())
                        .unwrap_or(i64::MIN);
                    self.refs.push(NoteRef { kind, id });
                    let marker = format!("[{}]", self.refs.len());
                    self.push_visible(&marker);
                }
                return None;
            }
            b"rPr" if in_run => Open::RPr,
            b"t" => Open::Text,
            b"instrText" => Open::Instr,
            b"tab" | b"ptab" if in_run => {
                self.push_visible("\t");
                Open::Plain
            }
            b"br" | b"cr" if in_run => {
                self.push_visible("\n");
                Open::Plain
            }
            b"noBreakHyphen" if in_run => {
                self.push_visible("\u{2011}");
                Open::Plain
            }
            b"softHyphen" if in_run => {
                self.push_visible("\u{00AD}");
                Open::Plain
            }
            b"sym" => {
                let font = attr(reader, e, Ns::W, b"font");
                let code = attr(reader, e, Ns::W, b"char");
                if let Some(c) = sym_char(font.as_deref(), code.as_deref()) {
                    if !(self.boxes_shown > 0 && is_box_glyph(c)) {
                        self.push_visible(c.encode_utf8(&mut [0; 4]));
                    }
                }
                Open::Plain
            }
            b"fldChar" => {
                let kind = attr(reader, e, Ns::W, b"fldCharType");
                match kind.as_deref() {
                    Some("begin") => {
                        self.fields.push(Field::default());
                        Open::FldChar
                    }
                    Some("separate") => {
                        if let Some(field) = self.fields.last_mut() {
                            field.result = true;
                        }
                        self.field_checkbox();
                        Open::Plain
                    }
                    Some("end") => {
                        self.field_checkbox();
                        self.fields.pop();
                        Open::Plain
                    }
                    _ => Open::Plain,
                }
            }
            b"sdt" => {
                self.sdts.push(None);
                Open::Sdt
            }
            b"sdtPr" => Open::SdtPr,
            b"sdtContent" => {
                if let Some(Some(checked)) = self.sdts.last().copied() {
                    if matches!(self.frames.last(), Some(Frame::Para(_))) {
                        self.push_visible(if checked { "☒" } else { "☐" });
                        self.boxes_shown += 1;
                        return Some(Open::CheckboxContent);
                    }
                }
                Open::Plain
            }
            // Deleted content, old properties, ruby guide text (`w:ruby/w:rt`), and
            // parts of no body text.
            b"del" | b"moveFrom" | b"delText" | b"delInstrText" | b"sectPr"
            | b"tblPr" | b"tblGrid" | b"trPr" | b"tblPrEx" | b"pPr" | b"rPr"
            | b"sdtEndPr" | b"pPrChange" | b"rPrChange" | b"tblPrChange"
            | b"trPrChange" | b"tcPrChange" | b"commentReference" | b"background"
            | b"customXmlPr" | b"smartTagPr" | b"fldData" | b"rt" => return None,
            _ => Open::Plain,
        })
    }

    /// Opens an Office Math element (ECMA-376 Part 1 §22.1) as linear TeX-like text:
    /// `\frac{a}{b}`, `x^{2}`, `\sqrt{x}`, `\sum_{i}^{n}`, `\hat{x}`,
    /// `\overline{x}`, `(x)`; the text of `m:t`.
    fn open_math(
        &mut self,
        reader: &Names,
        e: &BytesStart<'_>,
        local: &[u8],
    ) -> Option<Open> {
        let parent = self.stack.last().copied();
        if let Some(op) = self.op_awaiting.take() {
            if local == b"naryPr" || local == b"accPr" {
                self.op_pending = true;
                return Some(Open::OpPr(op));
            }
            self.push_visible(op.command(None));
        }
        let (open, close) = match local {
            b"t" => return Some(Open::Text),
            b"nary" | b"acc" => {
                self.op_awaiting =
                    Some(if local == b"nary" { MathOp::Nary } else { MathOp::Acc });
                return Some(Open::Math(""));
            }
            b"f" => ("\\frac", ""),
            b"rad" => ("\\sqrt", ""),
            b"num" | b"den" | b"e" | b"lim" | b"fName" => ("{", "}"),
            b"deg" => ("[", "]"),
            b"sup" => ("^{", "}"),
            b"sub" => ("_{", "}"),
            b"d" => ("(", ")"),
            b"bar" => ("\\overline", ""),
            b"chr" => {
                if let Some(Open::OpPr(op)) = parent {
                    let c =
                        attr(reader, e, Ns::Math, b"val").and_then(|v| v.chars().next());
                    self.op_pending = false;
                    self.push_visible(op.command(c));
                }
                return None;
            }
            _ => return Some(Open::Plain),
        };
        self.push_visible(open);
        Some(Open::Math(close))
    }

    /// Opens a markup-compatibility element (ECMA-376 Part 3, Markup Compatibility).
    fn open_mc(
        &mut self,
        reader: &Names,
        e: &BytesStart<'_>,
        local: &[u8],
    ) -> Option<Open> {
        match local {
            b"AlternateContent" => {
                self.alts.push(false);
                Some(Open::Alt)
            }
            b"Choice" => {
                let taken = self.alts.last().copied().unwrap_or(true);
                let requires = attr(reader, e, Ns::Mc, b"Requires");
                let understood = requires
                    .as_deref()
                    .is_none_or(|r| requires_understood(&reader.resolver, r));
                if !taken && understood {
                    if let Some(t) = self.alts.last_mut() {
                        *t = true;
                    }
                    Some(Open::Plain)
                } else {
                    None
                }
            }
            b"Fallback" => {
                let taken = self.alts.last().copied().unwrap_or(true);
                if let Some(t) = self.alts.last_mut() {
                    *t = true;
                }
                (!taken).then_some(Open::Plain)
            }
            _ => Some(Open::Plain),
        }
    }

    fn end(&mut self) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match self.stack.pop() {
            Some(Open::Para) => self.end_para(),
            Some(Open::Container) => self.end_container(),
            Some(Open::Row) => self.end_row(),
            Some(Open::Table) => self.end_table(),
            Some(Open::Sdt) => {
                self.sdts.pop();
            }
            Some(Open::Alt) => {
                self.alts.pop();
            }
            Some(Open::Run) => {
                self.run_font = SymFont::Other;
                self.run_vert = VertAlign::Baseline;
                self.run_vanish = false;
            }
            Some(Open::Math(close)) => {
                // An `m:nary` or `m:acc` without children writes no operator.
                self.op_awaiting = None;
                self.push_visible(close);
            }
            Some(Open::OpPr(op)) if std::mem::take(&mut self.op_pending) => {
                self.push_visible(op.command(None));
            }
            Some(Open::CheckboxContent) => {
                self.boxes_shown = self.boxes_shown.saturating_sub(1);
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        match self.stack.last() {
            Some(Open::Instr) => {
                if let Some(field) = self.fields.last_mut() {
                    if !field.result {
                        field.instr.push_str(text);
                    }
                }
            }
            _ => {
                if self.hidden() || self.run_vanish {
                    return;
                }
                let shifted = match self.run_vert {
                    VertAlign::Baseline => None,
                    VertAlign::Super => shift_all(text, superscript),
                    VertAlign::Sub => shift_all(text, subscript),
                };
                let text = shifted.as_deref().unwrap_or(text);
                let font = self.run_font;
                let drop_boxes = self.boxes_shown > 0;
                if let Some(Frame::Para(p)) = self.frames.last_mut() {
                    // In a text font only line breaks, private-use symbols (U+F0xx, lead
                    // byte 0xEF) and box glyphs (lead byte 0xE2) change: most text is
                    // copied as it is.
                    // (Folded without an early exit, so that the loop vectorises.)
                    let special = |found: bool, b: u8| {
                        found | matches!(b, b'\r' | b'\n' | 0xE2 | 0xEF)
                    };
                    if font == SymFont::Other && !text.bytes().fold(false, special) {
                        p.text.push_str(text);
                        return;
                    }
                    p.text.reserve(text.len());
                    for c in text.chars() {
                        match c {
                            '\r' | '\n' => p.text.push(' '),
                            c => match map_text_char(font, c) {
                                Some(c) if drop_boxes && is_box_glyph(c) => {}
                                Some(c) => p.text.push(c),
                                None => {}
                            },
                        }
                    }
                }
            }
        }
    }
}

/// Returns true if and only if `c` is a glyph a checkbox content control shows.
fn is_box_glyph(c: char) -> bool {
    matches!(c, '☐' | '☒' | '☑' | '□' | '■' | '✓' | '✔' | '✗' | '✘')
}

/// `text` with every character replaced by `map`'s, if all have one.
fn shift_all(text: &str, map: fn(char) -> Option<char>) -> Option<String> {
    text.chars().map(map).collect()
}

/// The Unicode superscript form of a character, if there is one.
fn superscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        '+' => '⁺',
        '-' | '−' => '⁻',
        '=' => '⁼',
        '(' => '⁽',
        ')' => '⁾',
        'n' => 'ⁿ',
        'i' => 'ⁱ',
        ' ' => ' ',
        _ => return None,
    })
}

/// The Unicode subscript form of a character, if there is one.
fn subscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '₀',
        '1' => '₁',
        '2' => '₂',
        '3' => '₃',
        '4' => '₄',
        '5' => '₅',
        '6' => '₆',
        '7' => '₇',
        '8' => '₈',
        '9' => '₉',
        '+' => '₊',
        '-' | '−' => '₋',
        '=' => '₌',
        '(' => '₍',
        ')' => '₎',
        ' ' => ' ',
        _ => return None,
    })
}

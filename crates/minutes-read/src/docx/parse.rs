//! The streaming pass over the main document part: one quick-xml event at a time, with an
//! explicit stack of open elements and of the blocks being built, so that no input can
//! overflow the call stack.
//!
//! Each start tag decides from its namespace, local name and parent what it opens
//! ([`Open`]); its end tag closes that. Subtrees that hold nothing for the body text
//! (deleted runs, property changes, section properties, the branch of `mc:AlternateContent`
//! not taken) are skipped by counting depth. Blocks are built in [`Frame`]s: containers
//! (the body, table cells, text boxes), tables, rows and paragraphs.

use std::sync::Arc;

use minutes_flow::{Block, Blocks, Cell, Diagnostic, Row, Span};
use minutes_ooxml::xml::Ns;
use quick_xml::events::BytesStart;

use crate::{
    docx::{
        numbering::Numbering,
        styles::{NumPr, Styles},
        symbols::SymFont,
    },
    Result,
};

mod build;
mod compat;
mod controls;
mod events;
mod fields;
mod math;
mod paragraphs;
mod runs;
mod tables;

use self::{
    events::{parse_part, split_name, Names, Tag},
    math::MathOp,
};

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
    location: Option<Span>,
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
        location: Span,
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
    fn open(&mut self, names: &Names, ns: Ns, e: &BytesStart<'_>) -> Option<Open> {
        let (_, local) = split_name(e.name().into_inner());
        let tag = Tag { names, element: e, ns, local };
        let w = tag.is_w();
        match self.stack.last().copied() {
            Some(Open::PPr) => self.open_in_para_props(tag),
            Some(Open::NumPr) => self.open_in_num_props(tag),
            Some(Open::MarkRPr) => self.open_in_mark_props(tag),
            Some(Open::RPr) => self.open_in_run_props(tag),
            Some(Open::TcPr) => self.open_in_cell_props(tag),
            Some(Open::FldChar) => (w && local == b"ffData").then_some(Open::FfData),
            Some(Open::FfData) => (w && local == b"checkBox").then_some(Open::FfCheckBox),
            Some(Open::FfCheckBox) => self.open_in_form_checkbox(tag),
            Some(Open::SdtPr) => self.open_in_control_props(tag),
            Some(Open::SdtCheckbox) => self.open_in_control_checkbox(tag),
            Some(Open::Text | Open::Instr) => None,
            parent => match ns {
                Ns::W => self.open_w(tag, parent),
                Ns::Mc => self.open_mc(tag),
                Ns::Math => self.open_math(tag),
                Ns::Wp if local == b"docPr" => self.open_drawing_properties(tag),
                _ => Some(Open::Plain),
            },
        }
    }

    /// Opens a WordprocessingML element in content (body, paragraph, run): a paragraph,
    /// table or container, a run's content, a field, a content control; deleted content,
    /// old properties and parts of no body text are skipped.
    fn open_w(&mut self, tag: Tag<'_>, parent: Option<Open>) -> Option<Open> {
        let in_run = parent == Some(Open::Run);
        let opened = self
            .open_block(tag)
            .or_else(|| self.open_run_content(tag, in_run))
            .or_else(|| self.open_field(tag))
            .or_else(|| self.open_control(tag));
        if let Some(open) = opened {
            return open;
        }
        match tag.local {
            // Deleted content, old properties, ruby guide text (`w:ruby/w:rt`), and
            // parts of no body text.
            b"del" | b"moveFrom" | b"delText" | b"delInstrText" | b"sectPr"
            | b"tblPr" | b"tblGrid" | b"trPr" | b"tblPrEx" | b"pPr" | b"rPr"
            | b"sdtEndPr" | b"pPrChange" | b"rPrChange" | b"tblPrChange"
            | b"trPrChange" | b"tcPrChange" | b"commentReference" | b"background"
            | b"customXmlPr" | b"smartTagPr" | b"fldData" | b"rt" => None,
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
}

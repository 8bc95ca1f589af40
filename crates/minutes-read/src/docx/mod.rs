//! DOCX reader: a WordprocessingML package into Flow.
//!
//! The package is opened with limits (`minutes_ooxml::Package`), the main part found
//! through `_rels/.rels`, `styles.xml` parsed once and `numbering.xml` once at first use,
//! and the main part streamed with quick-xml in one pass (`parse`). Elements are matched
//! by namespace URI, Transitional and Strict alike.
//!
//! Supported constructs (`[X]` done, `[-]` partial, `[ ]` not yet):
//!
//! - [X] Main part through the `officeDocument` relationship (relative or absolute
//!   target); content-type and `word/document.xml` fallbacks
//! - [X] Namespaces matched by URI (`ns0:` prefixes, Strict OOXML)
//! - [X] Limits: entry count, per-part and total inflated size (enforced while
//!   inflating), nesting depth (deeper content skipped with a warning); DTD entities
//!   never expanded
//! - [X] OLE compound files reported as password-protected or legacy `.doc`
//! - [X] Paragraphs (`w:p`; empty ones dropped), text (`w:t`), `w:tab`, `w:ptab`,
//!   `w:br`/`w:cr` (a line feed), `w:noBreakHyphen`, `w:softHyphen`
//! - [-] `xml:space`: text is kept as written whatever its value, so that words from
//!   separate runs never merge
//! - [X] `w:sym` and private-use U+F0xx text in Wingdings/Symbol runs (checkbox
//!   glyphs, bullets, Greek)
//! - [X] Fields: complex fields (nested; instruction hidden, result shown; an
//!   instruction never hides past its paragraph), `w:fldSimple`
//! - [X] Hyperlinks, smart tags, custom XML, `w:sdt` content, `w:dir`/`w:bdo`
//! - [X] `mc:AlternateContent`: `mc:Choice` when its `Requires` namespaces are
//!   understood, else `mc:Fallback`, never both
//! - [X] Text boxes (`w:txbxContent`): their blocks follow the containing paragraph
//! - [X] Tracked changes: `w:ins`/`w:moveTo` kept, `w:del`/`w:moveFrom` dropped; a
//!   deleted paragraph mark (`w:pPr/w:rPr/w:del`) joins the paragraph with the next
//! - [X] Drop caps (`w:framePr w:dropCap`) join the next paragraph; ruby guide text
//!   (`w:rt`) dropped, the base text kept
//! - [X] Headings: `w:outlineLvl` on the paragraph or its style chain (`w:basedOn`,
//!   cycles cut), else built-in names (`heading 1`, any case); `Title` and
//!   `Subtitle` stay paragraphs with their style name
//! - [X] Numbering as displayed: `w:numPr` on the paragraph or its style chain,
//!   `w:numStyleLink`, `w:lvlOverride`/`w:startOverride`, `%1.%2.` level text,
//!   decimal, decimalZero, letters, romans, bullet, none; counters per abstract list,
//!   restarts of lower levels (`w:lvlRestart`), `w:isLgl`; `numId` 0 is no numbering
//! - [X] Numbered headings get their number; numbered or bulleted paragraphs become
//!   list items, numbered ones with their label as displayed (`1.`, `a)`, `(iv)`);
//!   `List Bullet`/`List Number` styles without numbering too
//! - [-] Other `w:numFmt` values (ordinal, cardinalText, Asian counting) count as
//!   decimal
//! - [X] Tables: one cell per `w:tc` whatever its `w:gridSpan`, `w:vMerge`
//!   continuations as empty cells, `w:hMerge` continuations dropped,
//!   `w:gridBefore`/`w:gridAfter` skipped, nested tables
//! - [X] Checkboxes: `w14:checkbox` content controls (state, not glyph),
//!   `FORMCHECKBOX` fields (`w:checked`, else `w:default`), ☒/☐/☑ and Wingdings
//!   glyphs, all as ☒ or ☐
//! - [X] Locations: 1-based index of the top-level body block in the main part;
//!   blocks in tables and text boxes carry their top-level block's
//! - [-] Math (`m:oMath`): linear TeX-like text (`\frac{a}{b}`, `x^{2}`, `\sqrt{x}`,
//!   `\sum_{i}^{n}`, delimiters), symbols as written; matrices, accents, bars unmarked
//! - [X] Footnotes and endnotes: `[n]` at each reference (one sequence, in order of
//!   appearance), the notes after the body as paragraphs styled `footnote text` /
//!   `endnote text` starting with their marker; separator notes skipped; notes parts
//!   read only when referenced
//! - [ ] Comments, headers and footers: not body text, skipped
//! - [X] Hidden text (`w:vanish` on the run) is not shown, as in Word
//! - [-] Superscript/subscript (`w:vertAlign` on the run): digits and `+-=()` as Unicode
//!   super/subscripts, other text as written; not from character styles
//! - [X] Image alt text (`wp:docPr/@descr`) in brackets where the picture is
//! - [ ] DrawingML text outside text boxes (`a:t` in shapes, SmartArt, charts), VML
//!   alt text, `w:altChunk` parts
//! - [X] Nesting deeper than 50,000 elements ends the part with a warning (quick-xml
//!   counts namespace scopes in 16 bits)
//! - [ ] UTF-16 encoded parts

mod created;
pub(crate) mod numbering;
mod parse;
mod styles;
mod symbols;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use minutes_flow::{Block, BlockKind, Diagnostic, Flow, Span, Warned};
use minutes_ooxml::{Limits, Package};

pub use self::created::document_created;

use crate::{
    docx::{
        numbering::Numbering,
        parse::{NoteKind, NoteRef},
        styles::Styles,
    },
    Result,
};

/// Options of the DOCX reader.
#[derive(Debug, Clone, Default)]
pub struct DocxOptions {}

/// Reads a DOCX package into a Flow.
///
/// Fails when the bytes are not a package (an OLE file is reported as password-protected
/// or legacy `.doc`), when the main part is missing, too large or not well-formed XML.
/// Problems with `styles.xml` or `numbering.xml` are warnings: the body is read without
/// them.
pub fn read_docx(bytes: &[u8], options: &DocxOptions) -> Result<Warned<Flow>> {
    let _ = options;
    match read_streaming(bytes)? {
        Some(flow) => Ok(flow),
        None => read_whole(bytes),
    }
}

/// Reads the package with `styles.xml` inflated and parsed only as far as the document
/// needs; `None` when the styles part cannot be streamed or turns out malformed, for
/// [`read_whole`] to read again and report the problem as it always has.
fn read_streaming(bytes: &[u8]) -> Result<Option<Warned<Flow>>> {
    let mut package = Package::open(bytes, Limits::default())?;
    let main = package.main_part()?;
    let document = package.require_part(&main)?;
    let mut warnings = Vec::new();
    let mut styles = match package.related_part(&main, "styles") {
        Ok(Some(part)) => match package.part_stream(&part) {
            Ok(Some(stream)) => Styles::streamed(stream),
            _ => return Ok(None),
        },
        Ok(None) => Styles::default(),
        Err(e) => {
            warnings.push(Diagnostic::warning(part_location(&main), e.to_string()));
            Styles::default()
        }
    };
    let flow = read_body(&mut package, &main, &document, &mut styles, warnings)?;
    Ok(styles.error().is_none().then_some(flow))
}

/// Reads the package with `styles.xml` parsed whole first; a problem with it is a
/// warning, and the body is read without styles.
fn read_whole(bytes: &[u8]) -> Result<Warned<Flow>> {
    let mut package = Package::open(bytes, Limits::default())?;
    let main = package.main_part()?;
    let document = package.require_part(&main)?;
    let mut warnings = Vec::new();
    let related = read_related(&mut package, &main, "styles");
    let mut styles = match &related {
        Ok(Some((part, bytes))) => Styles::parse(bytes, part).unwrap_or_else(|e| {
            warnings.push(Diagnostic::warning(part_location(part), e.to_string()));
            Styles::default()
        }),
        Ok(None) => Styles::default(),
        Err(e) => {
            warnings.push(Diagnostic::warning(part_location(&main), e.to_string()));
            Styles::default()
        }
    };
    read_body(&mut package, &main, &document, &mut styles, warnings)
}

/// Reads the main part and the notes it references, after `warnings` (those about the
/// styles).
fn read_body(
    package: &mut Package<'_>,
    main: &str,
    document: &[u8],
    styles: &mut Styles<'_>,
    mut warnings: Vec<Diagnostic>,
) -> Result<Warned<Flow>> {
    let mut numbering = match read_related(package, main, "numbering") {
        Ok(Some((part, bytes))) => Numbering::deferred(part, bytes),
        Ok(None) => Numbering::default(),
        Err(e) => {
            warnings.push(Diagnostic::warning(part_location(main), e.to_string()));
            Numbering::default()
        }
    };

    let body = parse::parse_body(document, main, styles, &mut numbering)?;
    let mut blocks = body.blocks;
    warnings.extend(body.warnings);
    if !body.refs.is_empty() {
        let mut notes = Notes::default();
        for (kind, rel) in
            [(NoteKind::Footnote, "footnotes"), (NoteKind::Endnote, "endnotes")]
        {
            if !body.refs.iter().any(|r| r.kind == kind) {
                continue;
            }
            let parsed = match read_related(package, main, rel) {
                Ok(Some((part, bytes))) => {
                    match parse::parse_notes(&bytes, &part, styles, &mut numbering) {
                        Ok(parsed) => parsed,
                        Err(e) => {
                            warnings.push(Diagnostic::warning(
                                part_location(&part),
                                e.to_string(),
                            ));
                            continue;
                        }
                    }
                }
                Ok(None) => continue,
                Err(e) => {
                    warnings
                        .push(Diagnostic::warning(part_location(main), e.to_string()));
                    continue;
                }
            };
            warnings.extend(parsed.warnings);
            notes.insert(kind, parsed.notes);
        }
        append_notes(&mut blocks, &body.refs, &notes);
    }
    if let Some(e) = numbering.take_error() {
        let part = e.part().unwrap_or("word/numbering.xml").to_string();
        warnings.push(Diagnostic::warning(part_location(&part), e.to_string()));
    }
    Ok(Warned { output: Flow::new(blocks), warnings })
}

/// The notes of the notes parts, by kind and `w:id`.
#[derive(Debug, Default)]
struct Notes {
    footnotes: HashMap<i64, Vec<Block>>,
    endnotes: HashMap<i64, Vec<Block>>,
}

impl Notes {
    fn insert(&mut self, kind: NoteKind, notes: Vec<(i64, Vec<Block>)>) {
        let map = match kind {
            NoteKind::Footnote => &mut self.footnotes,
            NoteKind::Endnote => &mut self.endnotes,
        };
        for (id, blocks) in notes {
            map.entry(id).or_insert(blocks);
        }
    }
}

/// Appends the referenced notes after the body, in order of reference, as paragraphs
/// styled `footnote text` or `endnote text` whose first starts with the note's marker
/// (`[1]`, as at the reference). A note referenced twice is shown once per reference; a
/// note missing from its part shows nothing here (its marker stays at the reference).
fn append_notes(blocks: &mut Vec<Block>, refs: &[NoteRef], notes: &Notes) {
    for (i, note) in refs.iter().enumerate() {
        let (map, style) = match note.kind {
            NoteKind::Footnote => (&notes.footnotes, "footnote text"),
            NoteKind::Endnote => (&notes.endnotes, "endnote text"),
        };
        let marker = format!("[{}]", i + 1);
        let content = map.get(&note.id).cloned().unwrap_or_default();
        let location = content.first().map(|b| b.location.clone()).unwrap_or_else(|| {
            blocks
                .last()
                .map(|b| b.location.clone())
                .unwrap_or_else(|| part_location("word/footnotes.xml"))
        });
        let mut marked = false;
        for block in content {
            let block = match block.kind {
                BlockKind::Heading { number, text, .. } => {
                    let text = match number {
                        Some(number) => format!("{number} {text}"),
                        None => text,
                    };
                    note_paragraph(text, style, block.location)
                }
                BlockKind::ListItem { text, label, .. } => {
                    let text = match label {
                        Some(label) => format!("{label} {text}"),
                        None => text,
                    };
                    note_paragraph(text, style, block.location)
                }
                BlockKind::Paragraph { text, .. } => {
                    note_paragraph(text, style, block.location)
                }
                _ => {
                    blocks.push(block);
                    continue;
                }
            };
            let block = if marked {
                block
            } else {
                marked = true;
                prefix(block, &marker)
            };
            blocks.push(block);
        }
        if !marked && map.contains_key(&note.id) {
            blocks.push(note_paragraph(marker, style, location));
        }
    }
}

fn note_paragraph(text: String, style: &str, location: Span) -> Block {
    Block { kind: BlockKind::Paragraph { text, style: Some(style.into()) }, location }
}

fn prefix(mut block: Block, marker: &str) -> Block {
    if let BlockKind::Paragraph { text, .. } = &mut block.kind {
        *text = format!("{marker} {text}");
    }
    block
}

/// Reads the part related to `main` by a relationship of type `…/kind`, if any.
fn read_related(
    package: &mut Package<'_>,
    main: &str,
    kind: &str,
) -> minutes_ooxml::Result<Option<(String, Vec<u8>)>> {
    let Some(part) = package.related_part(main, kind)? else { return Ok(None) };
    Ok(package.read_part(&part)?.map(|bytes| (part, bytes)))
}

fn part_location(part: &str) -> Span {
    Span::Paragraph { part: part.into(), index: 1 }
}

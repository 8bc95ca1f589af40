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
//!   list items; `List Bullet`/`List Number` styles without numbering too
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
//! - [-] Math (`m:oMath`): the text of `m:t` runs, without layout
//! - [ ] Comments, footnotes, endnotes, headers and footers: not body text, skipped
//! - [ ] Hidden text (`w:vanish`) is shown; superscript/subscript are plain text
//! - [ ] Image alt text (`wp:docPr/@descr`), DrawingML text outside text boxes
//!   (`a:t` in shapes, SmartArt, charts), `w:altChunk` parts
//! - [ ] UTF-16 encoded parts

mod numbering;
mod parse;
mod styles;
mod symbols;
#[cfg(test)]
mod tests;

use minutes_flow::{Diagnostic, Flow, Location, Warned};
use minutes_ooxml::{Limits, Package};

use crate::{
    docx::{numbering::Numbering, styles::Styles},
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
    let mut package = Package::open(bytes, Limits::default())?;
    let main = package.main_part()?;
    let document = package.require_part(&main)?;
    let mut warnings = Vec::new();

    let styles = match read_related(&mut package, &main, "styles") {
        Ok(Some((part, bytes))) => Styles::parse(&bytes, &part).unwrap_or_else(|e| {
            warnings.push(Diagnostic::warning(part_location(&part), e.to_string()));
            Styles::default()
        }),
        Ok(None) => Styles::default(),
        Err(e) => {
            warnings.push(Diagnostic::warning(part_location(&main), e.to_string()));
            Styles::default()
        }
    };
    let mut numbering = match read_related(&mut package, &main, "numbering") {
        Ok(Some((part, bytes))) => Numbering::deferred(part, bytes),
        Ok(None) => Numbering::default(),
        Err(e) => {
            warnings.push(Diagnostic::warning(part_location(&main), e.to_string()));
            Numbering::default()
        }
    };

    let (blocks, body_warnings) =
        parse::parse_body(&document, &main, &styles, &mut numbering)?;
    if let Some(e) = numbering.take_error() {
        let part = e.part().unwrap_or("word/numbering.xml").to_string();
        warnings.push(Diagnostic::warning(part_location(&part), e.to_string()));
    }
    warnings.extend(body_warnings);
    Ok(Warned { output: Flow::new(blocks), warnings })
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

fn part_location(part: &str) -> Location {
    Location::Paragraph { part: part.to_string(), index: 1 }
}

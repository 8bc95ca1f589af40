//! Paragraphs: `w:p` and its properties (style, outline level, list numbering, a deleted
//! mark or a drop cap that runs it on into the next paragraph).

use minutes_ooxml::xml::Ns;

use minutes_flow::Blocks;

use super::{BodyParser, ContainerKind, Frame, Open, Para, PartKind, Tag};
use crate::docx::styles::NumPr;

/// Paragraphs
impl BodyParser<'_, '_> {
    /// Opens `w:p` and its properties, paragraphs and block containers (`None`: not one
    /// of them; `Some(None)`: skipped).
    #[inline]
    pub(super) fn open_block(&mut self, tag: Tag<'_>) -> Option<Option<Open>> {
        let open = match tag.local {
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
            b"footnote" | b"endnote"
                if self.kind == PartKind::Notes && self.frames.len() == 1 =>
            {
                // Separators and continuation notices are not notes.
                let note_type = tag.attr(Ns::W, b"type");
                if note_type.as_deref().is_some_and(|t| t != "normal") {
                    return Some(None);
                }
                let id = tag
                    .attr(Ns::W, b"id")
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
            _ => return None,
        };
        Some(Some(open))
    }

    /// A child of `w:pPr`.
    #[inline]
    pub(super) fn open_in_para_props(&mut self, tag: Tag<'_>) -> Option<Open> {
        match (tag.is_w(), tag.local) {
            (true, b"pStyle") => {
                let style = tag.val().map(|v| self.styles.para_style(&v));
                self.with_para(|p| p.style = style);
            }
            (true, b"outlineLvl") => {
                let level = tag.val().and_then(|v| v.trim().parse().ok());
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
                let drop = tag
                    .attr(Ns::W, b"dropCap")
                    .is_some_and(|d| d == "drop" || d == "margin");
                if drop {
                    self.with_para(|p| p.runs_on = true);
                }
            }
            _ => return None,
        }
        Some(Open::Plain)
    }

    /// A child of `w:numPr`: the list level and list of the paragraph.
    #[inline]
    pub(super) fn open_in_num_props(&mut self, tag: Tag<'_>) -> Option<Open> {
        match (tag.is_w(), tag.local) {
            (true, b"ilvl") => {
                let ilvl = tag.val().and_then(|v| v.trim().parse().ok());
                self.with_para(|p| {
                    if let Some(num) = p.num.as_mut() {
                        num.ilvl = ilvl;
                    }
                });
            }
            (true, b"numId") => {
                let id = tag.val().and_then(|v| v.trim().parse().ok());
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

    /// A child of the paragraph mark's `w:rPr`: a deleted mark runs the paragraph on.
    #[inline]
    pub(super) fn open_in_mark_props(&mut self, tag: Tag<'_>) -> Option<Open> {
        if tag.is_w() && matches!(tag.local, b"del" | b"moveFrom") {
            self.with_para(|p| p.runs_on = true);
        }
        None
    }
}

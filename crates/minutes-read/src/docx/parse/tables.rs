//! Tables: the merge marks of a cell's properties (`w:vMerge`, `w:hMerge`); tables, rows,
//! cells and text boxes open as frames in `open_block`.

use minutes_ooxml::xml::Ns;

use super::{BodyParser, ContainerKind, Frame, Open, Tag};

/// Tables
impl BodyParser<'_, '_> {
    /// A child of `w:tcPr`: only the merge marks matter (not widths, borders, shading).
    #[inline]
    pub(super) fn open_in_cell_props(&mut self, tag: Tag<'_>) -> Option<Open> {
        // Only the merge marks matter (not widths, borders, shading).
        if tag.is_w() && matches!(tag.local, b"vMerge" | b"hMerge") {
            let cell = self.frames.last_mut().and_then(|f| match f {
                Frame::Container { kind: ContainerKind::Cell { .. }, .. } => Some(f),
                _ => None,
            });
            if let Some(Frame::Container {
                kind: ContainerKind::Cell { vmerge_continue, hmerge_continue },
                ..
            }) = cell
            {
                let v = tag.attr(Ns::W, b"val");
                let continues = v.as_deref().is_none_or(|v| v == "continue");
                match tag.local {
                    b"vMerge" => *vmerge_continue = continues,
                    b"hMerge" => *hmerge_continue = continues,
                    _ => {}
                }
            }
        }
        None
    }
}

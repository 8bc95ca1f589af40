//! Content controls (`w:sdt`): read through, and a `w14:checkbox` control shown as the
//! glyph of its state.

use minutes_ooxml::xml::{on_off, Ns};

use super::{BodyParser, Frame, Open, Tag};

/// Content controls
impl BodyParser<'_, '_> {
    /// Opens `w:sdt`, `w:sdtPr` or `w:sdtContent` (`None`: none of them).
    #[inline]
    pub(super) fn open_control(&mut self, tag: Tag<'_>) -> Option<Option<Open>> {
        let open = match tag.local {
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
                        return Some(Some(Open::CheckboxContent));
                    }
                }
                Open::Plain
            }
            _ => return None,
        };
        Some(Some(open))
    }

    /// A child of `w:sdtPr`: a `w14:checkbox` makes the control a checkbox.
    #[inline]
    pub(super) fn open_in_control_props(&mut self, tag: Tag<'_>) -> Option<Open> {
        if tag.ns == Ns::W14 && tag.local == b"checkbox" {
            if let Some(state) = self.sdts.last_mut() {
                *state = Some(state.unwrap_or(false));
            }
            return Some(Open::SdtCheckbox);
        }
        None
    }

    /// A child of `w14:checkbox`: its state.
    #[inline]
    pub(super) fn open_in_control_checkbox(&mut self, tag: Tag<'_>) -> Option<Open> {
        if tag.ns == Ns::W14 && tag.local == b"checked" {
            let on = on_off(tag.attr(Ns::W14, b"val").as_deref());
            if let Some(state) = self.sdts.last_mut() {
                *state = Some(on);
            }
        }
        None
    }
}

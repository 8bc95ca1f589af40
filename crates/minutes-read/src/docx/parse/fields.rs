//! Fields (`w:fldChar`, ECMA-376 Part 1 §17.16): their instructions, and the legacy
//! form checkbox (`w:ffData/w:checkBox`) shown as a glyph.

use minutes_ooxml::xml::{on_off, Ns};

use super::{BodyParser, Field, Open, Tag};

/// Fields
impl BodyParser<'_, '_> {
    /// Opens `w:fldChar` or `w:instrText` (`None`: neither).
    #[inline]
    pub(super) fn open_field(&mut self, tag: Tag<'_>) -> Option<Option<Open>> {
        let open = match tag.local {
            b"instrText" => Open::Instr,
            b"fldChar" => {
                let kind = tag.attr(Ns::W, b"fldCharType");
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
            _ => return None,
        };
        Some(Some(open))
    }

    /// A child of a form checkbox: its state.
    #[inline]
    pub(super) fn open_in_form_checkbox(&mut self, tag: Tag<'_>) -> Option<Open> {
        if tag.is_w() && matches!(tag.local, b"checked" | b"default") {
            let on = on_off(tag.val().as_deref());
            if let Some(field) = self.fields.last_mut() {
                if tag.local == b"checked" {
                    field.ff_checked = Some(on);
                } else {
                    field.ff_default = Some(on);
                }
            }
        }
        None
    }
}

//! Fields (`w:fldChar`, ECMA-376 Part 1 §17.16): their instructions, and the legacy
//! form checkbox (`w:ffData/w:checkBox`) shown as a glyph.

use quick_xml::events::BytesStart;

use minutes_ooxml::xml::{on_off, Ns};

use super::{attr, BodyParser, Field, Names, Open};

/// Fields
impl BodyParser<'_, '_> {
    /// Opens `w:fldChar` or `w:instrText` (`None`: neither).
    #[inline]
    pub(super) fn open_field(
        &mut self,
        reader: &Names,
        e: &BytesStart<'_>,
        local: &[u8],
    ) -> Option<Option<Open>> {
        let open = match local {
            b"instrText" => Open::Instr,
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
            _ => return None,
        };
        Some(Some(open))
    }

    /// A child of a form checkbox: its state.
    #[inline]
    pub(super) fn open_in_form_checkbox(
        &mut self,
        reader: &Names,
        e: &BytesStart<'_>,
        w: bool,
        local: &[u8],
    ) -> Option<Open> {
        let val = || attr(reader, e, Ns::W, b"val");
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
}

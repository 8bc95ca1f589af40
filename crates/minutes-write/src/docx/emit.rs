//! WordprocessingML written as text, element by element, for the minutes body: streamed
//! into the main part instead of built as a tree, so that the writer's memory does not
//! grow with the meeting.
//!
//! The text is exactly what [`super::xml::serialize`] writes for the same elements: an
//! element without children is `<w:x/>`, attribute values are in double quotes and
//! escaped with [`super::xml::escape`]'s rules.

use std::fmt::Write as _;
use std::io::{self, Write};

/// Text written but not yet handed to the sink past which [`Emitter::drain_if_full`]
/// drains it: large enough that the deflater gets big writes, small enough to stay a
/// constant.
const DRAIN_AT: usize = 16 * 1024;

/// Writes WordprocessingML elements as text into a buffer that is drained into a sink.
#[derive(Debug)]
pub(crate) struct Emitter {
    out: String,
    /// The part's WordprocessingML prefix with its colon (`w:`), or empty.
    prefix: String,
    /// The local names of the open elements.
    open: Vec<&'static str>,
    /// True if and only if the last start tag is not closed yet (`<w:p a="1"`): it
    /// becomes `>` when content follows and `/>` when the element ends empty.
    pending: bool,
}

impl Emitter {
    /// An emitter for a part that binds WordprocessingML to `prefix`.
    pub(crate) fn new(prefix: &str) -> Emitter {
        let prefix = if prefix.is_empty() { String::new() } else { format!("{prefix}:") };
        Emitter {
            out: String::with_capacity(DRAIN_AT + DRAIN_AT / 4),
            prefix,
            open: Vec::new(),
            pending: false,
        }
    }

    fn close_pending(&mut self) {
        if self.pending {
            self.out.push('>');
            self.pending = false;
        }
    }

    /// Starts element `w:local`; attributes may follow until content is written.
    pub(crate) fn start(&mut self, local: &'static str) -> &mut Emitter {
        self.close_pending();
        self.out.push('<');
        self.out.push_str(&self.prefix);
        self.out.push_str(local);
        self.open.push(local);
        self.pending = true;
        self
    }

    /// Adds the attribute `w:local` to the element just started.
    pub(crate) fn attr(&mut self, local: &str, value: &str) -> &mut Emitter {
        self.out.push(' ');
        self.out.push_str(&self.prefix);
        self.attr_value(local, value);
        self
    }

    /// Adds the attribute `w:local` with a number.
    pub(crate) fn attr_num(
        &mut self,
        local: &str,
        value: impl Into<u64>,
    ) -> &mut Emitter {
        self.out.push(' ');
        self.out.push_str(&self.prefix);
        self.out.push_str(local);
        // Writing into a String cannot fail.
        let _ = write!(self.out, "=\"{}\"", value.into());
        self
    }

    /// Adds an attribute named `name` as written (`xml:space`).
    pub(crate) fn attr_as_named(&mut self, name: &str, value: &str) -> &mut Emitter {
        self.out.push(' ');
        self.attr_value(name, value);
        self
    }

    fn attr_value(&mut self, name: &str, value: &str) {
        self.out.push_str(name);
        self.out.push_str("=\"");
        escape_into(value, &mut self.out);
        self.out.push('"');
    }

    /// Ends the innermost open element.
    pub(crate) fn end(&mut self) -> &mut Emitter {
        let local = self.open.pop().unwrap_or_default();
        if self.pending {
            self.out.push_str("/>");
            self.pending = false;
        } else {
            self.out.push_str("</");
            self.out.push_str(&self.prefix);
            self.out.push_str(local);
            self.out.push('>');
        }
        self
    }

    /// An element `w:local` without attributes or content.
    pub(crate) fn empty(&mut self, local: &'static str) -> &mut Emitter {
        self.start(local).end()
    }

    /// An element `w:local` with a `w:val` attribute.
    pub(crate) fn val(&mut self, local: &'static str, value: &str) -> &mut Emitter {
        self.start(local).attr("val", value).end()
    }

    /// An element `w:local` with a numeric `w:val` attribute.
    pub(crate) fn val_num(
        &mut self,
        local: &'static str,
        value: impl Into<u64>,
    ) -> &mut Emitter {
        self.start(local).attr_num("val", value).end()
    }

    /// Character data, escaped (an empty text still makes its element non-empty).
    pub(crate) fn text(&mut self, text: &str) -> &mut Emitter {
        self.close_pending();
        escape_into(text, &mut self.out);
        self
    }

    /// Hands the text written so far to `sink` when it passed the drain size.
    pub(crate) fn drain_if_full(&mut self, sink: &mut dyn Write) -> io::Result<()> {
        if self.out.len() >= DRAIN_AT {
            self.drain(sink)?;
        }
        Ok(())
    }

    /// Hands all the text written so far to `sink`; the start tag of a pending element
    /// stays open.
    pub(crate) fn drain(&mut self, sink: &mut dyn Write) -> io::Result<()> {
        sink.write_all(self.out.as_bytes())?;
        self.out.clear();
        Ok(())
    }

    /// The text not yet drained.
    #[cfg(test)]
    pub(crate) fn pending_text(&self) -> &str {
        &self.out
    }
}

/// Appends `text` escaped for element content and attribute values, dropping characters
/// XML 1.0 does not allow (the rules of [`super::xml::escape`]).
pub(crate) fn escape_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(at) = rest.find(needs_escape) {
        let (plain, tail) = rest.split_at(at);
        out.push_str(plain);
        let mut chars = tail.chars();
        match chars.next() {
            Some('&') => out.push_str("&amp;"),
            Some('<') => out.push_str("&lt;"),
            Some('>') => out.push_str("&gt;"),
            Some('"') => out.push_str("&quot;"),
            Some('\'') => out.push_str("&apos;"),
            _ => {}
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
}

fn needs_escape(c: char) -> bool {
    matches!(c, '&' | '<' | '>' | '"' | '\'') || !super::xml::is_xml_char(c)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;
    use crate::docx::xml::{escape, Wml};

    #[test]
    fn writes_what_the_tree_serialiser_writes() {
        let w = Wml::new("w");
        let tree = w
            .el("p")
            .child(w.el("pPr").child(w.val("pStyle", "A&B")))
            .child(w.el("r").child(w.el("t").attr("xml:space", "preserve").text("")))
            .child(w.with(w.el("tblW"), "w", "12"));
        let doc = crate::docx::xml::XmlDoc { prolog: String::new(), root: tree };
        let mut e = Emitter::new("w");
        e.start("p");
        e.start("pPr").val("pStyle", "A&B").end();
        e.start("r")
            .start("t")
            .attr_as_named("xml:space", "preserve")
            .text("")
            .end()
            .end();
        e.start("tblW").attr_num("w", 12u32).end();
        e.end();
        assert_eq!(e.pending_text(), crate::docx::xml::serialize(&doc));
    }

    #[test]
    fn escapes_like_the_tree() {
        for text in ["", "plain", "a<b>&\"'\u{1}\u{FFFE}c", "é\u{0}x&", "\u{10000}"] {
            let mut out = String::new();
            escape_into(text, &mut out);
            assert_eq!(out, escape(text), "{text:?}");
        }
    }

    #[test]
    fn drains_into_the_sink() {
        let mut e = Emitter::new("");
        e.start("body").empty("p");
        let mut sink = Vec::new();
        e.drain(&mut sink).unwrap();
        e.end();
        e.drain(&mut sink).unwrap();
        assert_eq!(String::from_utf8(sink).unwrap(), "<body><p/></body>");
    }
}

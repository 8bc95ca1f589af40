//! `styles.xml` (ECMA-376 Part 1 §17.7): style names, `w:basedOn` chains, outline levels
//! and numbering inherited by paragraphs.

mod resolved;

use std::collections::HashMap;

use std::io::{BufRead, BufReader};

use minutes_ooxml::{
    xml::{attr, element_ns, next_event_into, Depth, Ns},
    PartStream,
};
use quick_xml::{events::Event, name::QName, NsReader};

use crate::Result;

/// A `w:numPr` (ECMA-376 Part 1 §17.3, paragraph properties): list level and numbering
/// instance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct NumPr {
    /// `w:ilvl`, when given.
    pub ilvl: Option<u8>,
    /// `w:numId`, when given; `0` switches numbering off.
    pub num_id: Option<u32>,
}

impl NumPr {
    /// Fills fields missing here from `other`.
    pub fn or(self, other: NumPr) -> NumPr {
        NumPr { ilvl: self.ilvl.or(other.ilvl), num_id: self.num_id.or(other.num_id) }
    }
}

/// One `w:style`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Style {
    /// `w:name`, e.g. `heading 1`.
    pub name: Option<String>,
    /// `w:basedOn`.
    pub based_on: Option<String>,
    /// `w:pPr/w:outlineLvl`.
    pub outline: Option<u8>,
    /// `w:pPr/w:numPr`.
    pub num: Option<NumPr>,
}

/// The styles of a document, read from `styles.xml` as far as queries need: most
/// documents name their paragraph styles before hundreds of kilobytes of table styles,
/// which are then never inflated. Call [`Styles::prepare`] before querying a style.
#[derive(Default)]
pub(crate) struct Styles<'p> {
    styles: HashMap<String, Style>,
    default_paragraph: Option<String>,
    /// The rest of the part, while not read to the end.
    source: Option<Source<'p>>,
    /// Why reading failed, if it did.
    error: Option<crate::Error>,
    /// Paragraph styles resolved so far.
    resolved: resolved::Resolved,
}

impl std::fmt::Debug for Styles<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Styles").field("styles", &self.styles.len()).finish()
    }
}

/// The part being read and the parser's position in it.
struct Source<'p> {
    part: String,
    reader: NsReader<Box<dyn BufRead + 'p>>,
    buf: Vec<u8>,
    depth: Depth,
    /// The `w:style` being read, by id.
    current: Option<(String, Style)>,
    in_ppr: bool,
    in_numpr: bool,
}

/// The start tags [`Source::step`] handles, by local name.
const STARTS: [&[u8]; 16] = [
    b"style",
    b"name",
    b"basedOn",
    b"pPr",
    b"outlineLvl",
    b"numPr",
    b"ilvl",
    b"numId",
    b"pPrChange",
    b"rPr",
    b"tblPr",
    b"tcPr",
    b"trPr",
    b"tblStylePr",
    b"latentStyles",
    b"docDefaults",
];

/// The end tags [`Source::step`] handles, by local name.
const ENDS: [&[u8]; 3] = [b"style", b"pPr", b"numPr"];

/// How far a `w:basedOn` chain is followed before giving up (cycles are also cut).
const MAX_CHAIN: usize = 32;

/// Buffer of the inflated part: a few dozen kilobytes hold the paragraph styles.
const CHUNK: usize = 16 << 10;

impl<'p> Styles<'p> {
    /// Parses `styles.xml` whole.
    pub fn parse(bytes: &'p [u8], part: &str) -> Result<Styles<'p>> {
        let mut styles = Styles::on_demand(Box::new(bytes), part);
        while styles.step() {}
        match styles.error.take() {
            Some(e) => Err(e),
            None => Ok(styles),
        }
    }

    /// Styles read from `stream` as queries need them.
    pub fn streamed(stream: PartStream<'p>) -> Styles<'p> {
        let part = stream.part().to_string();
        Styles::on_demand(Box::new(BufReader::with_capacity(CHUNK, stream)), &part)
    }

    fn on_demand(source: Box<dyn BufRead + 'p>, part: &str) -> Styles<'p> {
        Styles {
            source: Some(Source {
                part: part.to_string(),
                reader: NsReader::from_reader(source),
                buf: Vec::new(),
                depth: Depth::default(),
                current: None,
                in_ppr: false,
                in_numpr: false,
            }),
            ..Styles::default()
        }
    }

    /// Why the part could not be read, once a query reached the problem.
    pub fn error(&self) -> Option<&crate::Error> {
        self.error.as_ref()
    }

    /// Reads far enough for queries on the default paragraph style and on `id`'s
    /// `w:basedOn` chain (the default's chain when `id` is `None`).
    pub fn prepare(&mut self, id: Option<&str>) {
        while self.source.is_some() && self.default_paragraph.is_none() {
            self.step();
        }
        while self.source.is_some() {
            let start = id.or(self.default_paragraph.as_deref());
            let Some(missing) = start.and_then(|s| self.missing_in_chain(s)) else {
                return;
            };
            self.load(&missing);
        }
    }

    /// Reads far enough for queries on `id`'s `w:basedOn` chain.
    pub fn prepare_chain(&mut self, id: &str) {
        while self.source.is_some() {
            let Some(missing) = self.missing_in_chain(id) else { return };
            self.load(&missing);
        }
    }

    /// The first style of `id`'s chain not read yet (or absent).
    fn missing_in_chain(&self, id: &str) -> Option<String> {
        let mut next = Some(id);
        for _ in 0..MAX_CHAIN {
            let id = next?;
            match self.styles.get(id) {
                Some(style) => next = style.based_on.as_deref(),
                None => return Some(id.to_string()),
            }
        }
        None
    }

    /// Reads until style `id` is read or the part ends.
    fn load(&mut self, id: &str) {
        while !self.styles.contains_key(id) && self.step() {}
    }

    /// Handles one event of the part; false once it is read to the end (or failed).
    fn step(&mut self) -> bool {
        let Some(source) = self.source.as_mut() else { return false };
        match source.step(&mut self.styles, &mut self.default_paragraph) {
            Ok(true) => true,
            Ok(false) => {
                self.source = None;
                false
            }
            Err(e) => {
                self.source = None;
                self.error = Some(e);
                false
            }
        }
    }
}

impl Source<'_> {
    /// Reads one event; `Ok(false)` at the end of the part.
    fn step(
        &mut self,
        styles: &mut HashMap<String, Style>,
        default_paragraph: &mut Option<String>,
    ) -> Result<bool> {
        self.buf.clear();
        let part = self.part.as_str();
        let event =
            next_event_into(&mut self.reader, &mut self.buf, &mut self.depth, part)?;
        let reader = &self.reader;
        // Only the elements handled below need their namespace resolved.
        let in_w = |name| element_ns(reader, name) == Ns::W;
        match event {
            Event::Start(ref e) | Event::Empty(ref e)
                if STARTS.contains(&e.local_name().as_ref()) && in_w(e.name()) =>
            {
                let empty = matches!(event, Event::Empty(_));
                let local = e.local_name();
                let val = || attr(reader, e, Ns::W, b"val").map(|v| v.into_owned());
                let current = &mut self.current;
                match local.as_ref() {
                    b"style" => {
                        let id = attr(reader, e, Ns::W, b"styleId")
                            .map(|v| v.into_owned())
                            .unwrap_or_default();
                        let is_para = attr(reader, e, Ns::W, b"type")
                            .is_none_or(|t| t == "paragraph");
                        let is_default = attr(reader, e, Ns::W, b"default")
                            .is_some_and(|d| minutes_ooxml::xml::on_off(Some(&d)));
                        if is_para && is_default && default_paragraph.is_none() {
                            *default_paragraph = Some(id.clone());
                        }
                        if !empty {
                            *current = Some((id, Style::default()));
                        }
                    }
                    b"name" => {
                        if let Some((_, style)) = current.as_mut() {
                            style.name = val();
                        }
                    }
                    b"basedOn" => {
                        if let Some((_, style)) = current.as_mut() {
                            style.based_on = val();
                        }
                    }
                    b"pPr" if current.is_some() && !empty => self.in_ppr = true,
                    b"outlineLvl" if self.in_ppr => {
                        if let Some((_, style)) = current.as_mut() {
                            style.outline = val().and_then(|v| v.trim().parse().ok());
                        }
                    }
                    b"numPr" if self.in_ppr => {
                        if let Some((_, style)) = current.as_mut() {
                            style.num.get_or_insert_with(NumPr::default);
                        }
                        self.in_numpr = !empty;
                    }
                    b"ilvl" if self.in_numpr => {
                        if let Some(num) =
                            current.as_mut().and_then(|(_, s)| s.num.as_mut())
                        {
                            num.ilvl = val().and_then(|v| v.trim().parse().ok());
                        }
                    }
                    b"numId" if self.in_numpr => {
                        if let Some(num) =
                            current.as_mut().and_then(|(_, s)| s.num.as_mut())
                        {
                            num.num_id = val().and_then(|v| v.trim().parse().ok());
                        }
                    }
                    // Old properties of a tracked change, run and table properties,
                    // latent styles and document defaults: not ours, skipped whole
                    // (quick-xml still checks that they are well-formed).
                    b"pPrChange" | b"rPr" | b"tblPr" | b"tcPr" | b"trPr"
                    | b"tblStylePr" | b"latentStyles" | b"docDefaults"
                        if !empty =>
                    {
                        let end = e.name().as_ref().to_vec();
                        let mut skipped = Vec::new();
                        self.reader.read_to_end_into(QName(&end), &mut skipped).map_err(
                            |e| {
                                minutes_ooxml::Error::xml(
                                    part,
                                    self.reader.error_position(),
                                    e,
                                )
                            },
                        )?;
                        self.depth.leave();
                    }
                    _ => {}
                }
            }
            Event::End(ref e)
                if ENDS.contains(&e.local_name().as_ref()) && in_w(e.name()) =>
            {
                match e.local_name().as_ref() {
                    b"style" => {
                        if let Some((id, style)) = self.current.take() {
                            styles.entry(id).or_insert(style);
                        }
                        self.in_ppr = false;
                        self.in_numpr = false;
                    }
                    b"pPr" => {
                        self.in_ppr = false;
                        self.in_numpr = false;
                    }
                    b"numPr" => self.in_numpr = false,
                    _ => {}
                }
            }
            Event::Eof => return Ok(false),
            _ => {}
        }
        Ok(true)
    }
}

impl Styles<'_> {
    /// The default paragraph style's id (`w:default="1"`).
    pub fn default_paragraph(&self) -> Option<&str> {
        self.default_paragraph.as_deref()
    }

    /// The style and its `w:basedOn` ancestors, nearest first, cycles cut.
    fn chain<'a>(
        &'a self,
        id: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a Style)> + 'a {
        let mut seen: Vec<&str> = Vec::new();
        let mut next = Some(id);
        std::iter::from_fn(move || {
            let id = next.take()?;
            if seen.len() >= MAX_CHAIN || seen.contains(&id) {
                return None;
            }
            seen.push(id);
            let style = self.styles.get(id)?;
            next = style.based_on.as_deref();
            Some((id, style))
        })
    }

    /// The outline level of a paragraph style (0 for top-level headings): the first
    /// `w:outlineLvl` up the chain, else a built-in heading name (`heading 1`, any case)
    /// up the chain. `None` for body text (including `w:outlineLvl w:val="9"`).
    pub fn outline_level(&self, id: &str) -> Option<u8> {
        for (_, style) in self.chain(id) {
            if let Some(level) = style.outline {
                return (level < 9).then_some(level);
            }
        }
        self.chain(id)
            .find_map(|(_, style)| style.name.as_deref().and_then(heading_name_level))
    }

    /// The `w:numPr` a paragraph style gives, up the chain, with the id of the style that
    /// carries its `w:numId`.
    pub fn num_pr<'a>(&'a self, id: &'a str) -> Option<(NumPr, &'a str)> {
        // `w:ilvl` and `w:numId` are inherited separately: `Heading 2` may give only the
        // level and take the list from `Heading 1`.
        let mut merged: Option<(NumPr, &str)> = None;
        for (id, style) in self.chain(id) {
            let Some(num) = style.num else { continue };
            merged = Some(match merged {
                None => (num, id),
                Some((have, from)) => {
                    let from = if have.num_id.is_none() && num.num_id.is_some() {
                        id
                    } else {
                        from
                    };
                    (have.or(num), from)
                }
            });
            if merged.is_some_and(|(n, _)| n.ilvl.is_some() && n.num_id.is_some()) {
                break;
            }
        }
        merged
    }

    /// The name of a style, or its id when it has no name.
    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.styles.get(id).and_then(|s| s.name.as_deref()).unwrap_or(id)
    }
}

/// The outline level of a built-in heading style name: `heading 1` → 0.
pub(crate) fn heading_name_level(name: &str) -> Option<u8> {
    let lower = name.trim().to_ascii_lowercase();
    let rest = lower.strip_prefix("heading")?.trim_start();
    let level: u8 = rest.parse().ok()?;
    (1..=9).contains(&level).then(|| level - 1)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]

    use super::*;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    // Outline levels come from the chain, else from built-in names; cycles are cut.
    #[test]
    fn outline_levels_through_chain() {
        let xml = format!(
            r#"<w:styles xmlns:w="{W}">
            <w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Mine"><w:basedOn w:val="berschrift1"/></w:style>
            <w:style w:type="paragraph" w:styleId="Lvl"><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>
            <w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>
            </w:styles>"#
        );
        let styles = Styles::parse(xml.as_bytes(), "word/styles.xml").unwrap();
        assert_eq!(styles.default_paragraph(), Some("Standard"));
        assert_eq!(styles.outline_level("berschrift1"), Some(0));
        assert_eq!(styles.outline_level("Mine"), Some(0));
        assert_eq!(styles.outline_level("Lvl"), Some(2));
        assert_eq!(styles.outline_level("A"), None);
        assert_eq!(styles.outline_level("Standard"), None);
        let (num, from) = styles.num_pr("Mine").unwrap();
        assert_eq!((num.num_id, from), (Some(3), "berschrift1"));
    }

    // Heading names in any case, LibreOffice's capitalised form included.
    #[test]
    fn heading_names() {
        assert_eq!(heading_name_level("Heading 1"), Some(0));
        assert_eq!(heading_name_level("heading 9"), Some(8));
        assert_eq!(heading_name_level("Heading"), None);
        assert_eq!(heading_name_level("heading 10"), None);
    }
}

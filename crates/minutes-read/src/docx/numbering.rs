//! `numbering.xml` (ECMA-376 Part 1 §17.9): list definitions, and the counters that turn
//! them into labels as Word displays them (`6.1.1.`, `a)`, `•`).

mod list;

use std::collections::HashMap;

use minutes_ooxml::xml::{attr, element_ns, next_event, Depth, Ns};
use quick_xml::{events::Event, NsReader};

use crate::{docx::styles::Styles, Result};

/// The number of list levels (`w:ilvl` 0 to 8).
const LEVELS: usize = 9;

/// `w:numFmt` values this reader renders (`ST_NumberFormat`); others count as decimal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Format {
    #[default]
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Bullet,
    None,
}

impl Format {
    fn parse(value: &str) -> Option<Format> {
        Some(match value {
            "decimalZero" => Format::DecimalZero,
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            // A `custom` format sits in `mc:Choice` beside a plain `mc:Fallback` format.
            "custom" => return None,
            _ => Format::Decimal,
        })
    }

    #[cfg(test)]
    fn render(self, n: i64) -> String {
        let mut out = String::new();
        self.render_into(n, &mut out);
        out
    }

    /// Appends `n` in this format to `out`.
    pub(crate) fn render_into(self, n: i64, out: &mut String) {
        use std::fmt::Write;
        match self {
            // Writing to a `String` cannot fail.
            Format::DecimalZero if (0..10).contains(&n) => {
                let _ = write!(out, "0{n}");
            }
            Format::Decimal | Format::DecimalZero => {
                let _ = write!(out, "{n}");
            }
            Format::LowerLetter => out.push_str(&letters(n, b'a')),
            Format::UpperLetter => out.push_str(&letters(n, b'A')),
            Format::LowerRoman => out.push_str(&roman(n).to_lowercase()),
            Format::UpperRoman => out.push_str(&roman(n)),
            Format::Bullet | Format::None => {}
        }
    }
}

/// Word's letter numbering: a..z, then aa..zz, then aaa...
fn letters(n: i64, base: u8) -> String {
    if n <= 0 {
        return n.to_string();
    }
    let index = (n - 1) % 26;
    let repeat = usize::try_from((n - 1) / 26 + 1).unwrap_or(1).min(100);
    let c = char::from(base + u8::try_from(index).unwrap_or(0));
    std::iter::repeat_n(c, repeat).collect()
}

fn roman(n: i64) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    const TABLE: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The start tags [`Numbering::parse`] handles, by local name.
const STARTS: [&[u8]; 13] = [
    b"abstractNum",
    b"num",
    b"abstractNumId",
    b"lvlOverride",
    b"startOverride",
    b"numStyleLink",
    b"lvl",
    b"start",
    b"numFmt",
    b"lvlText",
    b"lvlRestart",
    b"isLgl",
    b"pStyle",
];

/// One `w:lvl`.
#[derive(Debug, Clone, Default)]
struct Level {
    start: Option<i64>,
    format: Format,
    text: Option<String>,
    restart: Option<u8>,
    legal: bool,
    pstyle: Option<String>,
}

/// One `w:abstractNum`.
#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: Vec<Level>,
    num_style_link: Option<String>,
}

/// One `w:num`.
#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: Option<u32>,
    /// `w:lvlOverride` by level: `w:startOverride` and a replacement `w:lvl`.
    overrides: HashMap<u8, (Option<i64>, Option<Level>)>,
}

/// Whose counters a numbered paragraph advances.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum CounterKey {
    /// All `w:num` sharing an abstract definition share its counters...
    Abstract(u32),
    /// ...except one with a `w:startOverride`, which restarts and counts on its own.
    Num(u32),
}

/// What a label is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelKind {
    /// A bullet (`w:numFmt w:val="bullet"`).
    Bullet,
    /// A number or letter.
    Number,
    /// `w:numFmt w:val="none"`: no visible label.
    None,
}

/// A list label as displayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    /// The displayed text of a number, e.g. `6.1.1.`; empty for bullets and levels
    /// without a label, whose glyphs nothing shows.
    pub text: String,
    /// What kind of label it is.
    pub kind: LabelKind,
}

/// The list definitions of a document and the running counters.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<u32, Abstract>,
    nums: HashMap<u32, Num>,
    counters: HashMap<CounterKey, [Option<i64>; LEVELS]>,
    /// Lists resolved for labelling, by `w:numId` (`None`: no such list).
    lists: HashMap<u32, Option<list::List>>,
    /// The part not parsed yet (name, bytes): many documents never number a paragraph,
    /// and some carry megabytes of unused list definitions.
    pending: Option<(String, Vec<u8>)>,
    /// Why the part could not be parsed, once it was tried.
    error: Option<crate::Error>,
}

enum Owner {
    Abstract(u32),
    Override(u32, u8),
}

fn parse_num<T: std::str::FromStr>(
    value: Option<std::borrow::Cow<'_, str>>,
) -> Option<T> {
    value.and_then(|v| v.trim().parse().ok())
}

impl Numbering {
    /// Parses `numbering.xml`.
    pub fn parse(bytes: &[u8], part: &str) -> Result<Numbering> {
        let mut reader = NsReader::from_reader(bytes);
        let mut depth = Depth::default();
        let mut numbering = Numbering::default();
        let mut abs_id: Option<u32> = None;
        let mut num_id: Option<u32> = None;
        let mut override_lvl: Option<u8> = None;
        let mut level: Option<(Owner, usize, Level)> = None;
        loop {
            let event = next_event(&mut reader, &mut depth, part)?;
            // Only the elements handled below need their namespace resolved.
            match event {
                Event::Start(ref e) | Event::Empty(ref e)
                    if STARTS.contains(&e.local_name().as_ref())
                        && element_ns(&reader, e.name()) == Ns::W =>
                {
                    let empty = matches!(event, Event::Empty(_));
                    let val = || attr(&reader, e, Ns::W, b"val");
                    match e.local_name().as_ref() {
                        b"abstractNum" if !empty => {
                            abs_id = parse_num(attr(&reader, e, Ns::W, b"abstractNumId"));
                            if let Some(id) = abs_id {
                                numbering.abstracts.insert(id, Abstract::default());
                            }
                        }
                        b"num" if !empty => {
                            num_id = parse_num(attr(&reader, e, Ns::W, b"numId"));
                            if let Some(id) = num_id {
                                numbering.nums.insert(id, Num::default());
                            }
                        }
                        b"abstractNumId" => {
                            if let Some(num) =
                                num_id.and_then(|id| numbering.nums.get_mut(&id))
                            {
                                num.abstract_id = parse_num(val());
                            }
                        }
                        b"lvlOverride" if !empty => {
                            override_lvl = parse_num(attr(&reader, e, Ns::W, b"ilvl"));
                        }
                        b"startOverride" => {
                            let start = parse_num(val());
                            if let (Some(num), Some(ilvl)) = (
                                num_id.and_then(|id| numbering.nums.get_mut(&id)),
                                override_lvl,
                            ) {
                                num.overrides.entry(ilvl).or_default().0 = start;
                            }
                        }
                        b"numStyleLink" => {
                            if let Some(a) =
                                abs_id.and_then(|id| numbering.abstracts.get_mut(&id))
                            {
                                a.num_style_link = val().map(|v| v.into_owned());
                            }
                        }
                        b"lvl" if !empty => {
                            let ilvl: usize = parse_num(attr(&reader, e, Ns::W, b"ilvl"))
                                .unwrap_or(0usize)
                                .min(LEVELS - 1);
                            let owner = match (override_lvl, num_id, abs_id) {
                                (Some(o), Some(n), _) => Some(Owner::Override(n, o)),
                                (None, None, Some(a)) => Some(Owner::Abstract(a)),
                                _ => None,
                            };
                            level = owner.map(|owner| (owner, ilvl, Level::default()));
                        }
                        name => {
                            if let Some((_, _, lvl)) = level.as_mut() {
                                match name {
                                    b"start" => lvl.start = parse_num(val()),
                                    b"numFmt" => {
                                        if let Some(f) =
                                            val().and_then(|v| Format::parse(&v))
                                        {
                                            lvl.format = f;
                                        }
                                    }
                                    b"lvlText" => {
                                        lvl.text = val().map(|v| v.into_owned())
                                    }
                                    b"lvlRestart" => lvl.restart = parse_num(val()),
                                    b"isLgl" => {
                                        lvl.legal =
                                            minutes_ooxml::xml::on_off(val().as_deref())
                                    }
                                    b"pStyle" => {
                                        lvl.pstyle = val().map(|v| v.into_owned())
                                    }
                                    _ => {}
                                }
                            }
                        }
                    }
                }
                Event::End(ref e)
                    if matches!(
                        e.local_name().as_ref(),
                        b"abstractNum" | b"num" | b"lvlOverride" | b"lvl"
                    ) && element_ns(&reader, e.name()) == Ns::W =>
                {
                    match e.local_name().as_ref() {
                        b"abstractNum" => abs_id = None,
                        b"num" => num_id = None,
                        b"lvlOverride" => override_lvl = None,
                        b"lvl" => {
                            if let Some((owner, ilvl, lvl)) = level.take() {
                                numbering.store_level(owner, ilvl, lvl);
                            }
                        }
                        _ => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(numbering)
    }

    /// List definitions to parse on first use.
    pub fn deferred(part: String, bytes: Vec<u8>) -> Numbering {
        Numbering { pending: Some((part, bytes)), ..Numbering::default() }
    }

    /// Why the numbering part could not be parsed, if it was needed and could not be.
    pub fn take_error(&mut self) -> Option<crate::Error> {
        self.error.take()
    }

    /// Parses the pending part, if any.
    fn ensure(&mut self) {
        if let Some((part, bytes)) = self.pending.take() {
            match Numbering::parse(&bytes, &part) {
                Ok(parsed) => {
                    self.abstracts = parsed.abstracts;
                    self.nums = parsed.nums;
                }
                Err(e) => self.error = Some(e),
            }
        }
    }

    fn store_level(&mut self, owner: Owner, ilvl: usize, lvl: Level) {
        match owner {
            Owner::Abstract(id) => {
                if let Some(a) = self.abstracts.get_mut(&id) {
                    if a.levels.len() < LEVELS {
                        a.levels.resize_with(LEVELS, Level::default);
                    }
                    if let Some(slot) = a.levels.get_mut(ilvl) {
                        *slot = lvl;
                    }
                }
            }
            Owner::Override(num, o) => {
                if let Some(n) = self.nums.get_mut(&num) {
                    n.overrides.entry(o).or_default().1 = Some(lvl);
                }
            }
        }
    }

    /// Reads the styles that `w:numStyleLink`s behind `num_id` name, so that the label
    /// queries can follow them.
    pub fn prepare_links(&mut self, num_id: u32, styles: &mut Styles<'_>) {
        if num_id == 0 || self.is_resolved(num_id) {
            return;
        }
        self.ensure();
        let Some(mut id) = self.nums.get(&num_id).and_then(|n| n.abstract_id) else {
            return;
        };
        for _ in 0..4 {
            let Some(link) =
                self.abstracts.get(&id).and_then(|a| a.num_style_link.as_deref())
            else {
                return;
            };
            styles.prepare_chain(link);
            let linked = styles.num_pr(link).and_then(|(n, _)| n.num_id);
            let Some(next) = linked.and_then(|n| self.nums.get(&n)?.abstract_id) else {
                return;
            };
            id = next;
        }
    }

    /// The abstract definition id behind a `w:num`, following `w:numStyleLink` to the
    /// numbering style's own `w:num` (§17.9).
    fn abstract_of(&self, num_id: u32, styles: &Styles<'_>) -> Option<u32> {
        let mut id = self.nums.get(&num_id)?.abstract_id?;
        for _ in 0..4 {
            let a = self.abstracts.get(&id)?;
            let Some(link) = a.num_style_link.as_deref() else { return Some(id) };
            let linked = styles.num_pr(link).and_then(|(n, _)| n.num_id)?;
            id = self.nums.get(&linked)?.abstract_id?;
        }
        Some(id)
    }

    /// The level `ilvl` of a list: its override in the `w:num`, else the abstract's.
    fn level(&self, num_id: u32, abs: u32, ilvl: usize) -> Option<&Level> {
        let key = u8::try_from(ilvl).ok()?;
        if let Some((_, Some(lvl))) =
            self.nums.get(&num_id).and_then(|n| n.overrides.get(&key))
        {
            return Some(lvl);
        }
        self.abstracts.get(&abs)?.levels.get(ilvl)
    }

    fn start(&self, num_id: u32, abs: u32, ilvl: usize) -> i64 {
        let key = u8::try_from(ilvl).unwrap_or(0);
        if let Some((Some(start), _)) =
            self.nums.get(&num_id).and_then(|n| n.overrides.get(&key))
        {
            return *start;
        }
        self.level(num_id, abs, ilvl).and_then(|l| l.start).unwrap_or(0)
    }

    /// The level a paragraph style is tied to by `w:lvl/w:pStyle` in a list, if any.
    pub fn level_of_style(
        &mut self,
        num_id: u32,
        style_id: &str,
        styles: &Styles<'_>,
    ) -> Option<u8> {
        self.ensure();
        let abs = self.abstract_of(num_id, styles)?;
        let levels = &self.abstracts.get(&abs)?.levels;
        let i = levels.iter().position(|l| l.pstyle.as_deref() == Some(style_id))?;
        u8::try_from(i).ok()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]

    use super::*;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    fn numbering(body: &str) -> Numbering {
        let xml = format!(r#"<w:numbering xmlns:w="{W}">{body}</w:numbering>"#);
        Numbering::parse(xml.as_bytes(), "word/numbering.xml").unwrap()
    }

    const HEADINGS: &str = r#"<w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>"#;

    fn label(n: &mut Numbering, num: u32, ilvl: u8) -> String {
        n.next(num, ilvl, &Styles::default()).unwrap().text
    }

    // Multi-level labels, resets of lower levels, shared counters, start overrides.
    #[test]
    fn counts_like_word() {
        let mut n = numbering(HEADINGS);
        assert_eq!(label(&mut n, 1, 0), "1");
        assert_eq!(label(&mut n, 1, 1), "1.1");
        assert_eq!(label(&mut n, 1, 1), "1.2");
        assert_eq!(label(&mut n, 1, 2), "a)");
        assert_eq!(label(&mut n, 1, 2), "b)");
        assert_eq!(label(&mut n, 2, 0), "2");
        assert_eq!(label(&mut n, 2, 1), "2.1");
        assert_eq!(label(&mut n, 3, 0), "5");
        assert_eq!(label(&mut n, 3, 0), "6");
        assert!(n.next(0, 0, &Styles::default()).is_none());
        assert!(n.next(9, 0, &Styles::default()).is_none());
    }

    // Formats.
    #[test]
    fn formats() {
        assert_eq!(Format::LowerLetter.render(27), "aa");
        assert_eq!(Format::UpperRoman.render(14), "XIV");
        assert_eq!(Format::LowerRoman.render(4), "iv");
        assert_eq!(Format::DecimalZero.render(7), "07");
    }

    // `w:lvlRestart w:val="0"` keeps a lower level counting across higher ones.
    #[test]
    fn lvl_restart_zero() {
        let mut n = numbering(
            r#"<w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:lvlText w:val="%1."/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:lvlText w:val="(%2)"/></w:lvl>
            </w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num>"#,
        );
        assert_eq!(label(&mut n, 4, 1), "(1)");
        assert_eq!(label(&mut n, 4, 0), "1.");
        assert_eq!(label(&mut n, 4, 1), "(2)");
    }
}

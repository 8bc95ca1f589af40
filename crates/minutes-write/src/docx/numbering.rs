//! `word/numbering.xml`: reading the template's lists, adding new ones, and planning the
//! heading numbers so that every heading displays exactly its model number.
//!
//! Headings are numbered by Word (`w:numPr`, usually inherited from the heading style),
//! never typed. The planner simulates the counters of the list (ECMA-376 Part 1 §17.9:
//! a level's counter starts at `w:start` and advances by one; deeper levels restart when a
//! shallower one advances). When the natural count would not show the model's number
//! (`6.0`, gaps, a first heading at level 2, …) the heading starts a fresh list whose
//! levels carry the number's prefix as literal text (`w:lvlText w:val="6.%2"`) and its
//! last component as `w:start`; later headings continue in that list while it shows the
//! right numbers. The fresh list has its own `w:abstractNum`, so no consumer's rules
//! about shared or continued lists come into play, and no level refers to a parent level
//! that never appeared in it.

use std::borrow::Cow;
use std::collections::HashMap;

use super::styles::Styles;
use super::xml::{self, Element, Node, Wml, XmlDoc, W_NS};
use crate::Result;

/// Levels of a list (`w:ilvl` 0..=8).
const LEVELS: usize = 9;

/// One level of a list of the template: its `w:lvl` and what the planner reads of it.
#[derive(Debug, Clone)]
struct Level<'d> {
    lvl: &'d Element,
    info: LevelInfo,
}

/// What the writer needs to know of one `w:lvl`.
#[derive(Debug, Clone)]
struct LevelInfo {
    start: i64,
    format: String,
    text: String,
}

/// The numbering part being written: the template's part (borrowed) and the lists added
/// to it, which are written in place when the part is serialised.
#[derive(Debug)]
pub(crate) struct Numbering<'t> {
    doc: Cow<'t, XmlDoc>,
    w: Wml,
    /// The root children that are the template's `w:num`s and `w:abstractNum`s, by id
    /// as written (the first of each id), so that lookups need no scan.
    nums: HashMap<String, usize>,
    abstracts: HashMap<String, usize>,
    /// The added lists, with the ids of the first ones.
    added_abstracts: Vec<Element>,
    added_nums: Vec<Element>,
    first_abstract: u32,
    first_num: u32,
    bullet: Option<u32>,
    /// The list that shows no number, once added.
    plain: Option<u32>,
}

/// How a heading paragraph gets its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HeadingNumber {
    /// The list level of the heading.
    pub ilvl: u32,
    /// An explicit `w:numId` for the paragraph's `w:numPr`; `None` when the heading
    /// style's own numbering shows the right number.
    pub num_id: Option<u32>,
}

/// One heading to plan.
#[derive(Debug, Clone)]
pub(crate) struct HeadingRequest {
    /// The model number, `6.0`.
    pub number: String,
    /// The depth of the section, 1 for top level.
    pub depth: usize,
    /// The numbering of the heading style, when numbered.
    pub style_numbering: Option<(u32, u32)>,
}

impl<'t> Numbering<'t> {
    /// The template's numbering part, or a new empty one.
    pub(crate) fn new(template: Option<&'t XmlDoc>) -> Numbering<'t> {
        let mut doc = match template {
            Some(doc) => Cow::Borrowed(doc),
            None => Cow::Owned(XmlDoc {
                prolog: "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    .to_string(),
                root: Element::new(W_NS, "w:numbering").attr("xmlns:w", W_NS),
            }),
        };
        let prefix = match xml::find_prefix(&doc.root, W_NS) {
            Some(prefix) => prefix,
            None => xml::ensure_prefix(&mut doc.to_mut().root, W_NS, "w"),
        };
        let mut nums = HashMap::new();
        let mut abstracts = HashMap::new();
        let (mut max_num, mut max_abstract) = (0, 0);
        for (i, node) in doc.root.children.iter().enumerate() {
            let Node::Element(e) = node else { continue };
            let (index, max, attr) = if e.is_w("num") {
                (&mut nums, &mut max_num, "numId")
            } else if e.is_w("abstractNum") {
                (&mut abstracts, &mut max_abstract, "abstractNumId")
            } else {
                continue;
            };
            if let Some(id) = e.get(attr) {
                *max = id.parse::<u32>().map_or(*max, |n| n.max(*max));
                index.entry(id).or_insert(i);
            }
        }
        Numbering {
            w: Wml::new(&prefix),
            nums,
            abstracts,
            added_abstracts: Vec::new(),
            added_nums: Vec::new(),
            first_abstract: max_abstract.saturating_add(1),
            first_num: max_num.saturating_add(1),
            bullet: None,
            plain: None,
            doc,
        }
    }

    /// Returns true if and only if the part must be written.
    pub(crate) fn changed(&self) -> bool {
        !self.added_nums.is_empty()
    }

    /// The part's bytes. Following ECMA-376 §17.9.20 (numPicBullet*, abstractNum*, num*,
    /// numIdMacAtCleanup?), the added abstract lists go after the template's last
    /// `w:abstractNum` (else its last `w:numPicBullet`, else first) and the added lists
    /// after its last `w:num` (else right after the added abstract lists).
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let children = &self.doc.root.children;
        let last = |local: &str| {
            children.iter().rposition(|n| matches!(n, Node::Element(e) if e.is_w(local)))
        };
        let abstracts_at =
            last("abstractNum").or_else(|| last("numPicBullet")).map_or(0, |i| i + 1);
        let nums_at = last("num").map_or(abstracts_at, |i| i + 1);
        let mut inserts = [
            (abstracts_at, self.added_abstracts.as_slice()),
            (nums_at, self.added_nums.as_slice()),
        ];
        inserts.sort_by_key(|(at, _)| *at);
        xml::serialize_inserting(&self.doc, &inserts).into_bytes()
    }

    /// The root child at `index`, if it is an element.
    fn child(&self, index: usize) -> Option<&Element> {
        match self.doc.root.children.get(index)? {
            Node::Element(e) => Some(e),
            _ => None,
        }
    }

    fn num(&self, num_id: u32) -> Option<&Element> {
        let id = num_id.to_string();
        match self.nums.get(&id) {
            Some(&index) => self.child(index),
            None => self.added_nums.get(num_id.checked_sub(self.first_num)? as usize),
        }
    }

    fn abstract_num(&self, abstract_id: &str) -> Option<&Element> {
        match self.abstracts.get(abstract_id) {
            Some(&index) => self.child(index),
            None => {
                let id = abstract_id.parse::<u32>().ok()?;
                if id.to_string() != abstract_id {
                    return None;
                }
                self.added_abstracts.get(id.checked_sub(self.first_abstract)? as usize)
            }
        }
    }

    /// The `w:lvl` elements list `num_id` uses, level by level, with what the planner
    /// reads of each once its `w:lvlOverride`s apply; an abstract list linked to a
    /// numbering style (`w:numStyleLink`) is followed once.
    fn levels(&self, num_id: u32, styles: &Styles) -> Option<Vec<Option<Level<'_>>>> {
        let num = self.num(num_id)?;
        let abstract_id = num.first_w("abstractNumId")?.get("val")?;
        let mut abstract_num = self.abstract_num(&abstract_id)?;
        if let Some(link) =
            abstract_num.first_w("numStyleLink").and_then(|l| l.get("val"))
        {
            let (linked_num, _) = styles.numbering(&link)?;
            let linked = self.num(linked_num)?.first_w("abstractNumId")?.get("val")?;
            abstract_num = self.abstract_num(&linked)?;
        }
        let mut levels: Vec<Option<Level<'_>>> = vec![None; LEVELS];
        let slot_of = |e: &Element| e.get("ilvl").and_then(|i| i.parse::<usize>().ok());
        for lvl in abstract_num.elements().filter(|e| e.is_w("lvl")) {
            if let Some(slot) = slot_of(lvl).and_then(|i| levels.get_mut(i)) {
                *slot = Some(Level { lvl, info: level_info(lvl) });
            }
        }
        for over in num.elements().filter(|e| e.is_w("lvlOverride")) {
            let Some(slot) = slot_of(over).and_then(|i| levels.get_mut(i)) else {
                continue;
            };
            if let Some(lvl) = over.first_w("lvl") {
                *slot = Some(Level { lvl, info: level_info(lvl) });
            }
            if let (Some(start), Some(level)) =
                (over.first_w("startOverride").and_then(|s| s.get("val")), slot.as_mut())
            {
                // As read back from a `w:start` written with this value.
                level.info.start =
                    xml::unescape(&xml::escape(&start)).parse().unwrap_or(0);
            }
        }
        Some(levels)
    }

    /// Adds an abstract list with `levels` and a `w:num` for it; returns the `numId`.
    fn add_list(
        &mut self,
        levels: Vec<Element>,
        multi_level_type: &str,
        name: &str,
    ) -> u32 {
        let abstract_id =
            self.first_abstract.saturating_add(self.added_abstracts.len() as u32);
        let num_id = self.first_num.saturating_add(self.added_nums.len() as u32);
        let w = &self.w;
        let mut abstract_num = w
            .with(w.el("abstractNum"), "abstractNumId", &abstract_id.to_string())
            .child(w.val(
                "nsid",
                &format!("{:08X}", 0x4D32_0000_u32.wrapping_add(abstract_id)),
            ))
            .child(w.val("multiLevelType", multi_level_type))
            .child(w.val("name", name));
        for lvl in levels {
            abstract_num = abstract_num.child(lvl);
        }
        let num = w
            .with(w.el("num"), "numId", &num_id.to_string())
            .child(w.val("abstractNumId", &abstract_id.to_string()));
        self.added_abstracts.push(abstract_num);
        self.added_nums.push(num);
        num_id
    }

    /// The `numId` of a list whose levels show nothing, added once: it turns off the
    /// numbering a paragraph's style would give it (an unnumbered heading in a heading
    /// style, a numbered item showing its own number). `numId` 0 would say the same, but
    /// validators want every referenced list defined.
    pub(crate) fn plain_list(&mut self) -> u32 {
        if let Some(num_id) = self.plain {
            return num_id;
        }
        let w = self.w.clone();
        let levels = (0..LEVELS)
            .map(|k| {
                w.with(w.el("lvl"), "ilvl", &k.to_string())
                    .child(w.val("start", "1"))
                    .child(w.val("numFmt", "none"))
                    .child(w.val("lvlText", ""))
                    .child(w.val("lvlJc", "left"))
                    .child(w.el("pPr").child(w.with(
                        w.with(w.el("ind"), "left", "0"),
                        "hanging",
                        "0",
                    )))
            })
            .collect();
        let num_id = self.add_list(levels, "multilevel", "minutes unnumbered");
        self.plain = Some(num_id);
        num_id
    }

    /// The `numId` of the bullet list: the bullet style's own list when its levels up to
    /// `max_ilvl` are all bullets, else a new bullet list added once.
    pub(crate) fn bullet_list(
        &mut self,
        styles: &Styles,
        bullet_style: Option<&str>,
        max_ilvl: usize,
    ) -> u32 {
        if let Some(num_id) = self.bullet {
            return num_id;
        }
        let all_bullets = |num_id: u32| {
            self.levels(num_id, styles).is_some_and(|levels| {
                levels
                    .iter()
                    .take(max_ilvl + 1)
                    .all(|l| l.as_ref().is_some_and(|l| l.info.format == "bullet"))
            })
        };
        let num_id = match bullet_style
            .and_then(|s| styles.numbering(s))
            .filter(|(n, _)| all_bullets(*n))
        {
            Some((num_id, _)) => num_id,
            None => {
                let w = self.w.clone();
                let levels = (0..LEVELS)
                    .map(|k| {
                        let glyph = ["•", "–", "▪"].get(k % 3).copied().unwrap_or("•");
                        let left = 360 * (k + 1);
                        w.with(w.el("lvl"), "ilvl", &k.to_string())
                            .child(w.val("start", "1"))
                            .child(w.val("numFmt", "bullet"))
                            .child(w.val("lvlText", glyph))
                            .child(w.val("lvlJc", "left"))
                            .child(w.el("pPr").child(w.with(
                                w.with(w.el("ind"), "left", &left.to_string()),
                                "hanging",
                                "360",
                            )))
                    })
                    .collect();
                self.add_list(levels, "hybridMultilevel", "minutes bullets")
            }
        };
        self.bullet = Some(num_id);
        num_id
    }

    /// Plans the numbering of every heading, in document order.
    pub(crate) fn plan_headings(
        &mut self,
        headings: &[HeadingRequest],
        styles: &Styles,
    ) -> Result<Vec<HeadingNumber>> {
        let mut plans = Vec::with_capacity(headings.len());
        // Counters of the lists in use, by numId.
        let mut counters: HashMap<u32, [Option<i64>; LEVELS]> = HashMap::new();
        let mut level_cache: HashMap<u32, Vec<Option<LevelInfo>>> = HashMap::new();
        // The fresh list the headings continue in, once one was started.
        let mut fresh: Option<u32> = None;
        for heading in headings {
            let ilvl = heading
                .style_numbering
                .map_or_else(
                    || heading.depth.saturating_sub(1),
                    |(_, ilvl)| ilvl as usize,
                )
                .min(LEVELS - 1);
            let style_num = heading
                .style_numbering
                .map(|(n, _)| n)
                .filter(|n| self.num(*n).is_some());
            let candidate = fresh.or(style_num);
            if let Some(num_id) = candidate {
                let levels = level_cache.entry(num_id).or_insert_with(|| {
                    self.levels(num_id, styles).map_or_else(
                        || vec![None; LEVELS],
                        |levels| levels.into_iter().map(|l| l.map(|l| l.info)).collect(),
                    )
                });
                let mut next = counters.get(&num_id).copied().unwrap_or([None; LEVELS]);
                advance(&mut next, ilvl, levels);
                if display(&next, ilvl, levels).as_deref() == Some(heading.number.trim())
                {
                    counters.insert(num_id, next);
                    let num_id = (Some(num_id) != style_num).then_some(num_id);
                    plans.push(HeadingNumber { ilvl: ilvl as u32, num_id });
                    continue;
                }
            }
            // Start a fresh list showing this heading's number.
            // The template's own levels give the formatting (a fresh list's literal texts would
            // leak its prefix into the next one).
            let levels = {
                let base = style_num
                    .and_then(|n| self.levels(n, styles))
                    .unwrap_or_else(|| vec![None; LEVELS]);
                self.fresh_levels(&base, ilvl, heading.number.trim())
            };
            let infos_new: Vec<Option<LevelInfo>> =
                levels.iter().map(|l| Some(level_info(l))).collect();
            let num_id = self.add_list(levels, "multilevel", "minutes headings");
            level_cache.insert(num_id, infos_new.clone());
            let mut next = [None; LEVELS];
            advance(&mut next, ilvl, &infos_new);
            counters.insert(num_id, next);
            fresh = Some(num_id);
            plans.push(HeadingNumber { ilvl: ilvl as u32, num_id: Some(num_id) });
        }
        Ok(plans)
    }

    /// The levels of a fresh list whose level `ilvl` first shows `number`.
    fn fresh_levels(
        &self,
        base: &[Option<Level<'_>>],
        ilvl: usize,
        number: &str,
    ) -> Vec<Element> {
        let clean: String = number.chars().filter(|c| *c != '%').collect();
        let (prefix, last) = match clean.rfind('.') {
            Some(at) => (
                clean.get(..=at).unwrap_or_default(),
                clean.get(at + 1..).unwrap_or_default(),
            ),
            None => ("", clean.as_str()),
        };
        let numeric = !last.is_empty()
            && last.len() <= 9
            && last.bytes().all(|b| b.is_ascii_digit());
        let own_text =
            if numeric { format!("{prefix}%{}", ilvl + 1) } else { clean.clone() };
        let start: i64 = if numeric { last.parse().unwrap_or(1) } else { 1 };
        let mut levels = Vec::with_capacity(LEVELS);
        let mut deeper_text = own_text.clone();
        for k in 0..LEVELS {
            let level = base.get(k).and_then(Option::as_ref);
            let template = level.map(|l| l.lvl);
            let info = level.map(|l| l.info.clone());
            let (start, format, text) = match k.cmp(&ilvl) {
                std::cmp::Ordering::Less => {
                    let info = info.unwrap_or_else(|| default_info(k));
                    (info.start, info.format, info.text)
                }
                std::cmp::Ordering::Equal => {
                    (start, "decimal".to_string(), own_text.clone())
                }
                std::cmp::Ordering::Greater => {
                    deeper_text = format!("{deeper_text}.%{}", k + 1);
                    let start = info.map_or(1, |i| i.start);
                    (start, "decimal".to_string(), deeper_text.clone())
                }
            };
            levels.push(self.rebuild_level(template, k, start, &format, &text));
        }
        levels
    }

    /// A `w:lvl` for level `k` keeping the template level's suffix, justification and
    /// formatting (`w:suff`, `w:lvlJc`, `w:pPr`, `w:rPr`) but not its `w:pStyle` link.
    fn rebuild_level(
        &self,
        template: Option<&Element>,
        k: usize,
        start: i64,
        format: &str,
        text: &str,
    ) -> Element {
        let w = &self.w;
        let keep = |local: &str| template.and_then(|t| t.first_w(local)).cloned();
        let mut lvl = w
            .with(w.el("lvl"), "ilvl", &k.to_string())
            .child(w.val("start", &start.max(0).to_string()))
            .child(w.val("numFmt", format));
        if let Some(restart) = keep("lvlRestart") {
            lvl = lvl.child(restart);
        }
        if let Some(suff) = keep("suff") {
            lvl = lvl.child(suff);
        }
        lvl = lvl.child(w.val("lvlText", text));
        lvl = lvl.child(keep("lvlJc").unwrap_or_else(|| w.val("lvlJc", "left")));
        match keep("pPr") {
            Some(ppr) => lvl = lvl.child(ppr),
            None => {
                let indent = (567 + 284 * k).to_string();
                lvl = lvl.child(w.el("pPr").child(w.with(
                    w.with(w.el("ind"), "left", &indent),
                    "hanging",
                    &indent,
                )));
            }
        }
        if let Some(rpr) = keep("rPr") {
            lvl = lvl.child(rpr);
        }
        lvl
    }
}

fn level_info(lvl: &Element) -> LevelInfo {
    let val = |local: &str| lvl.first_w(local).and_then(|e| e.get("val"));
    LevelInfo {
        // ECMA-376 §17.9.25: an omitted w:start means 0.
        start: val("start").and_then(|v| v.parse().ok()).unwrap_or(0),
        format: val("numFmt").unwrap_or_else(|| "decimal".to_string()),
        text: val("lvlText").unwrap_or_default(),
    }
}

fn default_info(k: usize) -> LevelInfo {
    let text = (1..=k + 1).map(|i| format!("%{i}")).collect::<Vec<_>>().join(".");
    LevelInfo { start: 1, format: "decimal".to_string(), text }
}

/// Advances level `ilvl`'s counter and restarts the deeper levels.
fn advance(
    counters: &mut [Option<i64>; LEVELS],
    ilvl: usize,
    levels: &[Option<LevelInfo>],
) {
    let start = levels.get(ilvl).cloned().flatten().map_or(0, |l| l.start);
    if let Some(slot) = counters.get_mut(ilvl) {
        *slot = Some(slot.map_or(start, |v| v.saturating_add(1)));
    }
    for slot in counters.iter_mut().skip(ilvl + 1) {
        *slot = None;
    }
}

/// The number level `ilvl` shows with `counters`, or `None` when it depends on a level
/// that has no value (a parent level never used in this list) or on a format the
/// planner does not model.
fn display(
    counters: &[Option<i64>; LEVELS],
    ilvl: usize,
    levels: &[Option<LevelInfo>],
) -> Option<String> {
    let level = levels.get(ilvl)?.as_ref()?;
    let mut out = String::new();
    let mut chars = level.text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let digit = chars.next()?.to_digit(10)? as usize;
        let k = digit.checked_sub(1)?;
        let value = (*counters.get(k)?)?;
        match levels.get(k)?.as_ref()?.format.as_str() {
            "decimal" => out.push_str(&value.to_string()),
            "decimalZero" => out.push_str(&format!("{value:02}")),
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;
    use crate::docx::xml::parse;

    const BUILTIN_STYLES: &str =
        include_str!("../../../../templates/onem2m-minutes/word/styles.xml");
    const BUILTIN_NUMBERING: &str =
        include_str!("../../../../templates/onem2m-minutes/word/numbering.xml");

    fn plan(numbers: &[&str]) -> (Vec<HeadingNumber>, Numbering<'static>) {
        let styles = Styles::from_tree(
            &super::super::xml::parse(BUILTIN_STYLES.as_bytes(), "s").unwrap(),
        );
        let template =
            Box::leak(Box::new(parse(BUILTIN_NUMBERING.as_bytes(), "n").unwrap()));
        let mut numbering = Numbering::new(Some(template));
        let requests: Vec<HeadingRequest> = numbers
            .iter()
            .map(|n| {
                let depth = n.split('.').count();
                let style = styles.heading(depth).unwrap();
                HeadingRequest {
                    number: n.to_string(),
                    depth,
                    style_numbering: styles.numbering(&style),
                }
            })
            .collect();
        let plans = numbering.plan_headings(&requests, &styles).unwrap();
        (plans, numbering)
    }

    #[test]
    fn regular_numbers_use_the_style_numbering() {
        let (plans, numbering) = plan(&["1", "1.1", "1.2", "2", "2.1", "2.1.1", "3"]);
        assert!(plans.iter().all(|p| p.num_id.is_none()), "{plans:?}");
        assert!(!numbering.changed());
    }

    #[test]
    fn irregular_numbers_start_fresh_lists() {
        let (plans, numbering) = plan(&["1", "2", "6", "6.0", "6.1", "7", "7.1", "7.3"]);
        assert_eq!(plans[0].num_id, None);
        assert_eq!(plans[1].num_id, None);
        let six = plans[2].num_id.unwrap();
        let six_zero = plans[3].num_id.unwrap();
        assert_ne!(six, six_zero);
        assert_eq!(plans[4].num_id, Some(six_zero));
        let seven = plans[5].num_id.unwrap();
        assert_eq!(plans[6].num_id, Some(seven));
        assert_ne!(plans[7].num_id, Some(seven));
        let text = String::from_utf8(numbering.to_bytes()).unwrap();
        assert!(text.contains(r#"<w:lvlText w:val="6.%2"/>"#), "{text}");
        // Every abstractNum before every num.
        let last_abstract = text.rfind("<w:abstractNum ").unwrap();
        let first_num = text.find("<w:num ").unwrap();
        assert!(last_abstract < first_num);
    }

    #[test]
    fn odd_numbers_are_shown_literally() {
        let (plans, numbering) = plan(&["A", "B.1"]);
        assert!(plans.iter().all(|p| p.num_id.is_some()));
        let text = String::from_utf8(numbering.to_bytes()).unwrap();
        assert!(text.contains(r#"<w:lvlText w:val="A"/>"#), "{text}");
        assert!(text.contains(r#"<w:lvlText w:val="B.%2"/>"#), "{text}");
    }

    #[test]
    fn display_needs_every_parent() {
        let levels = vec![None, None];
        assert_eq!(display(&[None; LEVELS], 0, &levels), None);
        let levels = vec![Some(default_info(0)), Some(default_info(1))];
        let mut counters = [None; LEVELS];
        advance(&mut counters, 1, &levels);
        assert_eq!(display(&counters, 1, &levels), None);
        advance(&mut counters, 0, &levels);
        advance(&mut counters, 1, &levels);
        assert_eq!(display(&counters, 1, &levels).as_deref(), Some("1.1"));
    }
}

//! The body of the minutes: numbered section headings, contribution tables, the
//! discussion (document headings, paragraphs, bullets, decisions), action items and
//! other tables, written as WordprocessingML text in schema order (ECMA-376 Part 1
//! §17.3.1.26 `w:pPr`, §17.3.2.28 `w:rPr`, §17.4.60 `w:tblPr`, §17.4.70 `w:tcPr`).
//!
//! The body is streamed: each paragraph or table row is written into an [`Emitter`]
//! whose text is drained into the main part as it grows, so a meeting of any size is
//! written in constant memory. The numbering is planned first ([`BodyWriter::plan`]):
//! the numbering part must be complete before the body refers to its lists.

use std::borrow::Cow;
use std::io::Write;

use minutes_model::{Block, Decision, DocumentHeading, Meeting, Section};

use super::emit::Emitter;
use super::numbering::{HeadingNumber, HeadingRequest, Numbering};
use super::styles::{names, Styles};
use crate::Result;

/// The header row of contribution tables.
pub(crate) const CONTRIBUTION_HEADER: [&str; 3] = ["Tdoc number", "Title", "Source"];
/// The header row of the action-item table.
pub(crate) const ACTION_HEADER: [&str; 4] = ["REFERENCE", "WHAT", "WHO", "STATUS"];

/// The template's styles the body uses, resolved once by name.
#[derive(Debug, Clone, Default)]
struct BodyStyles {
    headings: Vec<Option<String>>,
    document_heading: Option<String>,
    bullet: Option<String>,
    decision: Option<String>,
    table_text: Option<String>,
    contribution_table: Option<String>,
    action_table: Option<String>,
    plain_table: Option<String>,
}

impl BodyStyles {
    /// The heading style of a section at `depth` (1 for top level).
    fn heading(&self, depth: usize) -> Option<&str> {
        self.headings.get(depth.clamp(1, 9) - 1).and_then(Option::as_deref)
    }
}

/// Writes the body content for a meeting.
pub(crate) struct BodyWriter {
    out: Emitter,
    styles: BodyStyles,
    text_width: u32,
    /// The heading numbers, one per section in document order, and the next one's index.
    plans: Vec<HeadingNumber>,
    next_plan: usize,
    bullet_num: Option<u32>,
    /// The list that shows no number, for paragraphs whose style would number them.
    plain_num: Option<u32>,
    /// Which of the meeting's action items a table has shown.
    action_items_written: Vec<bool>,
}

impl BodyWriter {
    /// A writer using the template's `styles`, for a main part binding WordprocessingML
    /// to `prefix` and a text column `text_width` twips wide.
    pub(crate) fn new(prefix: &str, styles: &Styles, text_width: u32) -> BodyWriter {
        let body_styles = BodyStyles {
            headings: (1..=9).map(|depth| styles.heading(depth)).collect(),
            document_heading: styles.find("paragraph", names::DOCUMENT_HEADING),
            bullet: styles.find("paragraph", names::BULLET),
            decision: styles.find("character", names::DECISION_STATUS),
            table_text: styles.find("paragraph", names::TABLE_TEXT),
            contribution_table: styles.find("table", names::CONTRIBUTION_TABLE),
            action_table: styles.find("table", names::ACTION_TABLE),
            plain_table: styles.find("table", names::PLAIN_TABLE),
        };
        BodyWriter {
            out: Emitter::new(prefix),
            styles: body_styles,
            text_width,
            plans: Vec::new(),
            next_plan: 0,
            bullet_num: None,
            plain_num: None,
            action_items_written: Vec::new(),
        }
    }

    /// Plans the heading numbers and the bullet list of `meeting`, adding the lists they
    /// need to `numbering`.
    pub(crate) fn plan(
        &mut self,
        meeting: &Meeting,
        numbering: &mut Numbering<'_>,
        styles: &Styles,
    ) -> Result<()> {
        let mut requests = Vec::new();
        collect_headings(&meeting.sections, 1, &mut requests, &self.styles, styles);
        self.plans = numbering.plan_headings(&requests, styles)?;
        self.next_plan = 0;
        if needs_plain_list(&meeting.sections) {
            self.plain_num = Some(numbering.plain_list());
        }
        if let Some(deepest) = deepest_bullet(&meeting.sections) {
            let max_ilvl = usize::from(deepest.saturating_sub(1)).min(8);
            self.bullet_num = Some(numbering.bullet_list(
                styles,
                self.styles.bullet.as_deref(),
                max_ilvl,
            ));
        }
        Ok(())
    }

    /// Writes the body elements of the whole meeting, in order, into `sink`.
    pub(crate) fn write(mut self, meeting: &Meeting, sink: &mut dyn Write) -> Result<()> {
        self.action_items_written = vec![false; meeting.action_items.len()];
        self.sections(&meeting.sections, 1, meeting, sink)?;
        // Action items no table of the body showed (a model without their place) close
        // the body.
        let unplaced: Vec<usize> = (0..meeting.action_items.len())
            .filter(|&i| !self.action_items_written.get(i).copied().unwrap_or(true))
            .collect();
        if !unplaced.is_empty() {
            let o = &mut self.out;
            o.start("p");
            o.start("pPr").empty("keepNext");
            o.start("spacing").attr("before", "240").end();
            o.end();
            o.start("r");
            o.start("rPr").empty("b").empty("bCs").end();
            text_element(o, "Action items");
            o.end().end();
            self.action_table(meeting, &unplaced, &[], sink)?;
        }
        self.out.drain(sink)?;
        Ok(())
    }

    fn sections(
        &mut self,
        sections: &[Section],
        depth: usize,
        meeting: &Meeting,
        sink: &mut dyn Write,
    ) -> Result<()> {
        for section in sections {
            let numbered = !section.number.trim().is_empty();
            let plan = if numbered {
                self.next_plan += 1;
                self.plans.get(self.next_plan - 1).copied()
            } else {
                None
            };
            if numbered || !section.title.trim().is_empty() {
                self.heading(section, depth, plan);
            }
            // Models written before contribution tables had a place: theirs open the
            // section.
            let placed =
                section.blocks.iter().any(|b| matches!(b, Block::Contributions { .. }));
            if !placed && !section.contributions.is_empty() {
                self.contribution_rows(&section.contributions, sink)?;
                // Keeps the next table apart from this one.
                self.out.empty("p");
            }
            self.out.drain_if_full(sink)?;
            let mut previous: Option<&Block> = None;
            for block in &section.blocks {
                // One line that decides several documents (`X and Y were agreed`,
                // `NOTED - X/-Y`) is several decisions with the same text: write it once,
                // or reading the document back would decide them twice.
                let repeated = matches!(
                    (previous, block),
                    (Some(Block::Decision(a)), Block::Decision(b))
                        if a.as_written == b.as_written && a.location == b.location && !a.as_written.is_empty()
                );
                if !repeated {
                    self.block(block, section, meeting, sink)?;
                    self.out.drain_if_full(sink)?;
                }
                previous = Some(block);
            }
            self.sections(&section.sections, depth + 1, meeting, sink)?;
        }
        Ok(())
    }

    fn heading(&mut self, section: &Section, depth: usize, plan: Option<HeadingNumber>) {
        let style = self.styles.heading(depth);
        let o = &mut self.out;
        o.start("p").start("pPr");
        match style {
            Some(style) => o.val("pStyle", style),
            None => o.empty("keepNext"),
        };
        if let Some(HeadingNumber { ilvl, num_id: Some(num_id) }) = plan {
            o.start("numPr").val_num("ilvl", ilvl).val_num("numId", num_id).end();
        } else if let (true, Some(_), Some(plain)) =
            (section.number.trim().is_empty(), style, self.plain_num)
        {
            // An unnumbered heading: the plain list turns off the style's numbering.
            o.start("numPr").val_num("ilvl", 0u32).val_num("numId", plain).end();
        }
        if style.is_none() {
            // No heading style: the outline level still makes it a heading.
            let level = u32::try_from(depth.clamp(1, 9) - 1).unwrap_or(0);
            o.val_num("outlineLvl", level);
        }
        o.end();
        if !section.title.is_empty() {
            o.start("r");
            if style.is_none() {
                o.start("rPr").empty("b").empty("bCs").end();
            }
            run_content(o, &section.title);
            o.end();
        }
        o.end();
    }

    fn block(
        &mut self,
        block: &Block,
        section: &Section,
        meeting: &Meeting,
        sink: &mut dyn Write,
    ) -> Result<()> {
        match block {
            // A table row that is a document's heading: the table shows it.
            Block::Document(heading) if heading.in_table => {}
            Block::Document(heading) => {
                let style = self.styles.document_heading.as_deref();
                let o = &mut self.out;
                o.start("p").start("pPr");
                match style {
                    Some(style) => o.val("pStyle", style),
                    None => o.empty("keepNext"),
                };
                o.end().start("r");
                if style.is_none() {
                    o.start("rPr").empty("b").empty("bCs").end();
                }
                run_content(o, &document_heading_text(heading));
                o.end().end();
            }
            Block::Heading { level, number, text, .. } => {
                let text = match number {
                    Some(number) if !number.trim().is_empty() => {
                        Cow::Owned(format!("{} {text}", number.trim()))
                    }
                    _ => Cow::Borrowed(text.as_str()),
                };
                self.unnumbered_heading(usize::from(*level), &text);
            }
            Block::Paragraph { text, .. } => {
                let o = &mut self.out;
                o.start("p");
                if !text.is_empty() {
                    o.start("r");
                    run_content(o, text);
                    o.end();
                }
                o.end();
            }
            Block::Bullet { level, text, label, .. } => {
                let o = &mut self.out;
                o.start("p").start("pPr");
                if let Some(style) = &self.styles.bullet {
                    o.val("pStyle", style);
                }
                match (label, self.bullet_num) {
                    // A numbered item shows its number as the draft did, as text.
                    (Some(_), _) => {
                        if let (Some(_), Some(plain)) =
                            (&self.styles.bullet, self.plain_num)
                        {
                            o.start("numPr")
                                .val_num("ilvl", 0u32)
                                .val_num("numId", plain)
                                .end();
                        }
                    }
                    (None, Some(num_id)) => {
                        let ilvl = level.saturating_sub(1).min(8);
                        o.start("numPr")
                            .val_num("ilvl", ilvl)
                            .val_num("numId", num_id)
                            .end();
                    }
                    _ => {}
                }
                o.end();
                let text = match label {
                    Some(label) => Cow::Owned(format!("{label}\t{text}")),
                    None => Cow::Borrowed(text.as_str()),
                };
                if !text.is_empty() {
                    o.start("r");
                    run_content(o, &text);
                    o.end();
                }
                o.end();
            }
            Block::Decision(decision) if decision.in_table => {}
            Block::Decision(decision) => self.decision(decision),
            Block::ActionItems { items, header, .. } => {
                let rows: Vec<usize> = match items {
                    Some(range) => range
                        .clone()
                        .filter(|&i| i < meeting.action_items.len())
                        .collect(),
                    // A model without the table's rows: all not yet shown.
                    None => (0..meeting.action_items.len())
                        .filter(|&i| {
                            !self.action_items_written.get(i).copied().unwrap_or(true)
                        })
                        .collect(),
                };
                if items.is_some() || !rows.is_empty() {
                    self.action_table(meeting, &rows, header, sink)?;
                    self.out.empty("p");
                }
            }
            Block::Contributions { contributions, rows, header, .. } => {
                let style = self.styles.contribution_table.clone();
                if rows.is_empty() {
                    let listed = section
                        .contributions
                        .get(contributions.clone())
                        .unwrap_or_default();
                    self.contribution_rows(listed, sink)?;
                } else {
                    let (head, body) = match rows.split_first() {
                        Some((first, rest)) if *header => (Some(first), rest),
                        _ => (None, rows.as_slice()),
                    };
                    let head: Option<Vec<&str>> =
                        head.map(|h| h.iter().map(String::as_str).collect());
                    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
                    let widths = contribution_widths(columns);
                    self.table(
                        style.as_deref(),
                        &widths,
                        head.as_deref(),
                        body.iter(),
                        sink,
                    )?;
                }
                self.out.empty("p");
            }
            Block::Table { rows, .. } => {
                let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
                if columns == 0 {
                    return Ok(());
                }
                let share = u32::try_from(100 / columns).unwrap_or(0);
                let widths = vec![share; columns];
                let style = self.styles.plain_table.clone();
                self.table(style.as_deref(), &widths, None, rows.iter(), sink)?;
                self.out.empty("p");
            }
        }
        Ok(())
    }

    /// A heading of the draft that is not a section: the heading style of its level, its
    /// numbering turned off (it shows what the draft showed).
    fn unnumbered_heading(&mut self, level: usize, text: &str) {
        let style = self.styles.heading(level.max(1));
        let o = &mut self.out;
        o.start("p").start("pPr");
        match style {
            Some(style) => {
                o.val("pStyle", style);
                if let Some(plain) = self.plain_num {
                    o.start("numPr").val_num("ilvl", 0u32).val_num("numId", plain).end();
                }
            }
            None => {
                o.empty("keepNext");
                let level = u32::try_from(level.clamp(1, 9) - 1).unwrap_or(0);
                o.val_num("outlineLvl", level);
            }
        }
        o.end();
        if !text.is_empty() {
            o.start("r");
            if style.is_none() {
                o.start("rPr").empty("b").empty("bCs").end();
            }
            run_content(o, text);
            o.end();
        }
        o.end();
    }

    /// A contribution table of model entries: Tdoc number | Title | Source.
    fn contribution_rows(
        &mut self,
        contributions: &[minutes_model::Contribution],
        sink: &mut dyn Write,
    ) -> Result<()> {
        let rows = contributions.iter().map(|c| {
            [
                Cow::Owned(c.tdoc.to_string()),
                Cow::Borrowed(c.title.as_str()),
                Cow::Borrowed(c.source.as_str()),
            ]
        });
        let style = self.styles.contribution_table.clone();
        self.table(
            style.as_deref(),
            &[27, 48, 25],
            Some(&CONTRIBUTION_HEADER),
            rows,
            sink,
        )
    }

    /// A paragraph with exactly `decision.as_written`, its status phrase in bold.
    fn decision(&mut self, decision: &Decision) {
        let text = if decision.as_written.is_empty() {
            let tdoc = if decision.tdoc_as_written.is_empty() {
                decision.tdoc.to_string()
            } else {
                decision.tdoc_as_written.clone()
            };
            let mut text = format!("{} - {tdoc}", decision.status_as_written);
            if let Some(title) = &decision.title {
                text.push_str(" - ");
                text.push_str(title);
            }
            Cow::Owned(text)
        } else {
            Cow::Borrowed(decision.as_written.as_str())
        };
        let (before, status, after) = split_status(&text, &decision.status_as_written);
        let o = &mut self.out;
        let plain = |o: &mut Emitter, text: &str| {
            if !text.is_empty() {
                o.start("r");
                run_content(o, text);
                o.end();
            }
        };
        o.start("p");
        plain(o, before);
        if !status.is_empty() {
            o.start("r").start("rPr");
            if let Some(style) = &self.styles.decision {
                o.val("rStyle", style);
            }
            o.empty("b").empty("bCs").end();
            run_content(o, status);
            o.end();
        }
        plain(o, after);
        o.end();
    }

    /// The action-item table of the items at `indices` of the meeting's list, under the
    /// draft's `header` (the usual one when empty).
    fn action_table(
        &mut self,
        meeting: &Meeting,
        indices: &[usize],
        header: &[String],
        sink: &mut dyn Write,
    ) -> Result<()> {
        let header: Vec<&str> = if header.is_empty() {
            ACTION_HEADER.to_vec()
        } else {
            header.iter().map(String::as_str).collect()
        };
        for &i in indices {
            if let Some(written) = self.action_items_written.get_mut(i) {
                *written = true;
            }
        }
        let rows = indices.iter().filter_map(|&i| meeting.action_items.get(i)).map(|a| {
            [a.reference.as_str(), a.what.as_str(), a.who.as_str(), a.status.as_str()]
        });
        let style = self.styles.action_table.clone();
        self.table(style.as_deref(), &[18, 50, 18, 14], Some(&header), rows, sink)
    }

    /// A table with an optional header row (bold, repeated on every page) and text rows;
    /// `percents` gives the column widths as shares of the text column.
    fn table<R, S>(
        &mut self,
        style: Option<&str>,
        percents: &[u32],
        header: Option<&[&str]>,
        rows: impl Iterator<Item = R>,
        sink: &mut dyn Write,
    ) -> Result<()>
    where
        R: AsRef<[S]>,
        S: AsRef<str>,
    {
        let total: u32 = percents.iter().sum::<u32>().max(1);
        let widths: Vec<u32> =
            percents.iter().map(|p| self.text_width * p / total).collect();
        let full: u32 = widths.iter().sum();
        let o = &mut self.out;
        o.start("tbl").start("tblPr");
        if let Some(style) = style {
            o.val("tblStyle", style);
        }
        o.start("tblW").attr_num("w", full).attr("type", "dxa").end();
        if style.is_none() {
            o.start("tblBorders");
            for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                o.start(side)
                    .attr("val", "single")
                    .attr("sz", "4")
                    .attr("space", "0")
                    .attr("color", "auto")
                    .end();
            }
            o.end();
        }
        o.start("tblLayout").attr("type", "fixed").end();
        o.start("tblLook")
            .attr("val", "04A0")
            .attr("firstRow", if header.is_some() { "1" } else { "0" })
            .attr("lastRow", "0")
            .attr("firstColumn", "0")
            .attr("lastColumn", "0")
            .attr("noHBand", "0")
            .attr("noVBand", "1")
            .end();
        o.end().start("tblGrid");
        for width in &widths {
            o.start("gridCol").attr_num("w", *width).end();
        }
        o.end();
        if let Some(header) = header {
            self.row(&widths, header, true);
        }
        for row in rows {
            self.row(&widths, row.as_ref(), false);
            self.out.drain_if_full(sink)?;
        }
        self.out.end();
        Ok(())
    }

    fn row<S: AsRef<str>>(&mut self, widths: &[u32], cells: &[S], header: bool) {
        let table_text = self.styles.table_text.as_deref();
        let o = &mut self.out;
        o.start("tr");
        // A row is never split across pages; the header row repeats on each.
        o.start("trPr").empty("cantSplit");
        if header {
            o.empty("tblHeader");
        }
        o.end();
        for (i, width) in widths.iter().enumerate() {
            let text = cells.get(i).map(AsRef::as_ref).unwrap_or_default();
            o.start("tc");
            o.start("tcPr").start("tcW").attr_num("w", *width).attr("type", "dxa").end();
            o.end();
            // A cell's "\n" separates paragraphs.
            for line in text.split('\n') {
                o.start("p");
                if let Some(style) = table_text {
                    o.start("pPr").val("pStyle", style).end();
                }
                if !line.is_empty() {
                    o.start("r");
                    if header {
                        o.start("rPr").empty("b").empty("bCs").end();
                    }
                    run_content(o, line);
                    o.end();
                }
                o.end();
            }
            o.end();
        }
        o.end();
    }
}

fn collect_headings(
    sections: &[Section],
    depth: usize,
    out: &mut Vec<HeadingRequest>,
    body: &BodyStyles,
    styles: &Styles,
) {
    for section in sections {
        if section.number.trim().is_empty() {
            // Unnumbered: no number to plan.
            collect_headings(&section.sections, depth + 1, out, body, styles);
            continue;
        }
        out.push(HeadingRequest {
            number: section.shown_number().to_string(),
            depth,
            style_numbering: body.heading(depth).and_then(|s| styles.numbering(s)),
        });
        collect_headings(&section.sections, depth + 1, out, body, styles);
    }
}

/// Returns true if and only if some paragraph must not get its style's number: an
/// unnumbered section heading, a heading block, a numbered list item.
fn needs_plain_list(sections: &[Section]) -> bool {
    sections.iter().any(|s| {
        (s.number.trim().is_empty() && !s.title.trim().is_empty())
            || s.blocks.iter().any(|b| {
                matches!(b, Block::Heading { .. } | Block::Bullet { label: Some(_), .. })
            })
            || needs_plain_list(&s.sections)
    })
}

/// The deepest bullet level of the meeting, if it has bullets.
fn deepest_bullet(sections: &[Section]) -> Option<u8> {
    sections
        .iter()
        .flat_map(|s| {
            let own = s.blocks.iter().filter_map(|b| match b {
                Block::Bullet { level, .. } => Some(*level),
                _ => None,
            });
            own.chain(deepest_bullet(&s.sections))
        })
        .max()
}

/// Column shares of a contribution table of `columns` columns as the draft wrote it:
/// Tdoc | Title | Source as usual, any further columns (Decision, …) narrower.
fn contribution_widths(columns: usize) -> Vec<u32> {
    match columns {
        0 | 1 => vec![100],
        2 => vec![30, 70],
        3 => vec![27, 48, 25],
        n => {
            let extra = u32::try_from(n - 3).unwrap_or(1);
            let mut widths = vec![20, 40, 20];
            widths.extend(std::iter::repeat_n(20 / extra.max(1), n - 3));
            widths
        }
    }
}

/// The text of a document heading: as written, else composed from its parts.
pub(crate) fn document_heading_text(heading: &DocumentHeading) -> String {
    if !heading.as_written.is_empty() {
        return heading.as_written.clone();
    }
    let mut text =
        heading.tdocs.iter().map(ToString::to_string).collect::<Vec<_>>().join("/");
    if let Some(title) = &heading.title {
        text.push_str(" - ");
        text.push_str(title);
    } else if let Some(note) = &heading.note {
        text.push(' ');
        text.push_str(note);
    }
    text
}

/// Splits `text` around the first occurrence of `status` (exact, else ignoring ASCII
/// case): before, status, after. Without an occurrence the whole text comes first.
pub(crate) fn split_status<'t>(
    text: &'t str,
    status: &str,
) -> (&'t str, &'t str, &'t str) {
    let status = status.trim();
    if status.is_empty() {
        return (text, "", "");
    }
    let found = text.find(status).or_else(|| {
        text.char_indices().map(|(i, _)| i).find(|&i| {
            text.get(i..i + status.len())
                .is_some_and(|candidate| candidate.eq_ignore_ascii_case(status))
        })
    });
    match found {
        Some(at) => {
            let end = at + status.len();
            match (text.get(..at), text.get(at..end), text.get(end..)) {
                (Some(before), Some(found), Some(after)) => (before, found, after),
                _ => (text, "", ""),
            }
        }
        None => (text, "", ""),
    }
}

fn text_element(o: &mut Emitter, text: &str) {
    o.start("t").attr_as_named("xml:space", "preserve").text(text).end();
}

/// One piece of a run's text: text without line breaks or tabs, a line break, a tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece<'t> {
    /// Text (never empty).
    Text(&'t str),
    /// A line break (`\n`, `\r\n` or `\r`).
    Break,
    /// A tab.
    Tab,
}

/// The pieces of `text` as a run shows them: `w:t` for text, `w:br` for each line
/// break, `w:tab` for each tab.
pub(crate) fn pieces(text: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = text;
    let mut mark: Option<Piece<'_>> = None;
    std::iter::from_fn(move || {
        if let Some(mark) = mark.take() {
            return Some(mark);
        }
        if rest.is_empty() {
            return None;
        }
        let Some(at) = rest.find(['\r', '\n', '\t']) else {
            return Some(Piece::Text(std::mem::take(&mut rest)));
        };
        let (piece, tail) = rest.split_at(at);
        let (separator, after) = if let Some(after) = tail.strip_prefix("\r\n") {
            (Piece::Break, after)
        } else if let Some(after) = tail.strip_prefix('\t') {
            (Piece::Tab, after)
        } else {
            (Piece::Break, tail.get(1..).unwrap_or_default())
        };
        rest = after;
        if piece.is_empty() {
            Some(separator)
        } else {
            mark = Some(separator);
            Some(Piece::Text(piece))
        }
    })
}

/// Writes the content of a run showing `text`: `w:t` pieces with spaces preserved,
/// `w:br` for each newline and `w:tab` for each tab; characters XML 1.0 forbids are
/// dropped.
fn run_content(o: &mut Emitter, text: &str) {
    for piece in pieces(text) {
        match piece {
            Piece::Text(text) => text_element(o, text),
            Piece::Break => {
                o.empty("br");
            }
            Piece::Tab => {
                o.empty("tab");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn splits_status_phrases() {
        assert_eq!(
            split_status("AGREED - SEC-2015-0506- Fix", "AGREED"),
            ("", "AGREED", " - SEC-2015-0506- Fix")
        );
        assert_eq!(
            split_status("SEC-2018-0060R02 was NOTED", "NOTED"),
            ("SEC-2018-0060R02 was ", "NOTED", "")
        );
        assert_eq!(split_status("X was agreed.", "AGREED"), ("X was ", "agreed", "."));
        assert_eq!(split_status("X", "NOTED"), ("X", "", ""));
        assert_eq!(split_status("é NOTED", ""), ("é NOTED", "", ""));
        assert_eq!(split_status("éé", "ÉÉ"), ("éé", "", ""));
    }

    #[test]
    fn run_content_breaks_lines() {
        use Piece::{Break, Tab, Text};
        let all = |text| pieces(text).collect::<Vec<_>>();
        assert_eq!(
            all("a\nb\tc\u{1}"),
            [Text("a"), Break, Text("b"), Tab, Text("c\u{1}")]
        );
        assert_eq!(all("\r\n\r\rx\n"), [Break, Break, Break, Text("x"), Break]);
        assert_eq!(all("\t\t"), [Tab, Tab]);
        assert_eq!(all(""), []);
        let mut o = Emitter::new("w");
        run_content(&mut o, "a\u{1}\n\u{1}");
        assert_eq!(
            o.pending_text(),
            r#"<w:t xml:space="preserve">a</w:t><w:br/><w:t xml:space="preserve"></w:t>"#
        );
    }
}

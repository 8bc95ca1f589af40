//! The body of the minutes: numbered section headings, contribution tables, the
//! discussion (document headings, paragraphs, bullets, decisions), action items and
//! other tables, built as WordprocessingML elements in schema order (ECMA-376 Part 1
//! §17.3.1.26 `w:pPr`, §17.3.2.28 `w:rPr`, §17.4.60 `w:tblPr`, §17.4.70 `w:tcPr`).

use minutes_model::{Block, Decision, DocumentHeading, Meeting, Section};

use super::numbering::{HeadingNumber, HeadingRequest, Numbering};
use super::styles::{names, Styles};
use super::xml::{Element, Node, Wml};
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

/// Builds the body content for `meeting`.
pub(crate) struct BodyWriter<'a> {
    w: Wml,
    styles: BodyStyles,
    numbering: &'a mut Numbering,
    text_width: u32,
    plans: std::vec::IntoIter<HeadingNumber>,
    bullet_num: Option<u32>,
    action_items_written: bool,
}

impl<'a> BodyWriter<'a> {
    /// A writer using the template's `styles` and `numbering`, for a text column
    /// `text_width` twips wide.
    pub(crate) fn new(
        w: Wml,
        styles: &Styles,
        numbering: &'a mut Numbering,
        text_width: u32,
    ) -> BodyWriter<'a> {
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
            w,
            styles: body_styles,
            numbering,
            text_width,
            plans: Vec::new().into_iter(),
            bullet_num: None,
            action_items_written: false,
        }
    }

    /// The body elements of the whole meeting, in order.
    pub(crate) fn write(
        mut self,
        meeting: &Meeting,
        styles: &Styles,
    ) -> Result<Vec<Element>> {
        let mut requests = Vec::new();
        collect_headings(&meeting.sections, 1, &mut requests, &self.styles, styles);
        self.plans = self.numbering.plan_headings(&requests, styles)?.into_iter();
        if let Some(deepest) = deepest_bullet(&meeting.sections) {
            let max_ilvl = usize::from(deepest.saturating_sub(1)).min(8);
            self.bullet_num = Some(self.numbering.bullet_list(
                styles,
                self.styles.bullet.as_deref(),
                max_ilvl,
            ));
        }
        let mut out = Vec::new();
        self.sections(&meeting.sections, 1, meeting, &mut out);
        if !meeting.action_items.is_empty() && !self.action_items_written {
            let w = &self.w;
            let bold = w.el("rPr").child(w.el("b")).child(w.el("bCs"));
            let heading = w
                .el("p")
                .child(
                    w.el("pPr")
                        .child(w.el("keepNext"))
                        .child(w.el("spacing").attr(&w.name("before"), "240")),
                )
                .child(w.el("r").child(bold).child(text_element("Action items", w)));
            out.push(heading);
            out.push(self.action_table(meeting));
        }
        Ok(out)
    }

    fn sections(
        &mut self,
        sections: &[Section],
        depth: usize,
        meeting: &Meeting,
        out: &mut Vec<Element>,
    ) {
        for section in sections {
            let plan = self.plans.next();
            out.push(self.heading(section, depth, plan));
            if !section.contributions.is_empty() {
                let rows = section
                    .contributions
                    .iter()
                    .map(|c| vec![c.tdoc.to_string(), c.title.clone(), c.source.clone()])
                    .collect();
                let style = self.styles.contribution_table.clone();
                out.push(self.table(
                    style.as_deref(),
                    &[27, 48, 25],
                    Some(&CONTRIBUTION_HEADER),
                    rows,
                ));
                // Keeps the next table apart from this one.
                out.push(self.w.el("p"));
            }
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
                    self.block(block, meeting, out);
                }
                previous = Some(block);
            }
            self.sections(&section.sections, depth + 1, meeting, out);
        }
    }

    fn heading(
        &self,
        section: &Section,
        depth: usize,
        plan: Option<HeadingNumber>,
    ) -> Element {
        let w = &self.w;
        let style = self.styles.headings.get(depth.clamp(1, 9) - 1).cloned().flatten();
        let mut ppr = w.el("pPr");
        if let Some(style) = &style {
            ppr = ppr.child(w.val("pStyle", style));
        } else {
            ppr = ppr.child(w.el("keepNext"));
        }
        if let Some(HeadingNumber { ilvl, num_id: Some(num_id) }) = plan {
            ppr = ppr.child(
                w.el("numPr")
                    .child(w.val("ilvl", &ilvl.to_string()))
                    .child(w.val("numId", &num_id.to_string())),
            );
        }
        let mut run = w.el("r");
        if style.is_none() {
            // No heading style: the outline level still makes it a heading.
            ppr = ppr.child(w.val("outlineLvl", &(depth.clamp(1, 9) - 1).to_string()));
            run = run.child(w.el("rPr").child(w.el("b")).child(w.el("bCs")));
        }
        let mut p = w.el("p").child(ppr);
        if !section.title.is_empty() {
            run.children.extend(run_content(&section.title, w));
            p = p.child(run);
        }
        p
    }

    fn block(&mut self, block: &Block, meeting: &Meeting, out: &mut Vec<Element>) {
        let w = self.w.clone();
        match block {
            Block::Document(heading) => {
                let style = self.styles.document_heading.clone();
                let mut ppr = w.el("pPr");
                match &style {
                    Some(style) => ppr = ppr.child(w.val("pStyle", style)),
                    None => ppr = ppr.child(w.el("keepNext")),
                }
                let mut run = w.el("r");
                if style.is_none() {
                    run = run.child(w.el("rPr").child(w.el("b")).child(w.el("bCs")));
                }
                run.children.extend(run_content(&document_heading_text(heading), &w));
                out.push(w.el("p").child(ppr).child(run));
            }
            Block::Paragraph { text, .. } => out.push(paragraph(&w, None, text)),
            Block::Bullet { level, text, .. } => {
                let mut ppr = w.el("pPr");
                if let Some(style) = &self.styles.bullet {
                    ppr = ppr.child(w.val("pStyle", style));
                }
                if let Some(num_id) = self.bullet_num {
                    let ilvl = level.saturating_sub(1).min(8);
                    ppr = ppr.child(
                        w.el("numPr")
                            .child(w.val("ilvl", &ilvl.to_string()))
                            .child(w.val("numId", &num_id.to_string())),
                    );
                }
                let mut p = w.el("p").child(ppr);
                if !text.is_empty() {
                    let mut run = w.el("r");
                    run.children.extend(run_content(text, &w));
                    p = p.child(run);
                }
                out.push(p);
            }
            Block::Decision(decision) => out.push(self.decision(decision)),
            Block::ActionItems { .. } => {
                if !self.action_items_written {
                    self.action_items_written = true;
                    out.push(self.action_table(meeting));
                    out.push(w.el("p"));
                }
            }
            Block::Table { rows, .. } => {
                let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
                if columns == 0 {
                    return;
                }
                let widths = vec![100 / columns as u32; columns];
                let rows = rows
                    .iter()
                    .map(|row| {
                        let mut row = row.clone();
                        row.resize(columns, String::new());
                        row
                    })
                    .collect();
                let style = self.styles.plain_table.clone();
                out.push(self.table(style.as_deref(), &widths, None, rows));
                out.push(w.el("p"));
            }
        }
    }

    /// A paragraph with exactly `decision.as_written`, its status phrase in bold.
    fn decision(&self, decision: &Decision) -> Element {
        let w = &self.w;
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
            text
        } else {
            decision.as_written.clone()
        };
        let mut p = w.el("p");
        let (before, status, after) = split_status(&text, &decision.status_as_written);
        let plain = |p: Element, text: &str| {
            if text.is_empty() {
                return p;
            }
            let mut run = w.el("r");
            run.children.extend(run_content(text, w));
            p.child(run)
        };
        p = plain(p, before);
        if !status.is_empty() {
            let mut rpr = w.el("rPr");
            if let Some(style) = &self.styles.decision {
                rpr = rpr.child(w.val("rStyle", style));
            }
            rpr = rpr.child(w.el("b")).child(w.el("bCs"));
            let mut run = w.el("r").child(rpr);
            run.children.extend(run_content(status, w));
            p = p.child(run);
        }
        plain(p, after)
    }

    fn action_table(&self, meeting: &Meeting) -> Element {
        let rows = meeting
            .action_items
            .iter()
            .map(|a| {
                vec![a.reference.clone(), a.what.clone(), a.who.clone(), a.status.clone()]
            })
            .collect();
        self.table(
            self.styles.action_table.as_deref(),
            &[18, 50, 18, 14],
            Some(&ACTION_HEADER),
            rows,
        )
    }

    /// A table with an optional header row (bold, repeated on every page) and text rows;
    /// `percents` gives the column widths as shares of the text column.
    fn table(
        &self,
        style: Option<&str>,
        percents: &[u32],
        header: Option<&[&str]>,
        rows: Vec<Vec<String>>,
    ) -> Element {
        let w = &self.w;
        let total: u32 = percents.iter().sum::<u32>().max(1);
        let widths: Vec<u32> =
            percents.iter().map(|p| self.text_width * p / total).collect();
        let full: u32 = widths.iter().sum();
        let mut tbl_pr = w.el("tblPr");
        if let Some(style) = style {
            tbl_pr = tbl_pr.child(w.val("tblStyle", style));
        }
        tbl_pr = tbl_pr.child(w.with(
            w.with(w.el("tblW"), "w", &full.to_string()),
            "type",
            "dxa",
        ));
        if style.is_none() {
            let mut borders = w.el("tblBorders");
            for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                let border = w.with(
                    w.with(w.with(w.val(side, "single"), "sz", "4"), "space", "0"),
                    "color",
                    "auto",
                );
                borders = borders.child(border);
            }
            tbl_pr = tbl_pr.child(borders);
        }
        tbl_pr = tbl_pr.child(w.el("tblLayout").attr(&w.name("type"), "fixed"));
        let look = [
            ("val", "04A0"),
            ("firstRow", "1"),
            ("lastRow", "0"),
            ("firstColumn", "0"),
            ("lastColumn", "0"),
            ("noHBand", "0"),
            ("noVBand", "1"),
        ];
        let mut tbl_look = w.el("tblLook");
        for (name, value) in look {
            if name == "firstRow" && header.is_none() {
                tbl_look = w.with(tbl_look, name, "0");
            } else {
                tbl_look = w.with(tbl_look, name, value);
            }
        }
        tbl_pr = tbl_pr.child(tbl_look);
        let mut grid = w.el("tblGrid");
        for width in &widths {
            grid = grid.child(w.el("gridCol").attr(&w.name("w"), &width.to_string()));
        }
        let mut tbl = w.el("tbl").child(tbl_pr).child(grid);
        if let Some(header) = header {
            let cells: Vec<String> = header.iter().map(|h| (*h).to_string()).collect();
            tbl = tbl.child(self.row(&widths, &cells, true));
        }
        for row in rows {
            tbl = tbl.child(self.row(&widths, &row, false));
        }
        tbl
    }

    fn row(&self, widths: &[u32], cells: &[String], header: bool) -> Element {
        let w = &self.w;
        let mut tr = w.el("tr");
        if header {
            tr = tr.child(w.el("trPr").child(w.el("cantSplit")).child(w.el("tblHeader")));
        }
        for (i, width) in widths.iter().enumerate() {
            let text = cells.get(i).map(String::as_str).unwrap_or_default();
            let tc_pr = w.el("tcPr").child(w.with(
                w.with(w.el("tcW"), "w", &width.to_string()),
                "type",
                "dxa",
            ));
            let mut tc = w.el("tc").child(tc_pr);
            // A cell's "\n" separates paragraphs.
            for line in text.split('\n') {
                let mut p = w.el("p");
                if let Some(style) = &self.styles.table_text {
                    p = p.child(w.el("pPr").child(w.val("pStyle", style)));
                }
                if !line.is_empty() {
                    let mut run = w.el("r");
                    if header {
                        run = run.child(w.el("rPr").child(w.el("b")).child(w.el("bCs")));
                    }
                    run.children.extend(run_content(line, w));
                    p = p.child(run);
                }
                tc = tc.child(p);
            }
            tr = tr.child(tc);
        }
        tr
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
        let style = body.headings.get(depth.clamp(1, 9) - 1).cloned().flatten();
        out.push(HeadingRequest {
            number: section.number.clone(),
            depth,
            style_numbering: style.and_then(|s| styles.numbering(&s)),
        });
        collect_headings(&section.sections, depth + 1, out, body, styles);
    }
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

/// A normal paragraph (style `style`, else the template's default).
fn paragraph(w: &Wml, style: Option<&str>, text: &str) -> Element {
    let mut p = w.el("p");
    if let Some(style) = style {
        p = p.child(w.el("pPr").child(w.val("pStyle", style)));
    }
    if !text.is_empty() {
        let mut run = w.el("r");
        run.children.extend(run_content(text, w));
        p = p.child(run);
    }
    p
}

fn text_element(text: &str, w: &Wml) -> Element {
    w.el("t").attr("xml:space", "preserve").text(text)
}

/// The content of a run showing `text`: `w:t` pieces with spaces preserved, `w:br` for
/// each newline and `w:tab` for each tab; characters XML 1.0 forbids are dropped.
pub(crate) fn run_content(text: &str, w: &Wml) -> Vec<Node> {
    let mut nodes = Vec::new();
    let mut piece = String::new();
    let flush = |piece: &mut String, nodes: &mut Vec<Node>| {
        if !piece.is_empty() {
            nodes.push(Node::Element(text_element(piece, w)));
            piece.clear();
        }
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                flush(&mut piece, &mut nodes);
                nodes.push(Node::Element(w.el("br")));
            }
            '\t' => {
                flush(&mut piece, &mut nodes);
                nodes.push(Node::Element(w.el("tab")));
            }
            c => piece.push(c),
        }
    }
    flush(&mut piece, &mut nodes);
    nodes
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
        let w = Wml::new("w");
        let nodes = run_content("a\nb\tc\u{1}", &w);
        let names: Vec<String> = nodes
            .iter()
            .map(|n| match n {
                Node::Element(e) => e.name.clone(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(names, ["w:t", "w:br", "w:t", "w:tab", "w:t"]);
    }
}

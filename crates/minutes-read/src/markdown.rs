//! Markdown reader: CommonMark with GitHub's tables, as IETF and W3C groups keep minutes.
//!
//! pulldown-cmark parses; this module turns its events into blocks. Kept: ATX and setext
//! headings (level as written, the text whole: a typed `6.3` stays in it for the
//! recogniser), paragraphs (soft line breaks join with a space, hard ones are line
//! breaks), list items with their nesting level (ordered ones labelled `3.`), task markers
//! as `[x]`, GFM tables (header row first), code blocks as paragraphs with their lines,
//! block quotes' content. Dropped: emphasis and links (their text is kept), images, raw
//! HTML (`<br>` is a line break), front matter. Locations are source lines.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use minutes_flow::{normalise_inline_owned, Block, Cell, Flow, Row, Span, Warned};

use crate::text::decode_text;

/// Reads a Markdown draft into a Flow. Never fails (as text drafts are decoded).
pub fn read_markdown(bytes: &[u8]) -> Warned<Flow> {
    let decoded = decode_text(bytes);
    let mut warnings = Vec::new();
    if let Some(note) = decoded.note {
        warnings.push(minutes_flow::Diagnostic::note(Span::Line(1), note));
    }
    let text = &*decoded.text;
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(at, _)| at + 1))
        .collect();
    let line_of = |offset: usize| {
        Span::Line(
            u32::try_from(line_starts.partition_point(|&s| s <= offset))
                .unwrap_or(u32::MAX),
        )
    };
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut builder = Builder::default();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        builder.event(event, line_of(range.start));
    }
    builder.flush();
    Warned { output: Flow::new(builder.blocks), warnings }
}

#[derive(Debug, Default)]
struct Builder {
    blocks: Vec<Block>,
    text: String,
    /// Where the block being gathered starts.
    location: Option<Span>,
    heading: Option<u8>,
    preformatted: bool,
    /// The next number of each open list; `None` for bullet lists.
    lists: Vec<Option<u64>>,
    label: Option<String>,
    table: Option<TableState>,
    /// Inside an image or front matter: text is not content.
    skipping: usize,
}

#[derive(Debug)]
struct TableState {
    location: Span,
    rows: Vec<Row>,
    cells: Vec<Cell>,
    cell: String,
    cell_location: Span,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, at: Span) {
        match event {
            Event::Start(tag) => self.start(tag, at),
            Event::End(tag) => self.end(tag),
            _ if self.skipping > 0 => {}
            Event::Text(text)
            | Event::Code(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text) => {
                self.push(&text, at);
            }
            Event::SoftBreak => self.push(" ", at),
            Event::HardBreak => self.push("\n", at),
            Event::InlineHtml(html) | Event::Html(html) => {
                let tag = html.trim().to_ascii_lowercase();
                if matches!(tag.as_str(), "<br>" | "<br/>" | "<br />") {
                    self.push("\n", at);
                }
            }
            Event::TaskListMarker(done) => {
                self.push(if done { "[x] " } else { "[ ] " }, at)
            }
            Event::FootnoteReference(label) => self.push(&format!("[^{label}]"), at),
            Event::Rule => self.flush(),
        }
    }

    fn start(&mut self, tag: Tag<'_>, at: Span) {
        match tag {
            Tag::Image { .. } | Tag::MetadataBlock(_) => self.skipping += 1,
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(level as u8);
                self.location = Some(at);
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.preformatted = true;
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush();
                self.label = match self.lists.last_mut() {
                    Some(Some(number)) => {
                        let label = format!("{number}.");
                        *number = number.saturating_add(1);
                        Some(label)
                    }
                    _ => None,
                };
            }
            Tag::Table(_) => {
                self.flush();
                self.table = Some(TableState {
                    location: at.clone(),
                    rows: Vec::new(),
                    cells: Vec::new(),
                    cell: String::new(),
                    cell_location: at,
                });
            }
            Tag::TableCell => {
                if let Some(table) = &mut self.table {
                    table.cell.clear();
                    table.cell_location = at;
                }
            }
            Tag::Paragraph
            | Tag::BlockQuote(_)
            | Tag::HtmlBlock
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => self.flush(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Image | TagEnd::MetadataBlock(_) => {
                self.skipping = self.skipping.saturating_sub(1);
            }
            TagEnd::Heading(_)
            | TagEnd::Paragraph
            | TagEnd::Item
            | TagEnd::BlockQuote(_) => {
                self.flush();
            }
            TagEnd::CodeBlock => {
                self.flush();
                self.preformatted = false;
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::TableCell => {
                if let Some(table) = &mut self.table {
                    let text = normalise_inline_owned(
                        std::mem::take(&mut table.cell).trim().to_string(),
                    );
                    table.cells.push(if text.is_empty() {
                        Cell::default()
                    } else {
                        Cell::new(vec![Block::paragraph(
                            text,
                            table.cell_location.clone(),
                        )])
                    });
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    table.rows.push(Row::new(std::mem::take(&mut table.cells)));
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    self.blocks.push(Block::table(table.rows, table.location));
                }
            }
            _ => {}
        }
    }

    fn push(&mut self, text: &str, at: Span) {
        if let Some(table) = &mut self.table {
            table.cell.push_str(text);
            return;
        }
        if self.location.is_none() {
            self.location = Some(at);
        }
        self.text.push_str(text);
    }

    /// Ends the block gathered so far: a heading, a list item or a paragraph.
    fn flush(&mut self) {
        let heading = self.heading.take();
        let Some(location) = self.location.take() else { return };
        let raw = std::mem::take(&mut self.text);
        let text = if self.preformatted {
            raw.trim_end_matches('\n').to_string()
        } else {
            let lines: Vec<&str> =
                raw.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect();
            lines.join("\n")
        };
        let text = normalise_inline_owned(text);
        if text.trim().is_empty() {
            return;
        }
        let block = match (heading, self.lists.len()) {
            (Some(level), _) => Block::heading(level, None, text, location),
            (None, 0) => Block::paragraph(text, location),
            (None, depth) => {
                let level = u8::try_from(depth).unwrap_or(u8::MAX);
                let mut item = Block::list_item(level, text, location);
                if let minutes_flow::BlockKind::ListItem { label, .. } = &mut item.kind {
                    *label = self.label.take();
                }
                item
            }
        };
        self.blocks.push(block);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use minutes_flow::BlockKind;
    use pretty_assertions::assert_eq;

    use super::*;

    fn blocks(text: &str) -> Vec<Block> {
        read_markdown(text.as_bytes()).output.blocks
    }

    #[test]
    fn headings_paragraphs_and_lists() {
        let text = "# 6 Contributions\n\nSEC-2018-0062R02 was\n*NOTED*.\n\n- one\n  - two  \n    more\n1. first\n2. second\n\nSetext\n------\n";
        assert_eq!(
            blocks(text),
            vec![
                Block::heading(1, None, "6 Contributions", Span::Line(1)),
                Block::paragraph("SEC-2018-0062R02 was NOTED.", Span::Line(3)),
                Block::list_item(1, "one", Span::Line(6)),
                Block::list_item(2, "two\nmore", Span::Line(7)),
                Block {
                    kind: BlockKind::ListItem {
                        level: 1,
                        text: "first".into(),
                        label: Some("1.".into())
                    },
                    location: Span::Line(9),
                },
                Block {
                    kind: BlockKind::ListItem {
                        level: 1,
                        text: "second".into(),
                        label: Some("2.".into())
                    },
                    location: Span::Line(10),
                },
                Block::heading(2, None, "Setext", Span::Line(12)),
            ]
        );
    }

    #[test]
    fn gfm_tables() {
        let text = "Before\n\n| Tdoc | Title |\n|---|---|\n| SEC-2018-0131 | A \\| B |\n| | empty |\n";
        let blocks = blocks(text);
        assert_eq!(blocks[0], Block::paragraph("Before", Span::Line(1)));
        let BlockKind::Table(table) = &blocks[1].kind else { panic!("{blocks:?}") };
        assert_eq!(blocks[1].location, Span::Line(3));
        let texts: Vec<Vec<String>> =
            table.rows.iter().map(|r| r.cells.iter().map(Cell::text).collect()).collect();
        assert_eq!(
            texts,
            vec![
                vec!["Tdoc", "Title"],
                vec!["SEC-2018-0131", "A | B"],
                vec!["", "empty"]
            ]
        );
        assert_eq!(table.rows[1].cells[0].blocks[0].location, Span::Line(5));
    }

    #[test]
    fn code_images_html_and_front_matter() {
        let text = "---\ntitle: x\n---\n\n```\na  b\nc\n```\n\n![alt](i.png) text<br>next <!-- c -->\n";
        assert_eq!(
            blocks(text),
            vec![
                Block::paragraph("a  b\nc", Span::Line(6)),
                Block::paragraph("text\nnext", Span::Line(10)),
            ]
        );
    }
}

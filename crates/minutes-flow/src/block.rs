//! The block types of a Flow.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::{Blocks, Span};

/// A whole document as format-neutral blocks, in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flow {
    /// The top-level blocks of the document body.
    pub blocks: Vec<Block>,
}

/// One block and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    #[serde(flatten)]
    pub kind: BlockKind,
    /// Where the block starts in the source.
    pub location: Span,
}

/// The kinds of block a reader can produce.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// A heading, numbered or not.
    ///
    /// Text: a lone `6.3` line followed by `Other Contributions`, or `6.3 Other
    /// Contributions` on one line. DOCX: a paragraph with an outline level.
    Heading {
        /// Outline level, 1 for top-level sections.
        level: u8,
        /// The number as displayed (`6.3`), when the heading is numbered.
        number: Option<String>,
        /// The heading text without its number.
        text: String,
    },
    /// A plain paragraph: `The meeting was opened by the Chair.`
    Paragraph {
        /// The paragraph's text.
        text: String,
        /// The paragraph style name, when the format has one (shared by the paragraphs
        /// of that style).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        style: Option<Arc<str>>,
    },
    /// A list item: `· Edits were proposed for clarity.`
    ListItem {
        /// Nesting level, 1 for the outermost list.
        level: u8,
        /// The item's text without its bullet or number.
        text: String,
        /// The number as displayed (`1.`, `a)`, `iv.`) for numbered items; `None` for
        /// bullets. Recognition ignores it; `render_flow` prints it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
    },
    /// A table: TAB-prefixed lines in text exports, `w:tbl` in DOCX.
    Table(Table),
}

/// A table as rows of cells.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
}

/// One table row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// The cells, left to right, one per grid column span.
    pub cells: Vec<Cell>,
}

/// One table cell: blocks again (usually paragraphs, sometimes lists or nested tables).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// The cell's content.
    pub blocks: Blocks,
}

/// Builder functions
impl Block {
    /// A heading block.
    pub fn heading(
        level: u8,
        number: Option<String>,
        text: impl Into<String>,
        location: Span,
    ) -> Block {
        Block { kind: BlockKind::Heading { level, number, text: text.into() }, location }
    }

    /// A paragraph block without a style.
    pub fn paragraph(text: impl Into<String>, location: Span) -> Block {
        Block { kind: BlockKind::Paragraph { text: text.into(), style: None }, location }
    }

    /// A list item block.
    pub fn list_item(level: u8, text: impl Into<String>, location: Span) -> Block {
        Block {
            kind: BlockKind::ListItem { level, text: text.into(), label: None },
            location,
        }
    }

    /// A table block.
    pub fn table(rows: Vec<Row>, location: Span) -> Block {
        Block { kind: BlockKind::Table(Table { rows }), location }
    }
}

/// Getters
impl Block {
    /// The block's own text: heading text, paragraph or list item text; `None` for tables.
    pub fn text(&self) -> Option<&str> {
        match &self.kind {
            BlockKind::Heading { text, .. }
            | BlockKind::Paragraph { text, .. }
            | BlockKind::ListItem { text, .. } => Some(text),
            BlockKind::Table(_) => None,
        }
    }
}

impl Flow {
    /// A flow of the given blocks.
    pub fn new(blocks: Vec<Block>) -> Flow {
        Flow { blocks }
    }
}

impl Row {
    /// A row of the given cells.
    pub fn new(cells: Vec<Cell>) -> Row {
        Row { cells }
    }
}

impl Cell {
    /// A cell holding the given blocks.
    pub fn new(blocks: Vec<Block>) -> Cell {
        Cell { blocks: blocks.into() }
    }

    /// The cell's text: the text of its blocks, one per line (numbered items with their
    /// number), nested tables flattened.
    /// Empty paragraphs are skipped, so a cell with blank lines between its paragraphs
    /// reads the same as one without.
    pub fn text(&self) -> String {
        let mut lines = Vec::new();
        collect_lines(&self.blocks, &mut lines);
        lines.join("\n")
    }

    /// Returns true if and only if the cell holds no visible text: its [`Cell::text`] is
    /// white space, found without building that text (the reader asks it of every cell).
    pub fn is_empty(&self) -> bool {
        self.blocks.iter().all(|block| match &block.kind {
            BlockKind::Table(table) => {
                table.rows.iter().all(|row| row.cells.iter().all(Cell::is_empty))
            }
            BlockKind::ListItem { text, label: Some(label), .. } => {
                label.trim().is_empty() && text.trim().is_empty()
            }
            _ => block.text().unwrap_or_default().trim().is_empty(),
        })
    }
}

fn collect_lines(blocks: &[Block], lines: &mut Vec<String>) {
    for block in blocks {
        match &block.kind {
            BlockKind::Table(table) => {
                for row in &table.rows {
                    for cell in &row.cells {
                        collect_lines(&cell.blocks, lines);
                    }
                }
            }
            BlockKind::ListItem { text, label: Some(label), .. } => {
                lines.push(format!("{label} {}", text.trim()).trim().to_string());
            }
            _ => {
                let text = block.text().unwrap_or_default().trim();
                if !text.is_empty() {
                    lines.push(text.to_string());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn text() -> impl Strategy<Value = String> {
        prop::sample::select(vec!["", " ", "\u{a0}", "\t\n", "x", " y "])
            .prop_map(String::from)
    }

    fn block() -> impl Strategy<Value = Block> {
        let leaf = prop_oneof![
            text().prop_map(|t| Block::paragraph(t, Span::Unknown)),
            (text(), prop::option::of(text())).prop_map(|(t, label)| Block {
                kind: BlockKind::ListItem { level: 1, text: t, label },
                location: Span::Unknown,
            }),
            (text(), prop::option::of(text()))
                .prop_map(|(t, number)| { Block::heading(1, number, t, Span::Unknown) }),
        ];
        leaf.prop_recursive(2, 12, 3, |inner| {
            prop::collection::vec(prop::collection::vec(inner, 0..3), 0..3).prop_map(
                |cells| {
                    let row = Row::new(cells.into_iter().map(Cell::new).collect());
                    Block::table(vec![row], Span::Unknown)
                },
            )
        })
    }

    proptest! {
        // `is_empty` says what the text it no longer builds would say.
        #[test]
        fn empty_cells_have_blank_text(blocks in prop::collection::vec(block(), 0..4)) {
            let cell = Cell::new(blocks);
            prop_assert_eq!(cell.is_empty(), cell.text().trim().is_empty());
        }
    }
}

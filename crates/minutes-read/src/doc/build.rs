//! Paragraphs with their properties into blocks: headings from outline levels and heading
//! styles, list items from list membership, tables from table depth and cell and row
//! marks ([MS-DOC] 2.4.3 "Overview of Tables"), nested tables by `sprmPItap`.

use std::sync::Arc;

use minutes_flow::{normalise_inline_owned, Block, BlockKind, Cell, Row, Span};

use crate::docx::numbering::LabelKind;

use super::{
    fkp::ParaProps,
    lists::Lists,
    stsh::Stylesheet,
    text::{Mark, RawPara},
};

/// Nesting deeper than this is flattened into the deepest table (hostile files).
const MAX_DEPTH: usize = 64;

/// A table being built: finished rows, the cells of the open row, the blocks of the
/// open cell.
#[derive(Debug)]
struct OpenTable {
    rows: Vec<Row>,
    cells: Vec<Cell>,
    blocks: Vec<Block>,
    location: Span,
}

/// Builds the blocks of the main story.
pub(super) struct Builder<'a> {
    stylesheet: &'a Stylesheet,
    lists: &'a mut Lists,
    part: Arc<str>,
    blocks: Vec<Block>,
    tables: Vec<OpenTable>,
    top_index: u32,
}

impl<'a> Builder<'a> {
    pub fn new(stylesheet: &'a Stylesheet, lists: &'a mut Lists, part: Arc<str>) -> Self {
        Builder {
            stylesheet,
            lists,
            part,
            blocks: Vec::new(),
            tables: Vec::new(),
            top_index: 0,
        }
    }

    fn new_location(&mut self) -> Span {
        self.top_index = self.top_index.saturating_add(1);
        Span::Paragraph { part: self.part.clone(), index: self.top_index }
    }

    fn here(&self) -> Span {
        Span::Paragraph { part: self.part.clone(), index: self.top_index.max(1) }
    }

    /// Adds one paragraph with its properties (already combined from the FKP and the
    /// piece's `Prc`).
    pub fn paragraph(&mut self, para: RawPara, props: &ParaProps) {
        let style = self.stylesheet.get(props.istd);
        let in_table =
            props.in_table.unwrap_or(false) || style.is_some_and(|s| s.in_table);
        let depth = match props.itap {
            Some(itap) if itap > 0 => (itap as usize).min(MAX_DEPTH),
            _ => usize::from(in_table),
        };
        let (cell_end, row_end) = match depth {
            0 => (false, false),
            1 => (para.mark == Mark::Cell && !props.ttp, props.ttp),
            _ => (props.inner_cell && !props.inner_ttp, props.inner_ttp),
        };
        while self.tables.len() > depth {
            self.close_table();
        }
        while self.tables.len() < depth {
            let location =
                if self.tables.is_empty() { self.new_location() } else { self.here() };
            self.tables.push(OpenTable {
                rows: Vec::new(),
                cells: Vec::new(),
                blocks: Vec::new(),
                location,
            });
        }
        if row_end {
            // The row-end mark holds no text of its own.
            if let Some(table) = self.tables.last_mut() {
                if !table.blocks.is_empty() {
                    let blocks = std::mem::take(&mut table.blocks);
                    table.cells.push(Cell::new(blocks));
                }
                let cells = std::mem::take(&mut table.cells);
                table.rows.push(Row::new(cells));
            }
            return;
        }
        let location = if depth == 0 { self.new_location() } else { self.here() };
        let block = self.classify(para.text, props, location);
        match self.tables.last_mut() {
            Some(table) => {
                table.blocks.extend(block);
                if cell_end {
                    let blocks = std::mem::take(&mut table.blocks);
                    table.cells.push(Cell::new(blocks));
                }
            }
            None => self.blocks.extend(block),
        }
    }

    /// Closes the innermost table (a row left open is kept) into its container.
    fn close_table(&mut self) {
        let Some(mut table) = self.tables.pop() else { return };
        if !table.blocks.is_empty() {
            let blocks = std::mem::take(&mut table.blocks);
            table.cells.push(Cell::new(blocks));
        }
        if !table.cells.is_empty() {
            table.rows.push(Row::new(std::mem::take(&mut table.cells)));
        }
        if table.rows.is_empty() {
            return;
        }
        let block = Block::table(table.rows, table.location);
        match self.tables.last_mut() {
            Some(outer) => outer.blocks.push(block),
            None => self.blocks.push(block),
        }
    }

    /// The block of a paragraph: a heading (outline level on the paragraph or its style
    /// chain, or a built-in heading style), a list item, or a paragraph; none when its
    /// text is empty. List counters advance even then, as Word's do.
    fn classify(
        &mut self,
        text: String,
        props: &ParaProps,
        location: Span,
    ) -> Option<Block> {
        let style = self.stylesheet.get(props.istd);
        let ilfo = props.ilfo.or(style.and_then(|s| s.ilfo)).filter(|&i| i > 0);
        let ilvl = props.ilvl.or(style.and_then(|s| s.ilvl)).unwrap_or(0).min(8);
        let label = ilfo.and_then(|ilfo| self.lists.next(ilfo, ilvl));
        let text = normalise_inline_owned(text).trim().to_string();
        if text.is_empty() {
            return None;
        }
        let is_title = style.is_some_and(|s| s.is_title);
        let outline = match props.outline {
            Some(level) => (level < 9).then_some(level),
            None => style.and_then(|s| s.outline),
        }
        .filter(|_| !is_title);
        let kind = if let Some(level) = outline {
            let number = label
                .filter(|l| l.kind == LabelKind::Number)
                .map(|l| l.text.trim().trim_end_matches('.').trim_end().to_string())
                .filter(|n| !n.is_empty());
            BlockKind::Heading { level: level.saturating_add(1), number, text }
        } else if let Some(shown) = label.filter(|l| l.kind != LabelKind::None) {
            let label = (shown.kind == LabelKind::Number)
                .then(|| shown.text.trim().to_string())
                .filter(|l| !l.is_empty());
            BlockKind::ListItem { level: ilvl.saturating_add(1), text, label }
        } else {
            let style = style
                .filter(|s| !s.is_default)
                .and_then(|s| s.name.clone())
                .filter(|name| !name.eq_ignore_ascii_case("normal"));
            BlockKind::Paragraph { text, style }
        };
        Some(Block { kind, location })
    }

    /// The blocks, once every paragraph is in; tables left open are closed.
    pub fn finish(mut self) -> Vec<Block> {
        while !self.tables.is_empty() {
            self.close_table();
        }
        self.blocks
    }
}

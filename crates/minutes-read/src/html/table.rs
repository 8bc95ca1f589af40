//! Tables: rows of cells, `colspan` and `rowspan` expanded so that every cell sits in its
//! grid column (the places a span covers are empty cells).

use ego_tree::NodeRef;
use minutes_flow::{Block, Cell, Row, Span};
use scraper::{node::Element, Node};

use super::{Context, Pending, Walker};

/// The widest grid a table is expanded to: a `colspan` past it keeps its cell but gets no
/// padding, so a hostile page cannot ask for millions of empty cells.
pub(super) const MAX_GRID_COLUMNS: usize = 1_000;
/// The longest `rowspan` honoured (the HTML standard's own limit).
const MAX_ROW_SPAN: usize = 65_534;

impl Walker<'_> {
    pub(super) fn table(
        &mut self,
        table: NodeRef<'_, Node>,
        context: Context,
        out: &mut Vec<Block>,
    ) {
        let cell_context = Context { list_level: 0, ..context };
        let mut grid = Grid::default();
        let mut rows = Vec::new();
        for child in table.children() {
            let Some(element) = child.value().as_element() else { continue };
            match element.name() {
                "caption" => {
                    let mut caption = Pending::default();
                    self.children(child, cell_context, &mut caption, out);
                    caption.flush(out);
                }
                "thead" | "tbody" | "tfoot" => {
                    for row in child.children() {
                        if row.value().as_element().is_some_and(|e| e.name() == "tr") {
                            rows.push(self.row(row, cell_context, &mut grid));
                        }
                    }
                }
                "tr" => rows.push(self.row(child, cell_context, &mut grid)),
                _ => {}
            }
        }
        rows.retain(|row: &Row| !row.cells.is_empty());
        if !rows.is_empty() {
            out.push(Block::table(rows, Span::Line(context.line)));
        }
    }

    fn row(&mut self, tr: NodeRef<'_, Node>, context: Context, grid: &mut Grid) -> Row {
        let context = Context {
            depth: context.depth + 1,
            line: self.line_of(tr, context),
            ..context
        };
        let mut cells = Vec::new();
        let mut column = 0;
        for child in tr.children() {
            let Some(element) = child.value().as_element() else { continue };
            if !matches!(element.name(), "td" | "th") {
                continue;
            }
            column = grid.pad_spanned(column, &mut cells);
            let cell_context = Context {
                depth: context.depth + 1,
                line: self.line_of(child, context),
                ..context
            };
            let mut blocks = Vec::new();
            let mut pending = Pending::default();
            self.children(child, cell_context, &mut pending, &mut blocks);
            pending.flush(&mut blocks);
            cells.push(Cell::new(blocks));
            let column_span = span(element, "colspan", MAX_GRID_COLUMNS);
            let row_span = span(element, "rowspan", MAX_ROW_SPAN);
            grid.occupy(column, row_span);
            column += 1;
            for _ in 1..column_span {
                if column >= MAX_GRID_COLUMNS {
                    break;
                }
                cells.push(Cell::default());
                grid.occupy(column, row_span);
                column += 1;
            }
        }
        grid.pad_trailing(column, &mut cells);
        grid.next_row();
        Row::new(cells)
    }
}

/// A `colspan`/`rowspan` value: 1 when absent or not a positive number, at most `limit`.
fn span(element: &Element, name: &str, limit: usize) -> usize {
    element
        .attr(name)
        .and_then(|value| value.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .map_or(1, |n| n.min(limit))
}

/// The columns that cells of earlier rows still cover (`rowspan`).
#[derive(Debug, Default)]
struct Grid {
    /// For each column, how many rows below the current one it still covers.
    covered: Vec<usize>,
    /// The columns covered in the current row, consumed as the row is built.
    this_row: Vec<bool>,
}

impl Grid {
    fn covered_here(&self, column: usize) -> bool {
        self.this_row.get(column).copied().unwrap_or(false)
    }

    /// Adds an empty cell for every column from `column` on that a cell above spans;
    /// returns the first free column.
    fn pad_spanned(&mut self, mut column: usize, cells: &mut Vec<Cell>) -> usize {
        while self.covered_here(column) {
            cells.push(Cell::default());
            column += 1;
        }
        column
    }

    /// After the row's last cell: empty cells up to the last column a cell above spans.
    fn pad_trailing(&mut self, column: usize, cells: &mut Vec<Cell>) {
        if let Some(last) = self.this_row.iter().rposition(|&c| c) {
            for _ in column..=last {
                cells.push(Cell::default());
            }
        }
    }

    /// Marks `column` as taken by a cell spanning `rows` rows from this one.
    fn occupy(&mut self, column: usize, rows: usize) {
        if self.covered.len() <= column {
            self.covered.resize(column + 1, 0);
        }
        if let Some(slot) = self.covered.get_mut(column) {
            *slot = (*slot).max(rows.saturating_sub(1));
        }
    }

    fn next_row(&mut self) {
        self.this_row = self.covered.iter().map(|&rows| rows > 0).collect();
        for rows in &mut self.covered {
            *rows = rows.saturating_sub(1);
        }
    }
}

//! Plain-text reader: a text export of Word minutes into Flow.
//!
//! Supported constructs (the conventions of Word's "plain text" export, PATTERNS.md A–C):
//! - [X] encodings: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, Windows-1252 fallback
//! - [X] line ends: CRLF, CR, LF; no final newline
//! - [X] table cells: a line starting with TAB (or space + TAB) starts a cell; continuation
//!   paragraphs have no TAB; rows end at a blank line once they hold as many cells as the
//!   widest row so far (cells may contain blank lines)
//! - [X] lone-TAB lines are empty cells
//! - [X] numbered headings: a lone `6.3` line with the title on the next non-blank line, or
//!   `6.3 Title` on one line; accepted only when the number continues the outline
//! - [X] bullets: `·`, `•`, `▪`, `◦`, `o`, `-`, `*` glyphs; `•` alone with the text on the
//!   next line
//! - [ ] nested bullet levels (Word's export flattens them; indentation is a guess)

mod decode;
mod outline;

use minutes_flow::{normalise_inline, Block, Cell, Diagnostic, Flow, Row, Span, Warned};

pub use self::decode::{decode_text, Decoded};
use self::outline::Outline;

/// Reads a plain-text draft into a Flow. Never fails: undecodable bytes are replaced and
/// reported, odd structure becomes paragraphs.
pub fn read_text(bytes: &[u8]) -> Warned<Flow> {
    let decoded = decode_text(bytes);
    let mut warnings = Vec::new();
    if let Some(note) = decoded.note {
        warnings.push(Diagnostic::note(Span::Line(1), note));
    }
    let lines: Vec<Line<'_>> = split_lines(&decoded.text)
        .enumerate()
        .map(|(index, text)| {
            Line::classify(u32::try_from(index + 1).unwrap_or(u32::MAX), text)
        })
        .collect();
    let mut reader =
        Reader { lines: &lines, pos: 0, outline: Outline::default(), warnings };
    let blocks = reader.blocks();
    Warned { output: Flow::new(blocks), warnings: reader.warnings }
}

/// Splits on CRLF, CR or LF.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.find(['\r', '\n']) {
            Some(at) => {
                let (line, tail) = current.split_at(at);
                let skip = if tail.starts_with("\r\n") { 2 } else { 1 };
                rest = tail.get(skip..);
                Some(line)
            }
            None => {
                rest = None;
                (!current.is_empty()).then_some(current)
            }
        }
    })
}

/// One source line, classified.
#[derive(Debug, Clone)]
struct Line<'a> {
    number: u32,
    kind: LineKind<'a>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum LineKind<'a> {
    /// Only white space.
    Blank,
    /// Starts a table cell; the text after the TAB.
    Cell(&'a str),
    /// Anything else, untrimmed.
    Text(&'a str),
}

impl<'a> Line<'a> {
    fn classify(number: u32, text: &'a str) -> Line<'a> {
        let cell = text.strip_prefix('\t').or_else(|| text.strip_prefix(" \t"));
        let kind = match cell {
            Some(rest) => LineKind::Cell(rest),
            // Blank also when nothing is left once inline text is normalised (control
            // and zero-width characters only).
            None if normalise_inline(text).trim().is_empty() => LineKind::Blank,
            None => LineKind::Text(text),
        };
        Line { number, kind }
    }
}

/// A bullet glyph and the nesting level it stands for in Word's export.
fn bullet(text: &str) -> Option<(u8, &str)> {
    let trimmed = text.trim_start();
    let indent = text.len() - trimmed.len();
    let mut chars = trimmed.chars();
    let glyph = chars.next()?;
    let rest = chars.as_str();
    let level = match glyph {
        '·' | '•' | '\u{F0B7}' | '●' => 1,
        '◦' | '○' => 2,
        '▪' | '■' | '§' => 3,
        'o' | '-' | '*' | '–' if rest.starts_with([' ', '\t']) => {
            1 + u8::from(glyph == 'o')
        }
        _ => return None,
    };
    // A Word-exported "§" bullet is followed by a tab; "§10.2" in prose is not a bullet.
    if glyph == '§' && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let level = level.saturating_add(u8::try_from(indent / 4).unwrap_or(0)).min(9);
    Some((level, rest.trim()))
}

struct Reader<'l, 'a> {
    lines: &'l [Line<'a>],
    pos: usize,
    outline: Outline,
    warnings: Vec<Diagnostic>,
}

impl<'a> Reader<'_, 'a> {
    fn peek(&self) -> Option<&Line<'a>> {
        self.lines.get(self.pos)
    }

    /// Index of the first non-blank line at or after `from`.
    fn next_non_blank(&self, from: usize) -> Option<usize> {
        (from..self.lines.len())
            .find(|&i| self.lines.get(i).is_some_and(|l| l.kind != LineKind::Blank))
    }

    fn blocks(&mut self) -> Vec<Block> {
        let mut blocks = Vec::new();
        while let Some(line) = self.peek().cloned() {
            match line.kind {
                LineKind::Blank => self.pos += 1,
                LineKind::Cell(_) => blocks.push(self.table()),
                LineKind::Text(text) => {
                    if let Some(block) = self.heading(&line, text) {
                        blocks.push(block);
                    } else {
                        self.pos += 1;
                        blocks.push(self.text_block(line.number, text));
                    }
                }
            }
        }
        blocks
    }

    /// A paragraph or list item; a lone `•` takes the next non-blank text line as its text.
    fn text_block(&mut self, number: u32, text: &str) -> Block {
        let location = Span::Line(number);
        match bullet(text) {
            Some((level, "")) => {
                let next = self.next_non_blank(self.pos);
                if let Some(LineKind::Text(item)) =
                    next.and_then(|i| self.lines.get(i)).map(|l| &l.kind)
                {
                    self.pos = next.map_or(self.pos, |i| i + 1);
                    return Block::list_item(level, clean(item), location);
                }
                Block::list_item(level, "", location)
            }
            Some((level, item)) => Block::list_item(level, clean(item), location),
            None => Block::paragraph(clean(text), location),
        }
    }

    /// A numbered heading starting at the current line, if the line is one.
    fn heading(&mut self, line: &Line<'a>, text: &str) -> Option<Block> {
        let candidate = outline::candidate(text)?;
        let lone = candidate.title.is_none();
        if !self.outline.accepts(&candidate.parts, lone) {
            return None;
        }
        // A lone number needs a title line after it; otherwise it is just a number.
        let title = match candidate.title {
            Some(title) => clean(title),
            None => {
                let next = self.next_non_blank(self.pos + 1)?;
                match self.lines.get(next) {
                    // Blank once cleaned (control characters only) is no title either.
                    Some(Line { kind: LineKind::Text(title), .. })
                        if bullet(title).is_none()
                            && outline::candidate(title).is_none()
                            && !clean(title).is_empty() =>
                    {
                        self.pos = next;
                        clean(title)
                    }
                    _ => return None,
                }
            }
        };
        self.outline.advance(candidate.parts.clone());
        let location = Span::Line(line.number);
        let level = u8::try_from(candidate.parts.len()).unwrap_or(u8::MAX);
        self.pos += 1;
        Some(Block::heading(level, Some(candidate.number), title, location))
    }

    /// A table starting at the current (cell) line. Rows end at a blank line once they are
    /// as wide as the widest row so far; the table ends at text after a complete row.
    fn table(&mut self) -> Block {
        let location = self.peek().map_or(Span::Unknown, |l| Span::Line(l.number));
        let mut rows: Vec<Row> = Vec::new();
        let mut row: Vec<Cell> = Vec::new();
        let mut width = 0usize;
        while let Some(line) = self.peek().cloned() {
            match line.kind {
                LineKind::Cell(text) => {
                    self.pos += 1;
                    let block = self.text_block(line.number, text);
                    row.push(Cell::new(non_empty(block)));
                }
                LineKind::Text(text) => {
                    let complete = width == 0 || row.len() >= width;
                    if row.is_empty() || (complete && self.is_heading_ahead(text)) {
                        break;
                    }
                    self.pos += 1;
                    let block = self.text_block(line.number, text);
                    if let Some(cell) = row.last_mut() {
                        cell.blocks.extend(non_empty(block));
                    }
                }
                LineKind::Blank => {
                    let complete = width == 0 || row.len() >= width;
                    let next = self.next_non_blank(self.pos);
                    let next_kind =
                        next.and_then(|i| self.lines.get(i)).map(|l| l.kind.clone());
                    match next_kind {
                        Some(LineKind::Cell(_)) => {
                            if complete {
                                width = width.max(row.len());
                                rows.push(Row::new(std::mem::take(&mut row)));
                            }
                        }
                        Some(LineKind::Text(_)) if !complete => {}
                        _ => {
                            self.pos = next.unwrap_or(self.lines.len());
                            break;
                        }
                    }
                    self.pos = next.unwrap_or(self.lines.len());
                }
            }
        }
        if !row.is_empty() {
            rows.push(Row::new(row));
        }
        Block::table(rows, location)
    }

    fn is_heading_ahead(&self, text: &str) -> bool {
        outline::candidate(text)
            .is_some_and(|c| self.outline.accepts(&c.parts, c.title.is_none()))
    }
}

/// A cell's first block, unless it is an empty paragraph (a lone-TAB cell).
fn non_empty(block: Block) -> Vec<Block> {
    if block.text().is_some_and(|t| t.is_empty()) {
        Vec::new()
    } else {
        vec![block]
    }
}

fn clean(text: &str) -> String {
    normalise_inline(text).trim().to_string()
}

#[cfg(test)]
mod tests;

//! Building blocks from what the event handlers found: frames, paragraph classification
//! (heading, list item, paragraph), tables, and paragraphs joined across deleted marks.

use minutes_flow::{normalise_inline_owned, Block, BlockKind, Blocks, Cell, Row, Span};

use super::{BodyParser, ContainerKind, Frame, Para, TICKED, UNTICKED};
use crate::docx::{numbering::LabelKind, styles::NumPr};

/// Building blocks
impl BodyParser<'_, '_> {
    /// Returns true if and only if text is inside a field instruction, which is hidden.
    pub(super) fn hidden(&self) -> bool {
        self.fields.iter().any(|f| !f.result)
    }

    pub(super) fn push_visible(&mut self, text: &str) {
        if self.hidden() || self.run_vanish {
            return;
        }
        if let Some(Frame::Para(p)) = self.frames.last_mut() {
            p.text.push_str(text);
        }
    }

    pub(super) fn with_para(&mut self, f: impl FnOnce(&mut Para)) {
        if let Some(Frame::Para(p)) = self.frames.last_mut() {
            f(p);
        }
    }

    /// Shows a legacy `FORMCHECKBOX` field (ECMA-376 Part 1 §17.16) as its glyph, once,
    /// at the field's `separate` or `end`.
    pub(super) fn field_checkbox(&mut self) {
        let Some(field) = self.fields.last_mut() else { return };
        if field.glyph_done {
            return;
        }
        field.glyph_done = true;
        let is_checkbox =
            field.instr.trim_start().to_ascii_uppercase().starts_with("FORMCHECKBOX");
        if !is_checkbox {
            return;
        }
        let checked = field.ff_checked.or(field.ff_default).unwrap_or(false);
        // The glyph shows where the field's result would, outside its own instruction.
        let outer_hidden = self.fields.iter().rev().skip(1).any(|f| !f.result);
        if !outer_hidden {
            if let Some(Frame::Para(p)) = self.frames.last_mut() {
                p.text.push(if checked { TICKED } else { UNTICKED });
            }
        }
    }

    /// The location of a block starting now: a new index at the top level of the body,
    /// else the enclosing top-level block's.
    pub(super) fn block_location(&mut self) -> Span {
        if self.frames.len() == 1 {
            self.top_index = self.top_index.saturating_add(1);
        }
        self.here()
    }

    pub(super) fn here(&self) -> Span {
        Span::Paragraph { part: self.part_name.clone(), index: self.top_index.max(1) }
    }

    /// Adds a block to the innermost frame that can hold it.
    pub(super) fn emit(&mut self, block: Block) {
        self.flush_carry();
        self.emit_raw(block);
    }

    pub(super) fn emit_raw(&mut self, block: Block) {
        match self.frames.last_mut() {
            // Most cells hold one paragraph, kept without a vector (`Blocks`).
            Some(Frame::Container { blocks, .. }) => blocks.push(block),
            Some(Frame::Para(p)) => p.after.push(block),
            Some(Frame::Table { rows, .. }) => {
                rows.push(Row::new(vec![Cell { blocks: Blocks::from(block) }]))
            }
            Some(Frame::Row { cells }) => {
                cells.push(Cell { blocks: Blocks::from(block) })
            }
            None => {}
        }
    }

    /// Emits a paragraph held back by a deleted paragraph mark, on its own.
    pub(super) fn flush_carry(&mut self) {
        let carry = match self.frames.last_mut() {
            Some(Frame::Container { carry, .. }) => carry.take(),
            _ => None,
        };
        if let Some(para) = carry {
            self.finish_para(*para);
        }
    }

    pub(super) fn end_para(&mut self) {
        // A field instruction does not run past its paragraph: a field whose `separate`
        // and `end` were lost (deleted, truncated) must not hide the rest of the document.
        while self.fields.last().is_some_and(|f| !f.result) {
            self.field_checkbox();
            self.fields.pop();
        }
        let Some(Frame::Para(mut para)) = self.frames.pop() else { return };
        if let Some(Frame::Container { carry, .. }) = self.frames.last_mut() {
            if let Some(prev) = carry.take() {
                para = merge(*prev, para);
            }
            if para.runs_on {
                *carry = Some(Box::new(para));
                return;
            }
        }
        self.finish_para(para);
    }

    pub(super) fn end_container(&mut self) {
        self.flush_carry();
        let Some(Frame::Container { kind, blocks, .. }) = self.frames.pop() else {
            return;
        };
        match kind {
            ContainerKind::Cell { vmerge_continue, hmerge_continue } => {
                let cell = Cell { blocks };
                let empty = cell.is_empty();
                if hmerge_continue && empty {
                    return;
                }
                let cell = if vmerge_continue && empty { Cell::default() } else { cell };
                match self.frames.last_mut() {
                    Some(Frame::Row { cells }) => cells.push(cell),
                    _ => {
                        for block in cell.blocks {
                            self.emit(block);
                        }
                    }
                }
            }
            ContainerKind::Note { id } => self.notes.push((id, blocks.into())),
            ContainerKind::TextBox | ContainerKind::Body => {
                for block in blocks {
                    self.emit(block);
                }
            }
        }
    }

    pub(super) fn end_row(&mut self) {
        let Some(Frame::Row { cells }) = self.frames.pop() else { return };
        let row = Row::new(cells);
        match self.frames.last_mut() {
            Some(Frame::Table { rows, .. }) => rows.push(row),
            _ => {
                let location = self.here();
                self.emit(Block::table(vec![row], location));
            }
        }
    }

    pub(super) fn end_table(&mut self) {
        let Some(Frame::Table { rows, location }) = self.frames.pop() else { return };
        self.emit(Block::table(rows, location));
    }

    /// The blocks of the body, once the part is read.
    pub(super) fn finish(&mut self) -> Vec<Block> {
        // Frames left open by a truncated part are closed innermost first.
        while self.frames.len() > 1 {
            match self.frames.last() {
                Some(Frame::Para(_)) => self.end_para(),
                Some(Frame::Container { .. }) => self.end_container(),
                Some(Frame::Row { .. }) => self.end_row(),
                Some(Frame::Table { .. }) => self.end_table(),
                None => break,
            }
        }
        self.flush_carry();
        match self.frames.pop() {
            Some(Frame::Container { blocks, .. }) => {
                let mut blocks = Vec::from(blocks);
                // In place: a shrinking reallocation does not copy.
                blocks.shrink_to_fit();
                blocks
            }
            _ => Vec::new(),
        }
    }

    /// Emits a finished paragraph's block (heading, list item or paragraph; none when it
    /// is empty) followed by the blocks of its text boxes, straight into the innermost
    /// frame (no vector per paragraph).
    pub(super) fn finish_para(&mut self, para: Para) {
        // Styles are read on demand: `w:pStyle` resolved its own, else the default's.
        let style = match para.style {
            Some(i) => Some(i),
            None => self.styles.default_para_style(),
        };
        let inherited = style.and_then(|i| self.styles.resolved(i)).and_then(|s| s.num);
        // `w:numPr` on the paragraph, completed from its style's.
        let num = match (para.num, inherited) {
            (Some(own), Some(inherited)) => Some(own.or(inherited)),
            (own, inherited) => own.or(inherited),
        };
        if let Some(num_id) = num.and_then(|n| n.num_id) {
            self.numbering.prepare_links(num_id, self.styles);
        }
        let styles = &*self.styles;
        let info = style.and_then(|i| styles.resolved(i));
        let location = para.location.unwrap_or_else(|| self.here());
        // The block gets an exact copy; the paragraph's grown buffer is kept for the next
        // paragraph's text, so that building text does not reallocate every paragraph.
        let mut buffer = normalise_inline_owned(para.text);
        let text = buffer.trim().to_string();
        buffer.clear();
        if buffer.capacity() > self.spare_text.capacity() {
            self.spare_text = buffer;
        }
        let is_title = info.is_some_and(|s| s.is_title);
        let outline = match para.outline {
            Some(level) => (level < 9).then_some(level),
            None => info.and_then(|s| s.outline),
        }
        .filter(|_| !is_title);

        let mut label = None;
        let mut ilvl = 0u8;
        if let Some(NumPr { ilvl: level, num_id: Some(num_id) }) = num {
            // Without `w:ilvl`, the level is the one tied to the style by `w:lvl/w:pStyle`.
            // (Remembered for the last list and style: what they give is final once the
            // links are prepared, and list paragraphs come in runs.)
            ilvl = match (level, self.style_level) {
                (Some(level), _) => level,
                (None, Some((id, of, level))) if id == num_id && of == style => level,
                (None, _) => {
                    let level = info
                        .into_iter()
                        .flat_map(|s| {
                            std::iter::once(&*s.id).chain(s.num_from.as_deref())
                        })
                        .find_map(|id| self.numbering.level_of_style(num_id, id, styles))
                        .unwrap_or(0);
                    self.style_level = Some((num_id, style, level));
                    level
                }
            };
            label = self.numbering.next(num_id, ilvl, styles);
        }

        if !text.is_empty() {
            let kind = if let Some(level) = outline {
                let number = label
                    .filter(|l| l.kind == LabelKind::Number)
                    .map(|l| l.text.trim().trim_end_matches('.').trim_end().to_string())
                    .filter(|n| !n.is_empty());
                BlockKind::Heading { level: level.saturating_add(1), number, text }
            } else if let Some(shown) =
                label.as_ref().filter(|l| l.kind != LabelKind::None)
            {
                // A number as Word displays it (`1.`, `a)`, `(iv)`); bullets have none.
                let label = (shown.kind == LabelKind::Number)
                    .then(|| shown.text.trim().to_string())
                    .filter(|l| !l.is_empty());
                BlockKind::ListItem { level: ilvl.saturating_add(1), text, label }
            } else if let Some(level) =
                info.and_then(|s| s.list_level).filter(|_| num.is_none())
            {
                BlockKind::ListItem { level, text, label: None }
            } else {
                // The default paragraph style is no style worth naming.
                let style = para
                    .style
                    .and_then(|i| styles.resolved(i))
                    .filter(|s| !s.is_default && !s.name.eq_ignore_ascii_case("normal"))
                    .map(|s| s.name.clone());
                BlockKind::Paragraph { text, style }
            };
            // Emitted as built: moving it through an `Option` and an iterator chain
            // reloaded it in pieces other than those just stored (a forwarding stall).
            self.emit_raw(Block { kind, location });
        }
        if !para.after.is_empty() {
            for block in para.after {
                self.emit_raw(block);
            }
        }
    }
}

/// Joins a paragraph whose mark was deleted with the next: the text runs on, the
/// surviving mark's properties apply, the block starts where the first did.
fn merge(prev: Para, next: Para) -> Para {
    let mut text = prev.text;
    text.push_str(&next.text);
    let mut after = prev.after;
    after.extend(next.after);
    Para { text, after, location: prev.location.or(next.location), ..next }
}

//! Body conservation (issue 13): the official minutes carry every block of the draft, in
//! its place. A draft and the Flow read back from its official DOCX are compared as
//! - words: the multiset of case-folded words of the draft (the blocks the cover sheet
//!   shows aside) against the output's, as the share of the draft's words found;
//! - order: the draft's block texts (paragraphs, headings, list items, table rows) against
//!   the output's, as the longest common subsequence over the draft's count.

use std::collections::HashMap;

use minutes_flow::{Block, BlockKind};
use minutes_write::{write_docx, DocxWriteOptions, Template};

/// What one draft keeps.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Measure {
    /// Words of the draft's body.
    pub words: usize,
    /// Of those, how many the output lacks.
    pub missing: usize,
    /// Block texts of the draft's body.
    pub blocks: usize,
    /// Of those, how many the output has in the same order.
    pub in_order: usize,
    /// The missing words, most frequent first (a few, for the report).
    pub missing_words: Vec<(String, usize)>,
}

impl Measure {
    /// The share of the draft's words found in the output (1 for a draft without words).
    pub fn word_share(&self) -> f64 {
        share(self.words - self.missing.min(self.words), self.words)
    }

    /// The share of the draft's blocks found in order in the output.
    pub fn order_share(&self) -> f64 {
        share(self.in_order, self.blocks)
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Reads `draft` (DOCX or text), writes its official minutes with the built-in template,
/// reads them back and measures what reached them.
pub fn measure(draft: &[u8]) -> Result<Measure, String> {
    let flow = minutes::read_flow(draft).map_err(|e| e.to_string())?.output;
    let meeting = minutes::load(draft).map_err(|e| e.to_string())?.meeting;
    let docx = write_docx(&meeting, &Template::builtin(), &DocxWriteOptions::default())
        .map_err(|e| format!("writing the minutes: {e}"))?;
    let written = minutes::read_flow(&docx)
        .map_err(|e| format!("reading the minutes back: {e}"))?
        .output;
    let cover = minutes_recognise::cover_extent(&flow);
    let mut draft_items = Vec::new();
    items(flow.blocks.get(cover..).unwrap_or_default(), &mut draft_items);
    let mut written_items = Vec::new();
    items(&written.blocks, &mut written_items);
    Ok(compare(&draft_items, &written_items))
}

/// Compares the block texts of a draft with those of its output.
pub fn compare(draft: &[String], written: &[String]) -> Measure {
    let mut available: HashMap<&str, usize> = HashMap::new();
    for word in written.iter().flat_map(|item| item.split(' ')) {
        *available.entry(word).or_default() += 1;
    }
    let mut words = 0;
    let mut missing: HashMap<&str, usize> = HashMap::new();
    for word in draft.iter().flat_map(|item| item.split(' ')) {
        words += 1;
        match available.get_mut(word) {
            Some(count) if *count > 0 => *count -= 1,
            _ => *missing.entry(word).or_default() += 1,
        }
    }
    let mut missing_words: Vec<(String, usize)> =
        missing.iter().map(|(w, n)| (w.to_string(), *n)).collect();
    missing_words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    missing_words.truncate(8);
    let diff = similar::capture_diff_slices(similar::Algorithm::Myers, draft, written);
    let in_order = diff
        .iter()
        .map(|op| match op {
            similar::DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    Measure {
        words,
        missing: missing.values().sum(),
        blocks: draft.len(),
        in_order,
        missing_words,
    }
}

/// The normalised texts of `blocks` in order: one per paragraph, heading (with its number)
/// and list item (with its label), one per table row; empty ones left out.
pub fn items(blocks: &[Block], out: &mut Vec<String>) {
    for block in blocks {
        let text = match &block.kind {
            BlockKind::Heading { number, text, .. } => {
                format!("{} {text}", number.as_deref().unwrap_or_default())
            }
            BlockKind::ListItem { text, label, .. } => {
                format!("{} {text}", label.as_deref().unwrap_or_default())
            }
            BlockKind::Table(table) => {
                for row in &table.rows {
                    let cells: Vec<String> = row.cells.iter().map(|c| c.text()).collect();
                    push(normalise(&cells.join(" ")), out);
                }
                continue;
            }
            _ => block.text().unwrap_or_default().to_string(),
        };
        push(normalise(&text), out);
    }
}

fn push(text: String, out: &mut Vec<String>) {
    if !text.is_empty() {
        out.push(text);
    }
}

/// Case-folded words separated by single spaces; anything but letters and digits
/// separates words.
pub fn normalise(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_missing_words_and_order() {
        let draft: Vec<String> = ["a b", "c", "d d"].map(normalise).to_vec();
        let written: Vec<String> = ["d d", "a b", "x"].map(normalise).to_vec();
        let measure = compare(&draft, &written);
        assert_eq!((measure.words, measure.missing), (5, 1));
        assert_eq!((measure.blocks, measure.in_order), (3, 1));
        assert_eq!(measure.missing_words, [("c".to_string(), 1)]);
    }
}

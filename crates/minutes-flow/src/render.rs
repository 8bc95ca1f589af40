//! A plain-text view of a Flow: one block per line, what `minutes flow` prints.

use std::fmt::Write;

use crate::{Block, BlockKind, Flow};

/// Renders a Flow as plain text for people and tests: one block per line; headings as
/// `# 6.3 Title` (one `#` per level); list items indented by level after `- ` (or their
/// number, `1.`, for numbered items); table rows
/// as `| ` followed by cells separated by tabs, a cell's paragraphs joined by ` / `.
pub fn render_flow(flow: &Flow) -> String {
    let mut out = String::new();
    render_blocks(&flow.blocks, &mut out);
    out
}

fn render_blocks(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match &block.kind {
            BlockKind::Heading { level, number, text } => {
                let hashes = "#".repeat(usize::from((*level).max(1)));
                match number {
                    Some(number) => {
                        let _ = writeln!(out, "{hashes} {number} {text}");
                    }
                    None => {
                        let _ = writeln!(out, "{hashes} {text}");
                    }
                }
            }
            BlockKind::Paragraph { text, .. } => {
                let _ = writeln!(out, "{text}");
            }
            BlockKind::ListItem { level, text, label } => {
                let indent = "  ".repeat(usize::from(level.saturating_sub(1)));
                let marker = label.as_deref().unwrap_or("-");
                let _ = writeln!(out, "{indent}{marker} {text}");
            }
            BlockKind::Table(table) => {
                for row in &table.rows {
                    let cells: Vec<String> = row
                        .cells
                        .iter()
                        .map(|cell| cell.text().replace('\n', " / "))
                        .collect();
                    let _ = writeln!(out, "| {}", cells.join("\t"));
                }
            }
        }
    }
}

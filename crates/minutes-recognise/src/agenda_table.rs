//! Agendas as tables (`AI# | Topic | Specs | Rapporteur`): in a draft without numbered
//! headings, the rows of such a table are its sections. The table itself stays where it
//! is, in the body; the sections it gives carry the numbers and titles.

use minutes_flow::{BlockKind, Flow, Row, Table};
use minutes_model::Section;

use crate::text::{fold_spaces, label_key, location_text};

/// The sections the agenda tables of `flow` give, in order (flat: the caller nests them).
pub(crate) fn agenda_sections(flow: &Flow) -> Vec<Section> {
    let mut sections = Vec::new();
    for block in &flow.blocks {
        let BlockKind::Table(table) = &block.kind else { continue };
        let Some((item, topic)) = agenda_columns(table) else { continue };
        for row in table.rows.iter().skip(1) {
            let Some(section) = row_section(row, item, topic) else { continue };
            sections
                .push(Section { location: location_text(&block.location), ..section });
        }
    }
    sections
}

/// The agenda-item and topic columns of a table whose header names both and no
/// document-id column.
fn agenda_columns(table: &Table) -> Option<(usize, usize)> {
    let header: Vec<String> =
        table.rows.first()?.cells.iter().map(|c| label_key(&c.text())).collect();
    let find = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let item = find(&["ai#", "ai", "ai #", "agenda item", "item", "item #"])?;
    let topic = find(&["topic", "title", "subject", "agenda item title", "description"])?;
    let documents = find(&["tdoc", "td#", "td", "tdoc#", "document", "doc"]);
    documents.is_none().then_some((item, topic))
}

/// The section a row gives: an outline number (`6.10`) and the topic's first line.
fn row_section(row: &Row, item: usize, topic: usize) -> Option<Section> {
    let number = row.cells.get(item)?.text();
    let number = number.trim().trim_end_matches('.');
    let outline = !number.is_empty()
        && number.split('.').all(|p| {
            !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit())
        });
    if !outline {
        return None;
    }
    let topic = row.cells.get(topic)?.text();
    let title = fold_spaces(topic.lines().next().unwrap_or_default()).into_owned();
    Some(Section {
        number: crate::sections::canonical(number),
        number_as_written: None,
        title,
        contributions: Vec::new(),
        blocks: Vec::new(),
        sections: Vec::new(),
        location: minutes_model::Span::Unknown,
    })
}

//! Markdown view of a meeting (GitHub tables), for wikis and review.

use std::fmt::Write;

use minutes_model::{Block, Contribution, Meeting, Section, Severity};

/// The meeting as Markdown: cover table, numbered sections with their contribution tables
/// and discussion (decision status words in bold), action items, planned meetings, the
/// dispositions and the diagnostics.
pub fn write_markdown(meeting: &Meeting) -> String {
    let mut out = String::new();
    let cover = &meeting.cover;
    let title = cover.title.as_deref().unwrap_or("Minutes");
    let _ = writeln!(out, "# {}\n", inline(title));
    let rows: Vec<(&str, String)> = [
        ("Chair", cover.chair.clone()),
        (
            "Vice Chairs",
            (!cover.vice_chairs.is_empty()).then(|| cover.vice_chairs.join("\n")),
        ),
        ("Secretary", cover.secretary.clone()),
        ("Meeting Date", cover.date.clone()),
        ("Intended purpose", cover.purpose.map(|p| p.label().to_string())),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.map(|v| (label, v)))
    .collect();
    if !rows.is_empty() {
        table(
            &mut out,
            &["Field", "Value"],
            rows.iter().map(|(l, v)| vec![l.to_string(), v.clone()]),
        );
    }
    for section in &meeting.sections {
        write_section(&mut out, meeting, section, 2);
    }
    if !meeting.next_meetings.is_empty() {
        let _ = writeln!(out, "## Planned meetings\n");
        table(
            &mut out,
            &["Meeting", "When", "Where", "Kind"],
            meeting.next_meetings.iter().map(|m| {
                vec![
                    m.name.clone(),
                    m.when.clone().unwrap_or_default(),
                    m.place.clone().unwrap_or_default(),
                    m.kind.clone().unwrap_or_default(),
                ]
            }),
        );
    }
    let dispositions = meeting.dispositions();
    if !dispositions.is_empty() {
        let _ = writeln!(out, "## Dispositions\n");
        table(
            &mut out,
            &["Tdoc", "Status", "Agenda item", "Title"],
            dispositions.iter().map(|d| {
                vec![
                    d.tdoc.to_string(),
                    d.status.to_string(),
                    d.section.clone(),
                    d.title.clone(),
                ]
            }),
        );
    }
    if !meeting.diagnostics.is_empty() {
        let _ = writeln!(out, "## Diagnostics\n");
        for d in &meeting.diagnostics {
            let severity = match d.severity {
                Severity::Note => "note",
                Severity::Warning => "warning",
                Severity::Error => "error",
            };
            let _ = writeln!(out, "- {}: {severity}: {}", d.location, inline(&d.message));
        }
        out.push('\n');
    }
    out
}

fn write_section(out: &mut String, meeting: &Meeting, section: &Section, depth: usize) {
    let hashes = "#".repeat(depth.min(6));
    let heading = format!("{} {}", section.shown_number(), inline(&section.title));
    if !heading.trim().is_empty() {
        let _ = writeln!(out, "{hashes} {}\n", heading.trim());
    }
    // Models written before contribution tables had a place: theirs open the section.
    let placed = section.blocks.iter().any(|b| matches!(b, Block::Contributions { .. }));
    if !placed && !section.contributions.is_empty() {
        contribution_table(out, section.contributions.iter());
    }
    let mut previous: Option<&str> = None;
    let mut all_actions_written = false;
    for block in &section.blocks {
        match block {
            Block::Document(heading) => {
                if !heading.in_table {
                    let _ = writeln!(out, "**{}**\n", inline(&heading.as_written));
                }
            }
            Block::Heading { number, text, .. } => {
                let text = match number {
                    Some(number) => format!("{number} {text}"),
                    None => text.clone(),
                };
                let _ = writeln!(out, "**{}**\n", inline(&text));
            }
            Block::Paragraph { text, .. } => {
                let _ = writeln!(out, "{}\n", inline(text));
            }
            Block::Bullet { level, text, label, .. } => {
                let indent = "  ".repeat(usize::from(level.saturating_sub(1)));
                let marker = label.as_deref().map_or("-".to_string(), inline);
                let _ = writeln!(
                    out,
                    "{indent}- {}\n",
                    inline_item(&marker, text, label.is_some())
                );
            }
            Block::Decision(decision) => {
                // One line can decide several documents: print it once; a table shows
                // the decisions written in its cells.
                if !decision.in_table && previous != Some(decision.as_written.as_str()) {
                    let line = inline(&decision.as_written);
                    let status = inline(&decision.status_as_written);
                    let bold = if !status.is_empty() && line.contains(&status) {
                        line.replacen(&status, &format!("**{status}**"), 1)
                    } else {
                        line
                    };
                    let _ = writeln!(out, "{bold}\n");
                }
                previous = Some(decision.as_written.as_str());
                continue;
            }
            Block::ActionItems { items, header, .. } => {
                let rows = match items {
                    Some(range) => {
                        meeting.action_items.get(range.clone()).unwrap_or_default()
                    }
                    None if all_actions_written => &[],
                    None => {
                        all_actions_written = true;
                        &meeting.action_items
                    }
                };
                let header: Vec<&str> = if header.is_empty() {
                    vec!["Reference", "What", "Who", "Status"]
                } else {
                    header.iter().map(String::as_str).collect()
                };
                table(
                    out,
                    &header,
                    rows.iter().map(|a| {
                        vec![
                            a.reference.clone(),
                            a.what.clone(),
                            a.who.clone(),
                            a.status.clone(),
                        ]
                    }),
                );
            }
            Block::Contributions { contributions, rows, header, .. } => {
                match (rows.split_first(), header) {
                    (Some((first, rest)), true) => {
                        let first: Vec<&str> = first.iter().map(String::as_str).collect();
                        table(out, &first, rest.iter().cloned());
                    }
                    (Some(_), false) => {
                        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
                        table(out, &vec![""; width], rows.iter().cloned());
                    }
                    (None, _) => contribution_table(
                        out,
                        section
                            .contributions
                            .get(contributions.clone())
                            .unwrap_or_default()
                            .iter(),
                    ),
                }
            }
            Block::Table { rows, .. } => {
                let width = rows.iter().map(Vec::len).max().unwrap_or(0);
                let header = vec![""; width];
                table(out, &header, rows.iter().cloned());
            }
        }
        previous = None;
    }
    for child in &section.sections {
        write_section(out, meeting, child, depth + 1);
    }
}

fn contribution_table<'a>(
    out: &mut String,
    contributions: impl Iterator<Item = &'a Contribution>,
) {
    table(
        out,
        &["Tdoc", "Title", "Source"],
        contributions
            .map(|c| vec![c.tdoc.to_string(), c.title.clone(), c.source.clone()]),
    );
}

/// A list item's text after its marker: a numbered item keeps its number as text.
fn inline_item(marker: &str, text: &str, numbered: bool) -> String {
    if numbered {
        format!("{marker} {}", inline(text))
    } else {
        inline(text)
    }
}

/// Escapes what Markdown would take as markup (emphasis, HTML, table cells), and writes
/// line breaks as spaces.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '*' => out.push_str("\\*"),
            '_' => out.push_str("\\_"),
            '|' => out.push_str("\\|"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A table cell: its lines joined by `<br>`.
fn cell(text: &str) -> String {
    text.split('\n').map(inline).collect::<Vec<_>>().join("<br>")
}

fn table(out: &mut String, header: &[&str], rows: impl Iterator<Item = Vec<String>>) {
    let _ = writeln!(
        out,
        "| {} |",
        header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | ")
    );
    let _ = writeln!(out, "|{}", " --- |".repeat(header.len().max(1)));
    for row in rows {
        let mut cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        cells.resize(header.len().max(cells.len()), String::new());
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use minutes_model::{ActionItem, Cover, Decision, Status};

    use super::*;

    // Issue 13: text and cells escape what Markdown or HTML would take as markup.
    #[test]
    fn escapes_markup_in_text_and_cells() {
        assert_eq!(inline("a <b> & c | d_e*f"), "a &lt;b&gt; &amp; c \\| d\\_e\\*f");
        assert_eq!(cell("x|y\n<z>"), "x\\|y<br>&lt;z&gt;");
    }

    // One small meeting rendered as Markdown, compared as a whole.
    #[test]
    fn renders_a_small_meeting() {
        let tdoc = |t: &str| t.parse().unwrap_or_else(|_| panic!("{t}"));
        let meeting = Meeting {
            cover: Cover {
                title: Some("SEC17 Meeting – Sapporo".into()),
                chair: Some("F. E.".into()),
                ..Cover::default()
            },
            sections: vec![Section {
                number: "6.3".into(),
                title: "Other | misc".into(),
                contributions: vec![Contribution {
                    tdoc: tdoc("SEC-2015-0507"),
                    tdoc_as_written: "SEC-2015-0507".into(),
                    title: "Use case of PPM".into(),
                    source: "KDDI".into(),
                    location: "line 86".into(),
                }],
                blocks: vec![
                    Block::Bullet {
                        level: 1,
                        text: "Edits were made".into(),
                        label: None,
                        location: minutes_model::Span::Unknown,
                    },
                    Block::Decision(Decision {
                        tdoc: tdoc("SEC-2015-0507"),
                        tdoc_as_written: "SEC-2015-0507".into(),
                        status: Status::Noted,
                        status_as_written: "NOTED".into(),
                        title: Some("Use Case of PPM".into()),
                        comment: None,
                        as_written: "NOTED - SEC-2015-0507- Use Case of PPM".into(),
                        in_table: false,
                        location: "line 127".into(),
                        links: Default::default(),
                    }),
                    Block::ActionItems {
                        items: None,
                        header: Vec::new(),
                        location: minutes_model::Span::Unknown,
                    },
                ],
                ..Section::default()
            }],
            action_items: vec![ActionItem {
                reference: "A-1".into(),
                what: "Write\nit".into(),
                who: "All".into(),
                status: "OPEN".into(),
                location: minutes_model::Span::Unknown,
            }],
            ..Meeting::default()
        };
        insta::assert_snapshot!(write_markdown(&meeting));
    }
}

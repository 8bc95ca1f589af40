//! Markdown view of a meeting (GitHub tables), for wikis and review.

use std::fmt::Write;

use minutes_model::{Block, Meeting, Section, Severity};

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
    let _ = writeln!(out, "{hashes} {} {}\n", section.number, inline(&section.title));
    if !section.contributions.is_empty() {
        table(
            out,
            &["Tdoc", "Title", "Source"],
            section
                .contributions
                .iter()
                .map(|c| vec![c.tdoc.to_string(), c.title.clone(), c.source.clone()]),
        );
    }
    let mut previous: Option<&str> = None;
    for block in &section.blocks {
        match block {
            Block::Document(heading) => {
                let _ = writeln!(out, "**{}**\n", inline(&heading.as_written));
            }
            Block::Paragraph { text, .. } => {
                let _ = writeln!(out, "{}\n", inline(text));
            }
            Block::Bullet { level, text, .. } => {
                let indent = "  ".repeat(usize::from(level.saturating_sub(1)));
                let _ = writeln!(out, "{indent}- {}\n", inline(text));
            }
            Block::Decision(decision) => {
                // One line can decide several documents: print it once.
                if previous != Some(decision.as_written.as_str()) {
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
            Block::ActionItems { .. } => table(
                out,
                &["Reference", "What", "Who", "Status"],
                meeting.action_items.iter().map(|a| {
                    vec![
                        a.reference.clone(),
                        a.what.clone(),
                        a.who.clone(),
                        a.status.clone(),
                    ]
                }),
            ),
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

/// Escapes what Markdown would take as markup at the start of a line or inside emphasis.
fn inline(text: &str) -> String {
    text.replace('\\', "\\\\").replace('*', "\\*").replace('_', "\\_").replace('\n', " ")
}

fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|").replace('\n', "<br>")
}

fn table(out: &mut String, header: &[&str], rows: impl Iterator<Item = Vec<String>>) {
    let _ = writeln!(
        out,
        "| {} |",
        header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | ")
    );
    let _ = writeln!(out, "|{}", " --- |".repeat(header.len().max(1)));
    for row in rows {
        let mut cells: Vec<String> =
            row.iter().map(|c| cell(&c.replace('\n', "<br>"))).collect();
        cells.resize(header.len().max(cells.len()), String::new());
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use minutes_model::{ActionItem, Contribution, Cover, Decision, Status};

    use super::*;

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
                        location: String::new(),
                    },
                    Block::Decision(Decision {
                        tdoc: tdoc("SEC-2015-0507"),
                        tdoc_as_written: "SEC-2015-0507".into(),
                        status: Status::Noted,
                        status_as_written: "NOTED".into(),
                        title: Some("Use Case of PPM".into()),
                        comment: None,
                        as_written: "NOTED - SEC-2015-0507- Use Case of PPM".into(),
                        location: "line 127".into(),
                        links: Default::default(),
                    }),
                    Block::ActionItems { location: String::new() },
                ],
                ..Section::default()
            }],
            action_items: vec![ActionItem {
                reference: "A-1".into(),
                what: "Write\nit".into(),
                who: "All".into(),
                status: "OPEN".into(),
                location: String::new(),
            }],
            ..Meeting::default()
        };
        insta::assert_snapshot!(write_markdown(&meeting));
    }
}

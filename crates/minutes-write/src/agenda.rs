//! Agendas as meetings: this meeting's agenda, the next meeting's draft agenda, and an
//! agenda allocated from a contributions list. Each is a [`Meeting`] with contributions but
//! no discussion and no decisions, rendered by the same template machinery as the minutes.

use minutes_model::{
    ActionItem, Block, Cover, Diagnostic, ListedContribution, Meeting, NextMeeting,
    Section, Severity, Span,
};

use crate::{write_docx, DocxWriteOptions, Result, Template};

/// Writes an agenda (a meeting from [`agenda_of`], [`next_agenda`] or
/// [`agenda_from_contributions`]) by filling `template`, titled "Agenda".
pub fn write_agenda(
    agenda: &Meeting,
    template: &Template,
    options: &DocxWriteOptions,
) -> Result<Vec<u8>> {
    let options = DocxWriteOptions {
        document_title: Some("Agenda".to_string()),
        ..options.clone()
    };
    write_docx(agenda, template, &options)
}

/// The group a meeting name or title belongs to: its leading letters, upper-cased
/// (`SEC` for `SEC#17.1` and `SEC17 Meeting – Sapporo`, `TP` for `TP18`).
fn group_of(name: &str) -> String {
    name.trim()
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_uppercase()
}

/// The agenda of `meeting`: its cover and numbered items with their contributions; no
/// discussion, no decisions, no action items.
pub fn agenda_of(meeting: &Meeting) -> Meeting {
    fn strip(section: &Section) -> Section {
        Section {
            number: section.number.clone(),
            number_as_written: section.number_as_written.clone(),
            title: section.title.clone(),
            contributions: section.contributions.clone(),
            blocks: Vec::new(),
            sections: section.sections.iter().map(strip).collect(),
            location: section.location.clone(),
        }
    }
    Meeting {
        cover: meeting.cover.clone(),
        body: meeting.body,
        sections: meeting.sections.iter().map(strip).collect(),
        action_items: Vec::new(),
        next_meetings: Vec::new(),
        diagnostics: Vec::new(),
    }
}

/// Returns true if and only if the meeting is a face-to-face one, going by its kind.
fn face_to_face(meeting: &NextMeeting) -> bool {
    meeting.kind.as_deref().is_some_and(|k| {
        let k = k.to_lowercase();
        k.contains("face") || k.contains("f2f")
    })
}

fn slot() -> Block {
    Block::Table {
        rows: vec![
            vec!["Tdoc number".to_string(), "Title".to_string(), "Source".to_string()],
            vec![String::new(), String::new(), String::new()],
        ],
        location: Span::Unknown,
    }
}

fn item(number: usize, title: &str, blocks: Vec<Block>) -> Section {
    Section {
        number: number.to_string(),
        title: title.to_string(),
        blocks,
        ..Section::default()
    }
}

fn paragraph(text: String) -> Block {
    Block::Paragraph { text, location: Span::Unknown }
}

/// The draft agenda of the next meeting planned in `meeting`: standard opening items, the
/// open action items carried over (uncertain ones such as `CLOSED?` listed to confirm),
/// empty contribution slots under the topics that had contributions, and the planned
/// meeting as title and date: the first planned meeting of the same group (`SEC#17.1`
/// after `SEC17`, not the plenary `TP18`), else the next face-to-face one, else the first.
/// The other planned meetings are listed under "Planning".
pub fn next_agenda(meeting: &Meeting) -> Meeting {
    let mut diagnostics = Vec::new();
    let group = meeting.cover.title.as_deref().map(group_of).filter(|g| !g.is_empty());
    let planned = meeting
        .next_meetings
        .iter()
        .find(|m| group.as_deref().is_some_and(|g| group_of(&m.name) == g))
        .or_else(|| meeting.next_meetings.iter().find(|m| face_to_face(m)))
        .or_else(|| meeting.next_meetings.first())
        .cloned();
    let cover = Cover {
        title: planned.as_ref().map(|m| {
            let mut title = m.name.clone();
            for part in [&m.kind, &m.place].into_iter().flatten() {
                title.push_str(" – ");
                title.push_str(part);
            }
            title
        }),
        date: planned.as_ref().and_then(|m| m.when.clone()),
        chair: meeting.cover.chair.clone(),
        vice_chairs: meeting.cover.vice_chairs.clone(),
        secretary: meeting.cover.secretary.clone(),
        purpose: meeting.cover.purpose,
    };
    if planned.is_none() {
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            location: Span::Unknown,
            message:
                "no next meeting is planned in these minutes: title and date left empty"
                    .into(),
        });
    }

    let carried: Vec<ActionItem> =
        meeting.action_items.iter().filter(|a| a.is_open()).cloned().collect();
    let mut action_blocks = vec![Block::ActionItems {
        header: Vec::new(),
        items: Some(0..carried.len()),
        location: Span::Unknown,
    }];
    for uncertain in carried.iter().filter(|a| a.is_uncertain()) {
        let reference = uncertain.reference.replace('\n', " ");
        action_blocks.push(paragraph(format!(
            "To confirm: {reference} is marked {}; carried over until confirmed.",
            uncertain.status
        )));
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            location: uncertain.location.clone(),
            message: format!("action item {reference} has the uncertain status `{}`: carried over, to confirm", uncertain.status),
        });
    }

    let topics: Vec<&Section> = meeting
        .all_sections()
        .into_iter()
        .filter(|s| !s.contributions.is_empty() && !is_standard(&s.title))
        .collect();
    let mut sections = vec![
        item(1, "Opening of the meeting", Vec::new()),
        item(2, "Review & Agreement of Agenda", vec![slot()]),
        item(3, "Review of Previous Minutes", vec![slot()]),
        item(4, "Objectives for the Meeting", Vec::new()),
        item(5, "Action Item Status", action_blocks),
    ];
    let mut contributions = item(6, "Contributions", Vec::new());
    contributions.sections = topics
        .iter()
        .enumerate()
        .map(|(i, s)| Section {
            number: format!("6.{}", i + 1),
            title: s.title.clone(),
            blocks: vec![slot()],
            ..Section::default()
        })
        .collect();
    if contributions.sections.is_empty() {
        contributions.blocks.push(slot());
    }
    sections.push(contributions);
    let plans: Vec<Block> = meeting
        .next_meetings
        .iter()
        .filter(|m| Some(*m) != planned.as_ref())
        .map(|m| {
            let details: Vec<&str> = [&m.when, &m.place, &m.kind]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            Block::Bullet {
                level: 1,
                text: format!("{}: {}", m.name, details.join(", ")),
                label: None,
                location: Span::Unknown,
            }
        })
        .collect();
    sections.push(item(7, "Planning for next Meetings", plans));
    sections.push(item(8, "Any other business", Vec::new()));
    sections.push(item(9, "Closure of meeting", Vec::new()));
    Meeting {
        cover,
        // The next meeting is the same body's.
        body: meeting.body,
        sections,
        action_items: carried,
        next_meetings: Vec::new(),
        diagnostics,
    }
}

/// Agenda items every meeting has; the next agenda writes them itself.
fn is_standard(title: &str) -> bool {
    let title = title.to_lowercase();
    [
        "agenda",
        "previous minutes",
        "previous meeting",
        "objectives",
        "action item",
        "opening",
        "closure",
        "other business",
    ]
    .iter()
    .any(|k| title.contains(k))
}

/// The leading outline number of an agenda-item cell: `6.1`, `6.1 TS-0003`, `AI 6.1`.
fn item_number(text: &str) -> Option<String> {
    let text = text.trim().trim_start_matches(|c: char| {
        c.is_alphabetic() || c == ' ' || c == '#' || c == '.'
    });
    let end =
        text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let number = text.get(..end)?.trim_end_matches('.');
    (!number.is_empty() && number.split('.').all(|p| !p.is_empty()))
        .then(|| number.to_string())
}

/// An agenda allocated from the rows of a contributions list (as
/// `minutes_recognise::contribution_list` finds them in a read list). With a `skeleton`
/// meeting its sections are the agenda items; without, the list's own agenda items are.
/// Rows whose agenda item matches no item are reported and listed under a final
/// "Unallocated contributions" item, never dropped.
pub fn agenda_from_contributions(
    rows: Vec<ListedContribution>,
    skeleton: Option<&Meeting>,
) -> Meeting {
    let mut meeting = match skeleton {
        Some(skeleton) => agenda_of(skeleton),
        None => Meeting::default(),
    };
    for section in &mut meeting.sections {
        clear_contributions(section);
    }
    if skeleton.is_none() {
        let mut numbers: Vec<(Vec<u32>, String, String)> = Vec::new();
        for row in &rows {
            let Some(number) = item_number(&row.agenda_item) else { continue };
            let title = row
                .agenda_item
                .trim()
                .strip_prefix(number.as_str())
                .unwrap_or_default()
                .trim();
            match numbers.iter_mut().find(|(_, n, _)| *n == number) {
                // Some rows name the item with its title, some without: take the first title.
                Some((_, _, known)) if known.is_empty() => *known = title.to_string(),
                Some(_) => {}
                None => {
                    let key = number.split('.').map(|p| p.parse().unwrap_or(0)).collect();
                    numbers.push((key, number, title.to_string()));
                }
            }
        }
        numbers.sort();
        for (_, number, title) in numbers {
            let title =
                if title.is_empty() { format!("Agenda item {number}") } else { title };
            insert(
                &mut meeting.sections,
                Section { number, title, ..Section::default() },
            );
        }
    }
    let mut unallocated = Vec::new();
    for row in rows {
        let wanted = item_number(&row.agenda_item);
        let target = wanted.as_deref().and_then(|n| find_mut(&mut meeting.sections, n));
        match target {
            Some(section) => section.contributions.push(row.contribution),
            None => {
                meeting.diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    location: row.contribution.location.clone(),
                    message: format!(
                        "{} is allocated to agenda item `{}`, which the agenda does not have; listed under \"Unallocated contributions\"",
                        row.contribution.tdoc, row.agenda_item
                    ),
                });
                unallocated.push(row.contribution);
            }
        }
    }
    if !unallocated.is_empty() {
        let next = meeting
            .sections
            .iter()
            .filter_map(|s| s.number.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        meeting.sections.push(Section {
            number: next.to_string(),
            title: "Unallocated contributions".to_string(),
            contributions: unallocated,
            ..Section::default()
        });
    }
    meeting
}

fn clear_contributions(section: &mut Section) {
    section.contributions.clear();
    section.sections.iter_mut().for_each(clear_contributions);
}

fn find_mut<'a>(sections: &'a mut [Section], number: &str) -> Option<&'a mut Section> {
    for section in sections {
        if section.number == number {
            return Some(section);
        }
        if number.starts_with(&format!("{}.", section.number)) {
            return find_mut(&mut section.sections, number);
        }
    }
    None
}

fn insert(sections: &mut Vec<Section>, section: Section) {
    if let Some(last) = sections.last_mut() {
        if section.number.starts_with(&format!("{}.", last.number)) {
            insert(&mut last.sections, section);
            return;
        }
    }
    sections.push(section);
}

#[cfg(test)]
mod tests;

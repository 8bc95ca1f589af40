//! The whole recognition: cover, section tree, discussions, planning, checks.

use minutes_flow::{Block as FlowBlock, BlockKind, Flow, Span};
use minutes_model::{tdoc_spans, Block, Diagnostic, Meeting, Section, Severity};

use crate::{
    checks,
    context::Context,
    cover::recognise_cover,
    discussion::{recognise_section, Collected},
    planning::next_meetings,
    text::location_text,
};

/// How many blocks at the start of `flow` the cover sheet shows (title line, cover table
/// or field lines, purpose options, oneM2M notice): what [`recognise`] does not place in a
/// section because the official minutes' cover carries it. For checks that the rest of the
/// draft reaches the output.
pub fn cover_extent(flow: &Flow) -> usize {
    let numbered = flow.blocks.iter().any(|b| section_heading(b).is_some());
    let first_section = flow
        .blocks
        .iter()
        .position(|b| {
            if numbered {
                section_heading(b).is_some()
            } else {
                unnumbered_heading(b, Context::builtin()).is_some()
            }
        })
        .unwrap_or(flow.blocks.len());
    let preamble: Vec<&FlowBlock> = flow.blocks.iter().take(first_section).collect();
    let (_, used) =
        recognise_cover(&preamble, &[], &mut Vec::new(), crate::phrasebook::builtin());
    used
}

/// A section found in the Flow, before its blocks are recognised.
struct Pending<'f> {
    number: String,
    title: String,
    /// The outline level of an unnumbered heading, which places it in the tree; numbered
    /// sections are placed by their number.
    level: Option<u8>,
    location: Span,
    blocks: Vec<&'f FlowBlock>,
}

/// Recognises a meeting in a Flow. Never fails: what it cannot recognise stays as text
/// and is reported in [`Meeting::diagnostics`]. Every block of the Flow reaches the model,
/// in order: the cover sheet, the sections' headings, or a block of a section.
///
/// The sections are the numbered headings; a draft without any has its unnumbered
/// headings as sections, and a draft without headings is one section. Blocks before the
/// first heading that the cover sheet does not show make an untitled first section.
pub fn recognise(flow: &Flow) -> Meeting {
    recognise_in(flow, Context::builtin())
}

/// [`recognise`] with a phrasebook and a body (see [`crate::recognise_with`]).
pub(crate) fn recognise_in(flow: &Flow, cx: Context<'_>) -> Meeting {
    let mut collected = Collected::default();
    let numbered = flow.blocks.iter().any(|b| section_heading(b).is_some());
    let heading_of = |block: &FlowBlock| -> Option<(String, String, Option<u8>)> {
        if numbered {
            return section_heading(block).map(|(number, title)| (number, title, None));
        }
        unnumbered_heading(block, cx)
            .map(|(level, title)| (String::new(), title, Some(level)))
    };
    let first_section = flow.blocks.iter().position(|b| heading_of(b).is_some());
    let (preamble, body) =
        flow.blocks.split_at(first_section.unwrap_or(flow.blocks.len()));

    // Headings split the body; the blocks under each go to its section.
    let mut flat: Vec<Pending<'_>> = Vec::new();
    for block in body {
        match heading_of(block) {
            Some((number, title, level)) => flat.push(Pending {
                number,
                title,
                level,
                location: block.location.clone(),
                blocks: Vec::new(),
            }),
            None => {
                if let Some(pending) = flat.last_mut() {
                    pending.blocks.push(block);
                }
            }
        }
    }
    let opening: Vec<&FlowBlock> =
        flat.iter().take(2).flat_map(|p| p.blocks.iter().copied()).collect();
    let preamble: Vec<&FlowBlock> = preamble.iter().collect();
    let (cover, used) =
        recognise_cover(&preamble, &opening, &mut collected.diagnostics, cx.book);
    let rest = preamble.get(used..).unwrap_or_default();
    if rest.iter().any(|b| has_content(b)) {
        let location = rest.first().map_or(Span::Unknown, |b| b.location.clone());
        flat.insert(
            0,
            Pending {
                number: String::new(),
                title: String::new(),
                level: Some(1),
                location,
                blocks: rest.to_vec(),
            },
        );
    }
    let start = flow.blocks.first().map_or(Span::Line(1), |b| b.location.clone());
    if first_section.is_none() {
        collected.diagnostics.push(minutes_flow::Diagnostic::warning(
            start.clone(),
            "no section headings found; the body is one section",
        ));
    } else if !numbered {
        collected.diagnostics.push(minutes_flow::Diagnostic::note(
            start.clone(),
            "no numbered section headings; the unnumbered headings are the sections",
        ));
    }

    let mut sections: Vec<Section> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for Pending { number, title, level, location, blocks } in flat {
        let content = recognise_section(&blocks, &mut collected, cx);
        let mut number_as_written = None;
        let number = if number.is_empty() || seen.insert(number.clone()) {
            number
        } else {
            number_as_written = Some(number.clone());
            let unique = (2..)
                .map(|n| format!("{number} ({n})"))
                .find(|n| !seen.contains(n))
                .unwrap_or_default();
            collected.diagnostics.push(minutes_flow::Diagnostic::warning(
                location.clone(),
                format!("section number {number} appears twice; this one is kept as `{unique}`"),
            ));
            seen.insert(unique.clone());
            unique
        };
        let section = Section {
            number,
            number_as_written,
            title,
            contributions: content.contributions,
            blocks: content.blocks,
            sections: Vec::new(),
            location: location_text(&location),
        };
        match level {
            Some(level) => insert_at_level(&mut sections, section, level),
            None => insert(&mut sections, section),
        }
    }

    // Without numbered headings, an agenda table's rows are the sections.
    if !numbered {
        for section in crate::agenda_table::agenda_sections(flow) {
            if seen.insert(section.number.clone()) {
                insert(&mut sections, section);
            }
        }
    }

    let mut meeting = Meeting {
        cover,
        body: None,
        next_meetings: next_meetings(&sections, cx.book),
        sections,
        action_items: collected.action_items,
        diagnostics: collected.diagnostics.iter().map(model_diagnostic).collect(),
    };
    crate::body::settle(&mut meeting, cx.body);
    checks::run(&mut meeting);
    not_understood(&mut meeting, collected.missed_decisions, &location_text(&start));
    sort_diagnostics(&mut meeting);
    meeting
}

/// Orders the diagnostics by their place in the draft (stable: at one place, in the order
/// they were found).
pub(crate) fn sort_diagnostics(meeting: &mut Meeting) {
    meeting
        .diagnostics
        .sort_by(|a, b| location_key(&a.location).cmp(&location_key(&b.location)));
}

/// The message of the error saying that a draft has nothing a meeting would have.
pub const NOT_MINUTES: &str =
    "nothing here looks like minutes: no numbered section, no document id, no cover sheet";

/// Returns true if and only if the meeting has something minutes have: a numbered
/// section, a document id (listed, discussed, decided or mentioned) or a cover sheet
/// (chair, vice chairs, secretary or date).
pub fn looks_like_minutes(meeting: &Meeting) -> bool {
    let cover = &meeting.cover;
    let has_cover = cover.chair.is_some()
        || cover.secretary.is_some()
        || cover.date.is_some()
        || !cover.vice_chairs.is_empty();
    let sections = meeting.all_sections();
    has_cover
        || sections
            .iter()
            .any(|s| !s.number.trim().is_empty() || !s.contributions.is_empty())
        || sections.iter().flat_map(|s| &s.blocks).any(|block| match block {
            Block::Document(_) | Block::Decision(_) => true,
            Block::Heading { text, .. }
            | Block::Paragraph { text, .. }
            | Block::Bullet { text, .. } => tdoc_spans(text).next().is_some(),
            Block::Table { rows, .. } => {
                rows.iter().flatten().any(|cell| tdoc_spans(cell).next().is_some())
            }
            _ => false,
        })
}

/// Errors for drafts the recogniser did not understand: nothing a meeting would have, or
/// lines naming Tdocs with decision words while no decision was recognised.
fn not_understood(meeting: &mut Meeting, missed_decisions: usize, start: &Span) {
    if !looks_like_minutes(meeting) {
        meeting.diagnostics.push(Diagnostic {
            severity: Severity::Error,
            location: start.clone(),
            message: NOT_MINUTES.to_string(),
        });
    } else if missed_decisions > 0 && meeting.decisions().is_empty() {
        meeting.diagnostics.push(Diagnostic {
            severity: Severity::Error,
            location: start.clone(),
            message: format!(
                "{missed_decisions} line(s) name a Tdoc or discuss one with a decision word, but no decision was recognised: no disposition recorded from these minutes"
            ),
        });
    }
}

/// A reader's or recogniser's diagnostic as the model keeps it: the same type, since
/// readers, recogniser and model share one `Diagnostic`.
pub fn model_diagnostic(diagnostic: &minutes_flow::Diagnostic) -> Diagnostic {
    diagnostic.clone()
}

/// Sorts `line 9` before `line 10`, and paragraphs by index, whatever the part.
fn location_key(location: &Span) -> (u32, &Span) {
    let number = match location {
        Span::Line(number)
        | Span::Paragraph { index: number, .. }
        | Span::Row { row: number, .. } => *number,
        Span::Described(_) | Span::Unknown => 0,
    };
    (number, location)
}

/// The number and title of a section heading: a numbered heading, or an unnumbered one
/// whose text starts with a typed number (`6.3 Other Contributions`).
fn section_heading(block: &FlowBlock) -> Option<(String, String)> {
    let BlockKind::Heading { number, text, .. } = &block.kind else { return None };
    let text = crate::text::fold_spaces(text);
    match number {
        Some(number) if !number.trim().is_empty() => Some((
            canonical_number(number.trim().trim_end_matches('.')),
            text.into_owned(),
        )),
        _ => {
            if let Some(annex) = annex_heading(&text) {
                return Some(annex);
            }
            let end = text.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
            let (number, rest) = text.split_at(end);
            let number = number.trim_end_matches('.');
            let valid = !number.is_empty()
                && number.split('.').all(|p| !p.is_empty() && p.len() <= 3);
            (valid && rest.starts_with(char::is_whitespace))
                .then(|| (canonical_number(number), rest.trim().to_string()))
        }
    }
}

/// `Annex A: Summary of Output`: an annex is a section numbered `Annex A`.
fn annex_heading(text: &str) -> Option<(String, String)> {
    let rest = text.strip_prefix("Annex ")?;
    let end = rest.find(|c: char| c.is_whitespace() || c == ':').unwrap_or(rest.len());
    let letter = rest.get(..end)?;
    if letter.is_empty() || letter.len() > 4 {
        return None;
    }
    let title = rest.get(end..)?.trim_start_matches([':', ' ', '\t']).trim();
    Some((format!("Annex {letter}"), title.to_string()))
}

/// The level and text of an unnumbered heading that can be a section: not empty, and not
/// a document heading (`SEC-2015-0515R01- Security requirements` styled as a heading
/// starts a document's discussion).
fn unnumbered_heading(block: &FlowBlock, cx: Context<'_>) -> Option<(u8, String)> {
    let BlockKind::Heading { level, text, .. } = &block.kind else { return None };
    let text = crate::text::fold_spaces(text);
    let usable = !text.is_empty()
        && crate::heading::parse_document_heading(&text, cx).is_none()
        && crate::decision::decided(&text, cx).is_none();
    usable.then(|| ((*level).max(1), text.into_owned()))
}

/// Returns true if and only if the block shows any text.
fn has_content(block: &FlowBlock) -> bool {
    match &block.kind {
        BlockKind::Table(table) => {
            table.rows.iter().any(|row| row.cells.iter().any(|c| !c.is_empty()))
        }
        _ => block.text().is_some_and(|t| !t.trim().is_empty()),
    }
}

/// [`canonical_number`], for the other recognisers.
pub(crate) fn canonical(number: &str) -> String {
    canonical_number(number)
}

/// A section number is an outline position: `02` is section 2 and `6.01` is 6.1, however
/// a draft spells them (Word shows them so only with a zero-padded number format).
fn canonical_number(number: &str) -> String {
    number
        .split('.')
        .map(|part| {
            let digits = part.trim_start_matches('0');
            match (part.chars().all(|c| c.is_ascii_digit()), digits.is_empty()) {
                (true, true) if !part.is_empty() => "0",
                (true, false) => digits,
                _ => part,
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Returns true if and only if `parent` is a proper outline prefix of `child` (`6` of `6.1`).
fn is_parent(parent: &str, child: &str) -> bool {
    child.strip_prefix(parent).is_some_and(|rest| rest.starts_with('.'))
}

/// Places an unnumbered section of outline `level` under the last open section of a
/// lower level.
fn insert_at_level(sections: &mut Vec<Section>, section: Section, level: u8) {
    match sections.last_mut() {
        Some(last) if level > 1 => {
            insert_at_level(&mut last.sections, section, level - 1)
        }
        _ => sections.push(section),
    }
}

fn insert(sections: &mut Vec<Section>, section: Section) {
    if let Some(last) = sections.last_mut() {
        if is_parent(&last.number, &section.number) {
            insert(&mut last.sections, section);
            return;
        }
    }
    sections.push(section);
}

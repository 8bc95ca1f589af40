//! Checks over the recognised meeting: year typos corrected where the context proves them,
//! headings that disagree with their decisions, decided documents missing from the
//! contribution tables, documents left without a decision, conflicting decisions.

use std::collections::{HashMap, HashSet};

use minutes_model::{
    Block, ContributionIndex, Diagnostic, Meeting, Section, Severity, Tdoc,
};

use crate::text::first_year;

fn diagnostic(severity: Severity, location: &str, message: String) -> Diagnostic {
    Diagnostic { severity, location: location.to_string(), message }
}

/// Runs every check, correcting year typos in place and adding diagnostics.
pub(crate) fn run(meeting: &mut Meeting) {
    let mut found = Vec::new();
    let counts = year_counts(meeting);
    let cover_year = meeting.cover.date.as_deref().and_then(first_year);
    let year = cover_year.or_else(|| {
        counts.iter().max_by_key(|(year, count)| (**count, **year)).map(|(year, _)| *year)
    });
    let years = Years { counts, cover: cover_year, meeting: year };
    for section in &mut meeting.sections {
        year_typos(section, &years, &mut found);
    }
    heading_mismatches(meeting, &mut found);
    unlisted_decisions(meeting, &mut found);
    undecided_documents(meeting, &mut found);
    conflicting_decisions(meeting, &mut found);
    meeting.diagnostics.extend(found);
}

/// What the meeting says about years: how often its Tdocs use each, the cover date's year,
/// and the meeting year (the cover's, else the commonest).
struct Years {
    counts: HashMap<u16, usize>,
    cover: Option<u16>,
    meeting: Option<u16>,
}

impl Years {
    /// Returns true if and only if `year` is likelier than `typo` to be the one meant: the
    /// cover's year, or more common among the meeting's Tdocs.
    fn prefers(&self, year: u16, typo: u16) -> bool {
        let count = |y: u16| self.counts.get(&y).copied().unwrap_or(0);
        self.cover == Some(year)
            || (self.cover != Some(typo) && count(year) > count(typo))
    }
}

/// How often the meeting's Tdocs (contributions, document headings, decisions) use each year.
fn year_counts(meeting: &Meeting) -> HashMap<u16, usize> {
    let mut counts: HashMap<u16, usize> = HashMap::new();
    for (_, contribution) in meeting.all_contributions() {
        *counts.entry(contribution.tdoc.year()).or_default() += 1;
    }
    for section in meeting.all_sections() {
        for block in &section.blocks {
            match block {
                Block::Decision(d) => *counts.entry(d.tdoc.year()).or_default() += 1,
                Block::Document(h) => {
                    h.tdocs.iter().for_each(|t| *counts.entry(t.year()).or_default() += 1)
                }
                _ => {}
            }
        }
    }
    counts
}

/// Corrects `SEC-2105-0576` to `SEC-2015-0576` where the same section names
/// `SEC-2015-0576` (table, heading or decision) and 2015 is the likelier year (the cover's,
/// or commoner in the meeting); reports it either way. Independent of a single inferred
/// meeting year, so that a close vote between years never changes a correction.
fn year_typos(section: &mut Section, years: &Years, found: &mut Vec<Diagnostic>) {
    let mut proofs: Vec<(Tdoc, String)> = Vec::new();
    for c in &section.contributions {
        proofs.push((c.tdoc.clone(), c.location.clone()));
    }
    for block in &section.blocks {
        match block {
            Block::Document(h) => {
                proofs.extend(h.tdocs.iter().map(|t| (t.clone(), h.location.clone())))
            }
            Block::Decision(d) => proofs.push((d.tdoc.clone(), d.location.clone())),
            _ => {}
        }
    }
    let number = section.number.clone();
    let mut fix = |tdoc: &mut Tdoc, written: &str, location: &str| {
        for year in tdoc.transposed_years() {
            if !years.prefers(year, tdoc.year()) {
                continue;
            }
            let candidate = tdoc.with_year(year);
            if let Some((proof, at)) =
                proofs.iter().find(|(t, _)| t.same_document(&candidate))
            {
                found.push(diagnostic(
                    Severity::Warning,
                    location,
                    format!(
                        "year typo: `{written}` read as {candidate} ({proof} at {at} in section {number})",
                    ),
                ));
                *tdoc = candidate;
                return;
            }
        }
        let Some(meeting_year) = years.meeting else { return };
        if let Some(fixed_year) = tdoc.year_typo_fix(meeting_year) {
            found.push(diagnostic(
                Severity::Warning,
                location,
                format!(
                    "`{written}`: year {} is far from the meeting year {meeting_year}; kept as written (nothing in section {number} confirms {})",
                    tdoc.year(),
                    tdoc.with_year(fixed_year)
                ),
            ));
        }
    };
    for c in &mut section.contributions {
        let written = c.tdoc_as_written.clone();
        fix(&mut c.tdoc, &written, &c.location.clone());
    }
    for block in &mut section.blocks {
        match block {
            Block::Document(h) => {
                let location = h.location.clone();
                for tdoc in &mut h.tdocs {
                    let written = tdoc.to_string();
                    fix(tdoc, &written, &location);
                }
            }
            Block::Decision(d) => {
                let (written, location) = (d.tdoc_as_written.clone(), d.location.clone());
                fix(&mut d.tdoc, &written, &location);
            }
            _ => {}
        }
    }
    for child in &mut section.sections {
        year_typos(child, years, found);
    }
}

/// The discussions of a section: each document heading with the blocks up to the next.
fn discussions(section: &Section) -> Vec<(&minutes_model::DocumentHeading, &[Block])> {
    let mut result = Vec::new();
    let starts: Vec<usize> = section
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| matches!(b, Block::Document(_)).then_some(i))
        .collect();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(section.blocks.len());
        if let (Some(Block::Document(heading)), Some(blocks)) =
            (section.blocks.get(start), section.blocks.get(start + 1..end))
        {
            result.push((heading, blocks));
        }
    }
    result
}

fn decisions_in(blocks: &[Block]) -> impl Iterator<Item = &minutes_model::Decision> {
    blocks.iter().filter_map(|b| match b {
        Block::Decision(d) => Some(d),
        _ => None,
    })
}

/// `SEC-2015-0606- Fix…` followed by `AGREED - SEC-2015-0506- Fix…` (PATTERNS.md E2).
fn heading_mismatches(meeting: &Meeting, found: &mut Vec<Diagnostic>) {
    for section in meeting.all_sections() {
        for (heading, blocks) in discussions(section) {
            let decided: Vec<_> = decisions_in(blocks).collect();
            let related = |t: &Tdoc| {
                heading
                    .tdocs
                    .iter()
                    .any(|h| h.same_document(t) || h.same_serial_other_group(t))
            };
            if decided.is_empty() || decided.iter().any(|d| related(&d.tdoc)) {
                continue;
            }
            let names: Vec<String> = heading.tdocs.iter().map(Tdoc::to_string).collect();
            let first = decided.first().map(|d| (d.tdoc.clone(), d.location.clone()));
            let Some((tdoc, at)) = first else { continue };
            let listed =
                section.contributions.iter().any(|c| c.tdoc.same_document(&tdoc));
            let heading_listed = section
                .contributions
                .iter()
                .any(|c| heading.tdocs.iter().any(|h| c.tdoc.same_document(h)));
            let mut message = format!(
                "document heading names {} but the decision at {at} is on {tdoc}",
                names.join("/")
            );
            if listed && !heading_listed {
                message.push_str(", which the contribution table lists: the heading id is probably a typo");
            }
            found.push(diagnostic(Severity::Warning, &heading.location, message));
        }
    }
}

/// Decisions on documents that no contribution table lists (PATTERNS.md D9).
fn unlisted_decisions(meeting: &Meeting, found: &mut Vec<Diagnostic>) {
    let index = ContributionIndex::new(meeting);
    if index.is_empty() {
        return;
    }
    for (section, decision) in meeting.decisions() {
        match index.find(&decision.tdoc, Some(section)) {
            None => found.push(diagnostic(
                Severity::Warning,
                &decision.location,
                format!(
                    "{} is decided but absent from every contribution table",
                    decision.tdoc
                ),
            )),
            Some((_, listed)) if listed.tdoc.same_serial_other_group(&decision.tdoc) => {
                found.push(diagnostic(
                    Severity::Note,
                    &decision.location,
                    format!(
                        "{} is decided here but listed as {} at {}",
                        decision.tdoc, listed.tdoc, listed.location
                    ),
                ))
            }
            Some(_) => {}
        }
    }
}

/// Documents discussed or listed that got no decision (PATTERNS.md F14): reported, never
/// guessed.
fn undecided_documents(meeting: &Meeting, found: &mut Vec<Diagnostic>) {
    let decided: HashSet<Tdoc> =
        meeting.decisions().into_iter().map(|(_, d)| d.tdoc.clone()).collect();
    // Same document or same serial under another group: same year and serial.
    let decided_serials: HashSet<(u16, String)> =
        decided.iter().map(|d| (d.year(), d.serial().to_string())).collect();
    let any_decision =
        |t: &Tdoc| decided_serials.contains(&(t.year(), t.serial().to_string()));
    let mut reported: HashSet<Tdoc> = HashSet::new();
    for section in meeting.all_sections() {
        for (heading, blocks) in discussions(section) {
            if decisions_in(blocks).next().is_some() {
                continue;
            }
            for tdoc in &heading.tdocs {
                if !decided.contains(tdoc) && reported.insert(tdoc.base()) {
                    found.push(diagnostic(
                        Severity::Note,
                        &heading.location,
                        format!("{tdoc} is discussed but no decision is recorded for it"),
                    ));
                }
            }
        }
    }
    for (_, contribution) in meeting.all_contributions() {
        if !any_decision(&contribution.tdoc) && reported.insert(contribution.tdoc.base())
        {
            found.push(diagnostic(
                Severity::Note,
                &contribution.location,
                format!(
                    "{} is listed but no decision is recorded for it",
                    contribution.tdoc
                ),
            ));
        }
    }
}

/// The same revision decided twice: an error when the statuses differ.
fn conflicting_decisions(meeting: &Meeting, found: &mut Vec<Diagnostic>) {
    let mut first: HashMap<Tdoc, &minutes_model::Decision> = HashMap::new();
    for (_, decision) in meeting.decisions() {
        match first.get(&decision.tdoc) {
            Some(earlier) if earlier.status != decision.status => found.push(diagnostic(
                Severity::Error,
                &decision.location,
                format!(
                    "conflicting decisions on {}: {} at {} and {} here",
                    decision.tdoc, earlier.status, earlier.location, decision.status
                ),
            )),
            Some(earlier) if earlier.as_written != decision.as_written => {
                found.push(diagnostic(
                    Severity::Warning,
                    &decision.location,
                    format!(
                        "{} is decided {} twice (also at {})",
                        decision.tdoc, decision.status, earlier.location
                    ),
                ))
            }
            Some(_) => {}
            None => {
                first.insert(decision.tdoc.clone(), decision);
            }
        }
    }
}

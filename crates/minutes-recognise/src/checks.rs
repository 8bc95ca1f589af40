//! Checks over the recognised meeting: year typos corrected where the context proves them,
//! headings that disagree with their decisions, decided documents missing from the
//! contribution tables, documents left without a decision, conflicting decisions.

use minutes_model::{
    Block, ContributionIndex, Decision, Diagnostic, DocumentHeading, FxHashMap,
    FxHashSet, Meeting, Scheme, Section, Severity, Span, Tdoc,
};

use crate::text::first_year;

fn diagnostic(severity: Severity, location: &Span, message: String) -> Diagnostic {
    Diagnostic { severity, location: location.clone(), message }
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
    // Walk the meeting once for the checks below rather than once per check: large
    // meetings made repeated whole-meeting passes and collects the costliest part.
    let sections = meeting.all_sections();
    let decisions: Vec<(&Section, &Decision)> = sections
        .iter()
        .flat_map(|&section| decisions_in(&section.blocks).map(move |d| (section, d)))
        .collect();
    heading_mismatches(&sections, &mut found);
    unlisted_decisions(meeting, &decisions, &mut found);
    undecided_documents(&sections, &decisions, &mut found);
    conflicting_decisions(&decisions, &mut found);
    meeting.diagnostics.extend(found);
}

/// What the meeting says about years: how often its Tdocs use each, the cover date's year,
/// and the meeting year (the cover's, else the commonest).
struct Years {
    counts: FxHashMap<u16, usize>,
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

/// Returns true if and only if the year-typo checks apply to `tdoc`: oneM2M writes
/// four-digit years to mistype; a 3GPP id's two-digit `YY` is never corrected, nor counted
/// among the meeting's years.
fn has_typable_year(tdoc: &Tdoc) -> bool {
    tdoc.scheme() == Scheme::OneM2m
}

/// How often the meeting's oneM2M Tdocs (contributions, document headings, decisions) use
/// each year.
fn year_counts(meeting: &Meeting) -> FxHashMap<u16, usize> {
    let mut counts: FxHashMap<u16, usize> = FxHashMap::default();
    let mut count = |tdoc: &Tdoc| {
        if has_typable_year(tdoc) {
            *counts.entry(tdoc.year()).or_default() += 1;
        }
    };
    let sections = meeting.all_sections();
    for section in &sections {
        section.contributions.iter().for_each(|c| count(&c.tdoc));
    }
    for section in sections {
        for block in &section.blocks {
            match block {
                Block::Decision(d) => count(&d.tdoc),
                Block::Document(h) => h.tdocs.iter().for_each(&mut count),
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
    // Decide every correction against the section as written, then apply them: the proofs
    // are the uncorrected ids, and nothing is cloned for the ids left alone.
    let fixes = year_fixes(section, years, found);
    for (slot, fixed) in fixes {
        let target = match slot {
            Slot::Contribution(i) => {
                section.contributions.get_mut(i).map(|c| &mut c.tdoc)
            }
            Slot::Heading(i, k) => match section.blocks.get_mut(i) {
                Some(Block::Document(h)) => h.tdocs.get_mut(k),
                _ => None,
            },
            Slot::Decision(i) => match section.blocks.get_mut(i) {
                Some(Block::Decision(d)) => Some(&mut d.tdoc),
                _ => None,
            },
        };
        if let Some(tdoc) = target {
            *tdoc = fixed;
        }
    }
    for child in &mut section.sections {
        year_typos(child, years, found);
    }
}

/// Where a Tdoc of a section is: contribution, (block, id) of a document heading, decision.
enum Slot {
    Contribution(usize),
    Heading(usize, usize),
    Decision(usize),
}

/// The year corrections of one section (not its sub-sections), with their diagnostics.
fn year_fixes(
    section: &Section,
    years: &Years,
    found: &mut Vec<Diagnostic>,
) -> Vec<(Slot, Tdoc)> {
    let mut proofs: Vec<(&Tdoc, &Span)> = Vec::new();
    for c in &section.contributions {
        proofs.push((&c.tdoc, &c.location));
    }
    for block in &section.blocks {
        match block {
            Block::Document(h) => proofs.extend(h.tdocs.iter().map(|t| (t, &h.location))),
            Block::Decision(d) => proofs.push((&d.tdoc, &d.location)),
            _ => {}
        }
    }
    let number = &section.number;
    let mut fixes = Vec::new();
    // `written` is None for heading ids, which are reported normalised.
    let mut fix = |slot: Slot, tdoc: &Tdoc, written: Option<&str>, location: &Span| {
        if !has_typable_year(tdoc) {
            return;
        }
        let written = || written.map_or_else(|| tdoc.to_string(), str::to_string);
        for year in tdoc.transposed_years_iter() {
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
                        "year typo: `{}` read as {candidate} ({proof} at {at} in section {number})",
                        written()
                    ),
                ));
                fixes.push((slot, candidate));
                return;
            }
        }
        let Some(meeting_year) = years.meeting else { return };
        if let Some(fixed_year) = tdoc.year_typo_fix(meeting_year) {
            found.push(diagnostic(
                Severity::Warning,
                location,
                format!(
                    "`{}`: year {} is far from the meeting year {meeting_year}; kept as written (nothing in section {number} confirms {})",
                    written(),
                    tdoc.year(),
                    tdoc.with_year(fixed_year)
                ),
            ));
        }
    };
    for (i, c) in section.contributions.iter().enumerate() {
        fix(Slot::Contribution(i), &c.tdoc, Some(&c.tdoc_as_written), &c.location);
    }
    for (i, block) in section.blocks.iter().enumerate() {
        match block {
            Block::Document(h) => {
                for (k, tdoc) in h.tdocs.iter().enumerate() {
                    fix(Slot::Heading(i, k), tdoc, None, &h.location);
                }
            }
            Block::Decision(d) => {
                fix(Slot::Decision(i), &d.tdoc, Some(&d.tdoc_as_written), &d.location)
            }
            _ => {}
        }
    }
    fixes
}

/// The discussions of a section: each document heading with the blocks up to the next.
fn discussions(section: &Section) -> impl Iterator<Item = (&DocumentHeading, &[Block])> {
    let mut rest = section.blocks.as_slice();
    std::iter::from_fn(move || loop {
        let (first, tail) = rest.split_first()?;
        rest = tail;
        if let Block::Document(heading) = first {
            let end = rest
                .iter()
                .position(|b| matches!(b, Block::Document(_)))
                .unwrap_or(rest.len());
            let (body, after) = rest.split_at_checked(end)?;
            rest = after;
            return Some((heading, body));
        }
    })
}

fn decisions_in(blocks: &[Block]) -> impl Iterator<Item = &Decision> {
    blocks.iter().filter_map(|b| match b {
        Block::Decision(d) => Some(d),
        _ => None,
    })
}

/// `SEC-2015-0606- Fix…` followed by `AGREED - SEC-2015-0506- Fix…` (PATTERNS.md E2).
fn heading_mismatches(sections: &[&Section], found: &mut Vec<Diagnostic>) {
    for &section in sections {
        for (heading, blocks) in discussions(section) {
            let related = |t: &Tdoc| {
                heading
                    .tdocs
                    .iter()
                    .any(|h| h.same_document(t) || h.same_serial_other_group(t))
            };
            let Some(first) = decisions_in(blocks).next() else { continue };
            if decisions_in(blocks).any(|d| related(&d.tdoc)) {
                continue;
            }
            let names: Vec<String> = heading.tdocs.iter().map(Tdoc::to_string).collect();
            let (tdoc, at) = (&first.tdoc, &first.location);
            let listed = section.contributions.iter().any(|c| c.tdoc.same_document(tdoc));
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
fn unlisted_decisions(
    meeting: &Meeting,
    decisions: &[(&Section, &Decision)],
    found: &mut Vec<Diagnostic>,
) {
    let index = ContributionIndex::new(meeting);
    if index.is_empty() {
        return;
    }
    for &(section, decision) in decisions {
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
fn undecided_documents(
    sections: &[&Section],
    decisions: &[(&Section, &Decision)],
    found: &mut Vec<Diagnostic>,
) {
    let decided: FxHashSet<&Tdoc> = decisions.iter().map(|(_, d)| &d.tdoc).collect();
    // Same document or same serial under another group: same year and serial.
    let decided_serials: FxHashSet<(u16, &str)> =
        decided.iter().map(|d| (d.year(), d.serial())).collect();
    let any_decision = |t: &Tdoc| decided_serials.contains(&(t.year(), t.serial()));
    let mut reported: FxHashSet<Tdoc> = FxHashSet::default();
    for &section in sections {
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
    for contribution in sections.iter().flat_map(|s| &s.contributions) {
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
fn conflicting_decisions(
    decisions: &[(&Section, &Decision)],
    found: &mut Vec<Diagnostic>,
) {
    let mut first: FxHashMap<&Tdoc, &Decision> = FxHashMap::default();
    for &(_, decision) in decisions {
        match first.get(&decision.tdoc) {
            Some(earlier) if earlier.status != decision.status => found.push(diagnostic(
                Severity::Error,
                &decision.location,
                format!(
                    "conflicting decisions on {}: {} at {} and {} here",
                    decision.tdoc, earlier.status, earlier.location, decision.status
                ),
            )),
            // A table restating the body's decision (or the body a Tdoc list's) agrees.
            Some(earlier) if earlier.in_table != decision.in_table => {}
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
                first.insert(&decision.tdoc, decision);
            }
        }
    }
}

//! A section's blocks into contributions and discussion: document headings, decisions,
//! bullets, action-item and contribution tables.

use minutes_flow::{Block as FlowBlock, BlockKind, Diagnostic, Span, Table};
use minutes_model::{
    ActionItem, Block, Contribution, Decision, DecisionLinks, DocumentDetails,
    DocumentHeading, FxHashMap, Status, Tdoc, TdocSpan,
};

use crate::{
    context::Context,
    decision::{
        decided, reads_like_decision, sentence_decisions, split_title_comment, Decided,
    },
    heading::parse_document_heading,
    tables::{cell_texts, classify, ContributionRow, TableKind},
    text::{fold_spaces, location_text},
};

/// What recognising a whole meeting collects beside the sections.
#[derive(Debug, Default)]
pub(crate) struct Collected {
    pub action_items: Vec<ActionItem>,
    pub diagnostics: Vec<Diagnostic>,
    /// Lines that name a Tdoc and a decision word without being a recognised decision, or
    /// say a decision word in a document's discussion (`This LS was then noted.`).
    pub missed_decisions: usize,
}

/// A section's recognised content.
#[derive(Debug, Default)]
pub(crate) struct SectionContent {
    pub contributions: Vec<Contribution>,
    pub blocks: Vec<Block>,
}

/// A revision said to be decided in prose (`A R03 was discussed and agreed.`), to be
/// checked against the explicit decisions of the same discussion.
struct Restatement {
    tdoc: Tdoc,
    status: Status,
    location: Span,
}

struct Walker<'c> {
    /// The phrasebook and the body of this recognition.
    cx: Context<'c>,
    content: SectionContent,
    collected: &'c mut Collected,
    /// The document under discussion: abbreviations and `R03` refer to it.
    current: Option<Tdoc>,
    restatements: Vec<Restatement>,
    /// For each document (by base id), the index in `content.contributions` of the first
    /// contribution listing it, so that a decision's title is found without scanning.
    titles: FxHashMap<Tdoc, usize>,
    /// The entry being read: the document whose heading came last in this section.
    entry: Option<Entry>,
}

/// An entry of entry-style minutes (see [`crate::entry`]).
struct Entry {
    tdoc: Tdoc,
    tdoc_as_written: String,
    /// The index in `content.blocks` of the entry's decision so far.
    decision: Option<usize>,
    /// `Document for: Approval.`
    doc_for: String,
    /// The decision so far was written after a label (`Decision: The document is noted.`):
    /// the entry is complete, and only another labelled line decides it again. A bare
    /// status line after it (`Not treated.` over a list of documents) is not its own.
    labelled: bool,
}

/// Recognises the blocks of one section (everything between its heading and the next).
pub(crate) fn recognise_section(
    blocks: &[&FlowBlock],
    collected: &mut Collected,
    cx: Context<'_>,
) -> SectionContent {
    let mut walker = Walker {
        cx,
        // About one block each (a decision, a paragraph): sized once rather than grown and
        // copied, as blocks are large.
        content: SectionContent {
            contributions: Vec::new(),
            blocks: Vec::with_capacity(blocks.len()),
        },
        collected,
        current: None,
        restatements: Vec::new(),
        titles: FxHashMap::default(),
        entry: None,
    };
    for (index, block) in blocks.iter().enumerate() {
        let next = blocks.get(index + 1).copied();
        walker.block(block, next);
    }
    walker.check_restatements();
    walker.content
}

/// Resolves ids: abbreviations against the first full id of the same line, else against
/// `current`, the document under discussion. Each id resolved, with the id as written, or
/// the id as written when nothing resolves it.
fn resolve<'t>(
    ids: impl Iterator<Item = TdocSpan<'t>> + Clone,
    current: Option<&Tdoc>,
) -> impl Iterator<Item = Result<(Tdoc, &'t str), &'t str>> {
    let mut ids = ids.peekable();
    // Ids that lead a line start with a full one: no second pass to find it.
    let first_full = match ids.peek() {
        Some(first) if first.is_full() => first.full(),
        _ => ids.clone().find_map(|span| span.full()),
    };
    let context = first_full.or_else(|| current.cloned());
    ids.map(move |span| match span.resolve(context.as_ref()) {
        Some(tdoc) => Ok((tdoc, span.as_written)),
        None => Err(span.as_written),
    })
}

impl Walker<'_> {
    fn warn(&mut self, location: &Span, message: String) {
        self.collected.diagnostics.push(Diagnostic::warning(location.clone(), message));
    }

    /// The ids resolved; the ones that cannot be are reported.
    fn resolved<'t>(
        &mut self,
        ids: impl Iterator<Item = TdocSpan<'t>> + Clone,
        location: &Span,
    ) -> Vec<(Tdoc, &'t str)> {
        // Most rows name one document.
        let mut resolved = Vec::with_capacity(1);
        for id in resolve(ids, self.current.as_ref()) {
            match id {
                Ok(id) => resolved.push(id),
                Err(written) => self.unresolved(written, location),
            }
        }
        resolved
    }

    fn unresolved(&mut self, written: &str, location: &Span) {
        self.collected.diagnostics.push(Diagnostic::error(
            location.clone(),
            format!(
                "abbreviated reference `{written}` has no document to resolve against"
            ),
        ));
    }

    fn block(&mut self, block: &FlowBlock, next: Option<&FlowBlock>) {
        let location = &block.location;
        match &block.kind {
            BlockKind::Table(table) => self.table(table, location, next),
            BlockKind::Heading { level, number, text } => {
                self.heading(*level, number.as_deref(), text, location)
            }
            BlockKind::Paragraph { text, .. } => self.text(text, None, location),
            BlockKind::ListItem { level, text, label } => {
                self.text(text, Some((*level, label.as_deref())), location)
            }
            // A kind this recogniser does not know yet still reaches the writers.
            _ => {
                if let Some(text) = block.text() {
                    self.text(text, None, location);
                }
            }
        }
    }

    /// A heading inside a section: a decision or a document heading when it reads as one,
    /// else kept as the heading it is.
    fn heading(&mut self, level: u8, number: Option<&str>, text: &str, location: &Span) {
        let trimmed = text.trim();
        let understood = !trimmed.is_empty()
            && (decided(trimmed, self.cx).is_some()
                || parse_document_heading(trimmed, self.cx).is_some()
                || crate::entry::entry_prefix_end(trimmed, self.cx).is_some());
        if understood {
            self.text(text, None, location);
            return;
        }
        if trimmed.is_empty() && number.is_none_or(|n| n.trim().is_empty()) {
            return;
        }
        self.look_for_missed_decision(trimmed, location, false);
        self.content.blocks.push(Block::Heading {
            level,
            number: number.map(str::to_string),
            text: trimmed.to_string(),
            location: location_text(location),
        });
    }

    fn text(&mut self, text: &str, bullet: Option<(u8, Option<&str>)>, location: &Span) {
        let text = text.trim();
        if text.is_empty() {
            if let Some((level, Some(label))) = bullet {
                self.content.blocks.push(Block::Bullet {
                    level,
                    text: String::new(),
                    label: Some(label.to_string()),
                    location: location_text(location),
                });
            }
            return;
        }
        if let Some(parsed) = decided(text, self.cx) {
            self.decision(parsed, text, location);
            return;
        }
        // A document heading is a heading: its title is not mined for decisions (a title
        // may well say "was agreed"), but one that reads like a decision is reported.
        if bullet.is_none() {
            if let Some(id_start) = crate::entry::entry_prefix_end(text, self.cx) {
                let line = text.get(id_start..).unwrap_or_default();
                self.document_heading(line, text, location);
                return;
            }
            if parse_document_heading(text, self.cx).is_some() {
                self.document_heading(text, text, location);
                return;
            }
        }
        // Bullets are the discussion's notes (`· it was noted the intent …`); an entry's
        // decision is a line of its own.
        if self.entry.is_some() && bullet.is_none() {
            if let Some((label, value)) = crate::entry::entry_field(text, self.cx) {
                if label == "document for" {
                    if let Some(entry) = &mut self.entry {
                        entry.doc_for = value.trim_end_matches('.').trim().to_string();
                    }
                }
                self.content.blocks.push(Block::Paragraph {
                    text: text.to_string(),
                    location: location_text(location),
                });
                return;
            }
            let labelled = crate::scan::decision_label(text, self.cx.book).is_some();
            let closed = self.entry.as_ref().is_some_and(|e| e.labelled && !labelled);
            match crate::entry::entry_decision(text, self.cx) {
                Some(decided) if !closed => {
                    self.entry_decision(decided, text, location, labelled);
                    return;
                }
                Some(decided) => {
                    let entry = self
                        .entry
                        .as_ref()
                        .map(|e| e.tdoc.to_string())
                        .unwrap_or_default();
                    self.warn(
                        location,
                        format!(
                            "says `{}` after the decision line of {entry}, without a label; not taken as a decision on it",
                            decided.status_as_written
                        ),
                    );
                }
                None => {}
            }
        }
        // The whole line is no decision (tried above): its sentences may be.
        let decisions = sentence_decisions(text, self.cx);
        if !decisions.is_empty() {
            for parsed in decisions {
                self.decision(parsed, text, location);
            }
            return;
        }
        self.look_for_missed_decision(text, location, bullet.is_some());
        let block = match bullet {
            Some((level, label)) => Block::Bullet {
                level,
                text: text.to_string(),
                label: label.map(str::to_string),
                location: location_text(location),
            },
            None => Block::Paragraph {
                text: text.to_string(),
                location: location_text(location),
            },
        };
        self.content.blocks.push(block);
    }

    /// A document heading (`SEC-2015-0515R01- Title`, an entry's `TD S2-1903157 Title`):
    /// `line` starts with the ids, `text` is the whole line.
    fn document_heading(&mut self, line: &str, text: &str, location: &Span) {
        self.look_for_missed_decision(text, location, false);
        let (title, note, ids) = match parse_document_heading(line, self.cx) {
            Some(heading) => {
                let ids = heading.tdocs().collect::<Vec<_>>();
                (heading.title.map(Into::into), heading.note.map(Into::into), ids)
            }
            // After an entry prefix any title goes: `TD S2-1903157 23.682 CR0436 …`.
            None => {
                let ids: Vec<_> = self.cx.leading(line).collect();
                let end = ids.last().map_or(0, |span| span.end);
                let title = fold_spaces(line.get(end..).unwrap_or_default()).into_owned();
                ((!title.is_empty()).then_some(title), None, ids)
            }
        };
        // Most headings name one document.
        let mut tdocs = Vec::with_capacity(1);
        let mut first_written = None;
        for id in resolve(ids.into_iter(), self.current.as_ref()) {
            match id {
                Ok((tdoc, written)) => {
                    first_written.get_or_insert(written);
                    tdocs.push(tdoc);
                }
                Err(written) => self.unresolved(written, location),
            }
        }
        self.current = tdocs.first().cloned();
        self.entry = tdocs.first().map(|tdoc| Entry {
            tdoc: tdoc.clone(),
            tdoc_as_written: first_written.unwrap_or_default().to_string(),
            decision: None,
            doc_for: String::new(),
            labelled: false,
        });
        self.content.blocks.push(Block::Document(DocumentHeading {
            tdocs,
            title,
            note,
            as_written: text.to_string(),
            in_table: false,
            location: location_text(location),
        }));
    }

    /// A decision line of an entry: it decides the entry's document; an earlier decision of
    /// the same entry is kept as a paragraph and listed in `links.earlier`.
    fn entry_decision(
        &mut self,
        decided: crate::entry::EntryDecided,
        text: &str,
        location: &Span,
        labelled: bool,
    ) {
        let Some(entry) = &mut self.entry else { return };
        entry.labelled = labelled;
        let mut links = DecisionLinks {
            revised_to: decided.revised_to,
            merged_into: decided.merged_into,
            details: DocumentDetails {
                doc_for: entry.doc_for.clone(),
                ..Default::default()
            },
            ..DecisionLinks::default()
        };
        let previous = entry.decision.and_then(|index| {
            let block = self.content.blocks.get_mut(index)?;
            let Block::Decision(earlier) = block else { return None };
            let earlier = earlier.clone();
            *block = Block::Paragraph {
                text: earlier.as_written.clone(),
                location: earlier.location.clone(),
            };
            Some(earlier)
        });
        if let Some(earlier) = previous {
            links.earlier = earlier.links.earlier;
            links.earlier.push(earlier.as_written);
            links.revised_to = earlier.links.revised_to.or(links.revised_to);
            if links.merged_into.is_none() {
                links.merged_into = earlier.links.merged_into;
            }
        }
        entry.decision = Some(self.content.blocks.len());
        self.content.blocks.push(Block::Decision(Decision {
            tdoc: entry.tdoc.clone(),
            tdoc_as_written: entry.tdoc_as_written.clone(),
            status: decided.status,
            status_as_written: decided.status_as_written,
            title: None,
            comment: None,
            as_written: text.to_string(),
            in_table: false,
            location: location_text(location),
            links: Box::new(links),
        }));
    }

    /// The title of the contribution listing `tdoc` in this section, if any.
    fn listed_title(&self, tdoc: &Tdoc) -> Option<&str> {
        let index = *self.titles.get(&tdoc.base())?;
        self.content.contributions.get(index).map(|c| c.title.as_str())
    }

    fn decision(&mut self, parsed: Decided<'_>, text: &str, location: &Span) {
        for id in resolve(parsed.tdocs(), self.current.as_ref()) {
            let (tdoc, written) = match id {
                Ok(id) => id,
                Err(written) => {
                    self.unresolved(written, location);
                    continue;
                }
            };
            let (title, comment) = match (&parsed.title, &parsed.comment) {
                (Some(title), None) => {
                    let (title, comment) =
                        split_title_comment(title, self.listed_title(&tdoc), self.cx);
                    (Some(title), comment)
                }
                (title, comment) => (
                    title.as_deref().map(str::to_string),
                    comment.as_deref().map(str::to_string),
                ),
            };
            // `… was merged into TST-2020-0038R01`, `… revised to …R01`: the target.
            let target = comment
                .as_deref()
                .and_then(|c| self.cx.spans(c).find_map(|span| span.full()))
                .filter(|t| *t != tdoc);
            let links = DecisionLinks {
                merged_into: target.clone().filter(|_| parsed.status == Status::Merged),
                revised_to: target.filter(|_| parsed.status == Status::Revised),
                ..DecisionLinks::default()
            };
            self.content.blocks.push(Block::Decision(Decision {
                tdoc,
                tdoc_as_written: written.to_string(),
                status: parsed.status,
                status_as_written: parsed.status_as_written.to_string(),
                title,
                comment,
                as_written: text.to_string(),
                in_table: false,
                location: location_text(location),
                links: Box::new(links),
            }));
        }
    }

    fn table(&mut self, table: &Table, location: &Span, next: Option<&FlowBlock>) {
        match classify(table, self.cx) {
            TableKind::Actions(rows, header) => {
                let first = self.collected.action_items.len();
                for row in rows {
                    if [&row.reference, &row.what, &row.who, &row.status]
                        .iter()
                        .all(|t| t.is_empty())
                    {
                        continue;
                    }
                    self.collected.action_items.push(ActionItem {
                        reference: row.reference,
                        what: row.what,
                        who: row.who,
                        status: row.status,
                        location: location_text(location),
                    });
                }
                let items = Some(first..self.collected.action_items.len());
                // The header as written, unless it is the usual one.
                let usual = ["REFERENCE", "WHAT", "WHO", "STATUS"];
                let header = if header.iter().all(|h| h.is_empty()) || header == usual {
                    Vec::new()
                } else {
                    header.to_vec()
                };
                self.content.blocks.push(Block::ActionItems {
                    items,
                    header,
                    location: location_text(location),
                });
            }
            TableKind::Contributions { rows, header } => {
                let first = self.content.contributions.len();
                let at = self.content.blocks.len();
                self.content.blocks.push(Block::Contributions {
                    contributions: first..first,
                    rows: cell_texts(table),
                    header,
                    location: location_text(location),
                });
                self.contributions(rows, location, next);
                let last = self.content.contributions.len();
                if let Some(Block::Contributions { contributions, .. }) =
                    self.content.blocks.get_mut(at)
                {
                    *contributions = first..last;
                }
            }
            TableKind::Other(rows) => {
                self.content
                    .blocks
                    .push(Block::Table { rows, location: location_text(location) });
            }
        }
    }

    fn contributions(
        &mut self,
        rows: Vec<ContributionRow<'_>>,
        location: &Span,
        next: Option<&FlowBlock>,
    ) {
        let single = rows.len() == 1;
        for row in &rows {
            let location = row.location.unwrap_or(location);
            // Cells are titles and sources, never decisions; one that reads like a
            // decision (a decision line swallowed into a cell) is reported, not recorded.
            for cell in row.lines() {
                if reads_like_decision(cell, self.cx) {
                    self.warn(
                        location,
                        format!("a contribution-table cell reads like a decision (`{cell}`); it is not recorded as one"),
                    );
                }
            }
            let resolved = self.resolved(row.tdocs(), location);
            let title = row.title();
            let source = row.source();
            for (tdoc, written) in &resolved {
                let index = self.content.contributions.len();
                self.titles.entry(tdoc.base()).or_insert(index);
                self.content.contributions.push(Contribution {
                    tdoc: tdoc.clone(),
                    tdoc_as_written: written.to_string(),
                    title: title.to_string(),
                    source: source.to_string(),
                    location: location_text(location),
                });
            }
            // A lone row right before its discussion is the document's heading (D2).
            let heading_follows = || {
                next.and_then(|b| b.text()).is_some_and(|t| {
                    parse_document_heading(t, self.cx).is_some()
                        && decided(t, self.cx).is_none()
                })
            };
            if single && row.decision.is_none() && !heading_follows() {
                let as_written = if title.is_empty() {
                    row.tdoc_cell.to_string()
                } else {
                    format!("{} - {}", row.tdoc_cell, title)
                };
                let tdocs = resolved.iter().map(|(t, _)| t.clone()).collect::<Vec<_>>();
                self.current = tdocs.first().cloned();
                self.entry = resolved.first().map(|(tdoc, written)| Entry {
                    tdoc: tdoc.clone(),
                    tdoc_as_written: written.to_string(),
                    decision: None,
                    doc_for: String::new(),
                    labelled: false,
                });
                self.content.blocks.push(Block::Document(DocumentHeading {
                    tdocs,
                    title: (!title.is_empty()).then(|| title.to_string()),
                    note: None,
                    as_written,
                    in_table: true,
                    location: location_text(location),
                }));
            }
            if let Some(cell) = &row.decision {
                self.decision_cell(cell, &title, &resolved, &row.extra, location);
            }
        }
    }

    /// A status written in a contribution table's Decision column.
    fn decision_cell(
        &mut self,
        cell: &str,
        title: &str,
        tdocs: &[(Tdoc, &str)],
        extra: &crate::tables::RowExtra,
        location: &Span,
    ) {
        let links = table_links(extra, self.cx);
        let cell = fold_spaces(cell);
        if self.cx.book.is_open_result(&cell) {
            return;
        }
        let Some((status, len)) = self.cx.book.status_prefix(&cell) else {
            let ids =
                tdocs.iter().map(|(t, _)| t.to_string()).collect::<Vec<_>>().join(", ");
            self.warn(location, format!("decision cell `{cell}` for {ids} is not a known status; no disposition recorded"));
            return;
        };
        let status_as_written = cell.get(..len).unwrap_or_default();
        let rest = cell.get(len..).unwrap_or_default().trim().trim_end_matches('.');
        for (tdoc, written) in tdocs {
            let comment = (!rest.is_empty()).then(|| rest.to_string());
            self.content.blocks.push(Block::Decision(Decision {
                tdoc: tdoc.clone(),
                tdoc_as_written: written.to_string(),
                status,
                status_as_written: status_as_written.to_string(),
                title: (!title.is_empty()).then(|| title.to_string()),
                comment,
                // The cell is the decision's source text; the table shows it in place.
                as_written: cell.trim().to_string(),
                in_table: true,
                location: location_text(location),
                links: Box::new(links.clone()),
            }));
        }
    }

    /// Prose that names a Tdoc and a decision verb without being a recognised decision,
    /// `R03 was agreed` restatements, and inline action items.
    fn look_for_missed_decision(&mut self, text: &str, location: &Span, bullet: bool) {
        if crate::scan::is_action_label(text) {
            self.collected.diagnostics.push(Diagnostic::note(
                location.clone(),
                "inline action item is not in the action-item table".to_string(),
            ));
        }
        // Only lines that start like a restatement are scanned for one.
        let words = self.cx.book.restatement();
        let restated = may_restate(text, words)
            .then(|| crate::scan::restated(text, words))
            .flatten();
        if let Some((revision, status)) = restated {
            let revision = revision.parse().ok();
            let status = Status::from_phrase(status);
            if let (Some(current), Some(status)) = (&self.current, status) {
                self.restatements.push(Restatement {
                    tdoc: current.with_revision(revision),
                    status,
                    location: location.clone(),
                });
            }
            return;
        }
        let names_tdoc = self.cx.spans(text).next().is_some();
        let decided = |text| crate::scan::decided(text, self.cx.book);
        if !names_tdoc && self.current.is_some() && decided(text).is_some() {
            // Counted, not reported: prose about a decision is common beside one.
            self.collected.missed_decisions += 1;
        }
        if !names_tdoc && !bullet {
            if let Some(entry) = &self.entry {
                if let Some(found) = decided(text) {
                    let message = format!(
                        "in the entry of {}, says `{}` but is not a recognised decision line; no disposition recorded",
                        entry.tdoc,
                        text.get(found).unwrap_or_default()
                    );
                    self.warn(location, message);
                    return;
                }
            }
        }
        if let Some(found) = names_tdoc.then(|| decided(text)).flatten() {
            self.collected.missed_decisions += 1;
            self.warn(
                location,
                format!(
                    "names a Tdoc and says `{}` but is not a recognised decision line; no disposition recorded",
                    text.get(found).unwrap_or_default()
                ),
            );
        }
    }

    fn check_restatements(&mut self) {
        for restatement in std::mem::take(&mut self.restatements) {
            let recorded = self.content.blocks.iter().any(|b| {
                matches!(b, Block::Decision(d) if d.tdoc == restatement.tdoc && d.status == restatement.status)
            });
            if !recorded {
                self.warn(
                    &restatement.location,
                    format!(
                        "says {} was {} but no decision line records it; no disposition recorded",
                        restatement.tdoc,
                        restatement.status.as_str().to_lowercase()
                    ),
                );
            }
        }
    }
}

/// What a Tdoc list's row says beside its result: the link columns, else the links its
/// comment states (`Revision of S2-1810151. Revised to S2-1810800.`), and the document's
/// type, purpose, release, work item and agenda item.
fn table_links(extra: &crate::tables::RowExtra, cx: Context<'_>) -> DecisionLinks {
    let first = |text: &str| cx.spans(text).find_map(|span| span.full());
    let from_comment = crate::entry::entry_decision(&extra.comments, cx);
    let revision_of = first(&extra.revision_of).or_else(|| {
        let lower = extra.comments.to_ascii_lowercase();
        let at = lower.find("revision of ")?;
        first(extra.comments.get(at..)?.split(". ").next()?)
    });
    DecisionLinks {
        revised_to: first(&extra.revised_to)
            .or_else(|| from_comment.as_ref().and_then(|d| d.revised_to.clone())),
        merged_into: first(&extra.merged_to)
            .or_else(|| from_comment.as_ref().and_then(|d| d.merged_into.clone())),
        revision_of,
        merge_of: cx.spans(&extra.merge_of).filter_map(|span| span.full()).collect(),
        details: DocumentDetails {
            doc_type: extra.doc_type.trim().to_string(),
            doc_for: extra.doc_for.trim().to_string(),
            release: extra.release.trim().to_string(),
            work_item: extra.work_item.trim().to_string(),
        },
        agenda_item: extra.agenda_item.trim().to_string(),
        ..DecisionLinks::default()
    }
}

/// Whether `text` starts as a restatement can (`R03`, `the R03`, `an R03`, any case): a
/// necessary condition for the restatement pattern, checked before scanning for it.
fn may_restate(text: &str, words: &crate::phrasebook::RestatementWords) -> bool {
    let bytes = text.as_bytes();
    let revision_at = |at: usize| {
        matches!(bytes.get(at), Some(b'r' | b'R'))
            && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
            && bytes.get(at + 2).is_some_and(u8::is_ascii_digit)
    };
    revision_at(0)
        || words.articles.iter().any(|w| {
            let starts = bytes
                .get(..w.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()));
            let spaces = bytes
                .get(w.len()..)
                .unwrap_or_default()
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'))
                .count();
            starts && spaces > 0 && revision_at(w.len() + spaces)
        })
}

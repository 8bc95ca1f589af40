//! Dispositions: the flat, derived view of decisions that the portal CSV is made of.

use serde::{Deserialize, Serialize};

use crate::{
    Block, ContributionIndex, DocumentDetails, FxHashMap, Meeting, Span, Status, Tdoc,
};

/// One decided document revision, with what the portal needs to know about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disposition {
    /// The revision decided.
    pub tdoc: Tdoc,
    /// The normalised status.
    pub status: Status,
    /// The status phrase as written.
    pub status_as_written: String,
    /// The number of the section (agenda item) the decision was taken in.
    pub section: String,
    /// The section's title.
    pub section_title: String,
    /// The title from the contribution table when listed there, else from the decision
    /// line, else from the document heading.
    pub title: String,
    /// The source from the contribution table, when listed there.
    pub source: String,
    /// The whole decision line as written.
    pub as_written: String,
    /// Words after the title that are not part of it: `by correspondence`.
    pub comment: String,
    /// The previous revision of the same document decided in these minutes.
    pub revision_of: Option<Tdoc>,
    /// The next revision of the same document decided in these minutes.
    pub revised_to: Option<Tdoc>,
    /// Where the decision is.
    #[serde(flatten, with = "crate::span::json")]
    pub location: Span,
    /// The document this one was merged into, when the draft says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<Tdoc>,
    /// The documents merged into this one: stated by a table, or the dispositions merged
    /// into it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_of: Vec<Tdoc>,
    /// The document's type, purpose, release and work item, as the decision's
    /// [`DecisionLinks`](crate::DecisionLinks) give them (JSON: `doc_type`, `doc_for`,
    /// `release`, `work_item`).
    #[serde(flatten)]
    pub details: DocumentDetails,
}

impl Meeting {
    /// One disposition per decision, in document order (DESIGN.md §5, §6).
    pub fn dispositions(&self) -> Vec<Disposition> {
        let mut dispositions = Vec::new();
        // The revision links each decision states, applied after the derived ones.
        let mut stated = Vec::new();
        let mut seen: FxHashMap<Tdoc, (crate::Status, bool)> = FxHashMap::default();
        let index = ContributionIndex::new(self);
        // Section titles by number, for decisions whose table names their agenda item.
        let titles: FxHashMap<&str, &str> = self
            .all_sections()
            .into_iter()
            .map(|s| (s.number.as_str(), s.title.as_str()))
            .collect();
        for section in self.all_sections() {
            let mut heading_title: Option<&str> = None;
            for block in &section.blocks {
                let decision = match block {
                    Block::Document(heading) => {
                        heading_title = heading.title.as_deref();
                        continue;
                    }
                    Block::Decision(decision) => decision,
                    _ => continue,
                };
                // A summary table restating the body (or the body restating a Tdoc list)
                // with the same status is one row: the first.
                match seen.get(&decision.tdoc) {
                    Some(&(status, in_table))
                        if status == decision.status && in_table != decision.in_table =>
                    {
                        continue;
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(
                            decision.tdoc.clone(),
                            (decision.status, decision.in_table),
                        );
                    }
                }
                let listed = index.find(&decision.tdoc, Some(section));
                let title = listed
                    .map(|(_, c)| c.title.as_str())
                    .filter(|t| !t.is_empty())
                    .or(decision.title.as_deref())
                    .or(heading_title)
                    .unwrap_or_default();
                dispositions.push(Disposition {
                    tdoc: decision.tdoc.clone(),
                    status: decision.status,
                    status_as_written: decision.status_as_written.clone(),
                    section: if decision.links.agenda_item.is_empty() {
                        section.number.clone()
                    } else {
                        decision.links.agenda_item.clone()
                    },
                    section_title: if decision.links.agenda_item.is_empty() {
                        section.title.clone()
                    } else {
                        titles
                            .get(decision.links.agenda_item.as_str())
                            .copied()
                            .unwrap_or_default()
                            .to_string()
                    },
                    title: title.to_string(),
                    source: listed.map(|(_, c)| c.source.clone()).unwrap_or_default(),
                    as_written: decision.as_written.clone(),
                    comment: decision.comment.clone().unwrap_or_default(),
                    revision_of: None,
                    revised_to: None,
                    location: decision.location.clone(),
                    merged_into: decision.links.merged_into.clone(),
                    merge_of: decision.links.merge_of.clone(),
                    details: decision.links.details.clone(),
                });
                stated.push((
                    decision.links.revision_of.clone(),
                    decision.links.revised_to.clone(),
                ));
            }
        }
        link_revisions(&mut dispositions);
        for (disposition, (revision_of, revised_to)) in
            dispositions.iter_mut().zip(stated)
        {
            if revision_of.is_some() {
                disposition.revision_of = revision_of;
            }
            if revised_to.is_some() {
                disposition.revised_to = revised_to;
            }
        }
        link_merges(&mut dispositions);
        dispositions
    }
}

/// Links each disposition to the previous and next decided revision of the same document.
fn link_revisions(dispositions: &mut [Disposition]) {
    // Positions of each document's dispositions, in order: linear in the number of rows.
    let mut by_document: FxHashMap<Tdoc, Vec<usize>> = FxHashMap::default();
    for (index, disposition) in dispositions.iter().enumerate() {
        by_document.entry(disposition.tdoc.base()).or_default().push(index);
    }
    for positions in by_document.values() {
        let tdocs: Vec<Tdoc> = positions
            .iter()
            .filter_map(|&i| dispositions.get(i).map(|d| d.tdoc.clone()))
            .collect();
        for (k, &position) in positions.iter().enumerate() {
            let Some(current) = tdocs.get(k) else { continue };
            let before = tdocs
                .get(..k)
                .and_then(|b| b.iter().rev().find(|t| *t != current))
                .cloned();
            let after = tdocs
                .get(k + 1..)
                .and_then(|a| a.iter().find(|t| *t != current))
                .cloned();
            if let Some(disposition) = dispositions.get_mut(position) {
                disposition.revision_of = before;
                disposition.revised_to = after;
            }
        }
    }
}

/// Adds to each disposition the documents said to be merged into it.
fn link_merges(dispositions: &mut [Disposition]) {
    let mut merged: FxHashMap<Tdoc, Vec<Tdoc>> = FxHashMap::default();
    for disposition in dispositions.iter() {
        if let Some(target) = &disposition.merged_into {
            merged.entry(target.clone()).or_default().push(disposition.tdoc.clone());
        }
    }
    if merged.is_empty() {
        return;
    }
    for disposition in dispositions.iter_mut() {
        for source in merged.remove(&disposition.tdoc).unwrap_or_default() {
            if !disposition.merge_of.contains(&source) {
                disposition.merge_of.push(source);
            }
        }
    }
}

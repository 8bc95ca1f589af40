//! The meeting's standards body, from the document ids the recogniser read: no second
//! pass over the text, the model's ids are the scanner's results.

use minutes_model::{Block, Diagnostic, Meeting, Scheme, Severity, Span};

/// Sets [`Meeting::body`]: `forced` when given (`--body`), else the body whose ids
/// clearly prevail among the meeting's document ids. A detected meeting that decides
/// documents of the other body keeps those decisions, and one note says so.
pub(crate) fn settle(meeting: &mut Meeting, forced: Option<Scheme>) {
    if let Some(body) = forced {
        meeting.body = Some(body);
        return;
    }
    let census = Census::of(meeting);
    meeting.body = census.prevailing();
    if let Some(note) = meeting.body.and_then(|body| census.foreign_decisions(body)) {
        meeting.diagnostics.push(note);
    }
}

/// How many of the meeting's ids each body's scheme has, and its decisions on each.
#[derive(Debug, Default)]
struct Census {
    /// Ids in contribution tables, document headings (entries) and decisions: oneM2M's,
    /// 3GPP's.
    ids: [usize; 2],
    /// Per scheme: the number of decisions, and the first one's id and place.
    decisions: [(usize, Option<(String, Span)>); 2],
}

fn slot(scheme: Scheme) -> usize {
    match scheme {
        Scheme::OneM2m => 0,
        Scheme::ThreeGpp => 1,
    }
}

fn other(scheme: Scheme) -> Scheme {
    match scheme {
        Scheme::OneM2m => Scheme::ThreeGpp,
        Scheme::ThreeGpp => Scheme::OneM2m,
    }
}

impl Census {
    fn of(meeting: &Meeting) -> Census {
        let mut census = Census::default();
        meeting.walk_sections(&mut |section| {
            for contribution in &section.contributions {
                census.count(contribution.tdoc.scheme());
            }
            for block in &section.blocks {
                match block {
                    Block::Document(heading) => {
                        heading.tdocs.iter().for_each(|t| census.count(t.scheme()))
                    }
                    Block::Decision(decision) => {
                        let scheme = decision.tdoc.scheme();
                        census.count(scheme);
                        if let Some((count, first)) =
                            census.decisions.get_mut(slot(scheme))
                        {
                            *count += 1;
                            first.get_or_insert_with(|| {
                                (
                                    decision.tdoc_as_written.clone(),
                                    decision.location.clone(),
                                )
                            });
                        }
                    }
                    _ => {}
                }
            }
        });
        census
    }

    fn count(&mut self, scheme: Scheme) {
        if let Some(count) = self.ids.get_mut(slot(scheme)) {
            *count += 1;
        }
    }

    fn ids(&self, scheme: Scheme) -> usize {
        self.ids.get(slot(scheme)).copied().unwrap_or(0)
    }

    /// The body with more than twice as many ids as the other: a meeting that disposes
    /// of a few liaisons of another body is still its own body's; an even mix, or no id
    /// at all, is no body.
    fn prevailing(&self) -> Option<Scheme> {
        [Scheme::OneM2m, Scheme::ThreeGpp]
            .into_iter()
            .find(|&body| self.ids(body) > 2 * self.ids(other(body)))
    }

    /// One note for the decisions on the other body's documents, naming the first and
    /// counting the rest: they are decisions of this meeting (a oneM2M meeting may note a
    /// 3GPP liaison), so they stay, but a reader should know. Mentions without a decision
    /// are not worth a note.
    fn foreign_decisions(&self, body: Scheme) -> Option<Diagnostic> {
        let foreign = other(body);
        let (count, first) = self.decisions.get(slot(foreign))?;
        let (id, location) = first.as_ref()?;
        let (name, theirs) = (body.body(), foreign.body());
        let message = match count {
            0 | 1 => format!(
                "`{id}` is a {theirs} document id in a {name} meeting (detected from its ids); its decision is kept (--body {name} reads it as text)"
            ),
            n => format!(
                "`{id}` and {} more decisions are on {theirs} document ids in a {name} meeting (detected from its ids); they are kept (--body {name} reads them as text)",
                n - 1
            ),
        };
        Some(Diagnostic { severity: Severity::Note, location: location.clone(), message })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use minutes_flow::{Block as FlowBlock, Flow, Span};

    use super::*;
    use crate::{recognise, recognise_with, Options};

    fn lines(lines: &[&str]) -> Flow {
        let mut blocks =
            vec![FlowBlock::heading(1, Some("2".into()), "Documents", Span::Line(1))];
        for (n, line) in (2..).zip(lines) {
            blocks.push(FlowBlock::paragraph(*line, Span::Line(n)));
        }
        Flow::new(blocks)
    }

    fn notes(meeting: &Meeting) -> Vec<(String, String)> {
        meeting
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("detected from its ids"))
            .map(|d| (d.location.to_string(), d.message.clone()))
            .collect()
    }

    #[test]
    fn the_prevailing_ids_give_the_body() {
        let onem2m = lines(&[
            "SEC-2015-0524R02 was agreed",
            "SEC-2015-0525 was noted",
            "SEC-2015-0526 was noted",
            "S2-1903157 was noted",
        ]);
        assert_eq!(recognise(&onem2m).body, Some(Scheme::OneM2m));
        let gpp =
            lines(&["TD S2-1903157 Title", "Noted.", "TD S2-1903158 Title", "Agreed."]);
        assert_eq!(recognise(&gpp).body, Some(Scheme::ThreeGpp));
    }

    #[test]
    fn an_even_mix_or_no_id_is_no_body() {
        let mixed = lines(&["SEC-2015-0524R02 was agreed", "S2-1903157 was noted"]);
        assert_eq!(recognise(&mixed).body, None);
        // Two to one is not clear enough.
        let close = lines(&[
            "SEC-2015-0524R02 was agreed",
            "SEC-2015-0525 was agreed",
            "S2-1903157 was noted",
        ]);
        assert_eq!(recognise(&close).body, None);
        assert!(notes(&recognise(&close)).is_empty(), "no body, no note");
        assert_eq!(recognise(&lines(&["The meeting opened."])).body, None);
    }

    #[test]
    fn a_forced_body_is_the_body() {
        let mixed = lines(&["SEC-2015-0524R02 was agreed", "S2-1903157 was noted"]);
        let options = Options { body: Some(Scheme::ThreeGpp), ..Options::default() };
        let meeting = recognise_with(&mixed, &options);
        assert_eq!(meeting.body, Some(Scheme::ThreeGpp));
        assert!(notes(&meeting).is_empty(), "--body warns on its own");
    }

    // A oneM2M meeting that notes 3GPP liaisons keeps the decisions, and one note names
    // the first and counts them; a 3GPP id that is only mentioned is not counted.
    #[test]
    fn decisions_on_the_other_bodys_ids_are_kept_with_one_note() {
        let flow = lines(&[
            "SEC-2015-0524R02 was agreed",
            "SEC-2015-0525 was agreed",
            "SEC-2015-0526 was agreed",
            "SEC-2015-0527 was agreed",
            "SEC-2015-0528 was noted, see also S2-1903100",
            "S2-1903157 was noted",
            "SEC-2015-0529 was agreed",
            "S2-1903158 was noted",
        ]);
        let meeting = recognise(&flow);
        assert_eq!(meeting.body, Some(Scheme::OneM2m));
        let decided: Vec<String> =
            meeting.dispositions().iter().map(|d| d.tdoc.to_string()).collect();
        assert!(decided.contains(&"S2-1903157".to_string()), "{decided:?}");
        assert!(decided.contains(&"S2-1903158".to_string()), "{decided:?}");
        assert_eq!(
            notes(&meeting),
            [(
                "line 7".to_string(),
                "`S2-1903157` and 1 more decisions are on 3gpp document ids in a onem2m meeting (detected from its ids); they are kept (--body onem2m reads them as text)".to_string()
            )]
        );
        assert!(meeting.diagnostics.iter().all(|d| !d.message.contains("S2-1903158")));
    }

    #[test]
    fn one_foreign_decision_reads_as_one() {
        let flow = lines(&[
            "TD S2-1903157 Title",
            "Noted.",
            "TD S2-1903158 Title",
            "Agreed.",
            "TD S2-1903159 Title",
            "Agreed.",
            "SEC-2015-0524R02 was noted",
        ]);
        let meeting = recognise(&flow);
        assert_eq!(meeting.body, Some(Scheme::ThreeGpp));
        let [(location, message)] = notes(&meeting).try_into().unwrap();
        assert_eq!(location, "line 8");
        assert_eq!(
            message,
            "`SEC-2015-0524R02` is a onem2m document id in a 3gpp meeting (detected from its ids); its decision is kept (--body 3gpp reads it as text)"
        );
        assert_eq!(notes(&meeting).len(), 1);
        assert!(meeting.diagnostics.iter().any(|d| d.severity == Severity::Note));
    }
}

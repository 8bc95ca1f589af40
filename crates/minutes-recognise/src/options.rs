//! Recognition options: a user's phrasebook additions and a forced body.

use std::sync::Arc;

use minutes_flow::Flow;
use minutes_model::{Block, Diagnostic, Meeting, Scheme, Section, Severity};

use crate::phrasebook::{with_active, Phrasebook};

/// How to recognise a draft, beyond the defaults.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The phrasebook to use instead of the built-in one (see
    /// [`Phrasebook::with_additions`]).
    pub phrases: Option<Arc<Phrasebook>>,
    /// The body whose document ids count (`--body`); `None` takes the ids of every body the
    /// draft uses.
    pub body: Option<Scheme>,
}

/// [`crate::recognise`] with `options`.
pub fn recognise_with(flow: &Flow, options: &Options) -> Meeting {
    let mut meeting = with_active(options.phrases.clone(), || crate::recognise(flow));
    if let Some(body) = options.body {
        let mut dropped = Vec::new();
        for section in &mut meeting.sections {
            keep_body(section, body, &mut dropped);
        }
        meeting.diagnostics.extend(dropped);
    }
    meeting
}

/// Turns the decisions on other bodies' ids into paragraphs, and drops those ids from the
/// contribution lists, with a warning each.
fn keep_body(section: &mut Section, body: Scheme, dropped: &mut Vec<Diagnostic>) {
    section.contributions.retain(|c| c.tdoc.scheme() == body);
    for block in &mut section.blocks {
        let Block::Decision(decision) = block else { continue };
        if decision.tdoc.scheme() == body {
            continue;
        }
        dropped.push(Diagnostic {
            severity: Severity::Warning,
            location: decision.location.clone(),
            message: format!(
                "`{}` is not a {} document id (--body {}); its decision is left as text",
                decision.tdoc_as_written,
                body.body(),
                body.body()
            ),
        });
        *block = Block::Paragraph {
            text: decision.as_written.clone(),
            location: decision.location.clone(),
        };
    }
    for child in &mut section.sections {
        keep_body(child, body, dropped);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use minutes_flow::{Block as FlowBlock, Location};

    use super::*;

    fn flow() -> Flow {
        Flow::new(vec![
            FlowBlock::heading(1, Some("2".into()), "Documents", Location::Line(1)),
            FlowBlock::paragraph("SEC-2015-0524R02 was agreed", Location::Line(2)),
            FlowBlock::paragraph("S2-1903157 was noted", Location::Line(3)),
            FlowBlock::paragraph("TD S2-1903158 Title", Location::Line(4)),
            FlowBlock::paragraph("Adopted.", Location::Line(5)),
        ])
    }

    #[test]
    fn body_keeps_its_own_ids() {
        let ids = |meeting: &Meeting| {
            meeting.dispositions().iter().map(|d| d.tdoc.to_string()).collect::<Vec<_>>()
        };
        let all = recognise_with(&flow(), &Options::default());
        assert_eq!(ids(&all), ["SEC-2015-0524R02", "S2-1903157"]);
        let gpp = Options { body: Some(Scheme::ThreeGpp), ..Options::default() };
        assert_eq!(ids(&recognise_with(&flow(), &gpp)), ["S2-1903157"]);
        let onem2m = Options { body: Some(Scheme::OneM2m), ..Options::default() };
        let meeting = recognise_with(&flow(), &onem2m);
        assert_eq!(ids(&meeting), ["SEC-2015-0524R02"]);
        assert!(meeting.diagnostics.iter().any(|d| d.message.contains("--body onem2m")));
    }

    #[test]
    fn phrases_add_wordings() {
        let extra = Phrasebook::parse(
            "[[status]]\nstatus = \"Agreed\"\nphrases = [\"adopted\"]\n",
            "mine.toml",
        )
        .unwrap();
        let options = Options {
            phrases: Some(Arc::new(Phrasebook::with_additions(&extra))),
            ..Options::default()
        };
        let meeting = recognise_with(&flow(), &options);
        let last = meeting.dispositions().pop().unwrap();
        assert_eq!(
            (last.tdoc.to_string(), last.status.as_str()),
            ("S2-1903158".into(), "Agreed")
        );
        // The built-in phrasebook is back after the call.
        assert_eq!(recognise(&flow()).dispositions().len(), 2);
    }

    use crate::recognise;
}

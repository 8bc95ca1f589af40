//! Recognition options: a user's phrasebook additions and a forced body.

use std::sync::Arc;

use minutes_flow::{Block as FlowBlock, BlockKind, Flow};
use minutes_model::{tdoc_spans, Diagnostic, Meeting, Scheme, Severity};

use crate::{
    context::Context,
    phrasebook::{builtin, Phrasebook},
    text::location_text,
};

/// How to recognise a draft, beyond the defaults.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The phrasebook to use instead of the built-in one (see
    /// [`Phrasebook::with_additions`]).
    pub phrases: Option<Arc<Phrasebook>>,
    /// The body whose document ids count (`--body`), which is then the meeting's body;
    /// `None` takes the ids of every body the draft uses and detects the meeting's body
    /// from them (see [`Meeting::body`]).
    pub body: Option<Scheme>,
}

/// [`crate::recognise`] with `options`: the phrasebook and the body are handed to every
/// matcher; with a body, the id scanner looks for that body's ids only, so the others'
/// are text (one warning says how many there are, and where the first is).
pub fn recognise_with(flow: &Flow, options: &Options) -> Meeting {
    let book = options.phrases.as_deref().unwrap_or_else(|| builtin());
    let cx = Context { book, body: options.body };
    let mut meeting = crate::sections::recognise_in(flow, cx);
    if let Some(warning) = options.body.and_then(|body| other_bodies_ids(flow, body)) {
        meeting.diagnostics.push(warning);
        crate::sections::sort_diagnostics(&mut meeting);
    }
    meeting
}

/// A warning naming the first id of another body than `body` in `flow`, and how many
/// there are: `--body` left them unread.
fn other_bodies_ids(flow: &Flow, body: Scheme) -> Option<Diagnostic> {
    fn visit(
        blocks: &[FlowBlock],
        body: Scheme,
        found: &mut (usize, Option<Diagnostic>),
    ) {
        for block in blocks {
            if let BlockKind::Table(table) = &block.kind {
                for cell in table.rows.iter().flat_map(|row| &row.cells) {
                    visit(&cell.blocks, body, found);
                }
                continue;
            }
            let Some(text) = block.text() else { continue };
            for span in tdoc_spans(text) {
                if span.full().is_none_or(|tdoc| tdoc.scheme() == body) {
                    continue;
                }
                found.0 += 1;
                found.1.get_or_insert_with(|| Diagnostic {
                    severity: Severity::Warning,
                    location: location_text(&block.location),
                    message: span.as_written.to_string(),
                });
            }
        }
    }
    let mut found = (0, None);
    visit(&flow.blocks, body, &mut found);
    let (count, mut first) = found;
    if let Some(diagnostic) = &mut first {
        let (first, name) = (&diagnostic.message, body.body());
        diagnostic.message = match count {
            0 | 1 => format!("`{first}` is not a {name} document id: not read (--body {name})"),
            n => format!(
                "`{first}` and {} more are not {name} document ids: not read (--body {name})",
                n - 1
            ),
        };
    }
    first
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use minutes_flow::{Block as FlowBlock, Span};

    use minutes_model::Block;

    use super::*;

    fn flow() -> Flow {
        Flow::new(vec![
            FlowBlock::heading(1, Some("2".into()), "Documents", Span::Line(1)),
            FlowBlock::paragraph("SEC-2015-0524R02 was agreed", Span::Line(2)),
            FlowBlock::paragraph("S2-1903157 was noted", Span::Line(3)),
            FlowBlock::paragraph("TD S2-1903158 Title", Span::Line(4)),
            FlowBlock::paragraph("Adopted.", Span::Line(5)),
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
        let warning = meeting.diagnostics.iter().find(|d| d.message.contains("--body"));
        // `to_string`: the location is printed as the CLI prints it, whatever its type.
        assert_eq!(
            warning.map(|d| (d.location.to_string(), d.message.as_str())),
            Some((
                "line 3".to_string(),
                "`S2-1903157` and 1 more are not onem2m document ids: not read (--body onem2m)"
            ))
        );
    }

    // The scanner itself looks for the body's ids only: another body's id is never a
    // document, in a decision, a heading, an entry or a table.
    #[test]
    fn a_forced_body_reads_no_other_ids() {
        let flow = Flow::new(vec![
            FlowBlock::heading(1, Some("2".into()), "Documents", Span::Line(1)),
            FlowBlock::paragraph("TD S2-1903158 Title", Span::Line(2)),
            FlowBlock::paragraph("Noted.", Span::Line(3)),
            FlowBlock::paragraph("SEC-2015-0524R02 - Title", Span::Line(4)),
            FlowBlock::paragraph("Decision: approved", Span::Line(5)),
        ]);
        let tdocs = |meeting: &Meeting| {
            let mut all: Vec<String> = meeting
                .decisions()
                .iter()
                .map(|(_, d)| d.tdoc.to_string())
                .chain(meeting.all_sections().iter().flat_map(|s| {
                    s.blocks.iter().filter_map(|b| match b {
                        Block::Document(heading) => {
                            heading.tdocs.first().map(ToString::to_string)
                        }
                        _ => None,
                    })
                }))
                .collect();
            all.sort();
            all.dedup();
            all
        };
        let gpp = Options { body: Some(Scheme::ThreeGpp), ..Options::default() };
        assert_eq!(tdocs(&recognise_with(&flow, &gpp)), ["S2-1903158"]);
        let onem2m = Options { body: Some(Scheme::OneM2m), ..Options::default() };
        assert_eq!(tdocs(&recognise_with(&flow, &onem2m)), ["SEC-2015-0524R02"]);
        assert_eq!(
            tdocs(&recognise_with(&flow, &Options::default())),
            ["S2-1903158", "SEC-2015-0524R02"]
        );
    }

    #[test]
    #[cfg(feature = "user-phrases")]
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

    #[cfg(feature = "user-phrases")]
    use crate::recognise;
}

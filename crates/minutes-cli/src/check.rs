//! `minutes check`: diagnostics of one or more drafts, and a summary line for each.

use minutes::{
    model::{Scheme, Severity},
    InputFormat, Meeting,
};

use crate::{
    args::{CheckCommand, EXIT_FAILURE, EXIT_OK},
    io::{describe, load_draft, print_diagnostics, recognise_options},
};

pub fn check(cmd: &CheckCommand) -> anyhow::Result<u8> {
    let mut failed = false;
    for path in &cmd.drafts {
        match load_draft(path) {
            Ok((draft, loaded)) => {
                failed |= print_diagnostics(&draft.name, &loaded.meeting, cmd.notes) > 0;
                let origin = if loaded.format == InputFormat::Json {
                    BodyOrigin::Model
                } else if recognise_options().body.is_some() {
                    BodyOrigin::Forced
                } else {
                    BodyOrigin::Detected
                };
                eprintln!("{}: {}", draft.name, summary(&loaded.meeting, origin));
            }
            Err(err) => {
                eprintln!("error: {}", describe(&err));
                failed = true;
            }
        }
    }
    Ok(if failed { EXIT_FAILURE } else { EXIT_OK })
}

/// Where the meeting's body came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyOrigin {
    /// `--body`.
    Forced,
    /// The ids of the draft.
    Detected,
    /// A JSON model, as saved.
    Model,
}

/// The summary of one checked draft: its body and where that came from, its dispositions
/// and how many diagnostics of each severity it has (notes counted even when not printed).
fn summary(meeting: &Meeting, origin: BodyOrigin) -> String {
    let body = match (meeting.body, origin) {
        (Some(body), BodyOrigin::Forced) => {
            format!("{} meeting (--body {})", body.body(), body.body())
        }
        (Some(body), BodyOrigin::Detected) => {
            format!("{} meeting (detected from its document ids)", body.body())
        }
        (Some(body), BodyOrigin::Model) => {
            format!("{} meeting (as the model says)", body.body())
        }
        (None, BodyOrigin::Model) => "body unknown (the model does not say)".to_string(),
        (None, _) => format!(
            "body unknown (neither {} nor {} ids prevail)",
            Scheme::OneM2m.body(),
            Scheme::ThreeGpp.body()
        ),
    };
    let count = |severity: Severity| {
        meeting.diagnostics.iter().filter(|d| d.severity == severity).count()
    };
    let plural =
        |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{body}; {}; {}, {}, {}",
        plural(meeting.dispositions().len(), "disposition"),
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Note), "note"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_the_body_and_its_origin() {
        let gpp = Meeting { body: Some(Scheme::ThreeGpp), ..Meeting::default() };
        assert_eq!(
            summary(&gpp, BodyOrigin::Forced),
            "3gpp meeting (--body 3gpp); 0 dispositions; 0 errors, 0 warnings, 0 notes"
        );
        assert_eq!(
            summary(&gpp, BodyOrigin::Detected),
            "3gpp meeting (detected from its document ids); 0 dispositions; 0 errors, 0 warnings, 0 notes"
        );
        assert_eq!(
            summary(&Meeting::default(), BodyOrigin::Detected),
            "body unknown (neither onem2m nor 3gpp ids prevail); 0 dispositions; 0 errors, 0 warnings, 0 notes"
        );
        assert!(summary(&Meeting::default(), BodyOrigin::Model)
            .starts_with("body unknown (the model"));
    }
}

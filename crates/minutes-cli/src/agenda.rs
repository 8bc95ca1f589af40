//! `minutes agenda`: the agenda DOCX of a meeting, of the next meeting, or of a
//! contributions list.

use anyhow::Context;
use minutes::{
    model::Meeting,
    write::{
        agenda_from_contributions, agenda_of, next_agenda, write_agenda, DocxWriteOptions,
    },
};

use crate::{
    args::AgendaCommand,
    convert::{default_output, load_template},
    io::{
        conversion_time, error_count, exit_status, load_draft, print_diagnostics,
        read_draft, require_minutes, write_atomically,
    },
};

pub fn agenda(cmd: &AgendaCommand) -> anyhow::Result<u8> {
    let template = load_template(cmd.template.as_deref())?;
    let mut errors = 0;
    let (mut agenda, name, input, stem_source, source_bytes) =
        match (&cmd.contributions, &cmd.draft) {
            (Some(list_path), _) => {
                let list = read_draft(list_path)?;
                let rows = minutes::load_contributions(&list.bytes, list.path.as_deref())
                    .map_err(|err| list_error(&list.name, &err))?;
                let skeleton: Option<Meeting> = match &cmd.skeleton {
                    Some(path) => {
                        let (draft, mut loaded) = load_draft(path)?;
                        require_minutes(
                            &draft.name,
                            &mut loaded.meeting,
                            cmd.strictness.force,
                        )?;
                        errors += error_count(&loaded.meeting);
                        if !cmd.quiet {
                            print_diagnostics(&draft.name, &loaded.meeting, false);
                        }
                        Some(loaded.meeting)
                    }
                    None => None,
                };
                let agenda = agenda_from_contributions(rows, skeleton.as_ref());
                (agenda, list.name, list.path, list_path.clone(), list.bytes)
            }
            (None, Some(path)) => {
                let (draft, mut loaded) = load_draft(path)?;
                require_minutes(&draft.name, &mut loaded.meeting, cmd.strictness.force)?;
                errors += error_count(&loaded.meeting);
                if !cmd.quiet {
                    print_diagnostics(&draft.name, &loaded.meeting, false);
                }
                let agenda = if cmd.next {
                    next_agenda(&loaded.meeting)
                } else {
                    agenda_of(&loaded.meeting)
                };
                (agenda, draft.name, draft.path, path.clone(), draft.bytes)
            }
            (None, None) => anyhow::bail!("a DRAFT or --contributions LIST is needed"),
        };
    // The cover as given on the command line wins over the one found.
    if let Some(title) = &cmd.title {
        agenda.cover.title = Some(title.clone());
    }
    if let Some(date) = &cmd.date {
        agenda.cover.date = Some(date.clone());
    }
    if !cmd.quiet {
        print_diagnostics(&name, &agenda, false);
    }
    let output =
        cmd.output.clone().unwrap_or_else(|| default_output(&stem_source, "agenda"));
    let options = DocxWriteOptions {
        timestamp: Some(conversion_time(&source_bytes)),
        ..DocxWriteOptions::default()
    };
    let bytes = write_agenda(&agenda, &template, &options)
        .with_context(|| format!("cannot write {}", output.display()))?;
    write_atomically(&output, input.as_deref(), &bytes)?;
    Ok(exit_status(
        &name,
        errors,
        cmd.strictness.allow_errors,
        &output.display().to_string(),
    ))
}

/// A list's error as `file:PLACE: message` when it points at a row (`file:8:`,
/// `file:Sheet1!5:`), else `file: message`.
fn list_error(name: &str, err: &minutes::Error) -> anyhow::Error {
    match err.kind() {
        minutes::ErrorKind::List(list) => {
            match list.location.as_ref().and_then(|l| l.jump_form()) {
                Some(place) => anyhow::anyhow!("{name}:{place}: {}", list.message),
                None => anyhow::anyhow!("{name}: {list}"),
            }
        }
        _ => anyhow::anyhow!("cannot read {name}: {err}"),
    }
}

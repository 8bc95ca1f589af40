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
    args::{AgendaCommand, EXIT_OK},
    convert::{default_output, load_template},
    io::{load_draft, print_diagnostics, read_draft, write_atomically},
};

pub fn agenda(cmd: &AgendaCommand) -> anyhow::Result<u8> {
    let template = load_template(cmd.template.as_deref())?;
    let (agenda, name, input, stem_source) = match (&cmd.contributions, &cmd.draft) {
        (Some(list_path), _) => {
            let list = read_draft(list_path)?;
            let rows = minutes::load_contributions(&list.bytes, list.path.as_deref())
                .map_err(|err| list_error(&list.name, &err))?;
            let skeleton: Option<Meeting> = match &cmd.skeleton {
                Some(path) => {
                    let (draft, loaded) = load_draft(path)?;
                    if !cmd.quiet {
                        print_diagnostics(&draft.name, &loaded.meeting, false);
                    }
                    Some(loaded.meeting)
                }
                None => None,
            };
            let agenda = agenda_from_contributions(rows, skeleton.as_ref());
            (agenda, list.name, list.path, list_path.clone())
        }
        (None, Some(path)) => {
            let (draft, loaded) = load_draft(path)?;
            if !cmd.quiet {
                print_diagnostics(&draft.name, &loaded.meeting, false);
            }
            let agenda = if cmd.next {
                next_agenda(&loaded.meeting)
            } else {
                agenda_of(&loaded.meeting)
            };
            (agenda, draft.name, draft.path, path.clone())
        }
        (None, None) => anyhow::bail!("a DRAFT or --contributions LIST is needed"),
    };
    if !cmd.quiet {
        print_diagnostics(&name, &agenda, false);
    }
    let output =
        cmd.output.clone().unwrap_or_else(|| default_output(&stem_source, "agenda"));
    let bytes = write_agenda(&agenda, &template, &DocxWriteOptions::default())
        .with_context(|| format!("cannot write {}", output.display()))?;
    write_atomically(&output, input.as_deref(), &bytes)?;
    Ok(EXIT_OK)
}

/// A list's error as `file:line: message` when it points at a line, else `file: message`.
fn list_error(name: &str, err: &minutes::Error) -> anyhow::Error {
    match err.kind() {
        minutes::ErrorKind::List(list) => {
            match list.location.as_ref().and_then(|l| l.line()) {
                Some(line) => anyhow::anyhow!("{name}:{line}: {}", list.message),
                None => anyhow::anyhow!("{name}: {list}"),
            }
        }
        _ => anyhow::anyhow!("cannot read {name}: {err}"),
    }
}

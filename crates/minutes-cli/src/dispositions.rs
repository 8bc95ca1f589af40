//! `minutes dispositions`: the portal CSV.

use anyhow::Context;
use minutes::write::{write_dispositions, Column, CsvOptions, StatusMap};

use crate::{
    args::{DispositionsCommand, EXIT_USAGE},
    io::{
        emit, error_count, exit_status, load_draft, print_diagnostics, require_minutes,
    },
};

pub fn dispositions(cmd: &DispositionsCommand) -> anyhow::Result<u8> {
    // Resolve options before reading the draft, so that usage mistakes fail fast.
    // Both are usage errors (exit 2), named.
    let columns = match &cmd.columns {
        Some(list) => match Column::parse_list(list) {
            Ok(columns) => columns,
            Err(e) => {
                eprintln!("error: --columns: {e}");
                return Ok(EXIT_USAGE);
            }
        },
        None => Column::DEFAULT.to_vec(),
    };
    let status_map = match &cmd.status_map {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            match StatusMap::parse(&text, &path.display().to_string()) {
                Ok(map) => Some(map),
                Err(e) => {
                    eprintln!("error: --status-map: {e}");
                    return Ok(EXIT_USAGE);
                }
            }
        }
        None => None,
    };
    let options = CsvOptions {
        columns,
        excel: cmd.excel,
        all_documents: cmd.all_documents,
        status_map,
    };
    let (draft, mut loaded) = load_draft(&cmd.input.draft)?;
    require_minutes(&draft.name, &mut loaded.meeting, cmd.strictness.force)?;
    if !cmd.quiet {
        print_diagnostics(&draft.name, &loaded.meeting, false);
    }
    let mut csv = Vec::new();
    write_dispositions(&loaded.meeting, &options, &mut csv)?;
    emit(cmd.output.as_deref(), draft.path.as_deref(), &csv)?;
    let written = cmd
        .output
        .as_ref()
        .map_or_else(|| "the CSV".to_string(), |p| p.display().to_string());
    Ok(exit_status(
        &draft.name,
        error_count(&loaded.meeting),
        cmd.strictness.allow_errors,
        &written,
    ))
}

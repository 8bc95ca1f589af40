//! `minutes dispositions`: the portal CSV.

use anyhow::{anyhow, Context};
use minutes::{
    read::read_status_map,
    write::{write_dispositions, Column, CsvOptions},
};

use crate::{
    args::{DispositionsCommand, EXIT_OK},
    io::{emit, load_draft, print_diagnostics},
};

pub fn dispositions(cmd: &DispositionsCommand) -> anyhow::Result<u8> {
    // Resolve options before reading the draft, so that usage mistakes fail fast.
    let columns = match &cmd.columns {
        Some(list) => Column::parse_list(list).map_err(|e| anyhow!("--columns: {e}"))?,
        None => Column::DEFAULT.to_vec(),
    };
    let status_map = match &cmd.status_map {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            Some(read_status_map(&text, &path.display().to_string())?)
        }
        None => None,
    };
    let options = CsvOptions {
        columns,
        excel: cmd.excel,
        all_documents: cmd.all_documents,
        status_map,
    };
    let (draft, loaded) = load_draft(&cmd.input.draft)?;
    if !cmd.quiet {
        print_diagnostics(&draft.name, &loaded.meeting, false);
    }
    let mut csv = Vec::new();
    write_dispositions(&loaded.meeting, &options, &mut csv)?;
    emit(cmd.output.as_deref(), draft.path.as_deref(), &csv)?;
    Ok(EXIT_OK)
}

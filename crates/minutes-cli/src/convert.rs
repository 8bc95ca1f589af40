//! `minutes convert`: the official minutes DOCX.

use std::path::{Path, PathBuf};

use anyhow::Context;
use minutes::write::{write_docx_to, DocxWriteOptions, Template};

use crate::{
    args::ConvertCommand,
    io::{
        conversion_time, error_count, exit_status, load_draft, print_diagnostics,
        require_minutes, write_atomically_with,
    },
};

/// `<draft stem>.minutes.docx` in the current directory.
pub fn default_output(draft: &Path, suffix: &str) -> PathBuf {
    let stem = draft
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| *s != "-")
        .unwrap_or("stdin");
    PathBuf::from(format!("{stem}.{suffix}.docx"))
}

/// Loads a template file, or the built-in one.
pub fn load_template(path: Option<&Path>) -> anyhow::Result<Template> {
    match path {
        Some(path) => {
            let bytes = std::fs::read(path)
                .with_context(|| format!("cannot read template {}", path.display()))?;
            Template::from_bytes(bytes)
                .with_context(|| format!("cannot use template {}", path.display()))
        }
        None => Ok(Template::builtin()),
    }
}

pub fn convert(cmd: &ConvertCommand) -> anyhow::Result<u8> {
    let template = load_template(cmd.template.as_deref())?;
    let (draft, mut loaded) = load_draft(&cmd.input.draft)?;
    require_minutes(&draft.name, &mut loaded.meeting, cmd.strictness.force)?;
    if !cmd.quiet {
        print_diagnostics(&draft.name, &loaded.meeting, false);
    }
    let output =
        cmd.output.clone().unwrap_or_else(|| default_output(&cmd.input.draft, "minutes"));
    let options = DocxWriteOptions {
        timestamp: Some(conversion_time(&draft.bytes)),
        ..DocxWriteOptions::default()
    };
    // Written straight into the output file: the package is never whole in memory.
    write_atomically_with(&output, draft.path.as_deref(), |out| {
        write_docx_to(&loaded.meeting, &template, &options, out)?;
        Ok(())
    })?;
    Ok(exit_status(
        &draft.name,
        error_count(&loaded.meeting),
        cmd.strictness.allow_errors,
        &output.display().to_string(),
    ))
}

//! `minutes inspect`: the model as JSON or Markdown.

use crate::{
    args::{InspectCommand, InspectFormat, EXIT_OK},
    io::{emit, load_draft},
};

pub fn inspect(cmd: &InspectCommand) -> anyhow::Result<u8> {
    let (_, loaded) = load_draft(&cmd.input.draft)?;
    let text = match cmd.format {
        InspectFormat::Json => loaded.meeting.to_json(),
        InspectFormat::Md => minutes::write::write_markdown(&loaded.meeting),
    };
    emit(None, None, text.as_bytes())?;
    Ok(EXIT_OK)
}

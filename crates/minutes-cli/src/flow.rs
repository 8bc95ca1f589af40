//! `minutes flow`: the format-neutral blocks as text.

use anyhow::Context;

use crate::{
    args::{FlowCommand, EXIT_OK},
    io::{emit, read_draft},
};

pub fn flow(cmd: &FlowCommand) -> anyhow::Result<u8> {
    let draft = read_draft(&cmd.input.draft)?;
    let flow = minutes::read_flow_named(&draft.bytes, draft.path.as_deref())
        .with_context(|| format!("cannot read {}", draft.name))?;
    emit(None, None, minutes::flow::render_flow(&flow.output).as_bytes())?;
    Ok(EXIT_OK)
}

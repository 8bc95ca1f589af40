//! `minutes agenda`: the agenda DOCX.

use anyhow::bail;

use crate::args::AgendaCommand;

pub fn agenda(_cmd: &AgendaCommand) -> anyhow::Result<u8> {
    bail!("agenda documents are not available yet")
}

//! `minutes batch`: many drafts in parallel.

use anyhow::bail;

use crate::args::BatchCommand;

pub fn batch(_cmd: &BatchCommand) -> anyhow::Result<u8> {
    bail!("batch conversion is not available yet")
}

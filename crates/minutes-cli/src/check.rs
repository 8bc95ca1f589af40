//! `minutes check`: diagnostics of one or more drafts.

use crate::{
    args::{CheckCommand, EXIT_FAILURE, EXIT_OK},
    io::{describe, load_draft, print_diagnostics},
};

pub fn check(cmd: &CheckCommand) -> anyhow::Result<u8> {
    let mut failed = false;
    for path in &cmd.drafts {
        match load_draft(path) {
            Ok((draft, loaded)) => {
                failed |= print_diagnostics(&draft.name, &loaded.meeting, cmd.notes) > 0;
            }
            Err(err) => {
                eprintln!("error: {}", describe(&err));
                failed = true;
            }
        }
    }
    Ok(if failed { EXIT_FAILURE } else { EXIT_OK })
}

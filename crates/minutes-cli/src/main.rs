//! The `minutes` command: glue between the command line, files and the library.

mod agenda;
mod args;
mod batch;
mod check;
mod convert;
mod dispositions;
mod flow;
mod inspect;
mod io;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{CliArguments, Command, EXIT_FAILURE, EXIT_OK, EXIT_USAGE};

fn main() -> ExitCode {
    let arguments = match CliArguments::try_parse() {
        Ok(arguments) => arguments,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { EXIT_USAGE } else { EXIT_OK });
        }
    };
    if let Err(err) =
        io::set_recognise_options(arguments.phrases.as_deref(), arguments.body.as_deref())
    {
        eprintln!("error: {err:#}");
        return ExitCode::from(EXIT_FAILURE);
    }
    match dispatch(&arguments.command) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // A closed pipe (`minutes inspect x | head`) is not a failure.
            if err.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::from(EXIT_OK);
            }
            eprintln!("error: {}", io::describe(&err));
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn dispatch(command: &Command) -> anyhow::Result<u8> {
    match command {
        Command::Convert(cmd) => convert::convert(cmd),
        Command::Dispositions(cmd) => dispositions::dispositions(cmd),
        Command::Inspect(cmd) => inspect::inspect(cmd),
        Command::Flow(cmd) => flow::flow(cmd),
        Command::Check(cmd) => check::check(cmd),
        Command::Agenda(cmd) => agenda::agenda(cmd),
        Command::Batch(cmd) => batch::batch(cmd),
    }
}

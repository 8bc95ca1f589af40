//! Writes a sample meeting (resembling the seed minutes) as official minutes DOCX.
//!
//! `cargo run -p minutes-write --example write_sample -- OUT.docx [--template T.docx]
//! [--model MEETING.json]`: `--model` writes a model in the JSON form of DESIGN.md §5
//! instead of the built-in sample; `--print-model` also prints the model as JSON (for
//! round-trip checks against `minutes inspect OUT.docx --format json`).

#[path = "../tests/support/sample_model.rs"]
mod sample_model;

use std::process::ExitCode;

use minutes_write::{write_docx, DocxWriteOptions, Template};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut out = None;
    let mut template_path = None;
    let mut model_path = None;
    let mut print_model = false;
    while let Some(arg) = args.next() {
        if arg == "--template" {
            template_path = args.next();
        } else if arg == "--print-model" {
            print_model = true;
        } else if arg == "--model" {
            model_path = args.next();
        } else {
            out = Some(arg);
        }
    }
    let Some(out) = out else {
        eprintln!(
            "usage: write_sample OUT.docx [--template T.docx] [--model MEETING.json]"
        );
        return ExitCode::from(2);
    };
    let template = match template_path {
        None => Template::builtin(),
        Some(path) => match std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| Template::from_bytes(bytes).map_err(|e| e.to_string()))
        {
            Ok(template) => template,
            Err(err) => {
                eprintln!("error: {path}: {err}");
                return ExitCode::from(1);
            }
        },
    };
    let meeting = match model_path {
        None => sample_model::sample_meeting(),
        Some(path) => match std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|json| {
                minutes_model::Meeting::from_json(&json).map_err(|e| e.to_string())
            }) {
            Ok(meeting) => meeting,
            Err(err) => {
                eprintln!("error: {path}: {err}");
                return ExitCode::from(1);
            }
        },
    };
    if print_model {
        print!("{}", meeting.to_json());
    }
    let options = DocxWriteOptions {
        timestamp: Some(1_431_820_800),
        ..DocxWriteOptions::default()
    };
    match write_docx(&meeting, &template, &options) {
        Ok(bytes) => match std::fs::write(&out, bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("error: {out}: {err}");
                ExitCode::from(1)
            }
        },
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(1)
        }
    }
}

//! Benchmark harness of the minutes pipeline, driven by `scripts/bench.sh`.
//!
//! - `minutes-bench stages FILE...` times each stage in-process (median of repeated runs,
//!   so that process start-up and disk are out of the figures) and prints one TSV row per
//!   file: read (bytes → Flow), the floor (unzip `word/document.xml` and one quick-xml
//!   pass over it, DOCX only), recognise (Flow → Meeting), write (Meeting → official DOCX
//!   with the built-in template), convert (all of it, as `minutes convert` does).
//! - `minutes-bench tokenise` reads XML on standard input and makes one quick-xml pass
//!   over it: the floor of the command-line comparison (`unzip -p F word/document.xml |
//!   minutes-bench tokenise`).
//! - `minutes-bench repeat STAGE FILE N` runs one stage (`read`, `recognise`, `write`,
//!   `write-fresh` (the template parsed anew each time), `convert`) N times, for a
//!   profiler (`perf record --call-graph dwarf`).
//! - `minutes-bench cold FILE` times the first run of each stage in this fresh process,
//!   then a second run: what a one-off `minutes convert` pays beyond the warm figures.

use std::{
    hint::black_box,
    io::{Cursor, Read, Write},
    path::Path,
    process::ExitCode,
    time::{Duration, Instant},
};

use minutes::write::{write_docx, DocxWriteOptions, Template};
use quick_xml::{events::Event, Reader};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.split_first() {
        Some((command, files)) if command == "stages" => stages(files),
        Some((command, _)) if command == "tokenise" => tokenise_stdin(),
        Some((command, rest)) if command == "repeat" => repeat(rest),
        Some((command, files)) if command == "cold" => cold(files),
        _ => Err(
            "usage: minutes-bench stages FILE... | tokenise < XML | repeat STAGE FILE N | cold FILE"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// One quick-xml pass: every event read, nothing kept. Returns the number of events and
/// of text bytes so that the work cannot be optimised away.
fn tokenise(xml: &[u8]) -> Result<(usize, usize), String> {
    let mut reader = Reader::from_reader(xml);
    let (mut events, mut text) = (0usize, 0usize);
    loop {
        match reader.read_event().map_err(|e| format!("xml: {e}"))? {
            Event::Eof => break,
            Event::Text(t) => text += t.len(),
            _ => {}
        }
        events += 1;
    }
    Ok((events, text))
}

fn tokenise_stdin() -> Result<(), String> {
    let mut xml = Vec::new();
    std::io::stdin().read_to_end(&mut xml).map_err(|e| format!("stdin: {e}"))?;
    let (events, text) = tokenise(&xml)?;
    println!("{events} events, {text} text bytes");
    Ok(())
}

/// The floor of the DOCX read path: inflate `parts` (those present) and tokenise them.
/// The floor of the issue is `word/document.xml` alone; the reader also needs the styles
/// and the numbering, which the second floor adds.
fn floor(docx: &[u8], parts: &[&str]) -> Result<(usize, usize), String> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(docx)).map_err(|e| format!("zip: {e}"))?;
    let (mut events, mut text) = (0, 0);
    for name in parts {
        let Ok(mut part) = archive.by_name(name) else { continue };
        let mut xml = Vec::with_capacity(usize::try_from(part.size()).unwrap_or(0));
        part.read_to_end(&mut xml).map_err(|e| format!("zip: {e}"))?;
        let (e, t) = tokenise(&xml)?;
        events += e;
        text += t;
    }
    Ok((events, text))
}

const DOCUMENT: &[&str] = &["word/document.xml"];
const NEEDED: &[&str] = &["word/document.xml", "word/styles.xml", "word/numbering.xml"];

/// Runs `f` repeatedly (at least 5 times and 0.3 s, at most 500 times) and returns the
/// median duration.
fn measure<T>(mut f: impl FnMut() -> Result<T, String>) -> Result<Duration, String> {
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 5
        || (start.elapsed() < Duration::from_millis(300) && times.len() < 500)
    {
        let t = Instant::now();
        black_box(f()?);
        times.push(t.elapsed());
    }
    times.sort();
    Ok(times.get(times.len() / 2).copied().unwrap_or_default())
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1e3)
}

fn stages(files: &[String]) -> Result<(), String> {
    let template = Template::builtin();
    let options = DocxWriteOptions::default();
    println!("file\tformat\tbytes\tdispositions\tread_ms\tfloor_ms\tfloor_all_ms\trecognise_ms\twrite_ms\tconvert_ms\tconvert_MB_s");
    for file in files {
        let bytes = std::fs::read(file).map_err(|e| format!("{file}: {e}"))?;
        let format = minutes::sniff(&bytes).map_err(|e| format!("{file}: {e}"))?;
        let flow = minutes::read_flow(&bytes).map_err(|e| format!("{file}: {e}"))?;
        let meeting = minutes::load(&bytes).map_err(|e| format!("{file}: {e}"))?.meeting;
        let read = measure(|| minutes::read_flow(&bytes).map_err(|e| e.to_string()))?;
        let (floor, floor_all) = match format {
            minutes::InputFormat::Docx => (
                ms(measure(|| floor(&bytes, DOCUMENT))?),
                ms(measure(|| floor(&bytes, NEEDED))?),
            ),
            _ => ("-".into(), "-".into()),
        };
        let recognise = measure(|| Ok(minutes::recognise::recognise(&flow.output)))?;
        let write = measure(|| {
            write_docx(&meeting, &template, &options).map_err(|e| e.to_string())
        })?;
        let convert = measure(|| {
            let meeting = minutes::load(&bytes).map_err(|e| e.to_string())?.meeting;
            write_docx(&meeting, &template, &options).map_err(|e| e.to_string())
        })?;
        let name = Path::new(file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!(
            "{name}\t{format:?}\t{}\t{}\t{}\t{floor}\t{floor_all}\t{}\t{}\t{}\t{:.1}",
            bytes.len(),
            meeting.dispositions().len(),
            ms(read),
            ms(recognise),
            ms(write),
            ms(convert),
            bytes.len() as f64 / 1e6 / convert.as_secs_f64().max(1e-9),
        );
    }
    Ok(())
}

fn repeat(args: &[String]) -> Result<(), String> {
    let [stage, file, count] = args else {
        return Err(
            "usage: minutes-bench repeat read|recognise|write|write-fresh|convert FILE N"
                .into(),
        );
    };
    let count: usize = count.parse().map_err(|e| format!("N: {e}"))?;
    let bytes = std::fs::read(file).map_err(|e| format!("{file}: {e}"))?;
    let flow = minutes::read_flow(&bytes).map_err(|e| format!("{file}: {e}"))?;
    let meeting = minutes::load(&bytes).map_err(|e| format!("{file}: {e}"))?.meeting;
    let template = Template::builtin();
    let options = DocxWriteOptions::default();
    for _ in 0..count {
        match stage.as_str() {
            "read" => {
                drop(black_box(minutes::read_flow(&bytes).map_err(|e| e.to_string())?))
            }
            "recognise" => drop(black_box(minutes::recognise::recognise(&flow.output))),
            // The template parsed again each time, as in a one-off `minutes convert`.
            "write-fresh" => drop(black_box(
                write_docx(&meeting, &Template::builtin(), &options)
                    .map_err(|e| e.to_string())?,
            )),
            "write" => drop(black_box(
                write_docx(&meeting, &template, &options).map_err(|e| e.to_string())?,
            )),
            "convert" => {
                let meeting = minutes::load(&bytes).map_err(|e| e.to_string())?.meeting;
                drop(black_box(
                    write_docx(&meeting, &template, &options)
                        .map_err(|e| e.to_string())?,
                ));
            }
            other => return Err(format!("unknown stage {other}")),
        }
    }
    Ok(())
}

/// The first run of each stage in a fresh process, then a second run: what the one-off
/// costs (template parse, lazily built tables, first page faults) add to one `convert`.
fn cold(files: &[String]) -> Result<(), String> {
    let [file] = files else {
        return Err("usage: minutes-bench cold FILE".into());
    };
    let bytes = std::fs::read(file).map_err(|e| format!("{file}: {e}"))?;
    let options = DocxWriteOptions::default();
    for round in ["first", "second"] {
        let t = Instant::now();
        let flow = minutes::read_flow(&bytes).map_err(|e| format!("{file}: {e}"))?;
        let read = t.elapsed();
        let t = Instant::now();
        let recognised = minutes::recognise::recognise(&flow.output);
        let recognise = t.elapsed();
        let t = Instant::now();
        let template = Template::builtin();
        let load = t.elapsed();
        let t = Instant::now();
        let docx =
            write_docx(&recognised, &template, &options).map_err(|e| e.to_string())?;
        let write = t.elapsed();
        // A closed pipe (`| head -1`) ends the report, not in a panic.
        let line = format!(
            "{round}: read {} recognise {} template {} write {} ms ({} bytes)",
            ms(read),
            ms(recognise),
            ms(load),
            ms(write),
            docx.len()
        );
        if writeln!(std::io::stdout(), "{line}").is_err() {
            return Ok(());
        }
    }
    Ok(())
}

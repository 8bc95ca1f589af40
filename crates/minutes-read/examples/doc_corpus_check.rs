//! Corpus check of the `.doc` reader: reads every `.doc` in `<corpus>/doc`, compares the
//! words of the rendered Flow with LibreOffice's plain text in
//! `<corpus>/doc/ref-text/<stem>.txt`, and prints per-file status, similarity and time,
//! then a summary.
//!
//! ```text
//! cargo run --release -p minutes-read --example doc_corpus_check -- /work/shared/corpus [FILTER] [--min-mean X] [-v]
//! cargo run --release -p minutes-read --example doc_corpus_check -- file.doc
//! ```
//!
//! Given a single `.doc`, it prints that file's rendered Flow and warnings instead.
//!
//! Similarity: tokens are lower-case alphanumeric runs; the sum over tokens of
//! `min(countA, countB)` divided by `max(totalA, totalB)`, between `render_flow` of the
//! Flow and LibreOffice's text as is. Files whose reference has no words are excluded from
//! the mean and listed apart.
//!
//! Per file: status (`ok`, `low` below 0.9, `empty` reference, `error` on a file
//! LibreOffice cannot read either, `ERROR` on one it reads, `PANIC`, `SLOW` over 2 s),
//! similarity, time, name. The run fails on any panic, any error on a file LibreOffice
//! reads (not in `ref-text/FAILED.tsv`), any file over 2 s, or a mean similarity below
//! `--min-mean` (default 0.97; checked on whole-corpus runs only).

use std::{
    collections::HashSet,
    fs,
    panic::{self, AssertUnwindSafe},
    path::PathBuf,
    process::ExitCode,
    time::Instant,
};

#[path = "common/mod.rs"]
mod common;

use common::{dump_one, similarity, tokens, Args};
use minutes_flow::render_flow;
use minutes_read::{read_doc, read_docx, DocOptions, DocxOptions};

/// The mean similarity the corpus must reach.
const MEAN_TARGET: f64 = 0.97;
/// Files below this similarity are listed.
const LOW: f64 = 0.9;
/// No file may take longer (seconds).
const SLOW: f64 = 2.0;

fn main() -> ExitCode {
    let args = Args::parse(&[], MEAN_TARGET);
    let (verbose, min_mean) = (args.verbose, args.min_mean);
    let mut positional = args.positional.iter();
    let corpus =
        PathBuf::from(positional.next().map_or("/work/shared/corpus", |s| s.as_str()));
    if corpus.extension().is_some_and(|e| e.eq_ignore_ascii_case("doc")) {
        return dump_one(&corpus, |bytes| read_doc(bytes, &DocOptions::default()));
    }
    let filter = positional.next().cloned();
    let doc_dir = corpus.join("doc");
    let ref_dir = doc_dir.join("ref-text");
    let docx_dir = doc_dir.join("as-docx");
    let failed: HashSet<String> = fs::read_to_string(ref_dir.join("FAILED.tsv"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split('\t').next())
        .map(str::to_string)
        .collect();
    let mut names: Vec<String> = match fs::read_dir(&doc_dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.to_ascii_lowercase().ends_with(".doc"))
            .filter(|n| filter.as_ref().is_none_or(|f| n.contains(f.as_str())))
            .collect(),
        Err(e) => {
            eprintln!("error: cannot list {}: {e}", doc_dir.display());
            return ExitCode::from(2);
        }
    };
    names.sort();
    panic::set_hook(Box::new(|info| eprintln!("panic: {info}")));

    let (mut unexpected, mut panics, mut slow) = (0usize, 0usize, 0usize);
    let mut sims: Vec<(f64, String)> = Vec::new();
    let mut empty: Vec<(usize, String)> = Vec::new();
    let (mut doc_time, mut docx_time) = (0.0f64, 0.0f64);
    let mut slowest = (0.0f64, String::new());
    // Word similarity to the DOCX reader's Flow of LibreOffice's DOCX conversion.
    let mut agreement: Vec<f64> = Vec::new();
    for name in &names {
        let Ok(bytes) = fs::read(doc_dir.join(name)) else {
            println!("IOERR\t-\t-\t{name}");
            unexpected += 1;
            continue;
        };
        let stem = name.strip_suffix(".doc").unwrap_or(name);
        let start = Instant::now();
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            read_doc(&bytes, &DocOptions::default()).map(|w| render_flow(&w.output))
        }));
        let secs = start.elapsed().as_secs_f64();
        if secs > slowest.0 {
            slowest = (secs, name.clone());
        }
        let ms = secs * 1000.0;
        if secs > SLOW {
            slow += 1;
            println!("SLOW\t-\t{ms:.1}ms\t{name}");
        }
        // The same document converted to DOCX, read by the DOCX reader: the speed yardstick.
        if let (Ok(Ok(_)), Ok(docx)) =
            (&result, fs::read(docx_dir.join(format!("{stem}.docx"))))
        {
            let start = Instant::now();
            if let Ok(flow) = read_docx(&docx, &DocxOptions::default()) {
                docx_time += start.elapsed().as_secs_f64();
                doc_time += secs;
                if let Ok(Ok(text)) = &result {
                    agreement.push(similarity(text, &render_flow(&flow.output)));
                }
            }
        }
        match result {
            Err(_) => {
                panics += 1;
                println!("PANIC\t-\t{ms:.1}ms\t{name}");
            }
            Ok(Err(e)) => {
                let status = if failed.contains(name) {
                    "error"
                } else {
                    unexpected += 1;
                    "ERROR"
                };
                println!("{status}\t-\t{ms:.1}ms\t{name}\t{e}");
            }
            Ok(Ok(text)) => {
                if verbose {
                    println!("{text}");
                }
                let reference = fs::read_to_string(ref_dir.join(format!("{stem}.txt")))
                    .unwrap_or_default();
                if tokens(&reference).is_empty() {
                    let ours: usize = tokens(&text).values().sum();
                    empty.push((ours, name.clone()));
                    println!("empty\t-\t{ms:.1}ms\t{name}\t({ours} words of ours)");
                } else {
                    let sim = similarity(&text, &reference);
                    sims.push((sim, name.clone()));
                    let status = if sim < LOW { "low" } else { "ok" };
                    println!("{status}\t{sim:.4}\t{ms:.1}ms\t{name}");
                }
            }
        }
    }
    let mean = if sims.is_empty() {
        0.0
    } else {
        sims.iter().map(|(s, _)| s).sum::<f64>() / sims.len() as f64
    };
    let mut low: Vec<&(f64, String)> = sims.iter().filter(|(s, _)| *s < LOW).collect();
    low.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    println!();
    println!("files: {}", names.len());
    println!("errors on files LibreOffice reads: {unexpected}");
    println!("panics: {panics}");
    println!("over {SLOW} s: {slow} (slowest {:.1}ms {})", slowest.0 * 1000.0, slowest.1);
    println!("compared: {} (similarity against LibreOffice's plain text)", sims.len());
    println!("excluded: {} (LibreOffice's text has no words)", empty.len());
    println!("mean similarity: {mean:.4}");
    println!(
        "mean word similarity to the DOCX reader on LibreOffice's DOCX conversions: {:.4} ({} files)",
        agreement.iter().sum::<f64>() / agreement.len().max(1) as f64,
        agreement.len()
    );
    println!("below {LOW}: {}", low.len());
    for (sim, name) in &low {
        println!("  {sim:.4}\t{name}");
    }
    println!(
        "time: read_doc {:.1}ms, read_docx of the LibreOffice DOCX {:.1}ms, ratio {:.2}",
        doc_time * 1000.0,
        docx_time * 1000.0,
        doc_time / docx_time.max(1e-9)
    );
    let mean_ok = filter.is_some() || mean >= min_mean;
    if panics > 0 || unexpected > 0 || slow > 0 || !mean_ok {
        println!(
            "FAIL: panics {panics}, errors on files LibreOffice reads {unexpected}, slow \
             {slow}, mean similarity {mean:.4} (target {min_mean})"
        );
        ExitCode::FAILURE
    } else {
        println!("PASS (mean similarity {mean:.4}, target {min_mean})");
        ExitCode::SUCCESS
    }
}

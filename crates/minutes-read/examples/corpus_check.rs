//! Corpus check of the DOCX reader: reads every `.docx` in `<corpus>/docx`, compares the
//! words of the rendered Flow with pandoc's plain text in `<corpus>/ref-text/<file>.txt`,
//! and prints per-file status, similarity and time, then a summary.
//!
//! ```text
//! cargo run --release -p minutes-read --example corpus_check -- /work/shared/corpus [FILTER] [-v]
//! cargo run --release -p minutes-read --example corpus_check -- draft.docx
//! ```
//!
//! Given a single `.docx`, it prints that file's rendered Flow and warnings instead.
//! `--min-mean X` changes the mean the run must reach (default 0.98).
//! With `--mutate`, each file's main part is also damaged a dozen ways (truncated, cut,
//! repeated) and re-read: any panic fails the run.
//!
//! Similarity: tokens are lower-case alphanumeric runs; the sum over tokens of
//! `min(countA, countB)` divided by `max(totalA, totalB)`, between `render_flow` of the
//! Flow and pandoc's text as is (no adjustment of either side). Files whose pandoc text
//! has no words are excluded from the mean, counted and listed apart.
//!
//! Per file: status (`ok`, `low` below 0.9, `empty` reference, `error` on a file pandoc
//! cannot read either, `ERROR` on one it reads, `PANIC`), similarity, time, name. The
//! summary ends with `N passed, M failed` (files read vs files that panicked or failed
//! unexpectedly) and the verdict: the run fails on any panic, any error on a file pandoc
//! reads (not listed in `ref-text/FAILED.tsv`), or a mean similarity below the target
//! (checked on whole-corpus runs only, not with a FILTER).

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

use common::{dump_one, overlap, similarity, tokens, Args};
use minutes_flow::render_flow;
use minutes_ooxml::{xml::Depth, Limits, Package};
use minutes_read::{read_docx, DocxOptions};
use quick_xml::{events::Event, NsReader};

/// The mean similarity the corpus must reach.
const MEAN_TARGET: f64 = 0.98;
/// Files below this similarity are listed.
const LOW: f64 = 0.9;

/// The baseline the reader is measured against: open the package, inflate the main part
/// and make one namespace-resolving quick-xml pass over it. Returns the event count.
fn baseline(bytes: &[u8]) -> Option<usize> {
    let mut package = Package::open(bytes, Limits::default()).ok()?;
    let main = package.main_part().ok()?;
    let xml = package.read_part(&main).ok()??;
    let mut reader = NsReader::from_reader(xml.as_slice());
    let mut events = 0usize;
    let mut depth = Depth::default();
    loop {
        match reader.read_resolved_event() {
            Ok((_, Event::Eof)) | Err(_) => break,
            Ok((_, event)) if !depth.track(&event) => break,
            Ok(_) => events += 1,
        }
    }
    Some(events)
}

/// Damaged copies of a package's main part (truncated, a range cut out, a range
/// repeated), re-zipped with the other parts and read under `catch_unwind`. Returns
/// (packages tried, panics).
fn mutations(bytes: &[u8]) -> (usize, usize) {
    let Ok(mut package) = Package::open(bytes, Limits::default()) else { return (0, 0) };
    let Ok(main) = package.main_part() else { return (0, 0) };
    let Ok(Some(xml)) = package.read_part(&main) else { return (0, 0) };
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for name in package.part_names() {
        if name != main && !name.ends_with('/') {
            if let Ok(Some(data)) = package.read_part(&name) {
                parts.push((name, data));
            }
        }
    }
    let len = xml.len();
    let mut seed = len as u64 ^ 0x9E37_79B9_7F4A_7C15;
    let mut next = move |bound: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(seed >> 33).unwrap_or(0) % bound.max(1)
    };
    let (mut tried, mut panicked) = (0, 0);
    for round in 0..12 {
        let a = next(len);
        let b = (a + 1 + next(200)).min(len);
        let (head, tail) = xml.split_at(a);
        let mutated: Vec<u8> = match round % 3 {
            0 => head.to_vec(),
            1 => [head, tail.get(b - a..).unwrap_or_default()].concat(),
            _ => [head, tail.get(..b - a).unwrap_or_default(), tail].concat(),
        };
        let Some(zipped) = zip_package(&main, &mutated, &parts) else { continue };
        tried += 1;
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            read_docx(&zipped, &DocxOptions::default()).map(|w| render_flow(&w.output))
        }));
        if result.is_err() {
            panicked += 1;
        }
    }
    (tried, panicked)
}

fn zip_package(main: &str, xml: &[u8], parts: &[(String, Vec<u8>)]) -> Option<Vec<u8>> {
    use std::io::Write;

    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    writer.start_file(main, options).ok()?;
    writer.write_all(xml).ok()?;
    for (name, data) in parts {
        writer.start_file(name.as_str(), options).ok()?;
        writer.write_all(data).ok()?;
    }
    Some(writer.finish().ok()?.into_inner())
}

fn main() -> ExitCode {
    // `--min-mean X` sets the mean similarity the run must reach.
    let args = Args::parse(&["--mutate"], MEAN_TARGET);
    let (verbose, min_mean) = (args.verbose, args.min_mean);
    let mutate = !args.flags.is_empty();
    let mut positional = args.positional.iter();
    let corpus =
        PathBuf::from(positional.next().map_or("/work/shared/corpus", |s| s.as_str()));
    // A single `.docx` instead of a corpus: print its Flow and warnings.
    if corpus.extension().is_some_and(|e| e.eq_ignore_ascii_case("docx")) {
        return dump_one(&corpus, |bytes| read_docx(bytes, &DocxOptions::default()));
    }
    let filter = positional.next().cloned();
    // `MINUTES_CORPUS_DUMP=DIR` writes each rendered Flow there, for investigation.
    let dump = std::env::var_os("MINUTES_CORPUS_DUMP").map(PathBuf::from);
    let docx_dir = corpus.join("docx");
    let ref_dir = corpus.join("ref-text");

    let failed: HashSet<String> = fs::read_to_string(ref_dir.join("FAILED.tsv"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split('\t').next())
        .map(str::to_string)
        .collect();

    let mut names: Vec<String> = match fs::read_dir(&docx_dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.to_ascii_lowercase().ends_with(".docx"))
            .filter(|n| filter.as_ref().is_none_or(|f| n.contains(f.as_str())))
            .collect(),
        Err(e) => {
            eprintln!("error: cannot list {}: {e}", docx_dir.display());
            return ExitCode::from(2);
        }
    };
    names.sort();

    // Panics are counted, not printed twice.
    panic::set_hook(Box::new(|info| eprintln!("panic: {info}")));

    let (mut errors, mut unexpected, mut panics) = (0usize, 0usize, 0usize);
    let mut sims: Vec<(f64, String)> = Vec::new();
    // Files whose reference has no words: our word count and the name.
    let mut empty: Vec<(usize, String)> = Vec::new();
    let mut unreferenced = 0usize;
    // Token counts over the whole corpus: common, max of both sides, pandoc's.
    let mut pooled = (0usize, 0usize, 0usize);
    let (mut base_total, mut read_total) = (0.0f64, 0.0f64);
    let (mut mutated, mut mutation_panics) = (0usize, 0usize);
    let mut big: Vec<(f64, String)> = Vec::new();
    let mut slowest = (0.0f64, String::new());
    let options = DocxOptions::default();
    for name in &names {
        let bytes = match fs::read(docx_dir.join(name)) {
            Ok(bytes) => bytes,
            Err(e) => {
                println!("IOERR\t-\t-\t{name}\t{e}");
                errors += 1;
                continue;
            }
        };
        let start = Instant::now();
        let result =
            panic::catch_unwind(AssertUnwindSafe(|| read_docx(&bytes, &options)));
        let secs = start.elapsed().as_secs_f64();
        if secs > slowest.0 {
            slowest = (secs, name.clone());
        }
        let ms = secs * 1000.0;
        if mutate {
            let (tried, panicked) = mutations(&bytes);
            mutated += tried;
            mutation_panics += panicked;
        }
        let base_start = Instant::now();
        if panic::catch_unwind(AssertUnwindSafe(|| baseline(&bytes)))
            .is_ok_and(|n| n.is_some())
        {
            let base = base_start.elapsed().as_secs_f64();
            base_total += base;
            read_total += secs;
            if base > 0.005 {
                big.push((secs / base.max(1e-9), name.clone()));
            }
        }
        match result {
            Err(_) => {
                panics += 1;
                println!("PANIC\t-\t{ms:.1}ms\t{name}");
            }
            Ok(Err(e)) => {
                errors += 1;
                let status = if failed.contains(name) {
                    "error"
                } else {
                    unexpected += 1;
                    "ERROR"
                };
                println!("{status}\t-\t{ms:.1}ms\t{name}\t{e}");
            }
            Ok(Ok(warned)) => {
                let text = render_flow(&warned.output);
                if let Some(dir) = &dump {
                    let _ = fs::write(dir.join(format!("{name}.flow.txt")), &text);
                }
                if verbose {
                    println!("{text}");
                    for w in &warned.warnings {
                        println!("warning: {}: {}", w.location, w.message);
                    }
                }
                match fs::read_to_string(ref_dir.join(format!("{name}.txt"))) {
                    Ok(reference) if tokens(&reference).is_empty() => {
                        let ours: usize = tokens(&text).values().sum();
                        empty.push((ours, name.clone()));
                        println!("empty\t-\t{ms:.1}ms\t{name}\t({ours} words of ours)");
                    }
                    Ok(reference) => {
                        let sim = similarity(&text, &reference);
                        let (common, ours, theirs) = overlap(&text, &reference);
                        pooled.0 += common;
                        pooled.1 += ours.max(theirs);
                        pooled.2 += theirs;
                        sims.push((sim, name.clone()));
                        let status = if sim < LOW { "low" } else { "ok" };
                        println!("{status}\t{sim:.4}\t{ms:.1}ms\t{name}");
                    }
                    Err(_) => {
                        unreferenced += 1;
                        println!("ok\t-\t{ms:.1}ms\t{name}\t(no reference text)");
                    }
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
    let failed_files = panics + unexpected;
    let passed_files = names.len().saturating_sub(failed_files);
    println!();
    println!("files: {}", names.len());
    println!("errors: {errors} ({unexpected} on files pandoc reads)");
    println!("panics: {panics}");
    if mutate {
        println!("mutated packages: {mutated}, panics: {mutation_panics}");
    }
    println!("compared: {} (similarity against pandoc's plain text)", sims.len());
    println!(
        "excluded: {} (pandoc's text has no words), {unreferenced} without reference text",
        empty.len()
    );
    for (ours, name) in &empty {
        println!("  empty reference\t{ours} words of ours\t{name}");
    }
    println!("mean similarity (raw, render_flow vs pandoc text): {mean:.4}");
    println!(
        "pooled over all words: similarity {:.4}, share of pandoc's words found {:.4}",
        pooled.0 as f64 / pooled.1.max(1) as f64,
        pooled.0 as f64 / pooled.2.max(1) as f64
    );
    println!("below {LOW}: {}", low.len());
    for (sim, name) in &low {
        println!("  {sim:.4}\t{name}");
    }
    println!("slowest: {:.1}ms {}", slowest.0 * 1000.0, slowest.1);
    println!(
        "time: read_docx {:.1}ms, baseline (unzip + one quick-xml pass) {:.1}ms, ratio {:.2}",
        read_total * 1000.0,
        base_total * 1000.0,
        read_total / base_total.max(1e-9)
    );
    big.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (ratio, name) in big.iter().take(12) {
        println!("  ratio {ratio:.2}\t{name} (baseline over 5 ms)");
    }
    println!("{passed_files} passed, {failed_files} failed");
    let mean_ok = filter.is_some() || mean >= min_mean;
    if panics > 0 || mutation_panics > 0 || unexpected > 0 || !mean_ok {
        println!(
            "FAIL: panics {panics}, mutation panics {mutation_panics}, errors on files pandoc \
             reads {unexpected}, mean similarity {mean:.4} (target {min_mean})"
        );
        ExitCode::FAILURE
    } else {
        println!("PASS (mean similarity {mean:.4}, target {min_mean})");
        ExitCode::SUCCESS
    }
}

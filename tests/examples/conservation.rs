//! Body conservation over many drafts (issue 13): for each DOCX or text draft under the
//! given files and folders, the words of its official minutes cover the draft's (cover
//! sheet aside) at `--min-words` (default 0.995) and its blocks come in the same order at
//! `--min-order` (default 0.99). Files that do not read are counted, not measured. Prints
//! the files below a threshold and the worst five; exits 1 if any file is below.
//!
//! `cargo run --release -p minutes-tests --example conservation -- ../shared/seeds ...`

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use minutes_tests::body_conservation::{measure, Measure};

fn main() -> ExitCode {
    let mut min_words = 0.995;
    let mut min_order = 0.99;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = |args: &mut dyn Iterator<Item = String>| {
            args.next().and_then(|v| v.parse::<f64>().ok())
        };
        match arg.as_str() {
            "--min-words" => min_words = value(&mut args).unwrap_or(min_words),
            "--min-order" => min_order = value(&mut args).unwrap_or(min_order),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let mut files = Vec::new();
    for path in &paths {
        collect(path, &mut files);
    }
    files.sort();
    let mut measured: Vec<(PathBuf, Measure)> = Vec::new();
    let mut unreadable = 0;
    for file in &files {
        let Ok(bytes) = std::fs::read(file) else {
            unreadable += 1;
            continue;
        };
        // A panic is a finding too: it fails the check, naming the file.
        match std::panic::catch_unwind(|| measure(&bytes)) {
            Ok(Ok(m)) => measured.push((file.clone(), m)),
            Ok(Err(_)) => unreadable += 1,
            Err(_) => {
                println!("PANIC {}", file.display());
                return ExitCode::FAILURE;
            }
        }
    }
    let below: Vec<&(PathBuf, Measure)> = measured
        .iter()
        .filter(|(_, m)| m.word_share() < min_words || m.order_share() < min_order)
        .collect();
    for (file, m) in &below {
        println!("BELOW {}: {}", file.display(), line(m));
    }
    let mut worst: Vec<&(PathBuf, Measure)> = measured.iter().collect();
    worst.sort_by(|a, b| {
        // The worse of the two shares, then the words, then the order.
        let key = |m: &Measure| (m.word_share().min(m.order_share()), m.word_share());
        let (ka, kb) = (key(&a.1), key(&b.1));
        ka.0.total_cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
    });
    println!("worst five:");
    for (file, m) in worst.iter().take(5) {
        println!("  {}: {}", file.display(), line(m));
    }
    let words: usize = measured.iter().map(|(_, m)| m.words).sum();
    let missing: usize = measured.iter().map(|(_, m)| m.missing).sum();
    println!(
        "{} files measured ({} do not read), {} below the thresholds (words {min_words}, order {min_order}); {} of {words} words missing in all",
        measured.len(),
        unreadable,
        below.len(),
        missing
    );
    if below.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn line(m: &Measure) -> String {
    let missing: Vec<String> =
        m.missing_words.iter().map(|(w, n)| format!("{w}×{n}")).collect();
    format!(
        "words {:.4} ({} of {} missing), order {:.4} ({} of {} blocks); missing: {}",
        m.word_share(),
        m.missing,
        m.words,
        m.order_share(),
        m.in_order,
        m.blocks,
        missing.join(" ")
    )
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else { return };
        for entry in entries.flatten() {
            collect(&entry.path(), files);
        }
    } else if path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "docx" | "txt"))
    {
        files.push(path.to_path_buf());
    }
}

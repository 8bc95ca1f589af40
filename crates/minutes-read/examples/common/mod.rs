//! What the two corpus checks (`corpus_check`, `doc_corpus_check`) share: the word-bag
//! similarity they score readers by, the one-file dump, and their command line.

// Each example uses a part of this module.
#![allow(dead_code)]

use std::{collections::HashMap, fs, path::Path, process::ExitCode};

use minutes_flow::{render_flow, Flow, Warned};

/// Lower-cased alphanumeric words and how often each occurs.
pub fn tokens(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

/// Token counts shared by two texts: (common, total of `a`, total of `b`).
pub fn overlap(a: &str, b: &str) -> (usize, usize, usize) {
    let (a, b) = (tokens(a), tokens(b));
    let total_a: usize = a.values().sum();
    let total_b: usize = b.values().sum();
    let common: usize =
        a.iter().map(|(word, n)| (*n).min(b.get(word).copied().unwrap_or(0))).sum();
    (common, total_a, total_b)
}

/// Shared words over the larger text's words (1 for two texts without words).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (common, total_a, total_b) = overlap(a, b);
    let total = total_a.max(total_b);
    if total == 0 {
        return 1.0;
    }
    common as f64 / total as f64
}

/// Prints one file's Flow, and its warnings on standard error.
pub fn dump_one<E: std::fmt::Display>(
    path: &Path,
    read: impl Fn(&[u8]) -> Result<Warned<Flow>, E>,
) -> ExitCode {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    match read(&bytes) {
        Ok(warned) => {
            print!("{}", render_flow(&warned.output));
            for w in &warned.warnings {
                eprintln!(
                    "{}: {}: {}: {}",
                    path.display(),
                    w.location,
                    w.severity,
                    w.message
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}

/// The command line: `-v`, the given `flags`, `--min-mean X` (default `target`), then
/// positional arguments.
pub struct Args {
    /// `-v`: list every file.
    pub verbose: bool,
    /// The flags of `flags` that were given.
    pub flags: Vec<String>,
    /// The mean similarity the run must reach.
    pub min_mean: f64,
    /// The other arguments, in order.
    pub positional: Vec<String>,
}

impl Args {
    /// Parses the process's arguments.
    pub fn parse(flags: &[&str], target: f64) -> Args {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let min_mean_at = args.iter().position(|a| a == "--min-mean");
        let min_mean = min_mean_at
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(target);
        let is_flag = |a: &str| a == "-v" || flags.contains(&a);
        let positional = args
            .iter()
            .enumerate()
            .filter(|(i, a)| {
                !(is_flag(a)
                    || a.as_str() == "--min-mean"
                    || min_mean_at.is_some_and(|at| *i == at + 1))
            })
            .map(|(_, a)| a.clone())
            .collect();
        Args {
            verbose: args.iter().any(|a| a == "-v"),
            flags: args.iter().filter(|a| flags.contains(&a.as_str())).cloned().collect(),
            min_mean,
            positional,
        }
    }
}

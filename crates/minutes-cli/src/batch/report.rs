//! The batch's outputs for people: `report.csv` (streamed, renamed into place at the end)
//! and progress on standard error.

use minutes::model::Severity;
use std::{
    io::{IsTerminal, Write},
    path::{Path, PathBuf},
};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use tempfile::NamedTempFile;

use super::job::{Outcome, Status};

/// Columns of `report.csv`.
const HEADER: [&str; 7] =
    ["input", "status", "outputs", "dispositions", "body", "warnings", "error"];

/// `report.csv`, written row by row into a temporary file in OUTDIR and renamed over
/// `report.csv` by [`Report::finish`], so that an interrupted batch never leaves half a
/// report.
pub struct Report {
    writer: csv::Writer<NamedTempFile>,
    path: PathBuf,
}

impl Report {
    /// Starts the report of a batch writing into `outdir`.
    pub fn create(outdir: &Path) -> anyhow::Result<Report> {
        let path = outdir.join("report.csv");
        let temporary = tempfile::Builder::new()
            .prefix(".minutes-")
            .suffix(".part")
            .tempfile_in(outdir)
            .with_context(|| format!("cannot write {}", path.display()))?;
        let mut writer = csv::Writer::from_writer(temporary);
        writer
            .write_record(HEADER)
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(Report { writer, path })
    }

    /// Appends the row of one draft.
    pub fn write(&mut self, outcome: &Outcome) -> anyhow::Result<()> {
        let count = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
        self.writer
            .write_record([
                outcome.input.as_str(),
                outcome.status.as_str(),
                outcome.outputs.join(";").as_str(),
                count(outcome.dispositions).as_str(),
                outcome.body.unwrap_or_default(),
                count(outcome.warnings).as_str(),
                outcome.error.as_str(),
            ])
            .with_context(|| format!("cannot write {}", self.path.display()))
    }

    /// Completes the report and puts it in place; returns its path.
    pub fn finish(self) -> anyhow::Result<PathBuf> {
        let Report { writer, path } = self;
        let temporary = writer
            .into_inner()
            .map_err(|err| anyhow::anyhow!("{}", err.error()))
            .with_context(|| format!("cannot write {}", path.display()))?;
        temporary
            .as_file()
            .sync_all()
            .with_context(|| format!("cannot write {}", path.display()))?;
        temporary
            .persist(&path)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(path)
    }
}

/// Counts of outcomes, for the summary and the exit status.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub ok: usize,
    pub failed: usize,
    pub skipped: usize,
    pub cancelled: usize,
}

impl Tally {
    /// Counts one outcome.
    pub fn add(&mut self, status: Status) {
        match status {
            Status::Ok => self.ok += 1,
            Status::Error => self.failed += 1,
            Status::Skipped => self.skipped += 1,
            Status::Cancelled => self.cancelled += 1,
        }
    }
}

/// Progress on standard error: a bar on a terminal, otherwise plain lines (every draft,
/// or with `--quiet` only the failures).
pub enum Progress {
    /// An `indicatif` bar; failures are printed above it.
    Bar(ProgressBar),
    /// One line per draft (`all`) or per failure.
    Lines { all: bool },
}

impl Progress {
    /// Chooses the kind of progress for `total` drafts.
    pub fn new(total: usize, quiet: bool) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress::Lines { all: !quiet };
        }
        let bar = ProgressBar::new(total as u64);
        if let Ok(style) = ProgressStyle::with_template(
            "{bar:30} {pos}/{len} {elapsed_precise} eta {eta} {wide_msg}",
        ) {
            bar.set_style(style);
        }
        Progress::Bar(bar)
    }

    /// Shows that a draft is done.
    pub fn record(&self, outcome: &Outcome) {
        // The draft's warnings and errors, as `convert` prints them, unless quiet.
        if !matches!(self, Progress::Lines { all: false }) {
            let mut lines = Vec::new();
            for d in
                outcome.diagnostics.iter().filter(|d| d.severity >= Severity::Warning)
            {
                lines.push(crate::io::diagnostic_line(&outcome.input, d));
            }
            for line in lines {
                match self {
                    Progress::Bar(bar) => bar.println(line),
                    Progress::Lines { .. } => {
                        let _ = writeln!(std::io::stderr().lock(), "{line}");
                    }
                }
            }
        }
        let line = match outcome.status {
            Status::Error => Some(format!("error: {}: {}", outcome.input, outcome.error)),
            Status::Cancelled => None,
            status => match self {
                Progress::Lines { all: true } => {
                    Some(format!("{}: {}", status.as_str(), outcome.input))
                }
                _ => None,
            },
        };
        match self {
            Progress::Bar(bar) => {
                if let Some(line) = line {
                    bar.println(line);
                }
                bar.set_message(outcome.input.clone());
                bar.inc(1);
            }
            Progress::Lines { .. } => {
                if let Some(line) = line {
                    let _ = writeln!(std::io::stderr().lock(), "{line}");
                }
            }
        }
    }

    /// Removes the bar and prints the summary.
    pub fn finish(&self, tally: &Tally, report: Option<&Path>) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
        let mut summary = format!(
            "{} drafts: {} ok, {} failed, {} skipped",
            tally.ok + tally.failed + tally.skipped + tally.cancelled,
            tally.ok,
            tally.failed,
            tally.skipped
        );
        if tally.cancelled > 0 {
            summary
                .push_str(&format!(", {} not converted (interrupted)", tally.cancelled));
        }
        if let Some(report) = report {
            summary.push_str(&format!("; report: {}", report.display()));
        }
        let _ = writeln!(std::io::stderr().lock(), "{summary}");
    }
}

/// Keeps the tally and writes rows in input order although jobs finish in any order;
/// only outcomes that arrive ahead of an unfinished one wait here (at most about as many
/// as there are jobs, since drafts are handed out in order).
pub struct Sequencer {
    next: usize,
    waiting: std::collections::BTreeMap<usize, Outcome>,
    pub tally: Tally,
}

impl Sequencer {
    pub fn new() -> Sequencer {
        Sequencer {
            next: 0,
            waiting: std::collections::BTreeMap::new(),
            tally: Tally::default(),
        }
    }

    /// Takes outcome number `index`; writes every row that is now in order.
    pub fn push(
        &mut self,
        index: usize,
        outcome: Outcome,
        report: &mut Report,
    ) -> anyhow::Result<()> {
        self.tally.add(outcome.status);
        self.waiting.insert(index, outcome);
        while let Some(outcome) = self.waiting.remove(&self.next) {
            report.write(&outcome)?;
            self.next += 1;
        }
        Ok(())
    }
}

//! `minutes batch`: every draft under some directories, converted in parallel into a
//! mirrored tree with a `report.csv`.
//!
//! The command line is first resolved into a [`BatchConfig`] (formats, template loaded
//! once, output directory created, drafts found); nothing is converted before that has
//! succeeded. Then a local `rayon` pool of `--jobs` threads takes the drafts in order
//! (`par_bridge`) while this thread receives the outcomes, writes the report rows in input
//! order and shows progress. Memory stays flat: a job holds one draft and its meeting, and
//! only the outcomes (a few short strings each) travel back.
//!
//! Ctrl-C stops handing out drafts; running jobs finish their current output, which is
//! written through a temporary file renamed into place (`io::write_atomically`), so no
//! output is ever half-written. Drafts not started get the status `cancelled`.

mod discover;
mod job;
mod report;

use std::sync::{
    atomic::{AtomicBool, Ordering},
    mpsc, Arc,
};

use anyhow::Context;
use minutes::write::{CsvOptions, DocxWriteOptions};
use rayon::iter::{ParallelBridge, ParallelIterator};

use self::{
    discover::{discover, Found},
    job::{Outcome, Plan},
    report::{Progress, Report, Sequencer},
};
use crate::{
    args::{BatchCommand, EXIT_FAILURE, EXIT_OK, EXIT_USAGE},
    convert::load_template,
};

/// A `BatchCommand` resolved: everything checked and loaded before any work.
struct BatchConfig {
    plan: Plan,
    jobs: usize,
    drafts: Vec<Found>,
    quiet: bool,
}

impl BatchConfig {
    fn new(cmd: &BatchCommand) -> anyhow::Result<BatchConfig> {
        let jobs = match cmd.jobs {
            Some(jobs) => jobs.max(1),
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        let mut formats = Vec::new();
        for format in &cmd.formats {
            if !formats.contains(format) {
                formats.push(*format);
            }
        }
        let template = load_template(cmd.template.as_deref())?;
        std::fs::create_dir_all(&cmd.output).with_context(|| {
            format!("cannot create output directory {}", cmd.output.display())
        })?;
        let drafts = discover(&cmd.inputs, &cmd.output)?;
        let plan = Plan {
            formats,
            template,
            template_path: cmd.template.clone(),
            outdir: cmd.output.clone(),
            skip_unchanged: cmd.skip_unchanged,
            csv: CsvOptions::default(),
            docx: DocxWriteOptions::default(),
            strictness: cmd.strictness,
        };
        Ok(BatchConfig { plan, jobs, drafts, quiet: cmd.quiet })
    }
}

pub fn batch(cmd: &BatchCommand) -> anyhow::Result<u8> {
    if cmd.jobs == Some(0) {
        eprintln!("error: --jobs must be at least 1");
        return Ok(EXIT_USAGE);
    }
    let config = BatchConfig::new(cmd)?;
    let stop = Arc::new(AtomicBool::new(false));
    on_interrupt(Arc::clone(&stop));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs)
        .thread_name(|i| format!("minutes-batch-{i}"))
        .build()
        .context("cannot start the worker threads")?;

    let mut report = Report::create(&config.plan.outdir)?;
    let progress = Progress::new(config.drafts.len(), config.quiet);
    let mut sequencer = Sequencer::new();
    let mut report_error: Option<anyhow::Error> = None;
    let (sender, receiver) = mpsc::channel::<(usize, Outcome)>();
    std::thread::scope(|scope| {
        let (drafts, plan, stop) = (&config.drafts, &config.plan, &stop);
        scope.spawn(move || {
            pool.install(|| {
                drafts.iter().enumerate().par_bridge().for_each_with(
                    sender,
                    |sender, (index, found)| {
                        let outcome = match found {
                            Found::Draft(draft) if stop.load(Ordering::SeqCst) => {
                                Outcome::cancelled(&draft.path)
                            }
                            Found::Draft(draft) => job::run(draft, plan),
                            Found::Unreadable { path, message } => {
                                Outcome::failed(path, message.clone())
                            }
                        };
                        // The receiver lives until every sender is gone.
                        let _ = sender.send((index, outcome));
                    },
                );
            });
        });
        for (index, outcome) in receiver {
            progress.record(&outcome);
            if report_error.is_some() {
                sequencer.tally.add(outcome.status);
            } else if let Err(err) = sequencer.push(index, outcome, &mut report) {
                report_error = Some(err);
            }
        }
    });
    let tally = sequencer.tally;
    let report_path = match report_error {
        Some(err) => {
            progress.finish(&tally, None);
            return Err(err);
        }
        None => report.finish(),
    };
    let report_path = match report_path {
        Ok(path) => path,
        Err(err) => {
            progress.finish(&tally, None);
            return Err(err);
        }
    };
    progress.finish(&tally, Some(&report_path));
    Ok(if tally.failed > 0 || tally.cancelled > 0 { EXIT_FAILURE } else { EXIT_OK })
}

/// On Ctrl-C, sets `stop` so that no new draft is started. Without a handler (one could
/// not be installed) Ctrl-C ends the process as usual, which can leave `.minutes-*.part`
/// temporaries but never a half-written output.
fn on_interrupt(stop: Arc<AtomicBool>) {
    let _ = ctrlc::set_handler(move || {
        if !stop.swap(true, Ordering::SeqCst) {
            eprintln!(
                "interrupted: finishing the drafts in progress, starting no new one"
            );
        }
    });
}

//! Converting one draft of a batch: read, recognise, write each format atomically.
//!
//! A job never fails as a whole: every problem ends up in its [`Outcome`], so that one bad
//! draft cannot stop the batch. Each output is rendered, written (temporary file and
//! rename, see [`write_atomically`]) and dropped before the next one, so a job holds one
//! draft, its meeting and one output at a time.

use std::{
    ffi::OsString,
    fs,
    path::{Path, PathBuf},
    time::SystemTime,
};

use anyhow::anyhow;
use minutes::{
    model::Severity,
    write::{
        agenda_of, write_agenda, write_dispositions, write_docx, CsvOptions,
        DocxWriteOptions, Template,
    },
    Meeting,
};

use super::discover::Draft;
use crate::{
    args::{BatchFormat, Strictness},
    io::{conversion_time, error_count, require_minutes, write_atomically},
};

/// What every job shares: the resolved options, the template loaded once.
pub struct Plan {
    /// The formats to write, without repetition, in command-line order.
    pub formats: Vec<BatchFormat>,
    /// The template of the minutes DOCX.
    pub template: Template,
    /// The template file, when one was given (its time counts for `--skip-unchanged`).
    pub template_path: Option<PathBuf>,
    /// The output directory.
    pub outdir: PathBuf,
    /// Skip drafts whose outputs are all up to date.
    pub skip_unchanged: bool,
    /// Options of the dispositions CSV (the defaults of `minutes dispositions`).
    pub csv: CsvOptions,
    /// Options of the minutes DOCX.
    pub docx: DocxWriteOptions,
    /// `--allow-errors`, `--force`.
    pub strictness: Strictness,
}

/// The status column of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Every output written.
    Ok,
    /// Something failed; see the message.
    Error,
    /// Outputs up to date (`--skip-unchanged`).
    Skipped,
    /// Not started: the batch was interrupted.
    Cancelled,
}

impl Status {
    /// The word in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Error => "error",
            Status::Skipped => "skipped",
            Status::Cancelled => "cancelled",
        }
    }
}

/// The result of one job: a row of the report.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The draft as found.
    pub input: String,
    /// What happened.
    pub status: Status,
    /// Outputs written (or up to date), relative to OUTDIR.
    pub outputs: Vec<String>,
    /// Number of dispositions, when the draft was read.
    pub dispositions: Option<usize>,
    /// The meeting's standards body (`onem2m`, `3gpp`), when the draft was read and its
    /// ids show one.
    pub body: Option<&'static str>,
    /// Number of warnings and errors among the diagnostics, when the draft was read.
    pub warnings: Option<usize>,
    /// What went wrong, for `error` (and why, for `cancelled`).
    pub error: String,
    /// The draft's diagnostics, printed unless `--quiet`.
    pub diagnostics: Vec<minutes::model::Diagnostic>,
}

/// Constructors
impl Outcome {
    fn new(draft: &Path, status: Status) -> Outcome {
        Outcome {
            input: draft.display().to_string(),
            status,
            outputs: Vec::new(),
            dispositions: None,
            body: None,
            warnings: None,
            error: String::new(),
            diagnostics: Vec::new(),
        }
    }

    /// A failure before any output was attempted.
    pub fn failed(draft: &Path, message: String) -> Outcome {
        Outcome { error: message, ..Outcome::new(draft, Status::Error) }
    }

    /// A draft not started because the batch was interrupted.
    pub fn cancelled(draft: &Path) -> Outcome {
        Outcome {
            error: "interrupted before conversion".into(),
            ..Outcome::new(draft, Status::Cancelled)
        }
    }
}

/// The output file of `format` for a draft whose outputs go to `stem` (relative).
pub fn output_name(stem: &Path, format: BatchFormat) -> PathBuf {
    let suffix = match format {
        BatchFormat::Minutes => ".minutes.docx",
        BatchFormat::Csv => ".dispositions.csv",
        BatchFormat::Agenda => ".agenda.docx",
        BatchFormat::Json => ".json",
    };
    let mut name = OsString::from(stem.as_os_str());
    name.push(suffix);
    PathBuf::from(name)
}

/// Converts one draft.
pub fn run(draft: &Draft, plan: &Plan) -> Outcome {
    if let Some(first) = &draft.collides_with {
        return Outcome::failed(
            &draft.path,
            format!(
                "its outputs would overwrite those of {} (same name in the mirrored tree); rename one of them",
                first.display()
            ),
        );
    }
    let targets: Vec<(BatchFormat, PathBuf)> = plan
        .formats
        .iter()
        .map(|&format| (format, output_name(&draft.stem, format)))
        .collect();
    if plan.skip_unchanged && up_to_date(&draft.path, &targets, plan) {
        return Outcome {
            outputs: targets.iter().map(|(_, name)| display(name)).collect(),
            ..Outcome::new(&draft.path, Status::Skipped)
        };
    }
    let (bytes, mut meeting) = match load(draft) {
        Ok(loaded) => loaded,
        Err(message) => return Outcome::failed(&draft.path, message),
    };
    let name = draft.path.display().to_string();
    if let Err(err) = require_minutes(&name, &mut meeting, plan.strictness.force) {
        return Outcome::failed(&draft.path, format!("{err:#}"));
    }
    let mut outcome = Outcome::new(&draft.path, Status::Ok);
    outcome.dispositions = Some(meeting.dispositions().len());
    outcome.body = meeting.body.map(|body| body.body());
    outcome.warnings = Some(
        meeting.diagnostics.iter().filter(|d| d.severity >= Severity::Warning).count(),
    );
    let mut errors = Vec::new();
    if let Some(parent) = plan.outdir.join(&draft.stem).parent() {
        if let Err(err) = fs::create_dir_all(parent) {
            outcome.status = Status::Error;
            outcome.error =
                format!("cannot create directory {}: {err}", parent.display());
            return outcome;
        }
    }
    let docx = DocxWriteOptions {
        timestamp: Some(conversion_time(&bytes)),
        ..plan.docx.clone()
    };
    for (format, name) in &targets {
        let written = render(*format, &meeting, plan, &docx).and_then(|bytes| {
            write_atomically(&plan.outdir.join(name), Some(&draft.path), &bytes)
        });
        match written {
            Ok(()) => outcome.outputs.push(display(name)),
            Err(err) => errors.push(format!("{err:#}")),
        }
    }
    let draft_errors = error_count(&meeting);
    if draft_errors > 0 && !plan.strictness.allow_errors {
        let plural = if draft_errors == 1 { "" } else { "s" };
        errors.push(format!(
            "{draft_errors} error{plural} in the draft (see `minutes check`); outputs written anyway; --allow-errors accepts them"
        ));
    }
    if !errors.is_empty() {
        outcome.status = Status::Error;
        outcome.error = errors.join("; ");
    }
    outcome.diagnostics = meeting.diagnostics;
    outcome
}

/// Reads and recognises a draft; the message does not repeat the file name (the report
/// row has it).
fn load(draft: &Draft) -> Result<(Vec<u8>, Meeting), String> {
    let bytes = fs::read(&draft.path)
        .map_err(|err| format!("cannot read the file: {}", crate::io::plain_io(&err)))?;
    minutes::load_with(&bytes, Some(&draft.path), crate::io::recognise_options())
        .map(|loaded| (bytes, loaded.meeting))
        .map_err(|err| crate::io::describe(&anyhow::Error::new(err)))
}

fn render(
    format: BatchFormat,
    meeting: &Meeting,
    plan: &Plan,
    docx: &DocxWriteOptions,
) -> anyhow::Result<Vec<u8>> {
    match format {
        BatchFormat::Minutes => write_docx(meeting, &plan.template, docx)
            .map_err(|err| anyhow!("minutes DOCX: {err}")),
        BatchFormat::Csv => {
            let mut bytes = Vec::new();
            write_dispositions(meeting, &plan.csv, &mut bytes)
                .map_err(|err| anyhow!("dispositions CSV: {err}"))?;
            Ok(bytes)
        }
        BatchFormat::Json => Ok(meeting.to_json().into_bytes()),
        // The agenda of this meeting, as `minutes agenda DRAFT` writes it.
        BatchFormat::Agenda => write_agenda(&agenda_of(meeting), &plan.template, docx)
            .map_err(|err| anyhow!("agenda DOCX: {err}")),
    }
}

/// Returns true if and only if every target exists and none is older than the draft
/// (or, for DOCX outputs, than the template file).
fn up_to_date(draft: &Path, targets: &[(BatchFormat, PathBuf)], plan: &Plan) -> bool {
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    let Some(source) = modified(draft) else { return false };
    let template: Option<SystemTime> = plan.template_path.as_deref().and_then(modified);
    targets.iter().all(|(format, name)| {
        let Some(output) = modified(&plan.outdir.join(name)) else { return false };
        let uses_template = matches!(format, BatchFormat::Minutes | BatchFormat::Agenda);
        output >= source && !(uses_template && template.is_some_and(|t| output < t))
    })
}

/// A relative output path as written in the report, with `/` separators.
fn display(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_names_keep_inner_dots() {
        assert_eq!(
            output_name(Path::new("a/b/SEC-2015.v2"), BatchFormat::Minutes),
            PathBuf::from("a/b/SEC-2015.v2.minutes.docx")
        );
        assert_eq!(
            output_name(Path::new("x"), BatchFormat::Json),
            PathBuf::from("x.json")
        );
        assert_eq!(display(Path::new("a/b/x.json")), "a/b/x.json");
    }
}

//! Command-line arguments (clap derive). No runtime logic here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Exit status: success.
pub const EXIT_OK: u8 = 0;
/// Exit status: an input or output problem (the message names the file).
pub const EXIT_FAILURE: u8 = 1;
/// Exit status: a usage error.
pub const EXIT_USAGE: u8 = 2;

/// Turns draft minutes of standards meetings (oneM2M working groups) into official documents.
///
/// DRAFT is a Word .docx, a text export, a .json model written by `inspect`, or `-` for
/// standard input; its format is sniffed from its content.
#[derive(Debug, Parser)]
#[command(name = "minutes", version, about, long_about = None)]
#[command(
    after_help = "Exit status: 0 success, 1 input or output problem, 2 usage error."
)]
pub struct CliArguments {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// A phrasebook of the secretary's own wordings, added to the built-in one (TOML, the
    /// format of the built-in `phrases.toml`; see the README).
    #[arg(long, global = true, value_name = "FILE")]
    pub phrases: Option<PathBuf>,
    /// The meeting's body, whose document ids alone count: `onem2m` (`SEC-2015-0524R02`)
    /// or `3gpp` (`S2-1903157`) [default: detected from the draft's ids; every body's ids
    /// are read].
    #[arg(long, global = true, value_name = "BODY", value_parser = ["onem2m", "3gpp"])]
    pub body: Option<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the official minutes DOCX.
    Convert(ConvertCommand),
    /// Write the dispositions CSV for the member portal.
    Dispositions(DispositionsCommand),
    /// Print the recognised meeting model.
    Inspect(InspectCommand),
    /// Print the format-neutral blocks read from a draft, one per line.
    Flow(FlowCommand),
    /// Report diagnostics; exit 1 if any is an error.
    Check(CheckCommand),
    /// Write the agenda DOCX of this meeting (or the draft agenda of the next one).
    Agenda(AgendaCommand),
    /// Convert every draft under directories in parallel, mirroring the tree.
    Batch(BatchCommand),
}

/// The draft to read.
#[derive(Debug, Args)]
pub struct DraftArg {
    /// The draft (.docx, text, .json model, or `-` for standard input).
    #[arg(value_name = "DRAFT")]
    pub draft: PathBuf,
}

/// What to do with drafts that have errors or are no minutes.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct Strictness {
    /// Exit 0 even when the draft has errors (conflicting decisions, decisions named but
    /// not recognised); the output is written either way.
    #[arg(long)]
    pub allow_errors: bool,
    /// Convert a draft that has nothing minutes have (no numbered section, no document
    /// id, no cover sheet), which is refused otherwise.
    #[arg(long)]
    pub force: bool,
}

/// `minutes convert`.
#[derive(Debug, Args)]
pub struct ConvertCommand {
    #[command(flatten)]
    pub input: DraftArg,
    /// Output file [default: <draft stem>.minutes.docx in the current directory].
    #[arg(short, long, value_name = "OUT.docx")]
    pub output: Option<PathBuf>,
    /// A .docx or .dotx template to fill instead of the built-in oneM2M template (any Word
    /// document: see the README), or `plain`, a built-in one without oneM2M branding.
    #[arg(long, value_name = "T.docx")]
    pub template: Option<PathBuf>,
    #[command(flatten)]
    pub strictness: Strictness,
    /// Do not print diagnostics.
    #[arg(short, long)]
    pub quiet: bool,
}

/// `minutes dispositions`.
#[derive(Debug, Args)]
pub struct DispositionsCommand {
    #[command(flatten)]
    pub input: DraftArg,
    /// Output file [default: standard output].
    #[arg(short, long, value_name = "OUT.csv")]
    pub output: Option<PathBuf>,
    /// Columns, comma-separated, from: tdoc, title, source, agenda_item, agenda_title,
    /// status, decision_as_written, revision_of, revised_to, comment, location,
    /// merged_into, merge_of, type, doc_for, release, work_item.
    #[arg(long, value_name = "LIST")]
    pub columns: Option<String>,
    /// Excel conventions: UTF-8 byte-order mark and CRLF line ends.
    #[arg(long)]
    pub excel: bool,
    /// Portal words for statuses: a TOML (`"Dispensation to TP" = "Not handled"`) or CSV
    /// (`from,to`) file.
    #[arg(long, value_name = "FILE")]
    pub status_map: Option<PathBuf>,
    /// Also list documents of the contribution tables that got no decision (empty status).
    #[arg(long)]
    pub all_documents: bool,
    #[command(flatten)]
    pub strictness: Strictness,
    /// Do not print diagnostics.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Formats of `inspect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InspectFormat {
    /// The JSON model (DESIGN.md §5), which reads back in as a draft.
    Json,
    /// Markdown with GitHub tables.
    Md,
}

/// `minutes inspect`.
#[derive(Debug, Args)]
pub struct InspectCommand {
    #[command(flatten)]
    pub input: DraftArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: InspectFormat,
}

/// `minutes flow`.
#[derive(Debug, Args)]
pub struct FlowCommand {
    #[command(flatten)]
    pub input: DraftArg,
}

/// `minutes check`.
#[derive(Debug, Args)]
pub struct CheckCommand {
    /// The drafts to check.
    #[arg(value_name = "DRAFT", required = true)]
    pub drafts: Vec<PathBuf>,
    /// Also print notes, not only warnings and errors.
    #[arg(long)]
    pub notes: bool,
}

/// `minutes agenda`.
#[derive(Debug, Args)]
pub struct AgendaCommand {
    /// The minutes draft (not needed with --contributions).
    #[arg(value_name = "DRAFT", required_unless_present = "contributions")]
    pub draft: Option<PathBuf>,
    /// Output file [default: <draft stem>.agenda.docx in the current directory].
    #[arg(short, long, value_name = "OUT.docx")]
    pub output: Option<PathBuf>,
    /// Make the next meeting's draft agenda: standard items, open action items carried
    /// over, the planned meeting as title and date.
    #[arg(long, conflicts_with = "contributions")]
    pub next: bool,
    /// A Tdoc list to allocate to agenda items: CSV (UTF-8, UTF-16 or Windows-1252),
    /// XLSX or HTML (Excel's export), with Tdoc / Title / Source / Agenda item columns in
    /// any order.
    #[arg(long, value_name = "LIST")]
    pub contributions: Option<PathBuf>,
    /// With --contributions: a draft whose sections give the agenda items.
    #[arg(long, value_name = "DRAFT", requires = "contributions")]
    pub skeleton: Option<PathBuf>,
    /// The meeting title on the agenda's cover (`SEC#36 Meeting – Sophia Antipolis`).
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// The meeting date on the agenda's cover (`12-16 June 2023`).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// A .docx or .dotx template to fill instead of the built-in one, or `plain`.
    #[arg(long, value_name = "T.docx")]
    pub template: Option<PathBuf>,
    #[command(flatten)]
    pub strictness: Strictness,
    /// Do not print diagnostics.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Outputs of `minutes batch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ValueEnum)]
pub enum BatchFormat {
    /// The official minutes DOCX (`<stem>.minutes.docx`).
    Minutes,
    /// The dispositions CSV (`<stem>.dispositions.csv`).
    Csv,
    /// The agenda DOCX (`<stem>.agenda.docx`).
    Agenda,
    /// The JSON model (`<stem>.json`).
    Json,
}

/// `minutes batch`.
#[derive(Debug, Args)]
pub struct BatchCommand {
    /// Directories (searched recursively for .docx and .txt drafts) or single drafts.
    #[arg(value_name = "DIR", required = true)]
    pub inputs: Vec<PathBuf>,
    /// The output directory; the input tree is mirrored under it, with `report.csv`.
    #[arg(short, long, value_name = "OUTDIR")]
    pub output: PathBuf,
    /// Parallel jobs [default: the number of cores].
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// A .docx or .dotx template to fill instead of the built-in one, or `plain`.
    #[arg(long, value_name = "T.docx")]
    pub template: Option<PathBuf>,
    /// What to write for each draft, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "minutes,csv")]
    pub formats: Vec<BatchFormat>,
    /// Skip drafts whose outputs are all newer than the draft.
    #[arg(long)]
    pub skip_unchanged: bool,
    #[command(flatten)]
    pub strictness: Strictness,
    /// No progress bar; one line per failed draft and a summary.
    #[arg(short, long)]
    pub quiet: bool,
}

//! Files: reading drafts (or standard input), atomic output, printing diagnostics.

mod spill;

use std::{
    fs,
    io::{Cursor, Read, Seek, Write},
    path::{Path, PathBuf},
};

use anyhow::{bail, Context};
use minutes::{
    model::{Diagnostic, Severity},
    Loaded, Meeting,
};
use spill::{Spill, SPILL_LIMIT};

/// A draft's bytes and the name to show in messages.
pub struct Draft {
    pub name: String,
    pub path: Option<PathBuf>,
    pub bytes: Vec<u8>,
}

/// Reads `path`, or standard input for `-`.
pub fn read_draft(path: &Path) -> anyhow::Result<Draft> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).context("cannot read standard input")?;
        return Ok(Draft { name: "<stdin>".into(), path: None, bytes });
    }
    let bytes =
        fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(Draft { name: path.display().to_string(), path: Some(path.to_path_buf()), bytes })
}

/// The recognition options of this run (`--phrases`, `--body`), set once at start.
static RECOGNISE_OPTIONS: std::sync::OnceLock<minutes::recognise::Options> =
    std::sync::OnceLock::new();

/// Reads the `--phrases` file and takes the `--body`; errors name the file (and the line
/// and column of a bad phrasebook).
pub fn set_recognise_options(
    phrases: Option<&Path>,
    body: Option<&str>,
) -> anyhow::Result<()> {
    let mut options = minutes::recognise::Options::default();
    if let Some(path) = phrases {
        let text = fs::read_to_string(path)
            .with_context(|| format!("cannot read the phrasebook {}", path.display()))?;
        let extra =
            minutes::recognise::Phrasebook::parse(&text, &path.display().to_string())?;
        options.phrases = Some(std::sync::Arc::new(
            minutes::recognise::Phrasebook::with_additions(&extra),
        ));
    }
    options.body = body.and_then(minutes::model::Scheme::from_body);
    // Set once, before any draft is read.
    let _ = RECOGNISE_OPTIONS.set(options);
    Ok(())
}

/// The recognition options of this run.
pub fn recognise_options() -> &'static minutes::recognise::Options {
    RECOGNISE_OPTIONS.get_or_init(Default::default)
}

/// Reads and recognises a draft; errors name the file.
pub fn load_draft(path: &Path) -> anyhow::Result<(Draft, Loaded)> {
    let draft = read_draft(path)?;
    let loaded =
        minutes::load_with(&draft.bytes, draft.path.as_deref(), recognise_options())
            .with_context(|| format!("cannot read {}", draft.name))?;
    Ok((draft, loaded))
}

/// The time the official documents carry as created and modified (`docProps/core.xml`):
/// the draft's own `dcterms:created` when it is a DOCX that has one, else
/// `SOURCE_DATE_EPOCH` when set (reproducible builds), else now.
pub fn conversion_time(draft: &[u8]) -> i64 {
    if let Some(created) = minutes::read::document_created(draft) {
        return created;
    }
    if let Some(epoch) =
        std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|v| v.trim().parse().ok())
    {
        return epoch;
    }
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
}

/// Refuses a draft that has nothing minutes have, unless `force`; when forced, the error
/// saying so is dropped. The message names the file.
pub fn require_minutes(
    name: &str,
    meeting: &mut Meeting,
    force: bool,
) -> anyhow::Result<()> {
    let not_minutes = |d: &minutes::model::Diagnostic| {
        d.severity == Severity::Error && d.message == minutes::recognise::NOT_MINUTES
    };
    if !meeting.diagnostics.iter().any(not_minutes) {
        return Ok(());
    }
    if !force {
        bail!(
            "{name} does not look like minutes (no numbered section, no document id, no cover sheet); nothing written; --force converts it anyway"
        );
    }
    meeting.diagnostics.retain(|d| !not_minutes(d));
    Ok(())
}

/// The exit status once `written` was written from a draft whose diagnostics hold
/// `errors` errors: 1 unless `allow_errors`, saying that the output was written anyway.
pub fn exit_status(name: &str, errors: usize, allow_errors: bool, written: &str) -> u8 {
    if errors == 0 || allow_errors {
        return crate::args::EXIT_OK;
    }
    let plural = if errors == 1 { "" } else { "s" };
    eprintln!(
        "{name}: {errors} error{plural}; {written} written anyway; --allow-errors accepts them"
    );
    crate::args::EXIT_FAILURE
}

/// The number of errors among a meeting's diagnostics.
pub fn error_count(meeting: &Meeting) -> usize {
    meeting.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
}

/// Prints diagnostics as `file:PLACE: severity: message`; returns the number of errors.
pub fn print_diagnostics(name: &str, meeting: &Meeting, notes: bool) -> usize {
    let mut errors = 0;
    for diagnostic in &meeting.diagnostics {
        if diagnostic.severity == Severity::Error {
            errors += 1;
        }
        if diagnostic.severity == Severity::Note && !notes {
            continue;
        }
        eprintln!("{}", diagnostic_line(name, diagnostic));
    }
    errors
}

/// A diagnostic as one line, `file:PLACE: severity: message`, where PLACE is the span's
/// jumpable form (README, Diagnostics): `128` for a text line, `¶19` for a Word paragraph,
/// `Sheet1!5` for a sheet's row. A diagnostic without a place prints none (never
/// `file:: warning`).
pub fn diagnostic_line(name: &str, diagnostic: &Diagnostic) -> String {
    let Diagnostic { severity, location, message } = diagnostic;
    match location.jump_form() {
        Some(place) => format!("{name}:{place}: {severity}: {message}"),
        None => format!("{name}: {severity}: {message}"),
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, renamed
/// over the target only when complete. Refuses to overwrite the input; writes through to
/// devices and FIFOs.
pub fn write_atomically(
    path: &Path,
    input: Option<&Path>,
    bytes: &[u8],
) -> anyhow::Result<()> {
    write_atomically_with(path, input, |out| Ok(out.write_all(bytes)?))
}

/// An output being written: the temporary file, or a buffer for a device.
pub trait WriteSeek: Write + Seek {}

impl<T: Write + Seek> WriteSeek for T {}

/// Writes to `path` atomically, as [`write_atomically`], what `write` writes into the
/// temporary file: a large output (a DOCX package is written as it is made) is never
/// held in memory whole. Errors of `write` are reported as `cannot write PATH: …`.
pub fn write_atomically_with(
    path: &Path,
    input: Option<&Path>,
    write: impl FnOnce(&mut dyn WriteSeek) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    // What the target is now, looked up once: the input, a device, or a file whose
    // permissions the output keeps.
    let existing = fs::metadata(path).ok();
    let names_a_directory = path.as_os_str().to_string_lossy().ends_with(['/', '\\']);
    if existing.as_ref().is_some_and(fs::Metadata::is_dir) || names_a_directory {
        bail!("cannot write {}: it is a directory; give a file name", path.display());
    }
    if let (Some(input), Some(target)) = (input, &existing) {
        if same_file(target, path, input) {
            bail!("refusing to write {}: it is the input file", path.display());
        }
    }
    // A device or FIFO (`-o /dev/null`, a named pipe) is written through: renaming a file
    // over it would replace it, and as root that breaks the machine.
    if existing.as_ref().is_some_and(|m| !m.is_file() && !m.is_dir()) {
        let mut target = fs::OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        // A package needs seeking back to its entry headers: made in memory, then copied.
        let mut buffer = Cursor::new(Vec::new());
        write(&mut buffer).with_context(|| format!("cannot write {}", path.display()))?;
        target
            .write_all(buffer.get_ref())
            .with_context(|| format!("cannot write {}", path.display()))?;
        return Ok(());
    }
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !directory.is_dir() {
        let problem =
            if directory.exists() { "is not a directory" } else { "does not exist" };
        bail!("cannot write {}: {} {problem}", path.display(), directory.display());
    }
    let mut temporary = tempfile::Builder::new()
        .prefix(".minutes-")
        .suffix(".part")
        .tempfile_in(&directory)
        .with_context(|| format!("cannot write {}", path.display()))?;
    let mut out = Spill::new(temporary.as_file_mut(), SPILL_LIMIT);
    write(&mut out)
        .and_then(|()| Ok(out.finish()?))
        .with_context(|| format!("cannot write {}", path.display()))?;
    // No fsync: the rename already guarantees that no failure of this process leaves a
    // partial file; an fsync per output only buys power-loss durability, at a disk wait
    // that dominated the time of a conversion (and of a batch: two per draft).
    // Temporary files are private (0600); the output gets the target's permissions, or the
    // usual 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = existing.as_ref().map_or(0o644, |m| m.permissions().mode());
        temporary
            .as_file()
            .set_permissions(fs::Permissions::from_mode(mode))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    temporary
        .persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Returns true if and only if the existing `target` (at `path`) is the file `input`: the
/// same device and inode, so that hard links and symbolic links to the input are caught
/// too.
#[cfg(unix)]
fn same_file(target: &fs::Metadata, _path: &Path, input: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(input).is_ok_and(|i| i.dev() == target.dev() && i.ino() == target.ino())
}

#[cfg(not(unix))]
fn same_file(_target: &fs::Metadata, path: &Path, input: &Path) -> bool {
    match (fs::canonicalize(path), fs::canonicalize(input)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes to standard output, or atomically to `path`.
pub fn emit(
    output: Option<&Path>,
    input: Option<&Path>,
    bytes: &[u8],
) -> anyhow::Result<()> {
    match output {
        Some(path) if path != Path::new("-") => write_atomically(path, input, bytes),
        _ => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(bytes)?;
            stdout.flush()?;
            Ok(())
        }
    }
}

/// The error and its causes on one line, in words a user knows: `no such file` rather
/// than `No such file or directory (os error 2)`, `not a DOCX package` without the zip
/// library's inner detail.
pub fn describe(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let text = match cause.downcast_ref::<std::io::Error>() {
            Some(io) => plain_io(io),
            None => cause.to_string(),
        };
        // The zip library's detail (`invalid Zip archive: Could not find EOCD`) says
        // nothing to a user.
        const NOT_DOCX: &str = "not a DOCX package";
        let zip_detail = |rest: &str| rest.contains("zip") || rest.contains("Zip");
        let text = match text.find(NOT_DOCX) {
            Some(at) if zip_detail(text.get(at..).unwrap_or_default()) => {
                text.get(..at + NOT_DOCX.len()).unwrap_or(&text).to_string()
            }
            _ => text,
        };
        // anyhow repeats a cause that a context already quotes.
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        if parts.last().is_some_and(|p| p.ends_with(NOT_DOCX)) {
            break;
        }
    }
    parts.join(": ")
}

/// An I/O error in words, without the OS error number.
pub fn plain_io(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "no such file".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::IsADirectory => "is a directory".to_string(),
        ErrorKind::NotADirectory => "a part of the path is not a directory".to_string(),
        ErrorKind::AlreadyExists => "already exists".to_string(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(at) => text.get(..at).unwrap_or(&text).to_string(),
                None => text,
            }
        }
    }
}

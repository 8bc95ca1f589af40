//! Files: reading drafts (or standard input), atomic output, printing diagnostics.

mod spill;

use std::{
    fs,
    io::{Cursor, Read, Seek, Write},
    path::{Path, PathBuf},
};

use anyhow::{bail, Context};
use minutes::{model::Severity, Loaded, Meeting};
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
    let loaded = minutes::load_with(&draft.bytes, recognise_options())
        .with_context(|| format!("cannot read {}", draft.name))?;
    Ok((draft, loaded))
}

/// Prints diagnostics as `file:line: severity: message`; returns the number of errors.
pub fn print_diagnostics(name: &str, meeting: &Meeting, notes: bool) -> usize {
    let mut errors = 0;
    for diagnostic in &meeting.diagnostics {
        if diagnostic.severity == Severity::Error {
            errors += 1;
        }
        if diagnostic.severity == Severity::Note && !notes {
            continue;
        }
        let severity = match diagnostic.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        let place = diagnostic
            .line()
            .map_or_else(|| diagnostic.location.clone(), |line| line.to_string());
        eprintln!("{name}:{place}: {severity}: {}", diagnostic.message);
    }
    errors
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

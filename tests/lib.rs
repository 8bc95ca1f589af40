//! Shared helpers of the integration tests: where things are, TSV truth files, views of a
//! Meeting that the truth files describe.

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    sync::OnceLock,
};

use minutes_model::Meeting;

pub mod body_conservation;

/// The workspace root.
pub fn project_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The `minutes` binary, built (once per test run) from the current sources.
///
/// Cargo sets `CARGO_BIN_EXE_minutes` only for tests inside the binary's own package; this
/// package is separate, so it runs `cargo build -p minutes-cli` itself, which also keeps a
/// stale binary from being tested.
pub fn minutes_bin() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        if let Some(bin) = option_env!("CARGO_BIN_EXE_minutes") {
            return PathBuf::from(bin);
        }
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
        let status = std::process::Command::new(cargo)
            .args(["build", "--quiet", "-p", "minutes-cli", "--bin", "minutes"])
            .current_dir(project_dir())
            .status()
            .unwrap_or_else(|e| panic!("cannot run cargo build: {e}"));
        assert!(status.success(), "cargo build -p minutes-cli failed");
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| project_dir().join("target"));
        let bin =
            target.join("debug").join(format!("minutes{}", std::env::consts::EXE_SUFFIX));
        assert!(bin.is_file(), "no binary at {}", bin.display());
        bin
    })
    .clone()
}

/// A command running the `minutes` binary.
pub fn minutes_command() -> assert_cmd::Command {
    assert_cmd::Command::new(minutes_bin())
}

/// `../shared` beside the project, when it is there (CI and developers have it; a fresh
/// clone elsewhere may not).
pub fn shared_dir() -> Option<PathBuf> {
    let shared = project_dir().join("../shared");
    shared.join("seeds").is_dir().then_some(shared)
}

/// Every text draft the tests run on: the bundled `samples/*.txt`, sorted, then the two
/// seeds when `../shared` is there.
pub fn text_drafts() -> Vec<PathBuf> {
    let mut drafts: Vec<PathBuf> = std::fs::read_dir(project_dir().join("samples"))
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    drafts.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    drafts.sort();
    if let Some(shared) = shared_dir() {
        drafts.push(shared.join("seeds/sec17-sapporo-2015.txt"));
        drafts.push(shared.join("seeds/sec35-sophia-2018.txt"));
    }
    drafts
}

/// A TSV file with a header row, as maps from column name to cell.
pub fn read_tsv(path: &Path) -> Vec<HashMap<String, String>> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let header: Vec<&str> =
        lines.next().map(|h| h.split('\t').collect()).unwrap_or_default();
    lines
        .map(|line| {
            header
                .iter()
                .zip(line.split('\t').chain(std::iter::repeat("")))
                .map(|(k, v)| (k.to_string(), v.trim().to_string()))
                .collect()
        })
        .collect()
}

/// Loads a draft file through the whole pipeline.
pub fn load(path: &Path) -> Meeting {
    let bytes = std::fs::read(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    minutes::load(&bytes)
        .unwrap_or_else(|e| panic!("cannot load {}: {e}", path.display()))
        .meeting
}

/// (tdoc, status, section) of every disposition.
pub fn disposition_rows(meeting: &Meeting) -> Vec<(String, String, String)> {
    meeting
        .dispositions()
        .into_iter()
        .map(|d| (d.tdoc.to_string(), d.status.as_str().to_string(), d.section))
        .collect()
}

/// (number, title) of every section, depth first.
pub fn section_rows(meeting: &Meeting) -> Vec<(String, String)> {
    // The untitled section of the text before the first heading is no heading.
    meeting
        .all_sections()
        .into_iter()
        .filter(|s| !(s.number.is_empty() && s.title.is_empty()))
        .map(|s| (s.number.clone(), s.title.clone()))
        .collect()
}

/// (section, Tdoc cell as written, title, source) of every contribution row; the
/// contributions of one cell (`SEC-2015-0507/-0576`) are joined back with `/`.
pub fn contribution_cells(meeting: &Meeting) -> Vec<(String, String, String, String)> {
    let mut rows: Vec<(String, String, String, String, minutes::model::Span)> =
        Vec::new();
    for (section, c) in meeting.all_contributions() {
        match rows.last_mut() {
            Some(last)
                if last.4 == c.location
                    && last.0 == section.number
                    && c.tdoc_as_written.starts_with('-') =>
            {
                last.1 = format!("{}/{}", last.1, c.tdoc_as_written);
            }
            _ => rows.push((
                section.number.clone(),
                c.tdoc_as_written.clone(),
                c.title.clone(),
                c.source.clone(),
                c.location.clone(),
            )),
        }
    }
    rows.into_iter().map(|(a, b, c, d, _)| (a, b, c, d)).collect()
}

/// (section, normalised Tdoc, title, source) of every contribution.
pub fn contribution_rows(meeting: &Meeting) -> Vec<(String, String, String, String)> {
    meeting
        .all_contributions()
        .into_iter()
        .map(|(s, c)| {
            (s.number.clone(), c.tdoc.to_string(), c.title.clone(), c.source.clone())
        })
        .collect()
}

/// (reference, who, status) of every action item, paragraphs joined by spaces.
pub fn action_rows(meeting: &Meeting) -> Vec<(String, String, String)> {
    meeting
        .action_items
        .iter()
        .map(|a| {
            (a.reference.replace('\n', " "), a.who.replace('\n', " "), a.status.clone())
        })
        .collect()
}

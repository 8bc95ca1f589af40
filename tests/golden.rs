//! Golden files per stage, as pandoc's and comrak's test suites keep them: for every bundled
//! sample draft, what each stage of the pipeline makes of it is checked in under
//! `tests/golden/<sample>/`, so that a reviewer sees any change of behaviour as a diff:
//!
//! | file | stage |
//! |---|---|
//! | `flow.txt` | the reader: `minutes flow DRAFT` |
//! | `meeting.json` | the recogniser: `minutes inspect DRAFT --format json` |
//! | `check.txt` | the diagnostics: `minutes check DRAFT --notes` (exit status on the first line) |
//! | `dispositions.csv` | the CSV writer: `minutes dispositions DRAFT` |
//! | `document.xml` | the DOCX writer: `word/document.xml` of `minutes convert DRAFT` |
//!
//! `MINUTES_BLESS=1 cargo test -p minutes-tests golden` rewrites them from the current code;
//! without it a difference fails, naming the file and the first line that differs.

use std::{
    io::Read,
    path::{Path, PathBuf},
};

use minutes_tests::{minutes_command, project_dir};

/// The extensions of drafts, whatever reader they need.
const DRAFT_EXTENSIONS: [&str; 7] = ["txt", "docx", "doc", "md", "htm", "html", "xlsx"];

/// Folders of `samples/` that hold no drafts: expected results, templates, lists, and the
/// sources `scripts/make_sample_docx.py` builds DOCX-only samples from.
const NOT_DRAFTS: [&str; 4] = ["expected", "templates", "contributions", "sources"];

/// Every sample draft, sorted, as paths relative to the project.
fn sample_drafts() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if !NOT_DRAFTS.contains(&name.as_str()) {
                    walk(&path, out);
                }
            } else if name != "README.md"
                && path.extension().is_some_and(|e| {
                    DRAFT_EXTENSIONS.iter().any(|d| e.eq_ignore_ascii_case(d))
                })
            {
                out.push(path);
            }
        }
    }
    let root = project_dir();
    let mut drafts = Vec::new();
    walk(&root.join("samples"), &mut drafts);
    let mut relative: Vec<PathBuf> = drafts
        .into_iter()
        .filter_map(|p| p.strip_prefix(&root).ok().map(Path::to_path_buf))
        .collect();
    relative.sort();
    relative
}

/// `samples/docx/pro-38-f2f.docx` → `docx.pro-38-f2f.docx`: one folder per draft.
fn golden_dir(draft: &Path) -> PathBuf {
    let inside = draft.strip_prefix("samples").unwrap_or(draft);
    let name = inside
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(".");
    project_dir().join("tests/golden").join(name)
}

/// Runs `minutes ARGS` in the project directory; returns (exit status, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let output = minutes_command()
        .args(args)
        .current_dir(project_dir())
        .output()
        .unwrap_or_else(|e| panic!("cannot run minutes {args:?}: {e}"));
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// `word/document.xml` of the official minutes written from `draft`.
fn document_xml(draft: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("minutes.docx");
    let out_arg = out.to_string_lossy().into_owned();
    let (status, _, stderr) =
        run(&["convert", draft, "-o", &out_arg, "--allow-errors", "-q"]);
    if status != 0 || !out.is_file() {
        return format!("convert failed with status {status}:\n{stderr}");
    }
    let file = std::fs::File::open(&out).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    // One element per line, so that a diff shows the element that changed.
    xml.replace("><w:p>", ">\n<w:p>")
        .replace("><w:p ", ">\n<w:p ")
        .replace("><w:tbl>", ">\n<w:tbl>")
}

/// What each stage makes of `draft`, as (golden file name, content).
fn stages(draft: &Path) -> Vec<(&'static str, String)> {
    let draft = draft.to_string_lossy().into_owned();
    let stage = |args: &[&str]| {
        let (status, stdout, stderr) = run(args);
        if status == 0 {
            stdout
        } else {
            format!("exit {status}\n{stdout}{stderr}")
        }
    };
    let (status, _, stderr) = run(&["check", &draft, "--notes"]);
    vec![
        ("flow.txt", stage(&["flow", &draft])),
        ("meeting.json", stage(&["inspect", &draft, "--format", "json"])),
        ("check.txt", format!("exit {status}\n{stderr}")),
        ("dispositions.csv", stage(&["dispositions", &draft, "--allow-errors", "-q"])),
        ("document.xml", document_xml(&draft)),
    ]
}

/// The first line where `got` and `want` differ, for the failure message.
fn first_difference(got: &str, want: &str) -> String {
    let (mut got_lines, mut want_lines) = (got.lines(), want.lines());
    for number in 1.. {
        match (got_lines.next(), want_lines.next()) {
            (None, None) => break,
            (got, want) if got == want => continue,
            (got, want) => {
                return format!(
                    "line {number}:\n  golden: {}\n  now:    {}",
                    want.unwrap_or("(end)"),
                    got.unwrap_or("(end)")
                )
            }
        }
    }
    "only line ends differ".to_string()
}

#[test]
fn every_stage_of_every_sample_matches_its_golden_file() {
    let bless = std::env::var_os("MINUTES_BLESS").is_some_and(|v| v != "0");
    let drafts = sample_drafts();
    assert!(drafts.len() >= 10, "samples missing: {drafts:?}");
    let mut failures = Vec::new();
    for draft in &drafts {
        let dir = golden_dir(draft);
        for (name, got) in stages(draft) {
            let path = dir.join(name);
            if bless {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &got).unwrap();
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(want) if want == got => {}
                Ok(want) => failures.push(format!(
                    "{} differs from {}: {}",
                    path.display(),
                    draft.display(),
                    first_difference(&got, &want)
                )),
                Err(_) => failures.push(format!("{} is missing", path.display())),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden file(s) differ; review the change and rewrite them with \
         `MINUTES_BLESS=1 cargo test -p minutes-tests golden`:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

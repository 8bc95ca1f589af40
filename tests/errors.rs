//! Errors are errors (issue 13): conflicting decisions, decisions named but not
//! recognised, and text that is no minutes make `convert`, `dispositions`, `agenda` and
//! `batch` exit 1 with one line naming the file; `--allow-errors` accepts errors (the
//! output is written either way) and `--force` converts what is no minutes.

use std::{fs, path::Path};

use minutes_tests::project_dir;

fn minutes() -> assert_cmd::Command {
    minutes_tests::minutes_command()
}

const CONFLICT: &str =
    "1\nAgenda\nSEC-2018-0061R04 was AGREED\nSEC-2018-0061R04 was NOTED\n";

/// Decision words and Tdoc ids, but no recognised decision.
const NOT_UNDERSTOOD: &str = "1\nAgenda\nIt was decided that SEC-2018-0061R04 is agreed in principle subject to edits.\n";

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

fn run(args: &[&str], dir: &Path) -> (Option<i32>, String, String) {
    let output = minutes().args(args).current_dir(dir).output().unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn conflicting_decisions_exit_1_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "draft.txt", CONFLICT);
    for command in ["convert", "agenda"] {
        let out = format!("{command}.docx");
        let (code, _, stderr) = run(&[command, "draft.txt", "-o", &out], dir.path());
        assert_eq!(code, Some(1), "{command}: {stderr}");
        assert!(
            stderr.contains(&format!(
                "draft.txt: 1 error; {out} written anyway; --allow-errors accepts them"
            )),
            "{command}: {stderr}"
        );
        assert!(dir.path().join(&out).exists(), "{command}: the output is written");
        let (code, _, stderr) =
            run(&[command, "draft.txt", "-o", &out, "--allow-errors"], dir.path());
        assert_eq!(code, Some(0), "{command} --allow-errors: {stderr}");
    }
    let (code, csv, stderr) =
        run(&["dispositions", "draft.txt", "--columns", "tdoc,status"], dir.path());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("error: conflicting decisions on SEC-2018-0061R04"),
        "{stderr}"
    );
    assert!(stderr.contains("draft.txt: 1 error; the CSV written anyway"), "{stderr}");
    // One status per revision: the last decision.
    assert_eq!(csv, "Tdoc,Status\nSEC-2018-0061R04,Noted\n");
}

#[test]
fn decisions_named_but_not_recognised_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "draft.txt", NOT_UNDERSTOOD);
    let (code, _, stderr) = run(&["check", "draft.txt"], dir.path());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("but no decision was recognised"), "{stderr}");
    let (code, _, stderr) = run(&["convert", "draft.txt", "-o", "out.docx"], dir.path());
    assert_eq!(code, Some(1), "{stderr}");
}

/// A text with nothing minutes have: prose, a list, a code block, no id, no cover.
const LETTER: &str = "# Release notes\n\nThank you for trying the new version.\n\n\
    - faster start-up\n- a new icon\n\n    cargo install something\n\n\
    Questions are welcome on the mailing list.\nBest regards,\nThe maintainers\n";

#[test]
fn text_that_is_no_minutes_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "README.md", LETTER);
    let (code, _, stderr) = run(&["check", "README.md"], dir.path());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("README.md:1: error: nothing here looks like minutes"),
        "{stderr}"
    );
    for args in [
        &["convert", "README.md", "-o", "out.docx"][..],
        &["dispositions", "README.md", "-o", "out.csv"][..],
        &["agenda", "README.md", "-o", "out.docx"][..],
    ] {
        let (code, _, stderr) = run(args, dir.path());
        assert_eq!(code, Some(1), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: one line: {stderr}");
        assert!(
            stderr.contains("README.md does not look like minutes")
                && stderr.contains("--force converts it anyway"),
            "{args:?}: {stderr}"
        );
        assert!(!dir.path().join(args[3]).exists(), "{args:?}: nothing written");
    }
    let (code, _, stderr) =
        run(&["convert", "README.md", "-o", "out.docx", "--force"], dir.path());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(dir.path().join("out.docx").exists());
}

#[test]
fn batch_reports_drafts_with_errors() {
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("drafts");
    fs::create_dir(&drafts).unwrap();
    write(&drafts, "conflict.txt", CONFLICT);
    write(&drafts, "notes.txt", "Shopping list\nmilk\nbread\n");
    fs::copy(project_dir().join("samples/pro-38-f2f.txt"), drafts.join("good.txt"))
        .unwrap();
    let (code, _, stderr) = run(&["batch", "drafts", "-o", "out", "-q"], dir.path());
    assert_eq!(code, Some(1), "{stderr}");
    let report = fs::read_to_string(dir.path().join("out/report.csv")).unwrap();
    let line = |name: &str| {
        report.lines().find(|l| l.contains(name)).unwrap_or_default().to_string()
    };
    assert!(line("conflict.txt").contains(",error,"), "{report}");
    assert!(line("conflict.txt").contains("outputs written anyway"), "{report}");
    assert!(line("notes.txt").contains("does not look like minutes"), "{report}");
    assert!(line("good.txt").contains(",ok,"), "{report}");
    assert!(!dir.path().join("out/notes.minutes.docx").exists());
    let (code, _, stderr) = run(
        &["batch", "drafts", "-o", "out2", "-q", "--allow-errors", "--force"],
        dir.path(),
    );
    assert_eq!(code, Some(0), "{stderr}");
    // Without --quiet, each draft's warnings and errors are printed as `convert` does.
    let (_, _, stderr) = run(&["batch", "drafts", "-o", "out3"], dir.path());
    assert!(
        stderr
            .contains("conflict.txt:4: error: conflicting decisions on SEC-2018-0061R04"),
        "{stderr}"
    );
}

#[test]
fn warnings_never_print_an_empty_place() {
    let dir = tempfile::tempdir().unwrap();
    let sample = project_dir().join("samples/req-edge-cases.txt");
    let (_, _, stderr) = run(&["check", sample.to_str().unwrap()], dir.path());
    assert!(!stderr.contains("::"), "{stderr}");
}

/// Messages without OS jargon (issue 13): a missing file, a damaged package, `-o DIR/`.
#[test]
fn messages_speak_plainly() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bad.docx"), b"PK\x03\x04garbage").unwrap();
    fs::create_dir(dir.path().join("outdir")).unwrap();
    let sample = project_dir().join("samples/pro-38-f2f.txt");
    let sample = sample.to_str().unwrap();
    for (args, message) in [
        (vec!["convert", "missing.txt"], "error: cannot read missing.txt: no such file"),
        (
            vec!["convert", "bad.docx", "-o", "x.docx"],
            "error: cannot read bad.docx: not a DOCX package",
        ),
        (vec!["convert", sample, "-q", "-o", "outdir/"], "it is a directory"),
        (vec!["convert", sample, "-q", "-o", "outdir"], "it is a directory"),
    ] {
        let (code, _, stderr) = run(&args, dir.path());
        assert_eq!(code, Some(1), "{args:?}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(
            !stderr.contains("os error") && !stderr.contains("EOCD"),
            "{args:?}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    }
    assert!(!dir.path().join("x.docx").exists());
}

/// The project's own README quotes minutes (ids, decision lines) without being minutes:
/// it is never converted silently (issue 13 found it converted with exit 0).
#[test]
fn the_project_readme_is_not_converted_silently() {
    let dir = tempfile::tempdir().unwrap();
    let readme = fs::read_to_string(project_dir().join("README.md")).unwrap();
    write(dir.path(), "README.md", &readme);
    let (code, _, stderr) = run(&["convert", "README.md", "-o", "out.docx"], dir.path());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("error:"), "{stderr}");
}

//! `minutes batch`: the input tree mirrored under OUTDIR, `report.csv`, one bad draft not
//! stopping the others, exit 1 after all are done, no temporary file left behind.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::{
    fs,
    path::{Path, PathBuf},
    process::Output,
    time::{Duration, SystemTime},
};

use assert_cmd::Command;
use minutes_tests::project_dir;
use pretty_assertions::assert_eq;

fn minutes() -> Command {
    minutes_tests::minutes_command()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The bundled text samples placed in a tree: (relative path in the tree, sample name).
const TREE: [(&str, &str); 5] = [
    ("arc-41-teleconference.txt", "arc-41-teleconference.txt"),
    ("wg/pro/pro-38-f2f.txt", "pro-38-f2f.txt"),
    ("wg/req-edge-cases.txt", "req-edge-cases.txt"),
    ("wg/sds/2022/sds-09-windows1252.txt", "sds-09-windows1252.txt"),
    ("tst/tst-12-minutes.txt", "tst-12-minutes.txt"),
];

/// Copies the samples into `root` following [`TREE`].
fn sample_tree(root: &Path) {
    for (relative, sample) in TREE {
        let target = root.join(relative);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(project_dir().join("samples").join(sample), &target).unwrap();
    }
}

/// A minimal RFC 4180 reader for `report.csv` (quoted fields, doubled quotes, LF/CRLF).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// The rows of `OUTDIR/report.csv` after checking its header.
fn report(outdir: &Path) -> Vec<Vec<String>> {
    let text = fs::read_to_string(outdir.join("report.csv")).unwrap();
    let mut rows = parse_csv(&text);
    assert_eq!(
        rows.remove(0),
        ["input", "status", "outputs", "dispositions", "body", "warnings", "error"]
    );
    rows
}

/// Every file under `dir`, recursively, relative and sorted.
fn files(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.push(
                    path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"),
                );
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

fn stdout_of(args: &[&str], draft: &Path) -> Vec<u8> {
    let output = minutes().args(args).arg(draft).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    output.stdout
}

#[test]
fn mirrored_tree_report_and_one_bad_file() {
    // A tree of the five samples, two broken drafts, and things that must be left alone.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("drafts");
    sample_tree(&input);
    fs::create_dir_all(input.join("broken")).unwrap();
    let random: Vec<u8> =
        (0u32..4096).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    fs::write(input.join("broken/random.docx"), &random).unwrap();
    fs::write(
        input.join("broken/truncated.docx"),
        [b"PK\x03\x04".as_slice(), &random].concat(),
    )
    .unwrap();
    fs::create_dir_all(input.join(".hidden")).unwrap();
    fs::copy(project_dir().join("samples/pro-38-f2f.txt"), input.join(".hidden/pro.txt"))
        .unwrap();
    fs::write(input.join("wg/old.minutes.docx"), b"an earlier output, not a draft")
        .unwrap();
    fs::write(input.join("wg/notes.md"), b"not a draft").unwrap();
    let outdir = dir.path().join("out");

    let output = minutes()
        .args(["batch", "--formats", "csv,json", "--jobs", "2", "-o"])
        .arg(&outdir)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));

    // Every good draft's outputs, equal to what the single-file commands print.
    for (relative, _) in TREE {
        let draft = input.join(relative);
        let stem = relative.trim_end_matches(".txt");
        let csv = fs::read(outdir.join(format!("{stem}.dispositions.csv"))).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&csv),
            String::from_utf8_lossy(&stdout_of(&["dispositions"], &draft))
        );
        let json = fs::read(outdir.join(format!("{stem}.json"))).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&json),
            String::from_utf8_lossy(&stdout_of(&["inspect"], &draft))
        );
    }
    // Nothing else: no temporaries, no output for skipped files.
    let mut expected: Vec<String> = TREE
        .iter()
        .flat_map(|(relative, _)| {
            let stem = relative.trim_end_matches(".txt");
            [format!("{stem}.dispositions.csv"), format!("{stem}.json")]
        })
        .chain(["report.csv".to_string()])
        .collect();
    expected.sort();
    assert_eq!(files(&outdir), expected);

    // The report: one row per draft, in tree order.
    let rows = report(&outdir);
    let inputs: Vec<String> = rows.iter().map(|r| r[0].clone()).collect();
    let name = |relative: &str| input.join(relative).display().to_string();
    assert_eq!(
        inputs,
        [
            name("arc-41-teleconference.txt"),
            name("broken/random.docx"),
            name("broken/truncated.docx"),
            name("tst/tst-12-minutes.txt"),
            name("wg/pro/pro-38-f2f.txt"),
            name("wg/req-edge-cases.txt"),
            name("wg/sds/2022/sds-09-windows1252.txt"),
        ]
    );
    for row in &rows {
        assert_eq!(row.len(), 7, "{row:?}");
        if row[0].contains("broken") {
            assert_eq!(row[1], "error", "{row:?}");
            assert_eq!(
                (row[2].as_str(), row[3].as_str(), row[4].as_str(), row[5].as_str()),
                ("", "", "", "")
            );
            assert!(!row[6].is_empty());
            assert!(
                stderr(&output).contains(&format!("error: {}: {}", row[0], row[6])),
                "{}",
                stderr(&output)
            );
        } else {
            assert_eq!(row[1], "ok", "{row:?}");
            assert_eq!(row[6], "", "{row:?}");
            let stem =
                Path::new(&row[0]).strip_prefix(&input).unwrap().with_extension("");
            let stem = stem.to_string_lossy();
            assert_eq!(row[2], format!("{stem}.dispositions.csv;{stem}.json"));
            let csv_rows =
                fs::read_to_string(outdir.join(format!("{stem}.dispositions.csv")))
                    .unwrap();
            assert_eq!(row[3], (parse_csv(&csv_rows).len() - 1).to_string(), "{row:?}");
            // Every sample here is a oneM2M meeting.
            assert_eq!(row[4], "onem2m", "{row:?}");
            assert!(row[5].parse::<usize>().is_ok(), "{row:?}");
        }
    }
    let random_row = rows.iter().find(|r| r[0].ends_with("random.docx")).unwrap();
    assert!(random_row[6].contains("not a DOCX package"), "{random_row:?}");
    assert!(stderr(&output).contains("5 ok, 2 failed"), "{}", stderr(&output));
}

#[test]
fn skip_unchanged_and_output_inside_the_input() {
    // OUTDIR inside the input tree is not searched; a second run with --skip-unchanged
    // converts only the draft that changed.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().to_path_buf();
    sample_tree(&input);
    let outdir = input.join("converted");
    let run = |extra: &[&str]| {
        let output = minutes()
            .args(["batch", "--formats", "csv", "--quiet", "-o"])
            .arg(&outdir)
            .arg(&input)
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        report(&outdir)
    };
    let first = run(&[]);
    assert_eq!(first.len(), TREE.len());
    assert!(first.iter().all(|r| r[1] == "ok"), "{first:?}");

    let changed = input.join("wg/req-edge-cases.txt");
    let later = SystemTime::now() + Duration::from_secs(60);
    fs::File::options().write(true).open(&changed).unwrap().set_modified(later).unwrap();
    let second = run(&["--skip-unchanged"]);
    assert_eq!(second.len(), TREE.len(), "the output directory was searched: {second:?}");
    for row in &second {
        let expected = if Path::new(&row[0]) == changed { "ok" } else { "skipped" };
        assert_eq!(row[1], expected, "{row:?}");
        assert!(row[2].ends_with(".dispositions.csv"), "{row:?}");
    }
}

#[test]
fn docx_outputs_equal_the_single_commands_and_colliding_names() {
    // The minutes and agenda DOCX of a batch are the bytes `minutes convert` and `minutes
    // agenda` write; `x.docx` and `x.txt` side by side would write the same outputs, so
    // both keep their extension in their outputs' names (issue 13); a `templates` folder
    // and `.dotx` files are no drafts.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(input.join("templates")).unwrap();
    let docx_draft = input.join("pro-38-f2f.docx");
    fs::copy(project_dir().join("samples/docx/pro-38-f2f.docx"), &docx_draft).unwrap();
    fs::copy(project_dir().join("samples/pro-38-f2f.txt"), input.join("pro-38-f2f.txt"))
        .unwrap();
    fs::copy(
        project_dir().join("samples/docx/pro-38-f2f.docx"),
        input.join("templates/t.docx"),
    )
    .unwrap();
    fs::copy(project_dir().join("samples/docx/pro-38-f2f.docx"), input.join("t.dotx"))
        .unwrap();
    let outdir = dir.path().join("out");
    let output = minutes()
        .args(["batch", "--formats", "minutes,agenda", "--jobs", "1", "-q", "-o"])
        .arg(&outdir)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let rows = report(&outdir);
    assert_eq!(rows.len(), 2, "{rows:?}");
    let (docx, text) = (&rows[0], &rows[1]);
    assert_eq!(docx[0], docx_draft.display().to_string());
    assert_eq!(
        docx[1..3],
        ["ok", "pro-38-f2f.docx.minutes.docx;pro-38-f2f.docx.agenda.docx"],
        "{docx:?}"
    );
    assert_eq!(
        text[1..3],
        ["ok", "pro-38-f2f.txt.minutes.docx;pro-38-f2f.txt.agenda.docx"]
    );
    assert_eq!(
        files(&outdir),
        [
            "pro-38-f2f.docx.agenda.docx",
            "pro-38-f2f.docx.minutes.docx",
            "pro-38-f2f.txt.agenda.docx",
            "pro-38-f2f.txt.minutes.docx",
            "report.csv"
        ]
    );
    for (command, suffix) in [("convert", "minutes"), ("agenda", "agenda")] {
        let single = dir.path().join(format!("single.{suffix}.docx"));
        let output = minutes()
            .arg(command)
            .arg(&docx_draft)
            .arg("-o")
            .arg(&single)
            .arg("--quiet")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let batch =
            fs::read(outdir.join(format!("pro-38-f2f.docx.{suffix}.docx"))).unwrap();
        assert!(
            batch == fs::read(&single).unwrap(),
            "{suffix}: batch and `minutes {command}` differ"
        );
    }
}

#[test]
fn missing_input_and_zero_jobs() {
    // A missing input fails before any work (exit 1, naming it); `--jobs 0` is a usage error.
    let dir = tempfile::tempdir().unwrap();
    let outdir: PathBuf = dir.path().join("out");
    let output =
        minutes().args(["batch", "no-such-dir", "-o"]).arg(&outdir).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no-such-dir"), "{}", stderr(&output));
    let output = minutes()
        .args(["batch", ".", "--jobs", "0", "-o"])
        .arg(&outdir)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

// The README's batch example is what the command prints and writes: its summary line
// (the report's place aside) and the first rows of `report.csv`.
#[test]
fn readme_batch_example_holds() {
    let readme = fs::read_to_string(project_dir().join("README.md")).unwrap();
    let example = readme
        .split("$ minutes batch samples -o out --formats minutes,csv,json --quiet\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap();
    let (summary, head) = example.split_once("$ head -3 out/report.csv\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = minutes()
        .current_dir(project_dir())
        .args(["batch", "samples", "-o"])
        .arg(out.path())
        .args(["--formats", "minutes,csv,json", "--quiet"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let printed = String::from_utf8_lossy(&output.stderr)
        .replace(&out.path().join("report.csv").display().to_string(), "out/report.csv");
    assert_eq!(printed, summary);
    let report = fs::read_to_string(out.path().join("report.csv")).unwrap();
    let first: String = report.lines().take(3).map(|line| format!("{line}\n")).collect();
    assert_eq!(first, head);
}

//! The `minutes` command: exit codes (0 ok, 1 input/output problem, 2 usage), messages
//! naming the file, output written atomically and never over the input.

use std::path::Path;

use assert_cmd::Command;
use minutes_tests::{project_dir, shared_dir};

fn minutes() -> Command {
    minutes_tests::minutes_command()
}

fn sample() -> std::path::PathBuf {
    project_dir().join("samples/pro-38-f2f.txt")
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The diagnostics of `check`'s stderr, without its per-draft summary line.
fn diagnostics(output: &std::process::Output) -> String {
    stderr(output)
        .lines()
        .filter(|line| {
            [": error: ", ": warning: ", ": note: "].iter().any(|s| line.contains(s))
        })
        .map(|line| format!("{line}\n"))
        .collect()
}

#[test]
fn dispositions_to_stdout() {
    let output = minutes()
        .arg("dispositions")
        .arg(sample())
        .arg("--columns")
        .arg("tdoc,status")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("Tdoc,Status\n"), "{text}");
    assert!(text.lines().count() > 5);
}

#[test]
fn stdin_is_a_draft() {
    let output = minutes()
        .args(["dispositions", "-", "--columns", "tdoc,status"])
        .write_stdin("1\nAgenda\nSEC-2018-0061R04 was AGREED\n")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "Tdoc,Status\nSEC-2018-0061R04,Agreed\n"
    );
}

#[test]
fn missing_file_exits_1_naming_it() {
    let output = minutes()
        .args(["check", "no-such-draft.txt"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no-such-draft.txt"), "{}", stderr(&output));
}

#[test]
fn usage_error_exits_2() {
    let output =
        minutes().args(["dispositions"]).output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(2));
    let output =
        minutes().args(["frobnicate"]).output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn ole_file_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("protected.docx");
    std::fs::write(&path, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest")
        .unwrap_or_else(|e| panic!("{e}"));
    let output =
        minutes().arg("inspect").arg(&path).output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("protected.docx") && message.contains("password-protected"),
        "{message}"
    );
}

#[test]
fn output_is_never_the_input() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("draft.txt");
    std::fs::copy(sample(), &input).unwrap_or_else(|e| panic!("{e}"));
    let before = std::fs::read(&input).unwrap_or_default();
    let output = minutes()
        .arg("dispositions")
        .arg(&input)
        .arg("-o")
        .arg(&input)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("it is the input file"), "{}", stderr(&output));
    assert_eq!(std::fs::read(&input).unwrap_or_default(), before);
}

// A hard link or a symbolic link to the draft is the draft too.
#[cfg(unix)]
#[test]
fn output_is_never_a_link_to_the_input() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("draft.txt");
    std::fs::copy(sample(), &input).unwrap_or_else(|e| panic!("{e}"));
    let before = std::fs::read(&input).unwrap_or_default();
    let hard = dir.path().join("hard.csv");
    let soft = dir.path().join("soft.csv");
    std::fs::hard_link(&input, &hard).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(&input, &soft).unwrap_or_else(|e| panic!("{e}"));
    for link in [&hard, &soft] {
        let output = minutes()
            .arg("dispositions")
            .arg(&input)
            .arg("-o")
            .arg(link)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(output.status.code(), Some(1), "{}", link.display());
        assert!(stderr(&output).contains("it is the input file"), "{}", stderr(&output));
        assert_eq!(std::fs::read(link).unwrap_or_default(), before);
    }
    assert_eq!(std::fs::read(&input).unwrap_or_default(), before);
}

#[test]
fn missing_output_directory_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("missing/out.csv");
    let output = minutes()
        .arg("dispositions")
        .arg(sample())
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("does not exist"), "{}", stderr(&output));
    assert!(!out.exists());
}

#[test]
fn csv_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("out.csv");
    let output = minutes()
        .arg("dispositions")
        .arg(sample())
        .arg("-o")
        .arg(&out)
        .arg("--excel")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let bytes = std::fs::read(&out).unwrap_or_default();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFTdoc,Title,Source,Agenda item,Status,Revision of,Revised to,Comment\r\n"));
    let leftovers = std::fs::read_dir(dir.path()).map(|d| d.count()).unwrap_or(0);
    assert_eq!(leftovers, 1, "no temporary file left behind");
}

#[test]
fn bad_status_map_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let map = dir.path().join("map.toml");
    std::fs::write(&map, "Agred = \"x\"\n").unwrap_or_else(|e| panic!("{e}"));
    let output = minutes()
        .arg("dispositions")
        .arg(sample())
        .arg("--status-map")
        .arg(&map)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    // A bad map is a usage error (issue 13).
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown status `Agred`"), "{}", stderr(&output));
}

/// Usage errors of `dispositions` (issue 13): exit 2, one line naming the problem.
#[test]
fn bad_columns_and_maps_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let csv_map = dir.path().join("map.csv");
    std::fs::write(&csv_map, "Agreed,OK\n").unwrap_or_else(|e| panic!("{e}"));
    let toml_map = dir.path().join("map.toml");
    std::fs::write(&toml_map, "Agreed = \"OK\"\nNoted = \n")
        .unwrap_or_else(|e| panic!("{e}"));
    let cases: [(Vec<std::ffi::OsString>, &str); 5] = [
        (vec!["--columns".into(), "".into()], "--columns: no column given"),
        (vec!["--columns".into(), "tdoc,,status".into()], "column 2 is empty"),
        (vec!["--columns".into(), "tdoc,stat".into()], "unknown column `stat`"),
        (
            vec!["--status-map".into(), csv_map.into_os_string()],
            "the first line must be the header `from,to`",
        ),
        (vec!["--status-map".into(), toml_map.into_os_string()], "map.toml:2:9: "),
    ];
    for (args, message) in cases {
        let output = minutes()
            .arg("dispositions")
            .arg(sample())
            .args(&args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let text = stderr(&output);
        assert!(text.contains(message) && text.lines().count() == 1, "{args:?}: {text}");
        assert!(output.stdout.is_empty(), "{args:?}: no CSV");
    }
}

// `check` prints `file:line: severity: message` and succeeds when nothing is an error.
#[test]
fn check_reports_lines() {
    let Some(shared) = shared_dir() else { return };
    let seed = shared.join("seeds/sec17-sapporo-2015.txt");
    let output =
        minutes().arg("check").arg(&seed).output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(0));
    let message = stderr(&output);
    let name = seed.display().to_string();
    assert!(message.contains(&format!("{name}:128: warning: year typo")), "{message}");
    assert!(
        message.contains(&format!(
            "{name}:75: warning: document heading names SEC-2015-0606"
        )),
        "{message}"
    );
}

// `check` ends each draft with a summary line: the body (detected, forced or unknown), the
// dispositions and the diagnostics by severity; a detected meeting's decisions on the
// other body's ids are kept, with one note.
#[test]
fn check_summarises_each_draft_with_its_body() {
    let run = |args: &[&str], draft: &str| {
        let output = minutes()
            .arg("check")
            .args(args)
            .arg("-")
            .write_stdin(draft)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stderr(&output)
    };
    let gpp = "1 Documents\nTD S2-1903157 Title\nNoted.\nTD S2-1903158 Title\nAgreed.\nTD S2-1903159 Title\nAgreed.\nSEC-2019-0001 was noted\n";
    let detected = run(&["--notes"], gpp);
    assert!(
        detected.ends_with(
            "<stdin>: 3gpp meeting (detected from its document ids); 4 dispositions; 0 errors, 1 warning, 1 note\n"
        ),
        "{detected}"
    );
    assert!(
        detected.contains("<stdin>:8: note: `SEC-2019-0001` is a onem2m document id in a 3gpp meeting (detected from its ids); its decision is kept (--body 3gpp reads it as text)"),
        "{detected}"
    );
    let forced = run(&["--body", "3gpp"], gpp);
    assert!(
        forced.contains("<stdin>:8: warning: `SEC-2019-0001` is not a 3gpp document id")
            && forced.ends_with("<stdin>: 3gpp meeting (--body 3gpp); 3 dispositions; 0 errors, 3 warnings, 0 notes\n"),
        "{forced}"
    );
    let unknown =
        run(&[], "1 Documents\nSEC-2019-0001 was noted\nS2-1903157 was noted\n");
    assert!(
        unknown.ends_with("<stdin>: body unknown (neither onem2m nor 3gpp ids prevail); 2 dispositions; 0 errors, 1 warning, 0 notes\n"),
        "{unknown}"
    );
}

// `check` exits 1 when a diagnostic is an error (here: conflicting decisions).
#[test]
fn check_exits_1_on_errors() {
    let output = minutes()
        .args(["check", "-"])
        .write_stdin(
            "1\nAgenda\nSEC-2018-0061R04 was AGREED\nSEC-2018-0061R04 was NOTED\n",
        )
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output)
            .contains("<stdin>:4: error: conflicting decisions on SEC-2018-0061R04"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn flow_prints_blocks() {
    let output = minutes()
        .args(["flow", "-"])
        .write_stdin("1\nOpening\n\tA\n\tB\n")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "# 1 Opening\n| A\tB\n");
}

#[test]
fn help_exits_0() {
    let output = minutes().arg("--help").output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(0));
    assert!(
        Path::new(&project_dir()).join("README.md").exists() || !output.stdout.is_empty()
    );
}

/// `--phrases FILE` adds a secretary's own wording; a bad phrasebook is an error naming
/// the file, line and column.
#[test]
fn phrases_add_a_secretarys_wording() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let draft = dir.path().join("draft.txt");
    std::fs::write(
        &draft,
        "1\nDocuments\nSEC-2019-0101 Use case\nAdopted by the group.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let phrases = dir.path().join("mine.toml");
    std::fs::write(
        &phrases,
        "# our secretary writes `Adopted`\n[[status]]\nstatus = \"Agreed\"\nphrases = [\"adopted\"]\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let run = |extra: &[&str]| {
        minutes()
            .args(["dispositions", "-q", "--columns", "tdoc,status"])
            .arg(&draft)
            .args(extra)
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let plain = run(&[]);
    assert_eq!(String::from_utf8_lossy(&plain.stdout), "Tdoc,Status\n");
    let phrases_arg = phrases.display().to_string();
    let added = run(&["--phrases", &phrases_arg]);
    assert_eq!(added.status.code(), Some(0), "{}", stderr(&added));
    assert_eq!(
        String::from_utf8_lossy(&added.stdout),
        "Tdoc,Status\nSEC-2019-0101,Agreed\n"
    );

    std::fs::write(
        &phrases,
        "[[status]]\nstatus = \"Adopted\"\nphrases = [\"adopted\"]\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let bad = run(&["--phrases", &phrases_arg]);
    assert_eq!(bad.status.code(), Some(1));
    let message = stderr(&bad);
    assert!(message.contains(&format!("{phrases_arg}:2:")), "{message}");
    assert_eq!(message.lines().count(), 1, "{message}");
}

/// `--phrases FILE` adds table header words too: a `Verdict` column decides.
#[test]
fn phrases_add_a_column_header() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let draft = dir.path().join("draft.md");
    std::fs::write(
        &draft,
        "# 1 Documents\n\n| Tdoc | Title | Verdict |\n|---|---|---|\n| SEC-2019-0101 | Use case | Agreed |\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let phrases = dir.path().join("mine.toml");
    std::fs::write(&phrases, "[columns]\ndecision = [\"Verdict\"]\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let run = |extra: &[&str]| {
        minutes()
            .args(["dispositions", "-q", "--columns", "tdoc,status"])
            .arg(&draft)
            .args(extra)
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    assert_eq!(String::from_utf8_lossy(&run(&[]).stdout), "Tdoc,Status\n");
    let phrases_arg = phrases.display().to_string();
    let added = run(&["--phrases", &phrases_arg]);
    assert_eq!(added.status.code(), Some(0), "{}", stderr(&added));
    assert_eq!(
        String::from_utf8_lossy(&added.stdout),
        "Tdoc,Status\nSEC-2019-0101,Agreed\n"
    );
}

/// `--body` takes one body's ids only; an unknown body is a usage error.
#[test]
fn body_forces_the_id_scheme() {
    let draft = "1\nDocuments\nSEC-2015-0524R02 was agreed\nS2-1903157 was noted\n";
    let run = |body: &str| {
        minutes()
            .args(["dispositions", "-", "-q", "--columns", "tdoc,status", "--body", body])
            .write_stdin(draft)
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    assert_eq!(
        String::from_utf8_lossy(&run("3gpp").stdout),
        "Tdoc,Status\nS2-1903157,Noted\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&run("onem2m").stdout),
        "Tdoc,Status\nSEC-2015-0524R02,Agreed\n"
    );
    assert_eq!(run("itu").status.code(), Some(2));
}

/// `--all-documents` lists an entry without a decision as an open document.
#[test]
fn all_documents_lists_open_entries() {
    let output = minutes()
        .args([
            "dispositions",
            "-q",
            "--all-documents",
            "--columns",
            "tdoc,status,agenda_item",
        ])
        .arg(project_dir().join("samples/tp-50-plenary-entries.txt"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("\nTP-2020-0111,Merged,4.1\nTP-2020-0112,,4.1\n"), "{text}");
}

// The README's example outputs are what the commands print: the diagnostics of the
// quick-start `convert` of the bundled sample, and the summary line of `check`.
#[test]
fn readme_examples_of_convert_and_check_hold() {
    let readme =
        std::fs::read_to_string(project_dir().join("README.md")).unwrap_or_default();
    let sample = "samples/pro-38-f2f.txt";
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let convert = minutes()
        .current_dir(project_dir())
        .args(["convert", sample, "-o"])
        .arg(out.path().join("pro-38-f2f.minutes.docx"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let printed = stderr(&convert);
    let example = readme
        .split("prints what it\nnoticed on the way:\n\n```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap_or_default();
    assert!(!example.is_empty(), "README quick-start example not found");
    assert_eq!(printed, example);

    let check = minutes()
        .current_dir(project_dir())
        .args(["check", sample])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let summary = stderr(&check).lines().last().unwrap_or_default().to_string();
    assert!(summary.starts_with(&format!("{sample}: ")), "{summary}");
    assert!(
        readme.contains(&format!("```text\n{summary}\n```")),
        "README's check summary differs from: {summary}"
    );
}

/// Regression test for issue 16: a DOCX draft's diagnostics name the paragraph as
/// `file:¶N:`, never `file:paragraph N:` nor `file:1:` for a later paragraph.
#[test]
fn issue16_docx_diagnostics_print_paragraphs() {
    let draft = project_dir().join("samples/docx/req-edge-cases.docx");
    let output =
        minutes().arg("check").arg(&draft).output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(0));
    let message = diagnostics(&output);
    let name = draft.display().to_string();
    assert_eq!(
        message,
        format!(
            "{name}:¶19: warning: document heading names REQ-2021-1007 but the decision at paragraph 21 is on REQ-2021-0107, which the contribution table lists: the heading id is probably a typo\n\
             {name}:¶26: warning: year typo: `REQ-2012-0105R01` read as REQ-2021-0105R01 (REQ-2021-0105 at paragraph 23 in section 3.2)\n\
             {name}:¶29: warning: REQ-2021-0115 is decided but absent from every contribution table\n"
        )
    );
    // Every sample: one place form per line, never a line number.
    for sample in ["pro-38-f2f", "tst-12-minutes", "tp-50-plenary-entries"] {
        let draft = project_dir().join(format!("samples/docx/{sample}.docx"));
        let output = minutes()
            .args(["check", "--notes"])
            .arg(&draft)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let message = diagnostics(&output);
        let name = draft.display().to_string();
        assert!(!message.is_empty(), "{sample}");
        for line in message.lines() {
            let place = line
                .strip_prefix(&format!("{name}:¶"))
                .and_then(|rest| rest.split_once(": "))
                .map(|(index, _)| index);
            assert!(
                place.is_some_and(|i| i.parse::<u32>().is_ok_and(|i| i > 0)),
                "{line}"
            );
        }
    }
}

/// Regression test for issue 16: a text draft's diagnostics print `file:LINE:`.
#[test]
fn issue16_text_diagnostics_print_lines() {
    let draft = project_dir().join("samples/req-edge-cases.txt");
    let output =
        minutes().arg("check").arg(&draft).output().unwrap_or_else(|e| panic!("{e}"));
    let message = diagnostics(&output);
    let name = draft.display().to_string();
    let places: Vec<&str> = message
        .lines()
        .filter_map(|line| line.strip_prefix(&format!("{name}:")))
        .filter_map(|rest| rest.split_once(": warning: ").map(|(place, _)| place))
        .collect();
    assert_eq!(places, ["64", "80", "83"], "{message}");
}

/// Regression test for issue 16: a JSON model written before spans existed (its
/// `location` text only) keeps its places: the paragraph prints as `¶N`, a line as its
/// number, and a diagnostic without a place prints none.
#[test]
fn issue16_old_json_models_keep_their_places() {
    let model = r#"{
  "cover": {"title": "PRO#38"},
  "sections": [{"number": "1", "title": "Opening", "blocks": [], "location": "paragraph 3"}],
  "diagnostics": [
    {"severity": "warning", "location": "paragraph 19", "message": "from a DOCX"},
    {"severity": "warning", "location": "line 64", "message": "from a text"},
    {"severity": "warning", "location": "", "message": "from nowhere"}
  ]
}"#;
    let output = minutes()
        .args(["check", "-"])
        .write_stdin(model)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        diagnostics(&output),
        "<stdin>:¶19: warning: from a DOCX\n<stdin>:64: warning: from a text\n<stdin>: warning: from nowhere\n"
    );
}

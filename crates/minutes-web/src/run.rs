//! The four operations as the `minutes` command does them, on bytes instead of files:
//! the same facade calls with the same options, so the outputs are the command's bytes,
//! and errors read as the command's (`cannot read NAME: …`).

use std::path::Path;

use minutes::{
    model::Severity,
    read::{document_created, read_status_map},
    write::{
        agenda_of, next_agenda, write_agenda, write_dispositions, write_docx,
        write_markdown, Column, CsvOptions, DocxWriteOptions, Template,
    },
    Loaded,
};

use crate::Report;

/// An output and the report of the draft it was made from.
#[derive(Debug, Clone)]
pub struct Produced {
    /// The output file's bytes.
    pub bytes: Vec<u8>,
    /// Diagnostics and summary.
    pub report: Report,
}

/// The result of an operation: the error is the message the command would print.
pub type Result<T> = std::result::Result<T, String>;

/// A user's template file.
#[derive(Debug, Clone)]
pub struct TemplateFile {
    /// The package's bytes (`.docx` or `.dotx`).
    pub bytes: Vec<u8>,
    /// Its name, for messages.
    pub name: String,
}

/// Options of the dispositions CSV, as `minutes dispositions` takes them.
#[derive(Debug, Clone, Default)]
pub struct CsvSettings {
    /// Column keys, comma-separated (`--columns`). The default is the default columns.
    pub columns: Option<String>,
    /// Excel conventions (`--excel`). The default is `false`.
    pub excel: bool,
    /// Also documents without a decision (`--all-documents`). The default is `false`.
    pub all_documents: bool,
    /// A status map's text and file name (`--status-map`); the name's extension chooses
    /// CSV or TOML. The default is none.
    pub status_map: Option<(String, String)>,
}

/// `minutes convert`: the official minutes DOCX, filling `template` or the built-in one.
pub fn convert(
    draft: &[u8],
    name: &str,
    template: Option<TemplateFile>,
) -> Result<Produced> {
    let template = load_template(template)?;
    let loaded = load(draft, name)?;
    let bytes =
        write_docx(&loaded.meeting, &template, &docx_options(draft)).map_err(|e| {
            format!("cannot write {}: {e}", output_name(name, "minutes.docx"))
        })?;
    Ok(produced(bytes, &loaded))
}

/// `minutes dispositions`: the portal CSV.
pub fn dispositions(
    draft: &[u8],
    name: &str,
    settings: &CsvSettings,
) -> Result<Produced> {
    // Options are resolved before the draft is read, so that their mistakes come first.
    let columns = match &settings.columns {
        Some(list) => Column::parse_list(list).map_err(|e| format!("--columns: {e}"))?,
        None => Column::DEFAULT.to_vec(),
    };
    let status_map = match &settings.status_map {
        Some((text, map_name)) => {
            Some(read_status_map(text, map_name).map_err(|e| e.to_string())?)
        }
        None => None,
    };
    let options = CsvOptions {
        columns,
        excel: settings.excel,
        all_documents: settings.all_documents,
        status_map,
    };
    let loaded = load(draft, name)?;
    let mut bytes = Vec::new();
    write_dispositions(&loaded.meeting, &options, &mut bytes)
        .map_err(|e| format!("cannot write {}: {e}", output_name(name, "csv")))?;
    Ok(produced(bytes, &loaded))
}

/// `minutes agenda [--next]`: the agenda DOCX of this meeting, or the next one's draft
/// agenda. The report's diagnostics are the draft's followed by the agenda's.
pub fn agenda(
    draft: &[u8],
    name: &str,
    next: bool,
    template: Option<TemplateFile>,
) -> Result<Produced> {
    let template = load_template(template)?;
    let loaded = load(draft, name)?;
    let agenda =
        if next { next_agenda(&loaded.meeting) } else { agenda_of(&loaded.meeting) };
    let bytes = write_agenda(&agenda, &template, &docx_options(draft))
        .map_err(|e| format!("cannot write {}: {e}", output_name(name, "agenda.docx")))?;
    let mut produced = produced(bytes, &loaded);
    produced.report.diagnostics.extend(Report::of(loaded.format, &agenda).diagnostics);
    Ok(produced)
}

/// `minutes inspect --format json|md`: the model as JSON, or as Markdown.
pub fn inspect(draft: &[u8], name: &str, format: &str) -> Result<Produced> {
    let markdown = match format {
        "json" => false,
        "md" => true,
        other => {
            return Err(format!("--format: unknown format `{other}` (known: json, md)"))
        }
    };
    let loaded = load(draft, name)?;
    let text =
        if markdown { write_markdown(&loaded.meeting) } else { loaded.meeting.to_json() };
    Ok(produced(text.into_bytes(), &loaded))
}

/// The options `minutes convert` and `minutes agenda` write DOCX with: keep them equal to
/// the command's, or the page's downloads stop being the command's bytes (the browser test
/// compares them). The time stamped in `docProps/core.xml` is the draft's own creation time,
/// as the command takes it, else now.
fn docx_options(draft: &[u8]) -> DocxWriteOptions {
    let timestamp = document_created(draft).unwrap_or_else(now);
    DocxWriteOptions { timestamp: Some(timestamp), ..DocxWriteOptions::default() }
}

/// Seconds since the Unix epoch: the browser's clock (std has none on wasm32).
#[cfg(target_arch = "wasm32")]
fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// Seconds since the Unix epoch (native builds, for the tests).
#[cfg(not(target_arch = "wasm32"))]
fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
}

/// Reads and recognises the draft as the command does (the name tells Markdown), and
/// refuses, with the command's words, a file that has nothing minutes have.
fn load(draft: &[u8], name: &str) -> Result<Loaded> {
    let loaded = minutes::load_named(draft, Some(Path::new(name)))
        .map_err(|e| format!("cannot read {name}: {e}"))?;
    let not_minutes = loaded.meeting.diagnostics.iter().any(|d| {
        d.severity == Severity::Error && d.message == minutes::recognise::NOT_MINUTES
    });
    if not_minutes {
        return Err(format!(
            "{name} does not look like minutes (no numbered section, no document id, no cover sheet); nothing written"
        ));
    }
    Ok(loaded)
}

fn load_template(template: Option<TemplateFile>) -> Result<Template> {
    match template {
        Some(TemplateFile { bytes, name }) => Template::from_bytes(bytes)
            .map_err(|e| format!("cannot use template {name}: {e}")),
        None => Ok(Template::builtin()),
    }
}

fn produced(bytes: Vec<u8>, loaded: &Loaded) -> Produced {
    Produced { bytes, report: Report::of(loaded.format, &loaded.meeting) }
}

/// `<draft stem>.SUFFIX`, the name the command gives an output by default.
fn output_name(name: &str, suffix: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    format!("{stem}.{suffix}")
}

#[cfg(test)]
mod tests {
    // The web operations give the command's bytes and messages, natively (the browser
    // test in `web/test/` checks the same against the built page).
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use std::path::Path;

    use minutes::write::{
        agenda_of, write_agenda, write_dispositions, write_docx, CsvOptions,
    };
    use pretty_assertions::assert_eq;

    use super::*;
    use crate::run;

    fn sample(path: &str) -> Vec<u8> {
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path))
            .unwrap()
    }

    // The DOCX, CSV and agenda are the facade's outputs with the command's options.
    #[test]
    fn outputs_are_the_commands() {
        let draft = sample("samples/docx/pro-38-f2f.docx");
        let meeting = minutes::load(&draft).unwrap().meeting;
        let builtin = Template::builtin();
        // The draft's own creation time, as the command stamps it.
        let options = DocxWriteOptions {
            timestamp: minutes::read::document_created(&draft),
            ..DocxWriteOptions::default()
        };
        assert!(options.timestamp.is_some());

        let docx = run::convert(&draft, "pro-38-f2f.docx", None).unwrap();
        assert_eq!(docx.bytes, write_docx(&meeting, &builtin, &options).unwrap());

        let csv = run::dispositions(&draft, "pro-38-f2f.docx", &CsvSettings::default())
            .unwrap();
        let mut expected = Vec::new();
        write_dispositions(&meeting, &CsvOptions::default(), &mut expected).unwrap();
        assert_eq!(
            String::from_utf8(csv.bytes).unwrap(),
            String::from_utf8(expected).unwrap()
        );

        let agenda = run::agenda(&draft, "pro-38-f2f.docx", false, None).unwrap();
        let expected = write_agenda(&agenda_of(&meeting), &builtin, &options).unwrap();
        assert_eq!(agenda.bytes, expected);

        let json = run::inspect(&draft, "pro-38-f2f.docx", "json").unwrap();
        assert_eq!(String::from_utf8(json.bytes).unwrap(), meeting.to_json());
    }

    // The summary counts what the expected files of the sample list.
    #[test]
    fn report_of_a_sample() {
        let draft = sample("samples/pro-38-f2f.txt");
        let report = run::convert(&draft, "pro-38-f2f.txt", None).unwrap().report;
        let expected =
            String::from_utf8(sample("samples/expected/pro-38-f2f.dispositions.tsv"))
                .unwrap();
        let rows = expected.lines().skip(1).filter(|l| !l.is_empty()).count();
        assert_eq!(report.format, "text");
        assert_eq!(report.summary.dispositions, rows);
        assert_eq!(report.dispositions.len(), rows);
        assert_eq!(report.summary.statuses.iter().map(|s| s.count).sum::<usize>(), rows);
        let agreed =
            expected.lines().filter(|l| l.split('\t').any(|c| c == "Agreed")).count();
        let counted =
            report.summary.statuses.iter().find(|s| s.status == "Agreed").unwrap();
        assert_eq!(counted.count, agreed);
        // The README's two warnings of this sample, as the page lists them.
        let shown: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity != "note")
            .map(|d| d.text.as_str())
            .collect();
        assert_eq!(
        shown,
        [
            "line 41: warning: PRO-2019-0200R02 is decided but absent from every contribution table",
            "line 44: warning: PRO-2019-0201R03 is decided but absent from every contribution table",
        ]
    );
        assert!(report.diagnostics[0].line.is_some());
        assert_eq!(report.summary.warnings, 2);
        assert_eq!(report.summary.body, Some("onem2m"));
        let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(json["summary"]["dispositions"], rows);
        assert_eq!(json["dispositions"][0]["tdoc"], "PRO-2019-0200R02");
        assert_eq!(json["summary"]["body"], "onem2m");
    }

    // Inputs that are not drafts, bad templates and bad options fail with the command's words.
    #[test]
    fn messages() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
        let err = run::convert(png, "photo.png", None).unwrap_err();
        // The formats named depend on the facade's reader features, which a workspace
        // build unifies with the command's.
        assert!(
            err.starts_with("cannot read photo.png: a PNG image, not a draft: minutes are read from DOCX, .doc, "),
            "{err}"
        );
        assert!(
            err.ends_with("Markdown or text; export the draft to one of them"),
            "{err}"
        );
        let draft = sample("samples/pro-38-f2f.txt");
        let template = TemplateFile { bytes: b"hello".to_vec(), name: "t.docx".into() };
        let err = run::convert(&draft, "pro-38-f2f.txt", Some(template)).unwrap_err();
        assert!(err.starts_with("cannot use template t.docx: "), "{err}");
        let settings =
            CsvSettings { columns: Some("tdoc,colour".into()), ..Default::default() };
        let err = run::dispositions(&draft, "pro-38-f2f.txt", &settings).unwrap_err();
        assert!(err.starts_with("--columns: unknown column `colour`"), "{err}");
        let err = run::inspect(&draft, "pro-38-f2f.txt", "yaml").unwrap_err();
        assert_eq!(err, "--format: unknown format `yaml` (known: json, md)");
    }

    // CSV options reach the writer: columns, Excel conventions and a status map.
    #[test]
    fn csv_settings() {
        let draft = sample("samples/pro-38-f2f.txt");
        let settings = CsvSettings {
            columns: Some("tdoc,status".into()),
            excel: true,
            all_documents: false,
            status_map: Some(("from,to\nAgreed,OK\n".into(), "map.csv".into())),
        };
        let csv = run::dispositions(&draft, "pro-38-f2f.txt", &settings).unwrap().bytes;
        let text = String::from_utf8(csv).unwrap();
        assert!(
            text.starts_with("\u{feff}Tdoc,Status\r\nPRO-2019-0200R02,OK\r\n"),
            "{text}"
        );
    }
}

//! The operations for JavaScript. Each takes the draft's bytes and file name and returns an
//! [`Output`]: the output's bytes (`Uint8Array`) and the report (a plain object). A draft
//! that cannot be read throws an `Error` whose message is the command's
//! (`cannot read photo.png: binary data: …`).
//!
//! ```js
//! import init, { convert, CsvSettings, dispositions } from "./pkg/minutes_web.js";
//! await init();
//! const minutes = convert(bytes, file.name);          // the built-in template
//! minutes.bytes;                                       // the .docx package
//! minutes.report.summary.dispositions;                 // 21
//! const csv = dispositions(bytes, file.name, new CsvSettings());
//! ```

use wasm_bindgen::prelude::*;

use crate::{run, Report};

/// An output file and the report of the draft it was made from.
#[wasm_bindgen]
pub struct Output {
    bytes: Vec<u8>,
    report: Report,
}

/// Getters
#[wasm_bindgen]
impl Output {
    /// The output file's bytes (a copy, as a `Uint8Array`).
    #[wasm_bindgen(getter)]
    pub fn bytes(&self) -> Vec<u8> {
        self.bytes.clone()
    }

    /// The report as an object: `format`, `summary`, `diagnostics`, `dispositions`.
    #[wasm_bindgen(getter)]
    pub fn report(&self) -> Result<JsValue, JsValue> {
        js_sys::JSON::parse(&self.report.to_json())
    }
}

/// Options of the dispositions CSV, as `minutes dispositions` takes them.
#[wasm_bindgen]
#[derive(Debug, Clone, Default)]
pub struct CsvSettings {
    settings: run::CsvSettings,
}

/// Builder methods
#[wasm_bindgen]
impl CsvSettings {
    /// The command's defaults: default columns, LF line ends, decided documents only.
    #[wasm_bindgen(constructor)]
    pub fn new() -> CsvSettings {
        CsvSettings::default()
    }

    /// Column keys, comma-separated (`--columns`).
    #[wasm_bindgen(setter)]
    pub fn set_columns(&mut self, columns: Option<String>) {
        self.settings.columns = columns;
    }

    /// Excel conventions: a UTF-8 byte-order mark and CRLF (`--excel`).
    #[wasm_bindgen(setter)]
    pub fn set_excel(&mut self, excel: bool) {
        self.settings.excel = excel;
    }

    /// Also documents without a decision (`--all-documents`).
    #[wasm_bindgen(setter, js_name = allDocuments)]
    pub fn set_all_documents(&mut self, all_documents: bool) {
        self.settings.all_documents = all_documents;
    }

    /// A status map (`--status-map`): its text and file name, whose `.csv` extension
    /// selects CSV (TOML otherwise).
    #[wasm_bindgen(js_name = statusMap)]
    pub fn status_map(&mut self, text: String, name: String) {
        self.settings.status_map = Some((text, name));
    }
}

/// `minutes convert`: the official minutes DOCX, filling the template (`.docx` or `.dotx`
/// bytes and name) or the built-in one.
#[wasm_bindgen]
pub fn convert(
    draft: &[u8],
    name: &str,
    template: Option<Vec<u8>>,
    template_name: Option<String>,
) -> Result<Output, JsError> {
    output(run::convert(draft, name, template_file(template, template_name)))
}

/// `minutes dispositions`: the portal CSV.
#[wasm_bindgen]
pub fn dispositions(
    draft: &[u8],
    name: &str,
    settings: &CsvSettings,
) -> Result<Output, JsError> {
    output(run::dispositions(draft, name, &settings.settings))
}

/// `minutes agenda [--next]`: the agenda DOCX of this meeting, or of the next one.
#[wasm_bindgen]
pub fn agenda(
    draft: &[u8],
    name: &str,
    next: bool,
    template: Option<Vec<u8>>,
    template_name: Option<String>,
) -> Result<Output, JsError> {
    output(run::agenda(draft, name, next, template_file(template, template_name)))
}

/// `minutes inspect --format json|md`: the model as JSON (UTF-8 bytes), or as Markdown.
#[wasm_bindgen]
pub fn inspect(draft: &[u8], name: &str, format: &str) -> Result<Output, JsError> {
    output(run::inspect(draft, name, format))
}

fn template_file(
    bytes: Option<Vec<u8>>,
    name: Option<String>,
) -> Option<run::TemplateFile> {
    bytes.map(|bytes| run::TemplateFile {
        bytes,
        name: name.unwrap_or_else(|| String::from("template")),
    })
}

fn output(result: run::Result<run::Produced>) -> Result<Output, JsError> {
    result
        .map(|produced| Output { bytes: produced.bytes, report: produced.report })
        .map_err(|message| JsError::new(&message))
}

// The page: reads the chosen draft, runs the converter (WebAssembly, built by
// scripts/web.sh into pkg/) on it, and shows the result. Nothing leaves the browser: the
// only requests are for this page's own files.
import init, { agenda, convert, CsvSettings, dispositions, inspect } from "./pkg/minutes_web.js";

const $ = (id) => document.getElementById(id);
const MIME = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv",
  json: "application/json",
};

let draft = null;     // { name, bytes }
let template = null;  // { name, bytes }
let lastReport = null;
const urls = [];

function say(text) {
  $("ready").textContent = text;
}

function showProblem(title, detail) {
  const box = $("problem");
  box.replaceChildren();
  const strong = document.createElement("strong");
  strong.textContent = title;
  box.append(strong);
  if (detail) {
    const p = document.createElement("p");
    p.textContent = detail;
    box.append(p);
  }
  box.hidden = false;
}

function clearProblem() {
  $("problem").hidden = true;
  $("problem").replaceChildren();
}

function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

async function readFile(file) {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function stem(name) {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

function setDownload(id, bytes, fileName, type) {
  const link = $(id);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  urls.push(url);
  link.href = url;
  link.download = fileName;
  link.setAttribute("aria-label", `${link.textContent.trim()}: ${fileName}, ${bytes.length.toLocaleString()} bytes`);
}

function cell(row, text) {
  const td = document.createElement("td");
  td.textContent = text ?? "";
  row.append(td);
}

function showDiagnostics(report) {
  const showNotes = $("notes").checked;
  const list = $("diagnostics");
  list.replaceChildren();
  const shown = report.diagnostics.filter((d) => showNotes || d.severity !== "note");
  for (const diagnostic of shown) {
    const li = document.createElement("li");
    li.className = diagnostic.severity;
    li.textContent = diagnostic.text;
    list.append(li);
  }
  if (shown.length === 0) {
    const li = document.createElement("li");
    li.className = "none";
    li.textContent = "No diagnostics: everything that looks like a decision was recognised.";
    list.append(li);
  }
  const { errors, warnings, notes } = report.summary;
  $("diagnostics-title").textContent =
    `Diagnostics (${plural(errors, "error")}, ${plural(warnings, "warning")}, ${plural(notes, "note")})`;
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

// The meeting's standards body, as the recogniser detected it from the document ids.
const BODIES = { onem2m: "a oneM2M meeting", "3gpp": "a 3GPP meeting" };
// What the draft was read as, by the format the facade sniffed.
const FORMATS = {
  docx: "a Word document",
  doc: "a Word 97–2003 document",
  markdown: "a Markdown file",
  json: "a JSON model",
  text: "a text export",
};

function showReport(report) {
  const { summary } = report;
  $("results-title").textContent = summary.title ? `Results: ${summary.title}` : "Results";
  $("meeting").textContent = [summary.date, BODIES[summary.body], `read as ${FORMATS[report.format] ?? "a text export"}`]
    .filter(Boolean).join(" · ");
  for (const dd of document.querySelectorAll("[data-count]")) {
    dd.textContent = String(summary[dd.dataset.count]);
  }
  const statuses = $("statuses").tBodies[0];
  statuses.replaceChildren();
  for (const { status, count } of summary.statuses) {
    const row = statuses.insertRow();
    row.dataset.status = status;
    cell(row, status);
    cell(row, String(count));
  }
  const body = $("dispositions").tBodies[0];
  body.replaceChildren();
  for (const d of report.dispositions) {
    const row = body.insertRow();
    cell(row, d.tdoc);
    cell(row, d.title);
    cell(row, d.source);
    cell(row, d.section);
    cell(row, d.status);
    cell(row, d.comment);
    cell(row, d.location);
  }
  $("dispositions-caption").textContent = `Dispositions (${summary.dispositions})`;
  showDiagnostics(report);
}

function run() {
  if (!draft) return;
  clearProblem();
  for (const url of urls.splice(0)) URL.revokeObjectURL(url);
  const { name, bytes } = draft;
  say(`Converting ${name}…`);
  try {
    const started = performance.now();
    const minutes = convert(bytes, name, template?.bytes, template?.name);
    const elapsed = performance.now() - started;
    const settings = new CsvSettings();
    settings.excel = $("excel").checked;
    const csv = dispositions(bytes, name, settings);
    settings.free();
    const agendaOutput = agenda(bytes, name, $("next").checked, template?.bytes, template?.name);
    const model = inspect(bytes, name, "json");
    const report = minutes.report;
    lastReport = report;
    const base = stem(name);
    setDownload("download-minutes", minutes.bytes, `${base}.minutes.docx`, MIME.docx);
    setDownload("download-csv", csv.bytes, `${base}.dispositions.csv`, MIME.csv);
    setDownload("download-agenda", agendaOutput.bytes, `${base}.agenda.docx`, MIME.docx);
    setDownload("download-json", model.bytes, `${base}.json`, MIME.json);
    for (const output of [minutes, csv, agendaOutput, model]) output.free();
    showReport(report);
    const results = $("results");
    results.hidden = false;
    results.dataset.convertMs = elapsed.toFixed(2);
    const { summary } = report;
    if (summary.sections === 0 && summary.dispositions === 0) {
      showProblem(
        `Nothing of draft minutes was recognised in ${name}.`,
        "No agenda sections and no decisions: is this the draft of the minutes? The outputs below are empty.",
      );
    }
    say(`Converted ${name} in ${elapsed.toFixed(1)} ms: ${plural(summary.sections, "section")}, ` +
      `${plural(summary.dispositions, "disposition")}, ${plural(summary.action_items, "action item")}, ` +
      `${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}.`);
    $("results-title").focus();
  } catch (error) {
    $("results").hidden = true;
    lastReport = null;
    showProblem(`${name} is not a draft this page can read.`,
      `${messageOf(error)}. Choose the minutes draft as a Word .docx or .doc, a text or Markdown file, or a .json model.`);
    say(`${name} could not be converted.`);
  }
}

async function takeDraft(file) {
  if (!file) return;
  draft = await readFile(file);
  run();
}

async function takeTemplate(file) {
  template = file ? await readFile(file) : null;
  $("clear-template").hidden = !template;
  run();
}

function wire() {
  $("draft").addEventListener("change", (event) => takeDraft(event.target.files[0]));
  $("template").addEventListener("change", (event) => takeTemplate(event.target.files[0]));
  $("clear-template").addEventListener("click", () => {
    $("template").value = "";
    takeTemplate(null);
    $("template").focus();
  });
  for (const id of ["excel", "next"]) $(id).addEventListener("change", run);
  $("notes").addEventListener("change", () => lastReport && showDiagnostics(lastReport));
  $("form").addEventListener("submit", (event) => event.preventDefault());
  const drop = $("drop");
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    takeDraft(event.dataTransfer.files[0]);
  });
}

try {
  // Loaded once, before any draft: afterwards the page needs no network at all.
  await init();
  wire();
  document.body.dataset.ready = "true";
  say("Ready: choose or drop a draft.");
} catch (error) {
  showProblem("The converter could not be loaded.", messageOf(error));
  say("The converter could not be loaded.");
}

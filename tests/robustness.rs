//! Hostile and broken input: every bad draft, template or output path ends in exit 1 with
//! a message naming the file and the problem, within a bounded time, without a panic and
//! without leaving an output file (or a temporary one) behind. Inputs a reader must accept
//! (Windows-1252, UTF-16, a DOCX named `.txt`) convert with exit 0.
//!
//! Every input is generated here: packages are built in memory with `zip`, or by hand
//! (`raw_zip`) where `zip` would be too slow or too honest (the zip bomb, 100,000 entries).
//! Expensive cases are `#[ignore]`d with a reason; run them with
//! `cargo test -p minutes-tests --test integration robustness -- --ignored`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::{
    io::{Cursor, Write},
    path::{Path, PathBuf},
    process::Output,
    time::{Duration, Instant},
};

use assert_cmd::Command;
use minutes_tests::project_dir;
use tempfile::TempDir;
use zip::{write::SimpleFileOptions, CompressionMethod, ZipWriter};

/// The longest any single run may take (debug binary); a hang fails the test.
const TIMEOUT: Duration = Duration::from_secs(60);

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// ---------------------------------------------------------------------------------------
// Helpers

fn minutes() -> Command {
    let mut cmd = minutes_tests::minutes_command();
    cmd.timeout(TIMEOUT);
    cmd
}

/// Runs `minutes ARGS` (bounded by [`TIMEOUT`]) in `dir`.
fn run(dir: &Path, args: &[&std::ffi::OsStr]) -> Output {
    let started = Instant::now();
    let output = minutes()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("minutes {args:?}: {e}"));
    let elapsed = started.elapsed();
    assert!(elapsed < TIMEOUT, "minutes {args:?} took {elapsed:?} (timed out)");
    output
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A scratch directory holding one draft.
struct Case {
    dir: TempDir,
    input: PathBuf,
}

impl Case {
    fn new(name: &str, bytes: &[u8]) -> Case {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join(name);
        std::fs::write(&input, bytes).unwrap();
        Case { dir, input }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn name(&self) -> String {
        self.input
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// `minutes convert INPUT -o OUT.docx [extra…]`.
    fn convert(&self, out: &Path, extra: &[&str]) -> Output {
        let mut args = vec![
            std::ffi::OsStr::new("convert"),
            self.input.as_os_str(),
            std::ffi::OsStr::new("-o"),
            out.as_os_str(),
        ];
        args.extend(extra.iter().map(std::ffi::OsStr::new));
        run(self.dir.path(), &args)
    }

    /// `minutes convert` or `minutes dispositions` (by `command`) `INPUT -o OUT`.
    fn write(&self, command: &str, out: &Path) -> Output {
        if command == "convert" {
            self.convert(out, &[])
        } else {
            self.dispositions(out)
        }
    }

    /// `minutes dispositions INPUT -o OUT.csv`.
    fn dispositions(&self, out: &Path) -> Output {
        run(
            self.dir.path(),
            &[
                "dispositions".as_ref(),
                self.input.as_os_str(),
                "-o".as_ref(),
                out.as_os_str(),
            ],
        )
    }

    /// `minutes flow INPUT` (the blocks on stdout).
    fn flow(&self) -> Output {
        run(self.dir.path(), &["flow".as_ref(), self.input.as_os_str()])
    }

    /// Asserts that both `convert` and `dispositions` refuse the draft: exit 1, a message
    /// naming the file and containing one of `problem` (case-insensitive), no output file
    /// and no temporary file left in the directory.
    fn assert_refused(&self, problem: &[&str]) {
        let docx = self.path("OUT.docx");
        let csv = self.path("OUT.csv");
        for (what, output, out) in [
            ("convert", self.convert(&docx, &[]), &docx),
            ("dispositions", self.dispositions(&csv), &csv),
        ] {
            assert_failed_cleanly(&output, what, &self.name(), problem);
            assert!(!out.exists(), "{what}: {} was written", out.display());
        }
        self.assert_no_temporary_files();
    }

    fn assert_no_temporary_files(&self) {
        let leftovers: Vec<String> = std::fs::read_dir(self.dir.path())
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        assert!(
            leftovers
                .iter()
                .all(|n| !n.starts_with(".minutes-") && !n.ends_with(".part")),
            "temporary files left: {leftovers:?}"
        );
    }

    /// Asserts that `convert` and `dispositions` succeed, and that the DOCX written reads
    /// back (`minutes flow OUT.docx`). Returns the CSV.
    fn assert_converts(&self) -> String {
        let docx = self.path("OUT.docx");
        let csv = self.path("OUT.csv");
        let output = self.convert(&docx, &[]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "convert {}: {}",
            self.name(),
            stderr(&output)
        );
        let reread = run(self.dir.path(), &["flow".as_ref(), docx.as_os_str()]);
        assert_eq!(
            reread.status.code(),
            Some(0),
            "the DOCX written does not read back: {}",
            stderr(&reread)
        );
        let output = self.dispositions(&csv);
        assert_eq!(
            output.status.code(),
            Some(0),
            "dispositions {}: {}",
            self.name(),
            stderr(&output)
        );
        self.assert_no_temporary_files();
        std::fs::read_to_string(&csv).unwrap_or_default()
    }

    /// For inputs where refusing and accepting are both correct: no panic, no hang, and
    /// either exit 0 with a DOCX that reads back, or a clean refusal.
    fn assert_refused_or_converts(&self, problem: &[&str]) -> Option<String> {
        let docx = self.path("OUT.docx");
        let output = self.convert(&docx, &[]);
        match output.status.code() {
            Some(0) => Some(self.assert_converts()),
            _ => {
                self.assert_refused(problem);
                None
            }
        }
    }
}

/// Exit 1, the file named, the problem named, no panic.
fn assert_failed_cleanly(output: &Output, what: &str, file: &str, problem: &[&str]) {
    let message = stderr(output);
    assert_no_panic(output, what);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{what} on {file}: exit status {:?}; stderr: {message}",
        output.status
    );
    assert!(
        message.contains(file),
        "{what}: the message does not name {file}: {message}"
    );
    let lower = message.to_lowercase();
    assert!(
        problem.iter().any(|p| lower.contains(&p.to_lowercase())),
        "{what} on {file}: the message names none of {problem:?}: {message}"
    );
}

fn assert_no_panic(output: &Output, what: &str) {
    let message = stderr(output);
    assert!(
        output.status.code().is_some(),
        "{what}: killed by a signal (stack overflow?): {:?} {message}",
        output.status
    );
    assert_ne!(output.status.code(), Some(101), "{what}: panicked: {message}");
    assert!(!message.contains("panicked at"), "{what}: panicked: {message}");
}

/// A zip built with the `zip` crate; `deflate` compresses the entries.
fn zip_of(entries: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let method =
        if deflate { CompressionMethod::Deflated } else { CompressionMethod::Stored };
    let options = SimpleFileOptions::default().compression_method(method);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

fn package_rels(target: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{target}"/></Relationships>"#
    )
}

/// A `word/document.xml` whose body is `body`.
fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>"#
    )
}

fn paragraph(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// A top-level heading (`w:outlineLvl` 0) whose text starts with its number.
fn heading(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

/// A body that the recogniser turns into one section with one decision.
fn decided_body() -> String {
    [heading("1 Opening"), paragraph("SEC-2018-0061R04 was AGREED")].concat()
}

/// A minimal DOCX package around `document_xml`.
fn docx_with(document_xml: &[u8]) -> Vec<u8> {
    let rels = package_rels("word/document.xml");
    zip_of(
        &[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", rels.as_bytes()),
            ("word/document.xml", document_xml),
        ],
        true,
    )
}

/// Deterministic pseudo-random bytes (xorshift), never starting like a zip, an OLE file
/// or a JSON object.
fn random_bytes(len: usize, mut seed: u64) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(len);
    while bytes.len() < len {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        bytes.extend_from_slice(&seed.to_le_bytes());
    }
    bytes.truncate(len);
    if let Some(first) = bytes.first_mut() {
        *first = 0x9C;
    }
    bytes
}

fn sample_docx() -> Vec<u8> {
    std::fs::read(project_dir().join("samples/docx/pro-38-f2f.docx")).unwrap()
}

// ---------------------------------------------------------------------------------------
// A zip written by hand: the `zip` crate would deflate a gigabyte slowly in a debug build
// and always writes honest sizes.

/// CRC-32 (IEEE), bitwise: only used on small parts.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

struct RawEntry<'a> {
    name: &'a str,
    /// 0 stored, 8 deflated.
    method: u16,
    crc: u32,
    size: u32,
    data: &'a [u8],
}

impl<'a> RawEntry<'a> {
    fn stored(name: &'a str, data: &'a [u8]) -> RawEntry<'a> {
        RawEntry { name, method: 0, crc: crc32(data), size: data.len() as u32, data }
    }
}

/// A zip archive (no zip64) from entries whose compressed data is given.
fn raw_zip(entries: &[RawEntry<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(&sig.to_le_bytes());
            if central {
                h.extend_from_slice(&20u16.to_le_bytes()); // version made by
            }
            h.extend_from_slice(&20u16.to_le_bytes()); // version needed
            h.extend_from_slice(&0u16.to_le_bytes()); // flags
            h.extend_from_slice(&e.method.to_le_bytes());
            h.extend_from_slice(&0u32.to_le_bytes()); // time, date
            h.extend_from_slice(&e.crc.to_le_bytes());
            h.extend_from_slice(&(e.data.len() as u32).to_le_bytes());
            h.extend_from_slice(&e.size.to_le_bytes());
            h.extend_from_slice(&(e.name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes()); // extra
            if central {
                h.extend_from_slice(&[0; 6]); // comment len, disk, internal attrs
                h.extend_from_slice(&0u32.to_le_bytes()); // external attrs
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(e.name.as_bytes());
            h
        };
        out.extend_from_slice(&header(0x0403_4B50, false));
        out.extend_from_slice(e.data);
        central.extend_from_slice(&header(0x0201_4B50, true));
    }
    let start = out.len() as u64;
    out.extend_from_slice(&central);
    let count = entries.len() as u64;
    if count > 0xFFFF {
        // zip64 end of central directory record and locator (APPNOTE 4.3.14, 4.3.15).
        let record = out.len() as u64;
        out.extend_from_slice(&0x0606_4B50u32.to_le_bytes());
        out.extend_from_slice(&44u64.to_le_bytes());
        out.extend_from_slice(&45u16.to_le_bytes());
        out.extend_from_slice(&45u16.to_le_bytes());
        out.extend_from_slice(&[0; 8]); // disk numbers
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&(central.len() as u64).to_le_bytes());
        out.extend_from_slice(&start.to_le_bytes());
        out.extend_from_slice(&0x0706_4B50u32.to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(&record.to_le_bytes());
        out.extend_from_slice(&1u32.to_le_bytes());
    }
    let short = u16::try_from(count).unwrap_or(u16::MAX);
    out.extend_from_slice(&0x0605_4B50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // disk numbers
    out.extend_from_slice(&short.to_le_bytes());
    out.extend_from_slice(&short.to_le_bytes());
    out.extend_from_slice(
        &u32::try_from(central.len()).unwrap_or(u32::MAX).to_le_bytes(),
    );
    out.extend_from_slice(&u32::try_from(start).unwrap_or(u32::MAX).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// LSB-first bit writer for a deflate stream (RFC 1951 §3.1.1).
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u64, bits: u32) {
        self.acc |= value << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code: sent most significant bit first.
    fn code(&mut self, code: u64, len: u32) {
        for i in (0..len).rev() {
            self.put((code >> i) & 1, 1);
        }
    }

    fn zeros(&mut self, mut bits: u64) {
        while bits > 0 && self.n != 0 {
            self.put(0, 1);
            bits -= 1;
        }
        self.out.resize(self.out.len() + (bits / 8) as usize, 0);
        self.put(0, (bits % 8) as u32);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// A deflate stream inflating to `1 + 258 * matches` zero bytes: one dynamic-Huffman block
/// where the length 258 (symbol 285) and the distance 1 each have a one-bit code `0`, so
/// every 258 zeros cost two zero bits (about 1 MiB of stream per GiB).
fn deflated_zeros(matches: u64) -> Vec<u8> {
    let mut b = Bits { out: Vec::new(), acc: 0, n: 0 };
    b.put(1, 1); // BFINAL
    b.put(2, 2); // BTYPE: dynamic Huffman
    b.put(29, 5); // HLIT: 286 literal/length codes
    b.put(0, 5); // HDIST: 1 distance code
    b.put(14, 4); // HCLEN: 18 code length codes
                  // Code length code lengths in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1:
                  // symbol 18 (run of zeros) gets 1 bit (`0`), symbols 1 and 2 get 2 bits (`10`, `11`).
    for len in [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2] {
        b.put(len, 3);
    }
    // Literal/length lengths: 0 → 2, 1..=255 → 0, 256 → 2, 257..=284 → 0, 285 → 1.
    b.code(0b11, 2); // length 2
    b.code(0, 1);
    b.put(127, 7); // 138 zeros
    b.code(0, 1);
    b.put(106, 7); // 117 zeros
    b.code(0b11, 2); // 256: length 2
    b.code(0, 1);
    b.put(17, 7); // 28 zeros
    b.code(0b10, 2); // 285: length 1
    b.code(0b10, 2); // distance code 0: length 1
                     // Canonical codes: 285 → `0`, literal 0 → `10`, end of block → `11`; distance 0 → `0`.
    b.code(0b10, 2); // the literal zero
    b.zeros(2 * matches); // (258, distance 1) pairs
    b.code(0b11, 2); // end of block
    b.finish()
}

// ---------------------------------------------------------------------------------------
// Inputs that are not drafts at all

// An empty file is not a draft, whatever its name.
#[test]
fn empty_file() {
    for name in ["empty.txt", "empty.docx"] {
        Case::new(name, b"").assert_refused(&["empty"]);
    }
}

// Random bytes named `.docx`: not a zip, and not text either.
#[test]
fn random_bytes_named_docx() {
    Case::new("random.docx", &random_bytes(64 * 1024, 0x2545_F491_4F6C_DD1D))
        .assert_refused(&["not a docx", "not a zip", "binary", "not text"]);
}

// A zip cut in half: the central directory is gone.
#[test]
fn truncated_zip() {
    let bytes = sample_docx();
    for cut in [bytes.len() / 2, bytes.len() - 10, 30] {
        Case::new("truncated.docx", &bytes[..cut]).assert_refused(&[
            "zip",
            "truncated",
            "corrupt",
            "not a docx",
        ]);
    }
}

// An encrypted Word file is an OLE compound file (OOXML-NOTES "Hostile packages").
#[test]
fn password_protected_docx() {
    let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    bytes.extend(random_bytes(4096, 7));
    Case::new("protected.docx", &bytes).assert_refused(&["password-protected"]);
}

// A zip that is not a Word package: no main part anywhere.
#[test]
fn zip_without_document_xml() {
    let rels = package_rels("word/document.xml");
    let bytes = zip_of(
        &[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", rels.as_bytes()),
            ("word/styles.xml", b"<w:styles/>"),
        ],
        true,
    );
    Case::new("nodoc.docx", &bytes).assert_refused(&[
        "word/document.xml",
        "missing",
        "main part",
    ]);
    let bytes = zip_of(&[("hello.txt", b"hello")], false);
    // A zip with no package part at all is named for what it is.
    Case::new("plainzip.docx", &bytes).assert_refused(&["a zip archive, not a word"]);
}

// `_rels/.rels` and `[Content_Types].xml` name a main part that is not in the package.
#[test]
fn relationship_to_missing_main_part() {
    let rels = package_rels("word/elsewhere.xml");
    let types = CONTENT_TYPES.replace("/word/document.xml", "/word/elsewhere.xml");
    let bytes = zip_of(
        &[
            ("[Content_Types].xml", types.as_bytes()),
            ("_rels/.rels", rels.as_bytes()),
            ("word/styles.xml", b"<x/>"),
        ],
        true,
    );
    Case::new("dangling.docx", &bytes).assert_refused(&["elsewhere.xml", "missing"]);
}

// A zip bomb: a 1 MiB file whose main part inflates to 1 GiB of zeros (header honest), and
// the same with a header that claims 1,000 bytes. The reader caps inflation (256 MiB per
// part, 512 MiB in all) while inflating: the run stays bounded in time and memory.
#[test]
fn zip_bomb() {
    let matches = (1u64 << 30) / 258;
    let inflated = 1 + 258 * matches;
    let bomb = deflated_zeros(matches);
    assert!(bomb.len() < 2 << 20, "the bomb is {} bytes", bomb.len());
    let rels = package_rels("word/document.xml");
    for (name, claimed) in [("bomb.docx", inflated as u32), ("liar.docx", 1000)] {
        let bytes = raw_zip(&[
            RawEntry::stored("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            RawEntry::stored("_rels/.rels", rels.as_bytes()),
            // The CRC is not that of the data: a reader that inflates to the end fails
            // on it, but only after a gigabyte; the message must name the limit instead.
            RawEntry {
                name: "word/document.xml",
                method: 8,
                crc: 0,
                size: claimed,
                data: &bomb,
            },
        ]);
        let case = Case::new(name, &bytes);
        let started = Instant::now();
        if claimed == 1000 {
            // Trusting the header stops after 1,000 bytes: a CRC or XML error is fine too.
            case.assert_refused(&[
                "limit",
                "too large",
                "inflates",
                "crc",
                "checksum",
                "malformed",
                "xml",
            ]);
        } else {
            case.assert_refused(&["limit", "too large", "inflates"]);
        }
        assert!(
            started.elapsed() < Duration::from_secs(50),
            "{name}: {:?}",
            started.elapsed()
        );
    }
}

// 100,000 tiny entries: refused on the count, before any is read.
#[test]
fn entry_count_bomb() {
    let names: Vec<String> = (0..100_000).map(|i| format!("x/{i}")).collect();
    let rels = package_rels("word/document.xml");
    let document = document(&decided_body());
    let mut entries = vec![
        RawEntry::stored("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        RawEntry::stored("_rels/.rels", rels.as_bytes()),
        RawEntry::stored("word/document.xml", document.as_bytes()),
    ];
    entries.extend(names.iter().map(|n| RawEntry::stored(n, b"")));
    // More than 65,535 entries: `raw_zip` writes the zip64 end records.
    let bytes = raw_zip(&entries);
    let case = Case::new("entries.docx", &bytes);
    let started = Instant::now();
    case.assert_refused(&["entries"]);
    assert!(started.elapsed() < Duration::from_secs(30), "{:?}", started.elapsed());
}

// ---------------------------------------------------------------------------------------
// XML attacks and malformed XML

// Billion laughs: a DOCTYPE declaring nested entities. DTD entities are never expanded
// (OOXML-NOTES): the draft is refused, or read without the expansion.
#[test]
fn entity_bomb() {
    let mut dtd = String::from(r#"<!ENTITY lol0 "lollollollollollollollollollol">"#);
    for i in 1..10 {
        let refs = format!("&lol{};", i - 1).repeat(10);
        dtd.push_str(&format!(r#"<!ENTITY lol{i} "{refs}">"#));
    }
    let xml = format!(
        r#"<?xml version="1.0"?><!DOCTYPE w:document [{dtd}]><w:document xmlns:w="{W_NS}"><w:body>{}<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>{}</w:body></w:document>"#,
        heading("1 Opening"),
        paragraph("SEC-2018-0061R04 was AGREED"),
    );
    let case = Case::new("laughs.docx", &docx_with(xml.as_bytes()));
    let flow = case.flow();
    assert_no_panic(&flow, "flow");
    assert!(
        flow.stdout.len() < 100_000,
        "entities expanded: {} bytes",
        flow.stdout.len()
    );
    assert!(!String::from_utf8_lossy(&flow.stdout)
        .contains("lollollollollollollollollollollollol"));
    case.assert_refused_or_converts(&["entity", "doctype", "dtd", "xml"]);
}

// An external entity must never be read: a secret file beside the draft stays unseen.
#[test]
fn external_entity_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "TOPSECRET-4242").unwrap();
    for system in
        [format!("file://{}", secret.display()), "file:///etc/passwd".to_string()]
    {
        let xml = format!(
            r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "{system}">]><w:document xmlns:w="{W_NS}"><w:body>{}<w:p><w:r><w:t>SEC-2018-0062 was NOTED &x;</w:t></w:r></w:p></w:body></w:document>"#,
            heading("1 Opening"),
        );
        let case = Case::new("xxe.docx", &docx_with(xml.as_bytes()));
        let flow = case.flow();
        assert_no_panic(&flow, "flow");
        let seen = format!("{}{}", String::from_utf8_lossy(&flow.stdout), stderr(&flow));
        assert!(
            !seen.contains("TOPSECRET") && !seen.contains("root:"),
            "external entity read: {seen}"
        );
        if let Some(csv) =
            case.assert_refused_or_converts(&["entity", "doctype", "dtd", "xml"])
        {
            assert!(!csv.contains("TOPSECRET") && !csv.contains("root:"), "{csv}");
            let docx = std::fs::read(case.path("OUT.docx")).unwrap_or_default();
            let text = minutes::read_flow(&docx)
                .map(|f| minutes::flow::render_flow(&f.output))
                .unwrap_or_default();
            assert!(!text.contains("TOPSECRET") && !text.contains("root:"), "{text}");
        }
    }
}

// Malformed XML in the main part, at the start, the middle and the end: refused with the
// part named.
#[test]
fn malformed_document_xml() {
    let good = document(&decided_body());
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "unclosed-tag",
            good.replace("</w:body></w:document>", "</w:body>").into_bytes(),
        ),
        ("unclosed-start", good.replace("<w:body>", "<w:body").into_bytes()),
        (
            "bad-attribute",
            good.replace(
                "<w:body>",
                "<w:body><w:p w:rsidR=00AB12><w:r><w:t>x</w:t></w:r></w:p>",
            )
            .into_bytes(),
        ),
        (
            "bad-attribute-quote",
            good.replace("<w:body>", r#"<w:body><w:p w:rsidR="00AB12><w:r/></w:p>"#)
                .into_bytes(),
        ),
        (
            "mismatched-end",
            good.replace("</w:t></w:r></w:p></w:body>", "</w:t></w:p></w:r></w:body>")
                .into_bytes(),
        ),
        ("mismatched-middle", good.replacen("</w:t>", "</w:x>", 1).into_bytes()),
        ("garbage-after-root", format!("{good}<w:p>").into_bytes()),
        ("not-xml", b"this is not XML at all".to_vec()),
        ("empty-part", Vec::new()),
        ("invalid-utf8", good.replacen("Opening", "OpMARKERning", 1).into_bytes()),
    ];
    let mut failures: Vec<String> = Vec::new();
    for (name, mut xml) in cases {
        if name == "invalid-utf8" {
            // Bytes that are not UTF-8 inside `w:t`: the XML declaration says UTF-8.
            let at = xml.windows(6).position(|w| w == b"MARKER").unwrap();
            xml.splice(at..at + 6, [0xFF, 0xFE, 0xC3]);
        }
        let case = Case::new(&format!("{name}.docx"), &docx_with(&xml));
        if let Err(panic) = std::panic::catch_unwind(|| {
            case.assert_refused(&[
                "malformed",
                "xml",
                "utf-8",
                "document.xml",
                "encoding",
            ]);
        }) {
            failures.push(format!("{name}: {}", panic_message(&*panic)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// Malformed secondary parts: `styles.xml` is optional (a warning, and the body is read
// without it); a broken `_rels/.rels` or `[Content_Types].xml` may be read around (the
// main part is found by name) or refused, never a panic.
#[test]
fn malformed_secondary_parts() {
    let rels = package_rels("word/document.xml");
    let document = document(&decided_body());
    let doc_rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;
    let styles = zip_of(
        &[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", rels.as_bytes()),
            ("word/_rels/document.xml.rels", doc_rels.as_bytes()),
            ("word/document.xml", document.as_bytes()),
            ("word/styles.xml", b"<w:styles><w:style></w:styles>"),
        ],
        true,
    );
    let case = Case::new("badstyles.docx", &styles);
    let csv = case.assert_converts();
    assert!(csv.contains("SEC-2018-0061R04"), "{csv}");
    let output = case.dispositions(&case.path("again.csv"));
    assert!(
        stderr(&output).contains("styles.xml"),
        "no warning names styles.xml: {}",
        stderr(&output)
    );

    let broken_rels = zip_of(
        &[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", b"<Relationships><Relationship Id=rId1></Relationships>"),
            ("word/document.xml", document.as_bytes()),
        ],
        true,
    );
    Case::new("badrels.docx", &broken_rels).assert_refused_or_converts(&[".rels", "xml"]);
    let broken_types = zip_of(
        &[
            ("[Content_Types].xml", b"<Types><Default Extension=xml></Types>"),
            ("_rels/.rels", rels.as_bytes()),
            ("word/document.xml", document.as_bytes()),
        ],
        true,
    );
    Case::new("badtypes.docx", &broken_types)
        .assert_refused_or_converts(&["content_types", "xml"]);
}

// ---------------------------------------------------------------------------------------
// Depth

/// Asserts no crash (stack overflow aborts with a signal) within the time limit, and a
/// result that is either a clean refusal or a DOCX that reads back.
fn assert_deep_document_survives(name: &str, body: &str) {
    let case = Case::new(name, &docx_with(document(body).as_bytes()));
    let flow = case.flow();
    assert_no_panic(&flow, &format!("flow {name}"));
    case.assert_refused_or_converts(&["depth", "nest", "deep", "limit"]);
}

// 10,000 tables each nested in the previous one's cell (OOXML-NOTES: a recursive descent
// overflows the stack).
#[test]
fn deeply_nested_tables() {
    let depth = 10_000;
    let body = format!(
        "{}{}<w:p><w:r><w:t>deep</w:t></w:r></w:p>{}{}",
        decided_body(),
        "<w:tbl><w:tr><w:tc>".repeat(depth),
        "</w:tc></w:tr></w:tbl>".repeat(depth),
        paragraph("SEC-2018-0062 was NOTED"),
    );
    assert_deep_document_survives("tables.docx", &body);
}

// 100,000 nested elements, unknown ones and ones the reader descends into.
#[test]
fn deeply_nested_elements() {
    let depth = 100_000;
    let mut failures: Vec<String> = Vec::new();
    for (name, open, close) in [
        ("unknown.docx", "<x:a xmlns:x=\"urn:x\">", "</x:a>"),
        ("sdt.docx", "<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"),
        ("hyperlink.docx", "<w:hyperlink>", "</w:hyperlink>"),
        ("ins.docx", "<w:ins>", "</w:ins>"),
    ] {
        let inline = name == "hyperlink.docx" || name == "ins.docx";
        let inner = if inline {
            "<w:r><w:t>deep</w:t></w:r>"
        } else {
            "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
        };
        let nested = format!("{}{inner}{}", open.repeat(depth), close.repeat(depth));
        let body = if inline {
            format!("{}<w:p>{nested}</w:p>", decided_body())
        } else {
            format!("{}{nested}", decided_body())
        };
        if let Err(panic) =
            std::panic::catch_unwind(|| assert_deep_document_survives(name, &body))
        {
            failures.push(panic_message(&*panic));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The message of a caught panic.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------
// Text drafts: encodings and odd bytes

const TEXT_DRAFT: &str = "Minutes\n1\nOpening\nSEC-2018-0061R04 was AGREED\n2\nCaf\u{e9} \u{2013} other business\nSEC-2018-0062 was NOTED\n";

// Not UTF-8 and no BOM: decoded as Windows-1252 and converted.
#[test]
fn windows_1252_text() {
    let bytes: Vec<u8> = TEXT_DRAFT
        .chars()
        .map(|c| match c {
            '\u{e9}' => 0xE9,
            '\u{2013}' => 0x96,
            c => c as u8,
        })
        .collect();
    assert!(std::str::from_utf8(&bytes).is_err());
    let case = Case::new("cp1252.txt", &bytes);
    let csv = case.assert_converts();
    assert!(csv.contains("SEC-2018-0061R04") && csv.contains("SEC-2018-0062"), "{csv}");
    let flow = String::from_utf8_lossy(&case.flow().stdout).into_owned();
    assert!(flow.contains("Caf\u{e9} \u{2013} other business"), "{flow}");
}

// UTF-16 with a BOM, both byte orders.
#[test]
fn utf16_text() {
    for (name, big_endian) in [("le.txt", false), ("be.txt", true)] {
        let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in TEXT_DRAFT.replace('\n', "\r\n").encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        let case = Case::new(name, &bytes);
        let csv = case.assert_converts();
        assert!(
            csv.contains("SEC-2018-0061R04,") && csv.contains("SEC-2018-0062,"),
            "{name}: {csv}"
        );
    }
}

// NUL bytes: stray ones inside a text draft are not written into the DOCX (XML 1.0 has no
// NUL), and a file of nothing but NULs is refused or converted, never a panic.
#[test]
fn nul_bytes() {
    let draft =
        TEXT_DRAFT.replace("Opening", "Open\0ing").replace("was NOTED", "was\0 NOTED\0");
    let case = Case::new("nul.txt", draft.as_bytes());
    case.assert_converts();
    let docx = std::fs::read(case.path("OUT.docx")).unwrap_or_default();
    let loaded = minutes::load(&docx)
        .unwrap_or_else(|e| panic!("the DOCX written does not load: {e}"));
    assert!(!loaded.meeting.to_json().contains("\\u0000"), "a NUL went into the DOCX");
    Case::new("nuls.txt", &vec![0u8; 1 << 20])
        .assert_refused_or_converts(&["empty", "binary", "not text", "nul"]);
}

// A DOCX named `.txt` is sniffed as DOCX and converts.
#[test]
fn docx_named_txt() {
    let case = Case::new("really-a-docx.txt", &sample_docx());
    let csv = case.assert_converts();
    let reference = Case::new("pro-38-f2f.docx", &sample_docx()).assert_converts();
    assert_eq!(csv, reference);
    assert!(csv.lines().count() > 3, "{csv}");
}

// A 200 MB text draft: bounded time (300 s per command in release) and memory (4 GiB of
// resident memory, 8 GiB of address space), measured with `/usr/bin/time -v` around
// `prlimit` and `timeout`; `flow` (the reader alone), then
// `dispositions` and `convert` (reader, recogniser, writer). Heavy on a shared machine,
// hence ignored; it builds and runs the release binary: run with
// `cargo test -p minutes-tests --test integration robustness::huge -- --ignored --nocapture`.
#[test]
#[ignore = "expensive: writes a 200 MB draft and runs minutes on it three times"]
fn huge_text_draft() {
    const LIMIT: u64 = 300;
    let unit =
        std::fs::read_to_string(project_dir().join("samples/pro-38-f2f.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("huge.txt");
    {
        let mut file = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
        let mut written = 0usize;
        let mut i = 0usize;
        while written < 200_000_000 {
            // A section of its own before each copy of the sample, and Tdoc numbers of
            // its own (`PRO-2019-0206` → `PRO-2019-17206`): a real meeting decides many
            // documents, not one document 30,000 times.
            let copy = unit.replace("PRO-2019-0", &format!("PRO-2019-{}", i + 1));
            let chunk = format!("{}\nPart {i}\n{copy}", i + 1000);
            file.write_all(chunk.as_bytes()).unwrap();
            written += chunk.len();
            i += 1;
        }
        file.flush().unwrap();
    }
    // The release binary: this test measures what users run.
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let status = std::process::Command::new(cargo)
        .args(["build", "--release", "--quiet", "-p", "minutes-cli", "--bin", "minutes"])
        .current_dir(project_dir())
        .status()
        .unwrap();
    assert!(status.success(), "cargo build --release failed");
    let binary = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| project_dir().join("target"))
        .join("release/minutes");
    let mut failures = Vec::new();
    for (what, out) in
        [("flow", None), ("dispositions", Some("out.csv")), ("convert", Some("out.docx"))]
    {
        let started = Instant::now();
        let mut command = std::process::Command::new("/usr/bin/time");
        command.arg("-v");
        // Address space capped at 8 GiB, so that a runaway run fails here instead of
        // waking the OOM killer on a shared machine (a 200 MB `convert` once took 21 GiB).
        if Path::new("/usr/bin/prlimit").exists() {
            command.args(["/usr/bin/prlimit", "--as=8589934592"]);
        }
        command
            .args(["timeout", "-s", "KILL", &LIMIT.to_string()])
            .arg(&binary)
            .arg(what);
        if let Some(out) = out {
            command.arg("-q").arg(&input).arg("-o").arg(dir.path().join(out));
        } else {
            command.arg(&input).stdout(std::process::Stdio::null());
        }
        let output = command.output().unwrap();
        let elapsed = started.elapsed();
        let message = stderr(&output);
        let rss_kb: u64 = message
            .lines()
            .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes): "))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0);
        eprintln!(
            "{what} 200 MB: {elapsed:?}, max RSS {} MiB, exit {:?}",
            rss_kb / 1024,
            output.status.code()
        );
        if message.contains("panicked at") || !matches!(output.status.code(), Some(0 | 1))
        {
            failures.push(format!(
                "{what}: exit {:?} after {elapsed:?}: {message}",
                output.status.code()
            ));
        }
        if elapsed >= Duration::from_secs(LIMIT) {
            failures.push(format!("{what}: not done in {LIMIT} s"));
        }
        if rss_kb >= 4 << 20 {
            failures.push(format!("{what}: max RSS {} MiB", rss_kb / 1024));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// An existing output that is not a regular file (a FIFO here; `/dev/null` in real life)
// is written through or refused, never replaced by a rename: run as root, replacing
// `-o /dev/null` with a regular file breaks the machine.
#[test]
fn output_to_a_fifo_keeps_the_fifo() {
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let case = text_case();
    let fifo = case.path("out.csv");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success());
    // Hold the read end open (O_NONBLOCK: 0o4000 on Linux) so that a writer does not block;
    // the CSV is far smaller than the pipe buffer.
    let _reader =
        std::fs::OpenOptions::new().read(true).custom_flags(0o4000).open(&fifo).unwrap();
    let output = case.dispositions(&fifo);
    assert_no_panic(&output, "dispositions -o FIFO");
    let still_fifo = std::fs::symlink_metadata(&fifo)
        .map(|m| m.file_type().is_fifo())
        .unwrap_or(false);
    assert!(
        still_fifo,
        "the FIFO was replaced by a regular file (exit {:?})",
        output.status.code()
    );
    case.assert_no_temporary_files();
}

// ---------------------------------------------------------------------------------------
// Output paths

fn text_case() -> Case {
    Case::new("draft.txt", TEXT_DRAFT.as_bytes())
}

// The output directory does not exist: exit 1, nothing created.
#[test]
fn output_directory_missing() {
    let case = text_case();
    for (what, out) in
        [("convert", "missing/OUT.docx"), ("dispositions", "missing/OUT.csv")]
    {
        let out = case.path(out);
        let output = case.write(what, &out);
        assert_failed_cleanly(
            &output,
            what,
            "OUT",
            &["does not exist", "no such", "directory"],
        );
        assert!(!out.exists() && !case.path("missing").exists());
    }
}

// A read-only output directory: tests run as root here, and `chmod a-w` does not stop
// root, so the unwritable directory is a path under a regular FILE (`file.txt/OUT.docx`),
// which fails for every user (ENOTDIR).
#[test]
fn output_directory_is_a_file() {
    let case = text_case();
    std::fs::write(case.path("file.txt"), b"a file").unwrap();
    for (what, out) in
        [("convert", "file.txt/OUT.docx"), ("dispositions", "file.txt/OUT.csv")]
    {
        let out = case.path(out);
        let output = case.write(what, &out);
        assert_failed_cleanly(
            &output,
            what,
            "OUT",
            &["does not exist", "not a directory", "cannot write"],
        );
    }
    assert_eq!(std::fs::read(case.path("file.txt")).unwrap(), b"a file");
    case.assert_no_temporary_files();
}

// `-o` naming the input (directly, by another spelling, or through a symlink) is refused
// and the input is untouched.
#[test]
fn output_is_the_input() {
    let case = text_case();
    std::fs::create_dir(case.path("sub")).unwrap();
    std::os::unix::fs::symlink(&case.input, case.path("link.txt")).unwrap();
    let spellings =
        [case.input.clone(), case.path("sub/../draft.txt"), case.path("link.txt")];
    for out in &spellings {
        for what in ["convert", "dispositions"] {
            let output = case.write(what, out);
            assert_failed_cleanly(&output, what, "draft.txt", &["input"]);
            assert_eq!(
                std::fs::read_to_string(&case.input).unwrap(),
                TEXT_DRAFT,
                "{what} -o {}",
                out.display()
            );
        }
    }
    assert!(std::fs::symlink_metadata(case.path("link.txt"))
        .map(|m| m.file_type().is_symlink())
        .unwrap_or(false));
}

// ---------------------------------------------------------------------------------------
// Templates

// `--template notes.txt`: not a Word document.
#[test]
fn template_not_a_word_document() {
    let case = text_case();
    std::fs::write(case.path("notes.txt"), "just some notes\n").unwrap();
    std::fs::write(case.path("random.docx"), random_bytes(10_000, 99)).unwrap();
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.extend(random_bytes(1000, 3));
    std::fs::write(case.path("locked.dotx"), ole).unwrap();
    for template in ["notes.txt", "random.docx", "locked.dotx", "absent.docx"] {
        let out = case.path("OUT.docx");
        let output =
            case.convert(&out, &["--template", case.path(template).to_str().unwrap()]);
        assert_failed_cleanly(
            &output,
            "convert --template",
            template,
            &[
                "not a docx",
                "not a zip",
                "template",
                "password-protected",
                "no such file",
            ],
        );
        assert!(!out.exists());
    }
    case.assert_no_temporary_files();
}

/// A Word document with no cover table (the oneM2M labels are missing).
fn coverless_template() -> Vec<u8> {
    docx_with(
        document(&[paragraph("Our minutes"), paragraph("oneM2M Notice")].concat())
            .as_bytes(),
    )
}

// A template without a cover table is any Word document: filled, its content kept, the
// cover written as label lines after it (tests/templates.rs checks the filling).
#[test]
fn template_without_cover_table() {
    let case = text_case();
    std::fs::write(case.path("plain.docx"), coverless_template()).unwrap();
    let out = case.path("OUT.docx");
    let output =
        case.convert(&out, &["--template", case.path("plain.docx").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(out.exists());
    case.assert_no_temporary_files();
}

// A failed conversion leaves an existing output file exactly as it was.
#[test]
fn atomic_output() {
    let case = text_case();
    let known = b"known bytes, not a docx".to_vec();
    let out = case.path("OUT.docx");
    let csv = case.path("OUT.csv");
    std::fs::write(case.path("broken.docx"), &sample_docx()[..1000]).unwrap();
    std::fs::write(&out, &known).unwrap();
    std::fs::write(&csv, &known).unwrap();
    // The writer fails (template), then the reader fails (input).
    let output =
        case.convert(&out, &["--template", case.path("broken.docx").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let broken =
        Case { dir: tempfile::tempdir().unwrap(), input: case.path("broken.docx") };
    for output in [broken.convert(&out, &[]), broken.dispositions(&csv)] {
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    }
    assert_eq!(std::fs::read(&out).unwrap(), known);
    assert_eq!(std::fs::read(&csv).unwrap(), known);
    case.assert_no_temporary_files();
}

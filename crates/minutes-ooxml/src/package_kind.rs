//! What kind of zip package a file is, from the names of its entries.

use std::io::Cursor;

/// The kind of a zip package, as far as its entry names tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PackageKind {
    /// A WordprocessingML package (`word/…`), or a zip too damaged to list: the DOCX
    /// reader says what is wrong with it.
    Word,
    /// A SpreadsheetML workbook (`xl/workbook.xml`) without a Word part.
    Workbook,
    /// A PresentationML package (`ppt/…`).
    Presentation,
    /// An OpenDocument file (`mimetype` names it): `.odt`, `.ods`, `.odp`.
    OpenDocument,
    /// A zip archive of other files.
    Archive,
}

/// Classifies a zip package by its entry names (case-insensitively, as OPC part names).
pub fn package_kind(bytes: &[u8]) -> PackageKind {
    let Ok(archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return PackageKind::Word;
    };
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|name| name.ok())
        .map(|name| name.to_ascii_lowercase())
        .collect();
    let has = |name: &str| names.iter().any(|n| n == name);
    let under = |prefix: &str| names.iter().any(|n| n.starts_with(prefix));
    if under("word/") {
        PackageKind::Word
    } else if has("xl/workbook.xml") {
        PackageKind::Workbook
    } else if under("ppt/") {
        PackageKind::Presentation
    } else if has("mimetype") && has("content.xml") {
        PackageKind::OpenDocument
    } else if has("[content_types].xml") || has("_rels/.rels") || names.is_empty() {
        // An OPC package whose main part has another name: the DOCX reader follows
        // `_rels/.rels` and reports what it finds.
        PackageKind::Word
    } else {
        PackageKind::Archive
    }
}

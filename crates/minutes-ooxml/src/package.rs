//! An OPC package (zip) opened from bytes, with limits against hostile input.

use std::{
    collections::HashMap,
    io::{Cursor, Read},
};

use zip::ZipArchive;

use crate::{
    rels::{is_rel_type, percent_decode, rel_types},
    stream::{Entry, PartStream},
    ContentTypes, Error, ErrorKind, Relationships, Result,
};

/// The content type of a WordprocessingML main part, document or template.
const MAIN_CONTENT_TYPES: [&str; 4] = [
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
];

/// Limits that keep a hostile package from exhausting memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The most bytes one part may inflate to. The default is 256 MiB.
    pub max_part_size: u64,
    /// The most bytes all parts read together may inflate to. The default is 512 MiB.
    pub max_total_size: u64,
    /// The most entries the zip may hold. The default is 10,000.
    pub max_entries: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_part_size: 256 << 20,
            max_total_size: 512 << 20,
            max_entries: 10_000,
        }
    }
}

/// An OPC package opened from bytes.
pub struct Package<'a> {
    bytes: &'a [u8],
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Normalised part name (no leading `/`, `%XX` decoded, lower-cased) to zip index: OPC
    /// part names compare case-insensitively, and producers differ on whether a zip item
    /// name keeps the escapes of its part name.
    index: HashMap<String, usize>,
    limits: Limits,
    inflated: u64,
    /// Relationships parsed so far, by source part.
    rels: HashMap<String, Relationships>,
}

impl std::fmt::Debug for Package<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Package").field("parts", &self.index.len()).finish()
    }
}

impl<'a> Package<'a> {
    /// Opens a package. Fails with [`ErrorKind::Encrypted`] for OLE compound files
    /// (password-protected Word files and legacy `.doc`), [`ErrorKind::NotZip`] for
    /// anything else that is not a zip, [`ErrorKind::TooManyEntries`] past the limit.
    pub fn open(bytes: &'a [u8], limits: Limits) -> Result<Package<'a>> {
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(ErrorKind::Encrypted.into());
        }
        let archive = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| Error::new(ErrorKind::NotZip { message: e.to_string() }))?;
        if archive.len() > limits.max_entries {
            return Err(ErrorKind::TooManyEntries {
                count: archive.len(),
                limit: limits.max_entries,
            }
            .into());
        }
        let mut index = HashMap::with_capacity(archive.len());
        for i in 0..archive.len() {
            if let Some(Ok(name)) = archive.name_for_index(i) {
                let key = part_key(&name);
                index.entry(key).or_insert(i);
            }
        }
        Ok(Package { bytes, archive, index, limits, inflated: 0, rels: HashMap::new() })
    }

    /// Returns true if and only if the package holds a part of this name.
    pub fn has_part(&self, name: &str) -> bool {
        self.index.contains_key(&part_key(name))
    }

    /// The name of part `name` as the zip stores it (its case and escapes), when the
    /// package has it: `Word/Document.xml` for `word/document.xml`.
    pub fn stored_name(&self, name: &str) -> Option<String> {
        let &i = self.index.get(&part_key(name))?;
        self.archive.name_for_index(i).and_then(|n| n.ok()).map(|n| n.into_owned())
    }

    /// The part names, as stored in the zip (directories included).
    pub fn part_names(&self) -> Vec<String> {
        self.archive.file_names().filter_map(|n| n.ok().map(|n| n.into_owned())).collect()
    }

    /// Reads a part, or `None` when the package has no such part. The size limits are
    /// enforced while inflating, not trusted from the zip header.
    pub fn read_part(&mut self, name: &str) -> Result<Option<Vec<u8>>> {
        let Some(&i) = self.index.get(&part_key(name)) else {
            return Ok(None);
        };
        let zip_err = |e: &dyn std::fmt::Display| {
            Error::new(ErrorKind::Zip { part: name.to_string(), message: e.to_string() })
        };
        let file = self.archive.by_index(i).map_err(|e| zip_err(&e))?;
        let remaining = self.limits.max_total_size.saturating_sub(self.inflated);
        let limit = self.limits.max_part_size.min(remaining);
        let too_large = || {
            Error::new(ErrorKind::TooLarge {
                part: name.to_string(),
                limit: if limit == self.limits.max_part_size {
                    self.limits.max_part_size
                } else {
                    self.limits.max_total_size
                },
            })
        };
        // A header that admits too much is believed at once; one that claims little is
        // not trusted: the cap holds while inflating.
        if file.size() > limit {
            return Err(too_large());
        }
        let hint = file.size().min(limit).min(64 << 20);
        let mut out = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
        file.take(limit.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| zip_err(&e))?;
        let len = out.len() as u64;
        if len > limit {
            return Err(too_large());
        }
        self.inflated += len;
        Ok(Some(out))
    }

    /// A part to inflate on demand, or `None` when the package has no such part. Fails
    /// for entries neither stored nor deflated, encrypted ones, and sizes past the limit;
    /// a caller can then fall back to [`Package::read_part`] for its error. What the
    /// stream inflates is not counted towards the package's total.
    pub fn part_stream(&mut self, name: &str) -> Result<Option<PartStream<'a>>> {
        let Some(&i) = self.index.get(&part_key(name)) else {
            return Ok(None);
        };
        let zip_err = |message: String| {
            Error::new(ErrorKind::Zip { part: name.to_string(), message })
        };
        let file = self.archive.by_index_raw(i).map_err(|e| zip_err(e.to_string()))?;
        let deflated = match file.compression() {
            zip::CompressionMethod::Stored => false,
            zip::CompressionMethod::Deflated => true,
            other => return Err(zip_err(format!("cannot stream {other:?} entries"))),
        };
        if file.encrypted() {
            return Err(zip_err("encrypted entry".to_string()));
        }
        let limit = self
            .limits
            .max_part_size
            .min(self.limits.max_total_size.saturating_sub(self.inflated));
        if file.size() > limit {
            return Err(Error::new(ErrorKind::TooLarge {
                part: name.to_string(),
                limit,
            }));
        }
        let start = file.data_start().and_then(|s| usize::try_from(s).ok());
        let len = usize::try_from(file.compressed_size()).ok();
        let data = start
            .zip(len)
            .and_then(|(start, len)| self.bytes.get(start..start.checked_add(len)?))
            .ok_or_else(|| zip_err("entry data out of bounds".to_string()))?;
        Ok(Some(PartStream::new(Entry {
            part: name.to_string(),
            data,
            deflated,
            size: file.size(),
            crc: file.crc32(),
            limit,
        })))
    }

    /// Reads a part that must exist.
    pub fn require_part(&mut self, name: &str) -> Result<Vec<u8>> {
        self.read_part(name)?
            .ok_or_else(|| Error::new(ErrorKind::MissingPart { part: name.to_string() }))
    }

    /// The relationships of a part (`""` for the package), empty when it has none.
    pub fn relationships(&mut self, part: &str) -> Result<Relationships> {
        if let Some(rels) = self.rels.get(part) {
            return Ok(rels.clone());
        }
        let rels_name = crate::part_rels_name(part);
        let rels = match self.read_part(&rels_name)? {
            Some(bytes) => Relationships::parse(&bytes, &rels_name)?,
            None => Relationships::default(),
        };
        self.rels.insert(part.to_string(), rels.clone());
        Ok(rels)
    }

    /// The content types of the package, empty when `[Content_Types].xml` is missing.
    pub fn content_types(&mut self) -> Result<ContentTypes> {
        match self.read_part("[Content_Types].xml")? {
            Some(bytes) => ContentTypes::parse(&bytes),
            None => Ok(ContentTypes::default()),
        }
    }

    /// The name of the main document part: the target of the package's `officeDocument`
    /// relationship (Transitional or Strict), else the part whose content type is a
    /// WordprocessingML main part, else `word/document.xml`; as the zip stores the name.
    pub fn main_part(&mut self) -> Result<String> {
        let rels = self.relationships("")?;
        let mut named = None;
        for rel in rels.iter() {
            if is_rel_type(&rel.rel_type, rel_types::OFFICE_DOCUMENT) && !rel.external {
                let name = rel.resolved("");
                if let Some(stored) = self.stored_name(&name) {
                    return Ok(stored);
                }
                named.get_or_insert(name);
            }
        }
        let types = self.content_types()?;
        for content_type in MAIN_CONTENT_TYPES {
            if let Some(name) = types.part_with_type(content_type) {
                if let Some(stored) = self.stored_name(name) {
                    return Ok(stored);
                }
            }
        }
        if let Some(stored) = self.stored_name("word/document.xml") {
            return Ok(stored);
        }
        // Name the part the package asked for, when it asked for one.
        let part = named.unwrap_or_else(|| "word/document.xml".to_string());
        Err(ErrorKind::MissingPart { part }.into())
    }

    /// The first internal part related to `part` by a relationship whose type ends with
    /// `/type_suffix` (e.g. `styles`, `numbering`), when it exists in the package; its name
    /// as resolved from the target, not necessarily as the zip stores it.
    pub fn related_part(
        &mut self,
        part: &str,
        type_suffix: &str,
    ) -> Result<Option<String>> {
        let rels = self.relationships(part)?;
        for rel in rels.iter() {
            if is_rel_type(&rel.rel_type, type_suffix) && !rel.external {
                let name = rel.resolved(part);
                if self.has_part(&name) {
                    return Ok(Some(name));
                }
            }
        }
        Ok(None)
    }
}

/// A part name as a key that compares as OPC part names do: no leading `/`, `\` as `/`,
/// `%XX` decoded, lower-case (ECMA-376 Part 2 §6.2.2.3: part names are equivalent
/// case-insensitively).
pub fn part_key(name: &str) -> String {
    let name = name.trim_start_matches(['/', '\\']);
    if !name.contains(['\\', '%']) {
        return name.to_lowercase();
    }
    percent_decode(&name.replace('\\', "/")).to_lowercase()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]

    use std::io::Write;

    use zip::{write::SimpleFileOptions, ZipWriter};

    use super::*;

    fn zip_parts(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in parts {
            writer.start_file(*name, SimpleFileOptions::default()).unwrap();
            writer.write_all(data).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    // An OLE compound file is reported as encrypted or legacy, not as a corrupt zip.
    #[test]
    fn ole_is_encrypted() {
        let err = Package::open(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1], Limits::default())
            .unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Encrypted);
        assert!(err.to_string().contains("password-protected or legacy .doc"));
    }

    // Garbage is not a zip.
    #[test]
    fn garbage_is_not_zip() {
        let err = Package::open(b"hello", Limits::default()).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::NotZip { .. }));
    }

    // The main part is found through the officeDocument relationship, absolute target.
    #[test]
    fn main_part_through_rels() {
        let rels = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#;
        let bytes = zip_parts(&[("_rels/.rels", rels), ("word/document2.xml", b"<x/>")]);
        let mut package = Package::open(&bytes, Limits::default()).unwrap();
        assert_eq!(package.main_part().unwrap(), "word/document2.xml");
    }

    // A main part named by the relationship but absent is the part reported missing.
    #[test]
    fn dangling_main_part_is_named() {
        let rels = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/elsewhere.xml"/></Relationships>"#;
        let bytes = zip_parts(&[("_rels/.rels", rels)]);
        let mut package = Package::open(&bytes, Limits::default()).unwrap();
        let err = package.main_part().unwrap_err();
        assert_eq!(err.to_string(), "missing part `word/elsewhere.xml`");
    }

    // Part names compare case-insensitively and with `%XX` decoded; the stored name is
    // the zip's.
    #[test]
    fn part_names_normalised() {
        let bytes =
            zip_parts(&[("Word/My%20Doc.xml", b"<x/>"), ("word/a b.xml", b"<y/>")]);
        let package = Package::open(&bytes, Limits::default()).unwrap();
        assert_eq!(
            package.stored_name("word/my doc.xml").as_deref(),
            Some("Word/My%20Doc.xml")
        );
        assert_eq!(
            package.stored_name("/WORD/A%20B.XML").as_deref(),
            Some("word/a b.xml")
        );
        assert!(package.stored_name("word/c.xml").is_none());
    }

    // A Strict officeDocument relationship names the main part.
    #[test]
    fn strict_main_part() {
        let rels = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="word/Main.xml"/></Relationships>"#;
        let bytes = zip_parts(&[("_rels/.rels", rels), ("word/main.xml", b"<x/>")]);
        let mut package = Package::open(&bytes, Limits::default()).unwrap();
        assert_eq!(package.main_part().unwrap(), "word/main.xml");
    }

    // The size cap is enforced while inflating.
    #[test]
    fn part_size_cap() {
        let big = vec![b'a'; 10_000];
        let bytes = zip_parts(&[("a.xml", &big)]);
        let limits = Limits { max_part_size: 100, ..Limits::default() };
        let mut package = Package::open(&bytes, limits).unwrap();
        let err = package.read_part("a.xml").unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::TooLarge { .. }), "{err}");
        assert!(err.to_string().contains("a.xml"));
    }

    // The entry count is capped.
    #[test]
    fn entry_cap() {
        let bytes = zip_parts(&[("a", b""), ("b", b""), ("c", b"")]);
        let limits = Limits { max_entries: 2, ..Limits::default() };
        let err = Package::open(&bytes, limits).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::TooManyEntries { count: 3, .. }));
    }
}

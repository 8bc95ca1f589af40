//! Relationship parts (`_rels/*.rels`, ECMA-376 Part 2, Open Packaging Conventions) and
//! part-name resolution.

use quick_xml::{events::Event, Reader};

use crate::{Error, Result};

/// Relationship types, as Transitional packages write them. Strict packages write
/// `http://purl.oclc.org/ooxml/officeDocument/relationships/...` for the same ones: match a
/// type with [`is_rel_type`], which compares the last segment only.
pub mod rel_types {
    /// The main document part, from the package.
    pub const OFFICE_DOCUMENT: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    /// The core properties part, from the package.
    pub const CORE_PROPERTIES: &str =
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    /// The numbering part, from the main part.
    pub const NUMBERING: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
    /// The styles part, from the main part.
    pub const STYLES: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
}

/// The namespace of relationship parts (the same in Transitional and Strict packages).
pub const RELS_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// Returns true if and only if relationship type `found` is `wanted` (one of
/// [`rel_types`], or any type URI): the last segments compare, case-insensitively, so
/// that Strict and Transitional types match alike.
pub fn is_rel_type(found: &str, wanted: &str) -> bool {
    fn last_segment(uri: &str) -> &str {
        uri.rsplit('/').next().unwrap_or(uri)
    }
    let found = last_segment(found);
    !found.is_empty() && found.eq_ignore_ascii_case(last_segment(wanted))
}

/// One relationship of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relationship {
    /// The `Id` attribute, e.g. `rId1`.
    pub id: String,
    /// The `Type` attribute, a URI.
    pub rel_type: String,
    /// The `Target` attribute as written.
    pub target: String,
    /// Returns true if and only if `TargetMode="External"`.
    pub external: bool,
}

impl Relationship {
    /// The target as a part name, resolved against the source part (`""` for the
    /// package relationships).
    pub fn resolved(&self, source_part: &str) -> String {
        resolve_target(source_part, &self.target)
    }
}

/// The relationships of one part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Relationships {
    rels: Vec<Relationship>,
}

impl Relationships {
    /// Parses a `.rels` part; `part` names it in errors.
    pub fn parse(bytes: &[u8], part: &str) -> Result<Relationships> {
        let mut reader = Reader::from_reader(bytes);
        let mut rels = Vec::new();
        loop {
            let event = reader
                .read_event()
                .map_err(|e| Error::xml(part, reader.error_position(), e))?;
            match event {
                Event::Start(e) | Event::Empty(e)
                    if e.local_name().as_ref() == b"Relationship" =>
                {
                    let mut rel = Relationship {
                        id: String::new(),
                        rel_type: String::new(),
                        target: String::new(),
                        external: false,
                    };
                    for attr in e.attributes().with_checks(false).flatten() {
                        let value =
                            attr.unescape_value().map(|v| v.into_owned()).unwrap_or_else(
                                |_| String::from_utf8_lossy(&attr.value).into(),
                            );
                        match attr.key.local_name().as_ref() {
                            b"Id" => rel.id = value,
                            b"Type" => rel.rel_type = value,
                            b"Target" => rel.target = value,
                            b"TargetMode" => {
                                rel.external = value.eq_ignore_ascii_case("external")
                            }
                            _ => {}
                        }
                    }
                    rels.push(rel);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(Relationships { rels })
    }

    /// The relationships in document order.
    pub fn iter(&self) -> impl Iterator<Item = &Relationship> {
        self.rels.iter()
    }

    /// The relationship with this id.
    pub fn get(&self, id: &str) -> Option<&Relationship> {
        self.rels.iter().find(|r| r.id == id)
    }
}

/// The name of the relationships part of `part`: `word/document.xml` →
/// `word/_rels/document.xml.rels`; `""` (the package) → `_rels/.rels`.
pub fn part_rels_name(part: &str) -> String {
    let part = part.trim_start_matches('/');
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// Resolves a relationship target against its source part (ECMA-376 Part 2):
/// absolute targets start at the package root, relative ones at the source part's folder;
/// `.` and `..` segments are resolved, `%XX` escapes decoded, a `#fragment` dropped. The
/// result has no leading `/`.
pub fn resolve_target(source_part: &str, target: &str) -> String {
    let target = target.split('#').next().unwrap_or_default().replace('\\', "/");
    let mut segments: Vec<String> = Vec::new();
    if !target.starts_with('/') {
        let source = source_part.trim_start_matches('/');
        if let Some((dir, _)) = source.rsplit_once('/') {
            segments.extend(dir.split('/').filter(|s| !s.is_empty()).map(str::to_string));
        }
    }
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(percent_decode(s)),
        }
    }
    segments.join("/")
}

/// The folder of a part, with its trailing slash: `word/document.xml` → `word/`; `""`
/// for a part at the root.
pub fn part_dir(part: &str) -> &str {
    match part.rfind('/') {
        Some(at) => part.get(..=at).unwrap_or_default(),
        None => "",
    }
}

/// `%XX` escapes of a part name segment decoded (ECMA-376 Part 2 §6.2.2.2: part names are
/// IRIs, written percent-encoded in relationship targets).
pub(crate) fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]

    use super::*;

    // Targets resolve relative to the source part's folder, or from the root.
    #[test]
    fn resolves_targets() {
        assert_eq!(resolve_target("", "word/document.xml"), "word/document.xml");
        assert_eq!(resolve_target("", "/word/document.xml"), "word/document.xml");
        assert_eq!(resolve_target("word/document.xml", "styles.xml"), "word/styles.xml");
        assert_eq!(
            resolve_target("word/document.xml", "../customXml/a.xml"),
            "customXml/a.xml"
        );
        assert_eq!(
            resolve_target("word/document.xml", "/word/my%20file.xml"),
            "word/my file.xml"
        );
        assert_eq!(resolve_target("", "./word/x.xml"), "word/x.xml");
    }

    // The rels part of a part sits in a `_rels` folder beside it.
    #[test]
    fn rels_names() {
        assert_eq!(part_rels_name(""), "_rels/.rels");
        assert_eq!(part_rels_name("word/document.xml"), "word/_rels/document.xml.rels");
        assert_eq!(part_rels_name("/document.xml"), "_rels/document.xml.rels");
        assert_eq!(part_dir("word/document.xml"), "word/");
        assert_eq!(part_dir("document.xml"), "");
    }

    // Strict and Transitional types match by their last segment.
    #[test]
    fn matches_strict_types() {
        let strict =
            "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";
        assert!(is_rel_type(strict, rel_types::OFFICE_DOCUMENT));
        assert!(is_rel_type(rel_types::STYLES, rel_types::STYLES));
        assert!(!is_rel_type(rel_types::STYLES, rel_types::NUMBERING));
        assert!(!is_rel_type("", ""));
    }

    // Attributes are read by local name, whatever the prefix.
    #[test]
    fn parses_rels() {
        let xml = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://x/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://x/hyperlink" Target="http://a?b&amp;c" TargetMode="External"/></Relationships>"#;
        let rels = Relationships::parse(xml, "word/_rels/document.xml.rels").unwrap();
        assert_eq!(rels.iter().count(), 2);
        let link = rels.get("rId2").unwrap();
        assert!(link.external);
        assert_eq!(link.target, "http://a?b&c");
    }
}

//! Template packages: the built-in template (parts embedded at build time from
//! `templates/onem2m-minutes/`) or a user's `.docx`/`.dotx`, and the package plumbing the
//! writer needs (part names, reading parts with size caps, relationships).

use std::borrow::Cow;
use std::io::{Cursor, Read};
use std::sync::{Arc, OnceLock};

use zip::ZipArchive;

use super::parts::Parts;
use super::xml::{self, Element, XmlDoc};
use crate::{Error, Result};

include!(concat!(env!("OUT_DIR"), "/builtin_template.rs"));

/// Largest part the writer inflates (zip-bomb guard); larger parts are copied raw.
const MAX_PART_SIZE: u64 = 64 * 1024 * 1024;
/// Most entries a template package may have.
const MAX_ENTRIES: usize = 10_000;

/// Relationship type of the main document part.
pub(crate) const REL_OFFICE_DOCUMENT: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
/// Relationship type of the core properties part.
pub(crate) const REL_CORE: &str =
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
/// Relationship type of the numbering part.
pub(crate) const REL_NUMBERING: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
/// Relationship type of the styles part.
pub(crate) const REL_STYLES: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
/// Namespace of relationship parts.
pub(crate) const RELS_NS: &str =
    "http://schemas.openxmlformats.org/package/2006/relationships";

/// A template package (the built-in default or a user's `.docx`/`.dotx`).
///
/// A template is filled, not replaced: every part of it is copied into the output
/// byte-for-byte except the few the writer must rewrite (the main document part, the
/// numbering part, relationships, content types and core properties).
///
/// The parts the writer reads are parsed once, on first use, and shared by the clones of
/// a template: write many documents with one template rather than loading it again.
#[derive(Clone)]
pub struct Template {
    source: Source,
    parts: Arc<OnceLock<Parts>>,
}

impl std::fmt::Debug for Template {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.source {
            Source::Builtin => f.write_str("Template(builtin)"),
            Source::Package(bytes) => write!(f, "Template({} bytes)", bytes.len()),
        }
    }
}

#[derive(Clone)]
pub(crate) enum Source {
    /// The parts embedded in the binary.
    Builtin,
    /// A zip package.
    Package(Vec<u8>),
}

impl Source {
    /// The zip package whose entries are copied raw into the output: the user's, or the
    /// built-in parts deflated at build time.
    pub(crate) fn package(&self) -> &[u8] {
        match self {
            Source::Builtin => BUILTIN_PACKAGE,
            Source::Package(bytes) => bytes,
        }
    }
}

/// Builder methods
impl Template {
    /// The built-in oneM2M minutes template: title "Minutes", the cover table, the
    /// "oneM2M Notice", numbered heading styles, contribution and action-item table styles.
    pub fn builtin() -> Template {
        Template { source: Source::Builtin, parts: Arc::default() }
    }

    /// A user's template package (`.docx` or `.dotx`). Fails when the bytes are not a
    /// WordprocessingML package with a readable main document part, or when its body has
    /// no cover table (a table whose cells read `Chair:`, `Meeting Date:`, …).
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Template> {
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(Error::template(
                "the file is a password-protected or legacy .doc file, not a .docx package",
            ));
        }
        let template = Template { source: Source::Package(bytes), parts: Arc::default() };
        let parts = template.parts()?;
        let body = parts.document.root.first_w("body");
        if !body.is_some_and(super::cover::has_cover_table) {
            return Err(super::cover::no_cover_table());
        }
        Ok(template)
    }

    /// Returns true if and only if this is the built-in template.
    pub fn is_builtin(&self) -> bool {
        matches!(self.source, Source::Builtin)
    }
}

/// Package access
impl Template {
    pub(crate) fn source(&self) -> &Source {
        &self.source
    }

    /// The parsed parts, read on first use.
    pub(crate) fn parts(&self) -> Result<&Parts> {
        if let Some(parts) = self.parts.get() {
            return Ok(parts);
        }
        let parts = Parts::read(self)?;
        Ok(self.parts.get_or_init(|| parts))
    }

    fn archive(bytes: &[u8]) -> Result<ZipArchive<Cursor<&[u8]>>> {
        let archive = ZipArchive::new(Cursor::new(bytes))
            .map_err(|err| Error::template(format!("not a zip package: {err}")))?;
        if archive.len() > MAX_ENTRIES {
            return Err(Error::template(format!("too many entries ({})", archive.len())));
        }
        Ok(archive)
    }

    /// The part names of the package, in package order.
    pub(crate) fn names(&self) -> Result<Vec<String>> {
        match &self.source {
            Source::Builtin => {
                Ok(BUILTIN_PARTS.iter().map(|(name, _)| (*name).to_string()).collect())
            }
            Source::Package(bytes) => {
                let mut archive = Template::archive(bytes)?;
                let mut names = Vec::with_capacity(archive.len());
                for index in 0..archive.len() {
                    let file = archive.by_index_raw(index).map_err(|err| {
                        Error::template(format!("unreadable entry: {err}"))
                    })?;
                    let name = file.name().map_err(|err| {
                        Error::template(format!("bad entry name: {err}"))
                    })?;
                    names.push(name.into_owned());
                }
                Ok(names)
            }
        }
    }

    /// Part `name` (no leading slash) parsed into a tree, or `None` when the package lacks
    /// it. Trees of the built-in template borrow their text from the program.
    pub(crate) fn read_xml(&self, name: &str) -> Result<Option<XmlDoc>> {
        match self.read_part(name)? {
            Some(Cow::Borrowed(bytes)) => Ok(Some(xml::parse_static(bytes, name)?)),
            Some(Cow::Owned(bytes)) => Ok(Some(xml::parse(&bytes, name)?)),
            None => Ok(None),
        }
    }

    /// The bytes of part `name` (no leading slash), or `None` when the package lacks it.
    pub(crate) fn read_part(&self, name: &str) -> Result<Option<Cow<'static, [u8]>>> {
        match &self.source {
            Source::Builtin => Ok(BUILTIN_PARTS
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, bytes)| Cow::Borrowed(*bytes))),
            Source::Package(bytes) => {
                let mut archive = Template::archive(bytes)?;
                let Some(index) = archive.index_for_name(name) else { return Ok(None) };
                let file = archive.by_index(index).map_err(|err| {
                    Error::template(format!("cannot read `{name}`: {err}"))
                })?;
                if file.size() > MAX_PART_SIZE {
                    return Err(Error::template(format!("part `{name}` is too large")));
                }
                let mut out = Vec::new();
                file.take(MAX_PART_SIZE + 1).read_to_end(&mut out).map_err(|err| {
                    Error::template(format!("cannot read `{name}`: {err}"))
                })?;
                if out.len() as u64 > MAX_PART_SIZE {
                    return Err(Error::template(format!("part `{name}` is too large")));
                }
                Ok(Some(Cow::Owned(out)))
            }
        }
    }
}

/// The target of the first internal relationship of type `rel_type` in a rels tree.
pub(crate) fn relationship_target(rels: &Element, rel_type: &str) -> Option<String> {
    rels.elements()
        .filter(|e| e.local() == "Relationship")
        .filter(|e| !matches!(e.get("TargetMode").as_deref(), Some("External")))
        .find(|e| e.get("Type").as_deref() == Some(rel_type))
        .and_then(|e| e.get("Target"))
}

/// Resolves a relationship target against the folder of its source part (`word/` for
/// `word/document.xml`, empty for the package): `styles.xml` → `word/styles.xml`,
/// `/word/x.xml` → `word/x.xml`, `../customXml/item1.xml` → `customXml/item1.xml`.
pub(crate) fn resolve_target(base_dir: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("{base_dir}{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for segment in joined.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// The folder of a part, with its trailing slash: `word/document.xml` → `word/`.
pub(crate) fn part_dir(part: &str) -> String {
    match part.rfind('/') {
        Some(at) => part.get(..=at).unwrap_or_default().to_string(),
        None => String::new(),
    }
}

/// The relationships part of a part: `word/document.xml` → `word/_rels/document.xml.rels`.
pub(crate) fn rels_name(part: &str) -> String {
    let dir = part_dir(part);
    let file = part.get(dir.len()..).unwrap_or(part);
    format!("{dir}_rels/{file}.rels")
}

/// A new relationship id unused in `rels`: `rIdN` above every numeric one.
pub(crate) fn new_relationship_id(rels: &Element) -> String {
    let max = rels
        .elements()
        .filter_map(|e| e.get("Id"))
        .filter_map(|id| id.strip_prefix("rId").and_then(|n| n.parse::<u64>().ok()))
        .max()
        .unwrap_or(0);
    format!("rId{}", max + 1)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn resolves_targets() {
        assert_eq!(resolve_target("word/", "styles.xml"), "word/styles.xml");
        assert_eq!(resolve_target("word/", "/word/x.xml"), "word/x.xml");
        assert_eq!(
            resolve_target("word/", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(resolve_target("", "word/document.xml"), "word/document.xml");
        assert_eq!(rels_name("word/document.xml"), "word/_rels/document.xml.rels");
        assert_eq!(rels_name("doc.xml"), "_rels/doc.xml.rels");
    }

    #[test]
    fn builtin_has_its_parts() {
        let template = Template::builtin();
        let names = template.names().unwrap();
        assert_eq!(names.first().map(String::as_str), Some("[Content_Types].xml"));
        assert_eq!(template.parts().unwrap().main, "word/document.xml");
        assert!(names.iter().any(|n| n == "word/theme/theme1.xml"));
    }

    // The built-in parts parse to the same trees borrowed as copied, and borrowed trees
    // allocate nothing for their names, values and text (but text joined around an
    // entity reference).
    #[test]
    fn builtin_trees_borrow_their_text() {
        fn all_borrowed(e: &Element) -> bool {
            matches!(e.name, Cow::Borrowed(_))
                && e.attrs.iter().all(|(k, v)| {
                    matches!(k, Cow::Borrowed(_)) && matches!(v, Cow::Borrowed(_))
                })
                && e.children.iter().all(|child| match child {
                    xml::Node::Element(e) => all_borrowed(e),
                    xml::Node::Text(text) => {
                        matches!(text, Cow::Borrowed(_)) || text.contains('&')
                    }
                    xml::Node::Raw(_) => true,
                })
        }
        let xml_parts = BUILTIN_PARTS
            .iter()
            .filter(|(n, _)| n.ends_with(".xml") || n.ends_with(".rels"));
        for (name, bytes) in xml_parts {
            let borrowed = xml::parse_static(bytes, name).unwrap();
            let copied = xml::parse(bytes, name).unwrap();
            assert_eq!(borrowed.root, copied.root, "{name}");
            assert_eq!(borrowed.prolog, copied.prolog, "{name}");
            assert_eq!(xml::serialize(&borrowed), xml::serialize(&copied), "{name}");
            assert!(all_borrowed(&borrowed.root), "{name}");
        }
    }

    #[test]
    fn rejects_non_packages() {
        assert!(Template::from_bytes(b"hello".to_vec()).is_err());
        let ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0, 0];
        let err = Template::from_bytes(ole).unwrap_err().to_string();
        assert!(err.contains("legacy .doc"), "{err}");
    }
}

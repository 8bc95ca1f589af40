//! Template packages: the built-in template (zipped at build time from
//! `templates/onem2m-minutes/`) or a user's `.docx`/`.dotx`, read through
//! `minutes_ooxml` (one package layer for reader and writer).

use std::sync::{Arc, OnceLock};

use minutes_ooxml::{Limits, Package};

use super::parts::Parts;
use crate::{Error, Result};

include!(concat!(env!("OUT_DIR"), "/builtin_template.rs"));

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
            Source::Builtin(Builtin::OneM2m) => f.write_str("Template(builtin)"),
            Source::Builtin(Builtin::Plain) => f.write_str("Template(plain)"),
            Source::Package(bytes) => write!(f, "Template({} bytes)", bytes.len()),
        }
    }
}

/// The templates embedded in the binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Builtin {
    /// `templates/onem2m-minutes/`, the default.
    OneM2m,
    /// `templates/plain/`, without oneM2M branding.
    Plain,
}

impl Builtin {
    /// The parts, `[Content_Types].xml` first: inflated from the embedded package on first
    /// use, so that the program holds each template once (the package the writer copies
    /// entries from) and trees parsed from a part can borrow its text for the whole run.
    fn parts(self) -> &'static [(String, Vec<u8>)] {
        static ONEM2M: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
        static PLAIN: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
        let parts = match self {
            Builtin::OneM2m => &ONEM2M,
            Builtin::Plain => &PLAIN,
        };
        parts.get_or_init(|| inflate(self.package()))
    }

    /// The part names, in package order, from the package's directory alone: listing
    /// them inflates nothing (natively the XML parts come packed, see [`Builtin::trees`]).
    fn names(self) -> &'static [String] {
        static ONEM2M: OnceLock<Vec<String>> = OnceLock::new();
        static PLAIN: OnceLock<Vec<String>> = OnceLock::new();
        let names = match self {
            Builtin::OneM2m => &ONEM2M,
            Builtin::Plain => &PLAIN,
        };
        names.get_or_init(|| {
            Package::open(self.package(), Limits::default())
                .map(|package| package.part_names())
                .unwrap_or_default()
        })
    }

    fn package(self) -> &'static [u8] {
        match self {
            Builtin::OneM2m => BUILTIN_PACKAGE,
            Builtin::Plain => PLAIN_PACKAGE,
        }
    }

    /// The XML parts parsed at build time (none in the browser's module).
    fn trees(self) -> &'static [(&'static str, &'static [u8])] {
        match self {
            Builtin::OneM2m => BUILTIN_TREES,
            Builtin::Plain => PLAIN_TREES,
        }
    }
}

/// Every part of a package written by `build.rs`, in package order. The packages are
/// tested to inflate; a part that did not would be missing, which the writer reports.
fn inflate(package: &[u8]) -> Vec<(String, Vec<u8>)> {
    let Ok(mut package) = Package::open(package, Limits::default()) else {
        return Vec::new();
    };
    let names = package.part_names();
    names
        .into_iter()
        .filter_map(|name| {
            let bytes = package.read_part(&name).ok().flatten()?;
            Some((name, bytes))
        })
        .collect()
}

#[derive(Clone)]
pub(crate) enum Source {
    /// The parts embedded in the binary.
    Builtin(Builtin),
    /// A zip package.
    Package(Vec<u8>),
}

impl Source {
    /// The zip package whose entries are copied raw into the output: the user's, or the
    /// built-in parts deflated at build time.
    pub(crate) fn package(&self) -> &[u8] {
        match self {
            Source::Builtin(builtin) => builtin.package(),
            Source::Package(bytes) => bytes,
        }
    }

    /// Returns true if and only if the parts are embedded in the program.
    pub(crate) fn is_embedded(&self) -> bool {
        matches!(self, Source::Builtin(_))
    }

    /// The names of the embedded parts, in package order (none for a user's template).
    pub(crate) fn embedded_names(&self) -> Vec<String> {
        match self {
            Source::Builtin(builtin) => builtin.names().to_vec(),
            Source::Package(_) => Vec::new(),
        }
    }

    /// A built-in XML part parsed at build time, packed (`xml_tree::unpack_static`
    /// reads it); `None` for a user's template.
    pub(crate) fn packed_tree(&self, name: &str) -> Option<&'static [u8]> {
        match self {
            Source::Builtin(builtin) => {
                builtin.trees().iter().find(|(n, _)| *n == name).map(|(_, bytes)| *bytes)
            }
            Source::Package(_) => None,
        }
    }

    /// Returns true if and only if `name` is a part of the built-in template.
    pub(crate) fn has_embedded(&self, name: &str) -> bool {
        match self {
            Source::Builtin(builtin) => builtin.names().iter().any(|n| n == name),
            Source::Package(_) => false,
        }
    }

    /// The text of a built-in part, embedded in the program: trees parsed from it borrow
    /// their strings. `None` for a user's template.
    pub(crate) fn embedded(&self, name: &str) -> Option<&'static [u8]> {
        match self {
            Source::Builtin(builtin) => builtin
                .parts()
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, bytes)| bytes.as_slice()),
            Source::Package(_) => None,
        }
    }
}

/// Builder methods
impl Template {
    /// The built-in oneM2M minutes template: title "Minutes", the cover table, the
    /// "oneM2M Notice", numbered heading styles, contribution and action-item table styles.
    pub fn builtin() -> Template {
        Template { source: Source::Builtin(Builtin::OneM2m), parts: Arc::default() }
    }

    /// The built-in plain template: the styles and numbering of the oneM2M one, without
    /// its branding (header, footer, cover table, notice); the cover values go to
    /// `{{title}}`-style markers and the minutes to its `{{body}}` paragraph.
    pub fn plain() -> Template {
        Template { source: Source::Builtin(Builtin::Plain), parts: Arc::default() }
    }

    /// A built-in template by name: `onem2m` (the default) or `plain`.
    pub fn named(name: &str) -> Option<Template> {
        match name.trim().to_lowercase().as_str() {
            "onem2m" | "default" => Some(Template::builtin()),
            "plain" => Some(Template::plain()),
            _ => None,
        }
    }

    /// A user's template package (`.docx` or `.dotx`): any Word document. Its oneM2M
    /// cover table (a table whose cells read `Chair:`, `Meeting Date:`, …) is filled when
    /// it has one; otherwise its content controls and `{{title}}`-style markers take the
    /// cover, and its `{{body}}` paragraph (else its end) the minutes. Fails when the
    /// bytes are not a WordprocessingML package with a readable main document part.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Template> {
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(Error::template(
                "the file is a password-protected or legacy .doc file, not a .docx package",
            ));
        }
        let template = Template { source: Source::Package(bytes), parts: Arc::default() };
        template.parts()?;
        Ok(template)
    }

    /// Returns true if and only if this is a built-in template.
    pub fn is_builtin(&self) -> bool {
        matches!(self.source, Source::Builtin(_))
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
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use std::borrow::Cow;

    use super::super::xml::{self, Element};
    use super::*;

    #[test]
    fn builtin_has_its_parts() {
        let template = Template::builtin();
        let names = &template.parts().unwrap().names;
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
            .chain(PLAIN_PARTS)
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

    // The trees packed at build time are the trees the parts parse to, and every XML
    // part has one: the output cannot tell which the writer used.
    #[test]
    fn packed_trees_are_the_parsed_trees() {
        for (parts, trees) in [(BUILTIN_PARTS, BUILTIN_TREES), (PLAIN_PARTS, PLAIN_TREES)]
        {
            let xml =
                parts.iter().filter(|(n, _)| n.ends_with(".xml") || n.ends_with(".rels"));
            assert_eq!(xml.clone().count(), trees.len());
            for (name, bytes) in xml {
                let (_, packed) = trees.iter().find(|(n, _)| n == name).unwrap();
                let unpacked = xml::unpack_static(packed, name).unwrap();
                let parsed = xml::parse_static(bytes, name).unwrap();
                assert_eq!(unpacked.root, parsed.root, "{name}");
                assert_eq!(unpacked.prolog, parsed.prolog, "{name}");
                assert_eq!(xml::serialize(&unpacked), xml::serialize(&parsed), "{name}");
            }
        }
    }

    #[test]
    fn rejects_non_packages() {
        assert!(Template::from_bytes(b"hello".to_vec()).is_err());
        let ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0, 0];
        let err = Template::from_bytes(ole).unwrap_err().to_string();
        assert!(err.contains("legacy .doc"), "{err}");
    }

    // The parts inflated from the embedded packages are the template files, in order.
    #[test]
    fn embedded_packages_hold_the_template_files() {
        for (builtin, files) in
            [(Builtin::OneM2m, BUILTIN_PARTS), (Builtin::Plain, PLAIN_PARTS)]
        {
            let parts: Vec<(&str, &[u8])> =
                builtin.parts().iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
            assert_eq!(parts, files.to_vec(), "{builtin:?}");
        }
    }
}

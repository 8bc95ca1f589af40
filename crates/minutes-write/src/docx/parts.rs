//! The template parts every write needs (part names, main document, relationships,
//! styles, numbering, content types, core properties), read and parsed once per
//! [`Template`] through one opening of its package, and shared by every write with it:
//! `minutes batch` parses its template once, not once a draft.

use std::{borrow::Cow, collections::HashMap};

use minutes_ooxml::{
    edit, part_dir, part_key, part_rels_name, rel_types, resolve_target, Limits, Package,
};

use super::styles::Styles;
use super::template::Template;
use super::xml::{self, XmlDoc};
use crate::{Error, Result};

/// The parsed parts of a template. Part names are as the package stores them.
#[derive(Debug)]
pub(crate) struct Parts {
    /// The part names, in package order.
    pub names: Vec<String>,
    /// Normalised part name (see [`part_key`]) to the name as stored.
    stored: HashMap<String, String>,
    /// The main document part (`word/document.xml`).
    pub main: String,
    /// The folder of the main part, `word/`.
    pub main_dir: String,
    /// The relationships part of the main part, and its tree (empty when absent).
    pub main_rels_name: String,
    pub main_rels: XmlDoc,
    /// The styles, by name.
    pub styles: Styles,
    /// The numbering part, when the main part has one, and its tree when present.
    pub numbering_part: Option<String>,
    pub numbering: Option<XmlDoc>,
    /// The main part's tree: a `w:document` with a `w:body`.
    pub document: XmlDoc,
    /// The index of the `w:body` among the children of the main part's root.
    pub body: usize,
    /// The package relationships part, and its tree.
    pub package_rels_name: String,
    pub package_rels: XmlDoc,
    /// `[Content_Types].xml`, and its tree.
    pub content_types_name: String,
    pub content_types: XmlDoc,
    /// The core properties part the package relationships name, and its tree when
    /// present.
    pub core_part: Option<String>,
    pub core: Option<XmlDoc>,
}

/// The package of a template, opened once while its parts are read; a built-in
/// template's parts are embedded in the program, canonically named, and read without
/// opening its package.
struct Reader<'t> {
    template: &'t Template,
    package: Option<Package<'t>>,
}

impl Reader<'_> {
    /// The bytes of part `name`, or `None` when the package lacks it.
    fn read(&mut self, name: &str) -> Result<Option<Cow<'static, [u8]>>> {
        if let Some(bytes) = self.template.source().embedded(name) {
            return Ok(Some(Cow::Borrowed(bytes)));
        }
        let Some(package) = self.package.as_mut() else { return Ok(None) };
        Ok(package.read_part(name).map_err(template_error)?.map(Cow::Owned))
    }

    /// Part `name` parsed into a tree, or `None` when the package lacks it. Trees of the
    /// built-in template were parsed at build time and borrow their text from the program.
    fn read_xml(&mut self, name: &str) -> Result<Option<XmlDoc>> {
        if let Some(packed) = self.template.source().packed_tree(name) {
            return Ok(Some(xml::unpack_static(packed, name).map_err(template_error)?));
        }
        match self.read(name)? {
            Some(Cow::Borrowed(bytes)) => {
                Ok(Some(xml::parse_static(bytes, name).map_err(template_error)?))
            }
            Some(Cow::Owned(bytes)) => {
                Ok(Some(xml::parse(&bytes, name).map_err(template_error)?))
            }
            None => Ok(None),
        }
    }

    /// The name of part `name` as stored, when the package has it.
    fn stored_name(&self, name: &str) -> Option<String> {
        match &self.package {
            Some(package) => package.stored_name(name),
            None => self.template.source().has_embedded(name).then(|| name.to_string()),
        }
    }

    /// The name of part `name` as stored, or `name` when the package lacks it.
    fn stored(&self, name: String) -> String {
        self.stored_name(&name).unwrap_or(name)
    }

    /// The part names, in package order.
    fn names(&self) -> Vec<String> {
        match &self.package {
            Some(package) => package.part_names(),
            None => self.template.source().embedded_names(),
        }
    }

    /// The main part where the package relationships do not name it.
    fn main_part(&mut self) -> Result<String> {
        match self.package.as_mut() {
            Some(package) => package.main_part().map_err(template_error),
            None => Err(Error::template("the package has no main document relationship")),
        }
    }
}

/// A package error of the template.
pub(crate) fn template_error(err: minutes_ooxml::Error) -> Error {
    Error::template(err.to_string())
}

impl Parts {
    /// Reads and parses the parts of `template`.
    pub(crate) fn read(template: &Template) -> Result<Parts> {
        let package = if template.source().is_embedded() {
            None
        } else {
            let bytes = template.source().package();
            Some(Package::open(bytes, Limits::default()).map_err(template_error)?)
        };
        let mut reader = Reader { template, package };
        let names = reader.names();
        let stored = names.iter().map(|n| (part_key(n), n.clone())).collect();
        let package_rels_name = reader.stored(part_rels_name(""));
        let package_rels = reader
            .read_xml(&package_rels_name)?
            .ok_or_else(|| Error::template("the package has no `_rels/.rels`"))?;
        // The main part as the relationships tree just parsed names it; the package
        // finds it where they do not (content types, the usual name).
        let named_main =
            edit::relationship_target(&package_rels.root, rel_types::OFFICE_DOCUMENT)
                .and_then(|target| reader.stored_name(&resolve_target("", &target)));
        let main = match named_main {
            Some(main) => main,
            None => reader.main_part()?,
        };
        let main_dir = part_dir(&main).to_string();

        // Main part relationships: styles and numbering parts.
        let main_rels_name = reader.stored(part_rels_name(&main));
        let main_rels =
            reader.read_xml(&main_rels_name)?.unwrap_or_else(edit::empty_rels);
        let target_of = |reader: &Reader<'_>, rels: &XmlDoc, source: &str, rel_type| {
            edit::relationship_target(&rels.root, rel_type)
                .map(|t| reader.stored(resolve_target(source, &t)))
        };
        let styles = match target_of(&reader, &main_rels, &main, rel_types::STYLES) {
            Some(part) => match reader.read_xml(&part)? {
                Some(tree) => Styles::from_tree(&tree),
                None => Styles::default(),
            },
            None => Styles::default(),
        };
        let numbering_part = target_of(&reader, &main_rels, &main, rel_types::NUMBERING);
        let numbering = match &numbering_part {
            Some(part) => reader.read_xml(part)?,
            None => None,
        };
        let core_part = target_of(&reader, &package_rels, "", rel_types::CORE_PROPERTIES);
        let core = match &core_part {
            Some(part) => reader.read_xml(part)?,
            None => None,
        };

        let document = reader.read_xml(&main)?.ok_or_else(|| {
            Error::template(format!("the main document part `{main}` is missing"))
        })?;
        if !document.root.is_w("document") {
            return Err(Error::template(format!(
                "`{main}` is not a WordprocessingML document"
            )));
        }
        let body = document
            .root
            .children
            .iter()
            .position(|n| matches!(n, xml::Node::Element(e) if e.is_w("body")))
            .ok_or_else(|| Error::template(format!("`{main}` has no body")))?;
        let content_types_name = reader.stored("[Content_Types].xml".to_string());
        let content_types = reader
            .read_xml(&content_types_name)?
            .ok_or_else(|| Error::template("the package has no `[Content_Types].xml`"))?;
        Ok(Parts {
            names,
            stored,
            main,
            main_dir,
            main_rels_name,
            main_rels,
            styles,
            numbering_part,
            numbering,
            document,
            body,
            package_rels_name,
            package_rels,
            content_types_name,
            content_types,
            core_part,
            core,
        })
    }

    /// Returns true if and only if the template has part `name` (compared as OPC part
    /// names: case-insensitively, escapes decoded).
    pub(crate) fn has(&self, name: &str) -> bool {
        self.stored.contains_key(&part_key(name))
    }
}

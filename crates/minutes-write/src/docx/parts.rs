//! The template parts every write needs (part names, main document, relationships,
//! styles, numbering, content types), read and parsed once per [`Template`] and shared
//! by every write with it: `minutes batch` parses its template once, not once a draft.

use super::package;
use super::styles::Styles;
use super::template::{self, part_dir, rels_name, resolve_target, Template};
use super::xml::{self, XmlDoc};
use crate::{Error, Result};

/// The parsed parts of a template.
#[derive(Debug)]
pub(crate) struct Parts {
    /// The part names, in package order.
    pub names: Vec<String>,
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
    /// The package relationships.
    pub package_rels: XmlDoc,
    /// `[Content_Types].xml`.
    pub content_types: XmlDoc,
}

impl Parts {
    /// Reads and parses the parts of `template`.
    pub(crate) fn read(template: &Template) -> Result<Parts> {
        let read_xml = |name: &str| template.read_xml(name);
        let names = template.names()?;
        let package_rels = read_xml("_rels/.rels")?
            .ok_or_else(|| Error::template("the package has no `_rels/.rels`"))?;
        let main = main_part(&package_rels, &names)?;
        let main_dir = part_dir(&main);

        // Main part relationships: styles and numbering parts.
        let main_rels_name = rels_name(&main);
        let main_rels = read_xml(&main_rels_name)?.unwrap_or_else(package::empty_rels);
        let target_of = |rel_type: &str| {
            template::relationship_target(&main_rels.root, rel_type)
                .map(|t| resolve_target(&main_dir, &t))
        };
        let styles = match target_of(template::REL_STYLES) {
            Some(part) => match template.read_part(&part)? {
                Some(bytes) => Styles::parse(&bytes, &part)?,
                None => Styles::default(),
            },
            None => Styles::default(),
        };
        let numbering_part = target_of(template::REL_NUMBERING);
        let numbering = match &numbering_part {
            Some(part) => read_xml(part)?,
            None => None,
        };

        let document = read_xml(&main)?.ok_or_else(|| {
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
        let content_types = read_xml("[Content_Types].xml")?
            .ok_or_else(|| Error::template("the package has no `[Content_Types].xml`"))?;
        Ok(Parts {
            names,
            main,
            main_dir,
            main_rels_name,
            main_rels,
            styles,
            numbering_part,
            numbering,
            document,
            body,
            package_rels,
            content_types,
        })
    }
}

/// The main document part, found through the package relationships.
pub(crate) fn main_part(package_rels: &XmlDoc, names: &[String]) -> Result<String> {
    let target =
        template::relationship_target(&package_rels.root, template::REL_OFFICE_DOCUMENT)
            .ok_or_else(|| {
                Error::template("the package has no main document relationship")
            })?;
    let name = resolve_target("", &target);
    if names.contains(&name) {
        Ok(name)
    } else {
        Err(Error::template(format!("the main document part `{name}` is missing")))
    }
}

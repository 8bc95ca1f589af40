//! Writing the output package: every template entry copied byte-for-byte (zip raw copy)
//! except the rewritten parts, then the added parts; plus the edits of the package's
//! bookkeeping parts (`[Content_Types].xml`, relationships, `docProps/core.xml`).

use std::collections::BTreeMap;
use std::io::{Cursor, Seek, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use super::template::Template;
use super::xml::{self, Element, Node, XmlDoc};
use crate::{Error, Result};

/// Content type of the main part of a document.
pub(crate) const DOCUMENT_MAIN: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
/// Content type of the main part of a template (`.dotx`).
const TEMPLATE_MAIN: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
/// Content type of a numbering part.
pub(crate) const NUMBERING: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";
/// Content type of the core properties part.
pub(crate) const CORE: &str =
    "application/vnd.openxmlformats-package.core-properties+xml";
const CT_NS: &str = "http://schemas.openxmlformats.org/package/2006/content-types";

/// Rewritten parts smaller than this (in bytes) are stored, not deflated.
const STORE_BELOW: usize = 4096;

/// The parts of the output that differ from the template: name → bytes. Names present in
/// the template replace its entry in place; the others are appended.
pub(crate) type Rewrites = BTreeMap<String, Vec<u8>>;

/// Writes the output package into `out`: the template's entries in package order, each
/// copied raw (still deflated) unless rewritten, the main part `main` written by
/// `write_main` straight into its entry, then the added parts.
pub(crate) fn write_package<W: Write + Seek>(
    template: &Template,
    names: &[String],
    rewrites: &Rewrites,
    main: &str,
    write_main: impl FnOnce(&mut dyn Write) -> Result<()>,
    out: W,
) -> Result<W> {
    let zip_err = |err: zip::result::ZipError| {
        Error::other(format!("cannot write the DOCX package: {err}"))
    };
    // The fastest level: a third of the writer's time went into deflating at the default
    // level, for parts some 20% smaller.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(DateTime::default());
    // Deflating a small part saves a few hundred bytes and costs a compressor set-up
    // (some 300 KiB to allocate and clear) or reset: as much as deflating the main part.
    let options_for = |bytes: &[u8]| {
        if bytes.len() < STORE_BELOW {
            options.compression_method(CompressionMethod::Stored).compression_level(None)
        } else {
            options
        }
    };
    let mut writer = ZipWriter::new(out);
    let mut archive = ZipArchive::new(Cursor::new(template.source().package()))
        .map_err(|err| Error::template(format!("not a zip package: {err}")))?;
    let mut write_main = Some(write_main);
    for name in names {
        if name == main {
            if let Some(write_main) = write_main.take() {
                writer.start_file(name.as_str(), options).map_err(zip_err)?;
                write_main(&mut writer)?;
            }
            continue;
        }
        if let Some(bytes) = rewrites.get(name) {
            writer.start_file(name.as_str(), options_for(bytes)).map_err(zip_err)?;
            writer.write_all(bytes)?;
            continue;
        }
        let Some(index) = archive.index_for_name(name) else { continue };
        let file = archive
            .by_index_raw(index)
            .map_err(|err| Error::template(format!("cannot copy `{name}`: {err}")))?;
        writer.raw_copy_file(file).map_err(zip_err)?;
    }
    for (name, bytes) in rewrites {
        if !names.iter().any(|n| n == name) {
            writer.start_file(name.as_str(), options_for(bytes)).map_err(zip_err)?;
            writer.write_all(bytes)?;
        }
    }
    writer.finish().map_err(zip_err)
}

/// `[Content_Types].xml` with the main part typed as a document (not a template) and an
/// `Override` for each of `added` (part name, content type) it lacks. Returns true if and
/// only if anything changed.
pub(crate) fn content_types(
    doc: &mut XmlDoc,
    main: &str,
    added: &[(String, &str)],
) -> bool {
    let mut changed = false;
    let main_name = format!("/{main}");
    for e in doc.root.elements_mut().filter(|e| e.local() == "Override") {
        if e.get("PartName").is_some_and(|p| p.eq_ignore_ascii_case(&main_name))
            && e.get("ContentType").as_deref() == Some(TEMPLATE_MAIN)
        {
            e.set("ContentType", DOCUMENT_MAIN);
            changed = true;
        }
    }
    let prefix =
        doc.root.name.split_once(':').map(|(p, _)| p.to_string()).unwrap_or_default();
    for (part, content_type) in added {
        let name = format!("/{part}");
        let present = doc.root.elements().any(|e| {
            e.local() == "Override"
                && e.get("PartName").is_some_and(|p| p.eq_ignore_ascii_case(&name))
        });
        if !present {
            let element = Element::new(CT_NS, &xml::qname(&prefix, "Override"))
                .attr("PartName", &name)
                .attr("ContentType", content_type);
            doc.root.children.push(Node::Element(element));
            changed = true;
        }
    }
    changed
}

/// Adds a relationship of `rel_type` to `target` unless one exists; returns true if and
/// only if it was added.
pub(crate) fn add_relationship(rels: &mut XmlDoc, rel_type: &str, target: &str) -> bool {
    if super::template::relationship_target(&rels.root, rel_type).is_some() {
        return false;
    }
    let id = super::template::new_relationship_id(&rels.root);
    let prefix =
        rels.root.name.split_once(':').map(|(p, _)| p.to_string()).unwrap_or_default();
    let element =
        Element::new(super::template::RELS_NS, &xml::qname(&prefix, "Relationship"))
            .attr("Id", &id)
            .attr("Type", rel_type)
            .attr("Target", target);
    rels.root.children.push(Node::Element(element));
    true
}

/// An empty relationships part.
pub(crate) fn empty_rels() -> XmlDoc {
    XmlDoc {
        prolog: "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            .to_string(),
        root: Element::new(super::template::RELS_NS, "Relationships")
            .attr("xmlns", super::template::RELS_NS),
    }
}

const CP_NS: &str =
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
const DC_NS: &str = "http://purl.org/dc/elements/1.1/";
const DCTERMS_NS: &str = "http://purl.org/dc/terms/";
const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// A new, empty core properties part.
pub(crate) fn empty_core() -> XmlDoc {
    XmlDoc {
        prolog: "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            .to_string(),
        root: Element::new(CP_NS, "cp:coreProperties").attr("xmlns:cp", CP_NS),
    }
}

/// Sets the title and, when given, the creation and modification times (W3CDTF) of a
/// core properties part.
pub(crate) fn core_properties(
    doc: &mut XmlDoc,
    title: Option<&str>,
    timestamp: Option<&str>,
) {
    let dc = xml::ensure_prefix(&mut doc.root, DC_NS, "dc");
    let dcterms = xml::ensure_prefix(&mut doc.root, DCTERMS_NS, "dcterms");
    if let Some(title) = title {
        set_property(&mut doc.root, DC_NS, &dc, "title", title, None);
    }
    if let Some(timestamp) = timestamp {
        let xsi = xml::ensure_prefix(&mut doc.root, XSI_NS, "xsi");
        let kind = (format!("{xsi}:type"), format!("{dcterms}:W3CDTF"));
        set_property(
            &mut doc.root,
            DCTERMS_NS,
            &dcterms,
            "created",
            timestamp,
            Some(&kind),
        );
        set_property(
            &mut doc.root,
            DCTERMS_NS,
            &dcterms,
            "modified",
            timestamp,
            Some(&kind),
        );
    }
}

fn set_property(
    root: &mut Element,
    ns: &'static str,
    prefix: &str,
    local: &str,
    value: &str,
    attr: Option<&(String, String)>,
) {
    if !root.elements().any(|e| e.is(ns, local)) {
        root.children.push(Node::Element(Element::new(ns, &xml::qname(prefix, local))));
    }
    let Some(element) = root.elements_mut().find(|e| e.is(ns, local)) else { return };
    if let Some((name, val)) = attr {
        element.set(name, val);
    }
    element.children = vec![Node::Text(xml::escape(value).into())];
}

/// Formats seconds since the Unix epoch as a W3CDTF UTC timestamp.
pub(crate) fn w3cdtf(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    // Civil from days (proleptic Gregorian), after H. Hinnant's public-domain algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn formats_timestamps() {
        assert_eq!(w3cdtf(0), "1970-01-01T00:00:00Z");
        assert_eq!(w3cdtf(1_431_820_800), "2015-05-17T00:00:00Z");
        assert_eq!(w3cdtf(951_782_400 + 3661), "2000-02-29T01:01:01Z");
    }

    #[test]
    fn switches_template_content_type() {
        let text = format!(
            r#"<Types xmlns="{CT_NS}"><Override PartName="/word/document.xml" ContentType="{TEMPLATE_MAIN}"/></Types>"#
        );
        let mut doc = xml::parse(text.as_bytes(), "ct").unwrap();
        content_types(
            &mut doc,
            "word/document.xml",
            &[("word/numbering.xml".to_string(), NUMBERING)],
        );
        let out = xml::serialize(&doc);
        assert!(out.contains(DOCUMENT_MAIN) && !out.contains(TEMPLATE_MAIN), "{out}");
        assert!(out.contains(r#"<Override PartName="/word/numbering.xml""#), "{out}");
    }
}

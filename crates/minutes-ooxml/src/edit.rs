//! Editing a package's bookkeeping parts as [`crate::xml_tree`] trees: relationships,
//! `[Content_Types].xml` and the core properties (`docProps/core.xml`).

use crate::{
    rels::{is_rel_type, RELS_NS},
    xml_tree::{self, Element, Node, XmlDoc},
};

/// Content type of the main part of a document.
pub const DOCUMENT_MAIN: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
/// Content type of the main part of a template (`.dotx`).
pub const TEMPLATE_MAIN: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
/// Content type of a numbering part.
pub const NUMBERING: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";
/// Content type of the core properties part.
pub const CORE: &str = "application/vnd.openxmlformats-package.core-properties+xml";
const CT_NS: &str = "http://schemas.openxmlformats.org/package/2006/content-types";
const CP_NS: &str =
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
const DC_NS: &str = "http://purl.org/dc/elements/1.1/";
const DCTERMS_NS: &str = "http://purl.org/dc/terms/";
const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// The XML declaration of the parts created here.
const PROLOG: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The target, as written, of the first internal relationship of a relationships tree
/// whose type is `rel_type` (Transitional or Strict, see [`is_rel_type`]).
pub fn relationship_target(rels: &Element, rel_type: &str) -> Option<String> {
    rels.elements()
        .filter(|e| e.local() == "Relationship")
        .filter(|e| !matches!(e.get("TargetMode").as_deref(), Some("External")))
        .find(|e| e.get("Type").is_some_and(|t| is_rel_type(&t, rel_type)))
        .and_then(|e| e.get("Target"))
}

/// A new relationship id unused in a relationships tree: `rIdN` above every numeric one.
pub fn new_relationship_id(rels: &Element) -> String {
    let max = rels
        .elements()
        .filter_map(|e| e.get("Id"))
        .filter_map(|id| id.strip_prefix("rId").and_then(|n| n.parse::<u64>().ok()))
        .max()
        .unwrap_or(0);
    format!("rId{}", max + 1)
}

/// The Transitional and Strict prefixes of the office document relationship types.
const TRANSITIONAL_TYPES: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const STRICT_TYPES: &str = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

/// Adds a relationship of `rel_type` to `target` unless one of that type exists; returns
/// true if and only if it was added. In a part whose relationships use Strict types, the
/// added one does too.
pub fn add_relationship(rels: &mut XmlDoc, rel_type: &str, target: &str) -> bool {
    if relationship_target(&rels.root, rel_type).is_some() {
        return false;
    }
    let strict = rels
        .root
        .elements()
        .filter_map(|e| e.get("Type"))
        .any(|t| t.starts_with(STRICT_TYPES));
    let rel_type = match rel_type.strip_prefix(TRANSITIONAL_TYPES) {
        Some(name) if strict => format!("{STRICT_TYPES}{name}"),
        _ => rel_type.to_string(),
    };
    let rel_type = rel_type.as_str();
    let id = new_relationship_id(&rels.root);
    let prefix = prefix_of(&rels.root);
    let element = Element::new(RELS_NS, &xml_tree::qname(&prefix, "Relationship"))
        .attr("Id", &id)
        .attr("Type", rel_type)
        .attr("Target", target);
    rels.root.children.push(Node::Element(element));
    true
}

/// An empty relationships part.
pub fn empty_rels() -> XmlDoc {
    XmlDoc {
        prolog: PROLOG.to_string(),
        root: Element::new(RELS_NS, "Relationships").attr("xmlns", RELS_NS),
    }
}

/// Edits a `[Content_Types].xml` tree: the main part typed as a document (not a
/// template) and an `Override` for each of `added` (part name, content type) it lacks.
/// Returns true if and only if anything changed.
pub fn content_types(doc: &mut XmlDoc, main: &str, added: &[(String, &str)]) -> bool {
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
    let prefix = prefix_of(&doc.root);
    for (part, content_type) in added {
        let name = format!("/{part}");
        let present = doc.root.elements().any(|e| {
            e.local() == "Override"
                && e.get("PartName").is_some_and(|p| p.eq_ignore_ascii_case(&name))
        });
        if !present {
            let element = Element::new(CT_NS, &xml_tree::qname(&prefix, "Override"))
                .attr("PartName", &name)
                .attr("ContentType", content_type);
            doc.root.children.push(Node::Element(element));
            changed = true;
        }
    }
    changed
}

/// The prefix of an element's name, `""` when it has none.
fn prefix_of(element: &Element) -> String {
    element.name.split_once(':').map(|(p, _)| p.to_string()).unwrap_or_default()
}

/// A new, empty core properties part.
pub fn empty_core() -> XmlDoc {
    XmlDoc {
        prolog: PROLOG.to_string(),
        root: Element::new(CP_NS, "cp:coreProperties").attr("xmlns:cp", CP_NS),
    }
}

/// Sets the title and, when given, the creation and modification times (a W3CDTF
/// timestamp, see [`w3cdtf`]) of a core properties tree.
pub fn core_properties(doc: &mut XmlDoc, title: Option<&str>, timestamp: Option<&str>) {
    let dc = xml_tree::ensure_prefix(&mut doc.root, DC_NS, "dc");
    let dcterms = xml_tree::ensure_prefix(&mut doc.root, DCTERMS_NS, "dcterms");
    if let Some(title) = title {
        set_property(&mut doc.root, DC_NS, &dc, "title", title, None);
    }
    if let Some(timestamp) = timestamp {
        let xsi = xml_tree::ensure_prefix(&mut doc.root, XSI_NS, "xsi");
        let kind = (format!("{xsi}:type"), format!("{dcterms}:W3CDTF"));
        for local in ["created", "modified"] {
            set_property(
                &mut doc.root,
                DCTERMS_NS,
                &dcterms,
                local,
                timestamp,
                Some(&kind),
            );
        }
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
        let element = Element::new(ns, &xml_tree::qname(prefix, local));
        root.children.push(Node::Element(element));
    }
    let Some(element) = root.elements_mut().find(|e| e.is(ns, local)) else { return };
    if let Some((name, val)) = attr {
        element.set(name, val);
    }
    element.children = vec![Node::Text(xml_tree::escape(value).into())];
}

/// Formats seconds since the Unix epoch as a W3CDTF UTC timestamp.
pub fn w3cdtf(seconds: i64) -> String {
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
    use crate::rel_types;

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
        let mut doc = xml_tree::parse(text.as_bytes(), "ct").unwrap();
        content_types(
            &mut doc,
            "word/document.xml",
            &[("word/numbering.xml".to_string(), NUMBERING)],
        );
        let out = xml_tree::serialize(&doc);
        assert!(out.contains(DOCUMENT_MAIN) && !out.contains(TEMPLATE_MAIN), "{out}");
        assert!(out.contains(r#"<Override PartName="/word/numbering.xml""#), "{out}");
    }

    // A Strict relationship counts as the Transitional one: none is added beside it.
    #[test]
    fn strict_relationship_is_found() {
        let text = format!(
            r#"<Relationships xmlns="{RELS_NS}"><Relationship Id="rId7" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/numbering" Target="num.xml"/></Relationships>"#
        );
        let mut rels = xml_tree::parse(text.as_bytes(), "rels").unwrap();
        assert_eq!(
            relationship_target(&rels.root, rel_types::NUMBERING).as_deref(),
            Some("num.xml")
        );
        assert!(!add_relationship(&mut rels, rel_types::NUMBERING, "numbering.xml"));
        assert!(add_relationship(&mut rels, rel_types::STYLES, "styles.xml"));
        let out = xml_tree::serialize(&rels);
        assert!(out.contains(r#"Id="rId8""#), "{out}");
        // Added in the Strict form, as the part's other relationships are.
        assert!(out.contains(&format!(r#"Type="{STRICT_TYPES}styles""#)), "{out}");
    }
}

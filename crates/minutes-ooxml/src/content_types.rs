//! `[Content_Types].xml` (ECMA-376 Part 2, Open Packaging Conventions).

use std::collections::HashMap;

use quick_xml::{events::Event, Reader};

use crate::{Error, Result};

const PART: &str = "[Content_Types].xml";

/// The content types of a package: defaults by extension and overrides by part name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContentTypes {
    defaults: HashMap<String, String>,
    overrides: Vec<(String, String)>,
}

impl ContentTypes {
    /// Parses `[Content_Types].xml`.
    pub fn parse(bytes: &[u8]) -> Result<ContentTypes> {
        let mut reader = Reader::from_reader(bytes);
        let mut types = ContentTypes::default();
        loop {
            let event = reader
                .read_event()
                .map_err(|e| Error::xml(PART, reader.error_position(), e))?;
            match event {
                Event::Start(e) | Event::Empty(e) => {
                    let local = e.local_name();
                    let (mut key, mut value) = (String::new(), String::new());
                    for attr in e.attributes().with_checks(false).flatten() {
                        let text = String::from_utf8_lossy(&attr.value).into_owned();
                        match attr.key.local_name().as_ref() {
                            b"Extension" | b"PartName" => key = text,
                            b"ContentType" => value = text,
                            _ => {}
                        }
                    }
                    match local.as_ref() {
                        b"Default" => {
                            types.defaults.insert(key.to_lowercase(), value);
                        }
                        b"Override" => types
                            .overrides
                            .push((key.trim_start_matches('/').to_lowercase(), value)),
                        _ => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(types)
    }

    /// The content type of a part: its override, else the default for its extension.
    pub fn content_type(&self, part: &str) -> Option<&str> {
        let key = part.trim_start_matches('/').to_lowercase();
        if let Some((_, value)) = self.overrides.iter().find(|(name, _)| *name == key) {
            return Some(value);
        }
        let ext = key.rsplit_once('.').map(|(_, ext)| ext)?;
        self.defaults.get(ext).map(String::as_str)
    }

    /// The first overridden part with this content type (lower-cased, no leading `/`).
    pub fn part_with_type(&self, content_type: &str) -> Option<&str> {
        self.overrides
            .iter()
            .find(|(_, value)| value.eq_ignore_ascii_case(content_type))
            .map(|(name, _)| name.as_str())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]

    use super::*;

    // Overrides win over defaults.
    #[test]
    fn overrides_and_defaults() {
        let xml = br#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="main"/></Types>"#;
        let types = ContentTypes::parse(xml).unwrap();
        assert_eq!(types.content_type("word/document.xml"), Some("main"));
        assert_eq!(types.content_type("/word/styles.xml"), Some("application/xml"));
        assert_eq!(types.part_with_type("main"), Some("word/document.xml"));
    }
}

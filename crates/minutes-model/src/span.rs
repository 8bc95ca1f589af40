//! Places in a draft: where a block, a decision or a diagnostic comes from.
//!
//! One type from the reader to the last output: readers stamp every Flow block with a
//! [`Span`], the recogniser hands it on to the model's blocks and diagnostics, and only the
//! outputs turn it into text — `line 128` in the JSON `location` field and the CSV
//! `location` column, `file:128:` or `file:¶19:` on the command line
//! ([`Span::jump_form`]).

use std::{fmt, sync::Arc};

use serde::{Deserialize, Serialize};

/// Where something starts in its source.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Span {
    /// A 1-based line of a text file (text, HTML, Markdown, CSV): `line 128`.
    Line(u32),
    /// A 1-based paragraph (block) index within a package part, e.g. `word/document.xml`:
    /// `paragraph 40`.
    Paragraph {
        /// The part name inside the package; shared, as every block of a part names it.
        part: Arc<str>,
        /// The 1-based index of the top-level block (paragraph or table) in the part.
        index: u32,
    },
    /// A 1-based row of a spreadsheet: `row 5 of Sheet1`.
    Row {
        /// The sheet's name; shared, as every row of a sheet names it.
        sheet: Arc<str>,
        /// The 1-based row number, as the spreadsheet shows it.
        row: u32,
    },
    /// A place known only as text: a JSON model written by hand or by an older version
    /// whose `location` is none of the forms above. Printed as written.
    Described(Arc<str>),
    /// No place is known (a block made by a writer, a model without locations).
    #[default]
    Unknown,
}

/// The parts whose paragraphs are the body: their spans print without the part's name.
const BODY_PARTS: [&str; 2] = ["word/document.xml", "WordDocument"];

/// Getters
impl Span {
    /// The 1-based line number, for text sources.
    pub fn line(&self) -> Option<u32> {
        match self {
            Span::Line(line) => Some(*line),
            _ => None,
        }
    }

    /// Returns true if and only if no place is known.
    pub fn is_unknown(&self) -> bool {
        matches!(self, Span::Unknown)
    }

    /// The form printed after `file:` in diagnostics, which editors and readers can jump
    /// to: `128` for a line (the `file:line:` convention of compilers and grep), `¶19` for
    /// paragraph 19 of a Word draft's body, `word/footnotes.xml¶3` for another part,
    /// `Sheet1!5` for row 5 of a sheet (a spreadsheet's own reference form; names other
    /// than letters, digits, `_` and `.` are quoted, `'My sheet'!5`), the text itself for
    /// a described place; `None` when no place is known.
    pub fn jump_form(&self) -> Option<String> {
        match self {
            Span::Line(line) => Some(line.to_string()),
            Span::Paragraph { part, index } if BODY_PARTS.contains(&&**part) => {
                Some(format!("¶{index}"))
            }
            Span::Paragraph { part, index } => Some(format!("{part}¶{index}")),
            Span::Row { sheet, row } => {
                let plain =
                    sheet.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.');
                Some(if plain && !sheet.is_empty() {
                    format!("{sheet}!{row}")
                } else {
                    format!("'{}'!{row}", sheet.replace('\'', "''"))
                })
            }
            Span::Described(text) => Some(text.trim().to_string()),
            Span::Unknown => None,
        }
        .filter(|form| !form.is_empty())
    }
}

/// Reading the text form back
impl Span {
    /// The span a `location` text names: the inverse of `Display` (`line 128`,
    /// `paragraph 40`, `paragraph 3 of word/footnotes.xml`, `row 5 of Sheet1`); an empty
    /// text is [`Span::Unknown`], any other text a [`Span::Described`] place.
    pub fn parse(text: &str) -> Span {
        let number = |n: &str| n.parse::<u32>().ok().filter(|n| *n > 0);
        let parsed = if text.is_empty() {
            Some(Span::Unknown)
        } else if let Some(line) = text.strip_prefix("line ") {
            number(line).map(Span::Line)
        } else if let Some(rest) = text.strip_prefix("paragraph ") {
            match rest.split_once(" of ") {
                Some((index, part)) if !BODY_PARTS.contains(&part) => number(index)
                    .map(|index| Span::Paragraph { part: part.into(), index }),
                Some(_) => None,
                None => number(rest).map(|index| Span::Paragraph {
                    part: Arc::from(BODY_PARTS[0]),
                    index,
                }),
            }
        } else if let Some((row, sheet)) =
            text.strip_prefix("row ").and_then(|rest| rest.split_once(" of "))
        {
            number(row).map(|row| Span::Row { sheet: sheet.into(), row })
        } else {
            None
        };
        parsed.unwrap_or_else(|| Span::Described(text.into()))
    }
}

impl fmt::Display for Span {
    /// The text form the JSON `location` field and the CSV `location` column carry:
    /// `line 128`, `paragraph 40` (the body of a Word draft), `paragraph 3 of
    /// word/footnotes.xml`, `row 5 of Sheet1`; nothing when unknown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Span::Line(line) => write!(f, "line {line}"),
            Span::Paragraph { part, index } if BODY_PARTS.contains(&&**part) => {
                write!(f, "paragraph {index}")
            }
            Span::Paragraph { part, index } => write!(f, "paragraph {index} of {part}"),
            Span::Row { sheet, row } => write!(f, "row {row} of {sheet}"),
            Span::Described(text) => f.write_str(text),
            Span::Unknown => Ok(()),
        }
    }
}

impl From<&str> for Span {
    /// [`Span::parse`].
    fn from(text: &str) -> Span {
        Span::parse(text)
    }
}

/// The JSON form of a model's span (DESIGN.md §5): the `location` text every version
/// wrote, and beside it the structured `span` (absent when no place is known or the
/// place is known only as text). Reading prefers `span` and falls back to parsing
/// `location`, so models written before `span` existed load with their places.
///
/// Used as `#[serde(flatten, with = "crate::span::json")]` on a `location: Span` field.
pub(crate) mod json {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::Span;

    #[derive(Serialize)]
    struct Out<'a> {
        location: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        span: Option<&'a Span>,
    }

    #[derive(Deserialize)]
    struct In {
        #[serde(default)]
        location: Option<String>,
        #[serde(default)]
        span: Option<Span>,
    }

    pub(crate) fn serialize<S: Serializer>(
        span: &Span,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let structured = !matches!(span, Span::Unknown | Span::Described(_));
        Out { location: span.to_string(), span: structured.then_some(span) }
            .serialize(serializer)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Span, D::Error> {
        let input = In::deserialize(deserializer)?;
        Ok(match (input.span, input.location) {
            (Some(span), _) => span,
            (None, Some(location)) => Span::parse(&location),
            (None, None) => Span::Unknown,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    // Every text form reads back as the span that printed it.
    #[test]
    fn text_round_trip() {
        for span in [
            Span::Line(128),
            Span::Paragraph { part: "word/document.xml".into(), index: 40 },
            Span::Paragraph { part: "word/footnotes.xml".into(), index: 3 },
            Span::Row { sheet: "Tdoc list".into(), row: 5 },
            Span::Described("slide 4".into()),
            Span::Unknown,
        ] {
            assert_eq!(Span::parse(&span.to_string()), span, "{span}");
        }
        // `.doc` drafts print as the body, and read back as a Word body paragraph.
        let doc = Span::Paragraph { part: "WordDocument".into(), index: 7 };
        assert_eq!(doc.to_string(), "paragraph 7");
        assert_eq!(doc.jump_form().as_deref(), Some("¶7"));
        assert_eq!(Span::parse("line 0"), Span::Described("line 0".into()));
    }

    // The places printed after `file:` on the command line.
    #[test]
    fn jump_forms() {
        let form = |span: Span| span.jump_form();
        assert_eq!(form(Span::Line(12)).as_deref(), Some("12"));
        assert_eq!(
            form(Span::Paragraph { part: "word/document.xml".into(), index: 19 })
                .as_deref(),
            Some("¶19")
        );
        assert_eq!(
            form(Span::Paragraph { part: "word/footnotes.xml".into(), index: 2 })
                .as_deref(),
            Some("word/footnotes.xml¶2")
        );
        assert_eq!(
            form(Span::Row { sheet: "Sheet1".into(), row: 5 }).as_deref(),
            Some("Sheet1!5")
        );
        assert_eq!(
            form(Span::Row { sheet: "Bob's list".into(), row: 5 }).as_deref(),
            Some("'Bob''s list'!5")
        );
        assert_eq!(form(Span::Unknown), None);
        assert_eq!(form(Span::Described(" ".into())), None);
    }

    // The JSON keeps the `location` text and adds `span`; models written before `span`
    // existed load with their places, and text that names no place survives as written.
    #[test]
    fn json_old_and_new() {
        let old = r#"{"type": "paragraph", "text": "x", "location": "paragraph 3 of word/footnotes.xml"}"#;
        let block: crate::Block = serde_json::from_str(old).unwrap();
        let footnote = Span::Paragraph { part: "word/footnotes.xml".into(), index: 3 };
        assert_eq!(block.location(), &footnote);
        let json = serde_json::to_string(&block).unwrap();
        assert_eq!(
            json,
            r#"{"type":"paragraph","text":"x","location":"paragraph 3 of word/footnotes.xml","span":{"paragraph":{"part":"word/footnotes.xml","index":3}}}"#
        );
        for (json, span) in [
            (
                r#"{"severity":"note","location":"slide 4","message":"m"}"#,
                Span::Described("slide 4".into()),
            ),
            (r#"{"severity":"note","location":"","message":"m"}"#, Span::Unknown),
            (
                r#"{"severity":"note","location":"row 2 of S","span":{"line":9},"message":"m"}"#,
                Span::Line(9),
            ),
        ] {
            let diagnostic: crate::Diagnostic = serde_json::from_str(json).unwrap();
            assert_eq!(diagnostic.location, span, "{json}");
        }
        let unknown = crate::Diagnostic::note(Span::Unknown, "m");
        assert_eq!(
            serde_json::to_string(&unknown).unwrap(),
            r#"{"severity":"note","location":"","message":"m"}"#
        );
    }

    proptest::proptest! {
        // Any `location` text reads as a span that prints back to a text reading as the
        // same span; text that names no place is kept as written.
        #[test]
        fn any_text_reads_back(text in "(line |paragraph |row )?[0-9]{0,3}( of [a-z/.]{0,8})?|.{0,12}") {
            let span = Span::parse(&text);
            proptest::prop_assert_eq!(Span::parse(&span.to_string()), span.clone());
            if let Span::Described(described) = &span {
                proptest::prop_assert_eq!(&**described, text.as_str());
            }
        }
    }
}

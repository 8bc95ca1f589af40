//! Readers: bytes of a draft (DOCX, Word 97–2003 `.doc`, plain text, HTML, XLSX, Markdown)
//! into the
//! format-neutral Flow.
//!
//! # Overview
//! [`read_text`] decodes a text export (UTF-8 with or without BOM, UTF-16 with BOM,
//! Windows-1252 fallback) and turns its lines into blocks; it never fails.
//! [`read_docx`] streams a WordprocessingML package into the same blocks, and
//! [`read_doc`] reads a Word 97–2003 binary document into them too.
//! [`read_html`] walks an HTML page (Excel's and Word's exports among them),
//! [`read_xlsx`] a workbook's sheets, [`read_markdown`] CommonMark with GFM tables,
//! [`read_csv`] a comma-separated list as one table.
//! All return the [`Flow`](minutes_flow::Flow) with the recoverable problems met on the
//! way, in a [`Warned`](minutes_flow::Warned). [`package_kind`] tells a zip package's
//! kind from its entry names.
//!
//! ```
//! let flow = minutes_read::read_text("1\nOpening\n".as_bytes()).output;
//! assert_eq!(flow.blocks.len(), 1);
//! ```
#![deny(missing_docs)]

mod charset;
mod csv_table;
mod doc;
mod docx;
mod error;
#[cfg(feature = "html")]
mod html;
mod markdown;
mod status_map;
mod text;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use crate::{
    csv_table::read_csv,
    doc::{check_doc, read_doc, DocOptions},
    docx::{document_created, read_docx, DocxOptions},
    error::{Error, ErrorKind, Result},
    markdown::read_markdown,
    status_map::{read_status_map, StatusMapError},
    text::{decode_text, read_text, Decoded},
};

#[cfg(feature = "html")]
pub use crate::html::read_html;
#[cfg(feature = "xlsx")]
pub use crate::xlsx::read_xlsx;
/// A zip package's kind from its entry names (the package layer's).
pub use minutes_ooxml::{package_kind, PackageKind};

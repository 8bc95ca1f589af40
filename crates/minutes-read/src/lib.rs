//! Readers: bytes of a draft (DOCX package or plain text) into the format-neutral Flow.
//!
//! # Overview
//! [`read_text`] decodes a text export (UTF-8 with or without BOM, UTF-16 with BOM,
//! Windows-1252 fallback) and turns its lines into blocks; it never fails.
//! [`read_docx`] streams a WordprocessingML package into the same blocks.
//! Both return the [`Flow`](minutes_flow::Flow) with the recoverable problems met on the
//! way, in a [`Warned`](minutes_flow::Warned).
//!
//! ```
//! let flow = minutes_read::read_text("1\nOpening\n".as_bytes()).output;
//! assert_eq!(flow.blocks.len(), 1);
//! ```
#![deny(missing_docs)]

mod docx;
mod error;
mod text;

pub use crate::{
    docx::{document_created, read_docx, DocxOptions},
    error::{Error, ErrorKind, Result},
    text::{decode_text, read_text, Decoded},
};

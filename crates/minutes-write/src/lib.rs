//! Writers: a Meeting into the documents people use.
//!
//! # Overview
//! - [`write_docx`]: the official oneM2M minutes, filling a [`Template`] package
//!   ([`write_docx_to`] streams them into a file).
//! - [`write_dispositions`]: the portal CSV (DESIGN.md §6), shaped by [`CsvOptions`].
//! - [`write_markdown`]: the meeting as Markdown with GitHub tables.
//! - [`agenda_of`], [`next_agenda`], [`agenda_from_contributions`]: agendas as meetings
//!   without discussion, for the same DOCX writer.
//!
//! JSON is the model's own serde form: [`minutes_model::Meeting::to_json`].
#![deny(missing_docs)]

mod agenda;
mod csv;
mod docx;
mod error;
mod markdown;

pub use crate::{
    agenda::{agenda_from_contributions, agenda_of, next_agenda, write_agenda},
    csv::{write_dispositions, Column, CsvOptions},
    docx::{write_docx, write_docx_to, DocxWriteOptions, Template},
    error::{Error, ErrorKind, Result},
    markdown::write_markdown,
};

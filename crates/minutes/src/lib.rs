//! The minutes pipeline behind one API: draft bytes in, Meeting and documents out.
//!
//! # Steps
//! 1. [`sniff`] decides what the bytes are: a DOCX package, an XLSX workbook, an HTML
//!    page, Markdown, a JSON model, or text; other formats are refused by name.
//! 2. A reader ([`minutes_read::read_docx`], [`minutes_read::read_text`],
//!    [`minutes_read::read_html`], [`minutes_read::read_xlsx`],
//!    [`minutes_read::read_markdown`]) turns them into a
//!    [`Flow`] of format-neutral blocks.
//! 3. [`minutes_recognise::recognise`] turns the Flow into a [`Meeting`]; [`load`] does
//!    steps 1–3 and keeps the readers' warnings among the meeting's diagnostics. A JSON
//!    model skips steps 2 and 3.
//! 4. Writers render the Meeting: [`minutes_write::write_docx`] (official minutes),
//!    [`minutes_write::write_dispositions`] (portal CSV), [`minutes_write::write_markdown`],
//!    [`Meeting::to_json`].
//!
//! ```
//! let loaded = minutes::load(b"1\nReview of Agenda\nSEC-2018-0061R04 was AGREED\n").unwrap();
//! assert_eq!(loaded.format, minutes::InputFormat::Text);
//! assert_eq!(loaded.meeting.dispositions().len(), 1);
//! ```
#![deny(missing_docs)]

mod contributions;
mod error;
mod load;

pub use minutes_flow::{self as flow, Flow};
pub use minutes_model::{self as model, Meeting};
pub use minutes_read as read;
pub use minutes_recognise as recognise;
pub use minutes_write as write;

pub use crate::{
    contributions::load_contributions,
    error::{Error, ErrorKind, Result},
    load::{
        load, load_named, load_with, read_flow, read_flow_named, sniff, sniff_named,
        InputFormat, Loaded,
    },
};

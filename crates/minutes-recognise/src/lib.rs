//! Recogniser: the format-neutral Flow into the Meeting model, with diagnostics.
//!
//! # Overview
//! [`recognise`] walks a [`Flow`](minutes_flow::Flow) once and builds a
//! [`Meeting`](minutes_model::Meeting): the cover sheet from the blocks before the first
//! numbered heading, the section tree from the headings, and in each section the
//! contribution tables, document headings, decisions, action items and planned meetings.
//! All knowledge of what minutes look like lives here, once, for every input format.
//!
//! It never invents a decision: a line is a decision only when it names a Tdoc and a status
//! in one of the recognised phrasings (see [`parse_decision`]); lines that look like one
//! but are not recognised, typos it corrects and documents left without a decision are
//! reported as diagnostics with their location.
//!
//! ```
//! use minutes_flow::{Block, Flow, Span};
//! let flow = Flow::new(vec![
//!     Block::heading(1, Some("2".into()), "Review of Agenda", Span::Line(1)),
//!     Block::paragraph("AGREED - SEC-2015-0524R02- SEC_17_Agenda", Span::Line(2)),
//! ]);
//! let meeting = minutes_recognise::recognise(&flow);
//! let dispositions = meeting.dispositions();
//! assert_eq!(dispositions[0].tdoc.to_string(), "SEC-2015-0524R02");
//! assert_eq!(dispositions[0].status.as_str(), "Agreed");
//! ```
#![deny(missing_docs)]

mod agenda_table;
mod body;
mod checks;
mod context;
mod contribution_list;
mod cover;
mod cover_prose;
mod decision;
mod discussion;
mod entry;
mod heading;
mod options;
mod phrasebook;
mod planning;
mod scan;
mod sections;
mod tables;
mod text;

pub use crate::{
    contribution_list::{contribution_list, ListError},
    decision::{parse_decision, parse_decisions, ParsedDecision},
    options::{recognise_with, Options},
    phrasebook::{builtin as builtin_phrasebook, Phrasebook, PhrasebookError},
    sections::{
        cover_extent, looks_like_minutes, model_diagnostic, recognise, NOT_MINUTES,
    },
};

#[cfg(test)]
mod tests;

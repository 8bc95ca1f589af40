//! The canonical model of a meeting's minutes, shared by every reader and writer.
//!
//! # Overview
//! A [`Meeting`] holds the [`Cover`] sheet, the tree of [`Section`]s (each with its
//! [`Contribution`] table and its discussion [`Block`]s, among them [`Decision`]s), the
//! [`ActionItem`]s, the planned [`NextMeeting`]s and the [`Diagnostic`]s raised while
//! recognising it. [`Meeting::dispositions`] derives the flat list of [`Disposition`]s
//! (one per decided document revision) that the portal CSV is made of.
//!
//! Document identifiers are [`Tdoc`]s, parsed tolerantly and stored normalised.
//! The model knows no input or output format; its JSON form (DESIGN.md §5) is its serde
//! form, and [`Meeting::from_json`] reads back exactly what [`Meeting::to_json`] wrote.
//!
//! ```
//! use minutes_model::{Status, Tdoc};
//! let tdoc: Tdoc = "SEC-2015-0524R02".parse().unwrap();
//! assert_eq!(tdoc.base().to_string(), "SEC-2015-0524");
//! assert_eq!(Status::from_phrase("Dispensation to be handled in TP"), Some(Status::DispensationToTp));
//! ```
#![deny(missing_docs)]

mod cover;
mod disposition;
mod error;
mod hash;
mod meeting;
mod span;
mod status;
mod status_map;
mod tdoc;

pub use crate::{
    cover::CoverField,
    disposition::Disposition,
    error::{Error, ErrorKind, Result},
    hash::{FxBuildHasher, FxHashMap, FxHashSet, FxHasher},
    meeting::{
        ActionItem, Block, Contribution, ContributionIndex, Cover, Decision,
        DecisionLinks, Diagnostic, DocumentDetails, DocumentHeading, ListedContribution,
        Meeting, NextMeeting, Purpose, Section, Severity,
    },
    span::Span,
    status::Status,
    status_map::StatusMap,
    tdoc::{
        find_abbreviations, find_first_tdoc, find_tdocs, leading_tdoc_spans, tdoc_spans,
        ParseTdocError, Scheme, Tdoc, TdocMatch, TdocRef, TdocSpan, TdocSpans,
    },
};

//! Flow: the format-neutral blocks that every reader produces and the recogniser consumes.
//!
//! # Overview
//! A [`Flow`] is an ordered list of [`Block`]s: [`BlockKind::Heading`],
//! [`BlockKind::Paragraph`], [`BlockKind::ListItem`] and [`BlockKind::Table`] (whose
//! [`Cell`]s hold blocks again). Every block carries the [`Span`] it came from, so a
//! diagnostic raised three stages later still points at the source line. Readers report
//! recoverable problems as [`Diagnostic`]s beside their output, in a [`Warned`].
//!
//! Readers know formats, not meetings: nothing here knows what a Tdoc or a decision is.
//!
//! ```
//! use minutes_flow::{Block, Flow, Span};
//! let flow = Flow::new(vec![
//!     Block::heading(1, Some("6.3".into()), "Other Contributions", Span::Line(324)),
//!     Block::paragraph("SEC-2018-0062R02 was NOTED", Span::Line(323)),
//! ]);
//! assert_eq!(flow.blocks.len(), 2);
//! ```
#![deny(missing_docs)]

mod block;
mod blocks;
mod diag;
mod inline;
mod render;

pub use crate::{
    block::{Block, BlockKind, Cell, Flow, Row, Table},
    blocks::Blocks,
    diag::{Diagnostic, Severity, Span, Warned},
    inline::{normalise_inline, normalise_inline_owned},
    render::render_flow,
};

//! DOCX plumbing shared by the reader and the writer: zip parts, relationships, content
//! types and namespace-aware XML helpers. Knows neither Flow nor Meeting.
//!
//! # Overview
//! [`Package`] opens an OPC package (a zip) from bytes with [`Limits`] against hostile
//! input, reads parts by name with the size cap enforced while inflating, and finds the
//! main document part through the `officeDocument` relationship of `_rels/.rels`;
//! [`PartStream`] inflates a part on demand, for readers that may stop early.
//! [`Relationships`] parses a `.rels` part and resolves relative or absolute targets;
//! [`ContentTypes`] parses `[Content_Types].xml`. The [`xml`] module classifies
//! namespace URIs (Transitional and Strict) and reads attributes by namespace.
//!
//! ```
//! use minutes_ooxml::{Limits, Package};
//! assert!(Package::open(b"not a zip", Limits::default()).is_err());
//! ```
#![deny(missing_docs)]

mod content_types;
mod error;
mod package;
mod rels;
mod stream;
pub mod xml;

pub use crate::{
    content_types::ContentTypes,
    error::{Error, ErrorKind, Result},
    package::{Limits, Package},
    rels::{part_rels_name, resolve_target, Relationship, Relationships},
    stream::PartStream,
};

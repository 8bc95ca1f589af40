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
//! For writing, [`xml_tree`] parses a part into a tree that is edited in place and written
//! back with everything untouched kept as written; [`edit`] edits the bookkeeping parts
//! (relationships, content types, core properties) as such trees; [`write_package`]
//! writes a package filled from another, copying untouched parts raw.
//!
//! ```
//! use minutes_ooxml::{Limits, Package};
//! assert!(Package::open(b"not a zip", Limits::default()).is_err());
//! ```
#![deny(missing_docs)]

mod content_types;
pub mod edit;
mod error;
mod package;
mod package_kind;
mod rels;
mod stream;
mod write;
pub mod xml;
pub mod xml_tree;

pub use crate::{
    content_types::ContentTypes,
    error::{Error, ErrorKind, Result},
    package::{part_key, Limits, Package},
    package_kind::{package_kind, PackageKind},
    rels::{
        is_rel_type, part_dir, part_rels_name, rel_types, resolve_target, Relationship,
        Relationships, RELS_NS,
    },
    stream::PartStream,
    write::{write_package, Rewrites},
};

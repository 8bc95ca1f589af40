//! The minutes pipeline in the browser: `convert`, `dispositions`, `agenda` and `inspect`
//! take a draft's bytes and return the output's bytes with a [`Report`] (diagnostics and a
//! summary of the recognised meeting), for the static page in `web/`.
//!
//! # Overview
//! - [`run`]: the four operations in plain Rust, as the `minutes` command does them:
//!   same facade calls, same options, so the bytes are the command's bytes.
//! - [`Report`]: what the page shows besides the downloads.
//! - [`bindings`]: the same operations for JavaScript (`wasm-bindgen`), errors thrown as
//!   `Error` with the command's message.
//!
//! No logic of minutes lives here: this crate only passes bytes and options to the facade.
//!
//! ```
//! let draft = b"1\nReview of Agenda\nSEC-2018-0061R04 was AGREED\n";
//! let csv = minutes_web::run::dispositions(draft, "draft.txt", &Default::default()).unwrap();
//! assert!(String::from_utf8(csv.bytes).unwrap().contains("SEC-2018-0061R04"));
//! assert_eq!(csv.report.summary.dispositions, 1);
//! ```
#![deny(missing_docs)]

pub mod bindings;
mod report;
pub mod run;

pub use crate::report::{DiagnosticView, Report, StatusCount, Summary};

//! The readers' error type: the package layer's, one kind for both (a text draft never
//! fails; a DOCX fails only where its package does).

pub use minutes_ooxml::{Error, ErrorKind, Result};

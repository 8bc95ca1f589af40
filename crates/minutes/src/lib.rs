//! The minutes pipeline behind one API.
#![deny(missing_docs)]

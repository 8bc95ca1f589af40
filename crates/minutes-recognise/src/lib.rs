//! Recogniser: Flow into Meeting.
#![deny(missing_docs)]

//! DOCX plumbing shared by the reader and the writer: zip parts, relationships, content
//! types and namespace-aware XML helpers. Knows neither Flow nor Meeting.
#![deny(missing_docs)]
